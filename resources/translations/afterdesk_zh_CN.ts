<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="60"/>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="68"/>
        <source>When on the platform</source>
        <translation>平台上的发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="71"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="91"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="91"/>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="94"/>
        <source>— unchanged —</source>
        <translation>— 不变 —</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="125"/>
        <source>Fill in the fields marked *: {0}.</source>
        <translation>请填写带 * 的字段：{0}。</translation>
    </message>
</context>
<context>
    <name>AdvisorPanel</name>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="26"/>
        <source>Refund or resend? (GEN-2)</source>
        <translation>退款还是补发？（GEN-2）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="45"/>
        <source>Product cost</source>
        <translation>商品成本</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="46"/>
        <source>Shipping cost</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="47"/>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="48"/>
        <source>Proposed refund</source>
        <translation>拟退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="49"/>
        <source>If we refund</source>
        <translation>若退款</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="50"/>
        <source>If we resend</source>
        <translation>若补发</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="51"/>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="75"/>
        <source>Enter the product cost, shipping cost, profit and the proposed refund.</source>
        <translation>请输入商品成本、运费、利润和拟退款金额。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="87"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="87"/>
        <source>Resend</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="88"/>
        <source>{0} — loses {1} less</source>
        <translation>{0} — 少亏 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="89"/>
        <source>{0} — both cost the same</source>
        <translation>{0} — 两者损失相同</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="97"/>
        <source>{0}{1} (profit kept)</source>
        <translation>{0}{1}（仍有利润）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="98"/>
        <source>{0} (loss)</source>
        <translation>{0}（亏损）</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../ui/alert_banner.py" line="25"/>
        <source>Show deadlines</source>
        <translation>查看时限</translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="26"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="65"/>
        <source>and {0} more</source>
        <translation>另有 {0} 条</translation>
    </message>
</context>
<context>
    <name>AlertsTab</name>
    <message>
        <location filename="../../ui/settings_dialog/alerts_tab.py" line="29"/>
        <source>Alert lead times in hours</source>
        <translation>提前提醒的小时数</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/alerts_tab.py" line="35"/>
        <source>AfterDesk warns you this many hours before a deadline is due, once for each number, e.g. 24, 4, 1. The Deadlines page marks deadlines within the largest.</source>
        <translation>售后工作台会在时限到期前这么多小时提醒您，每个数字提醒一次，例如 24, 4, 1。“时限”页会标出最大提前量以内的时限。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/alerts_tab.py" line="40"/>
        <source>&amp;Warn before (hours):</source>
        <translation>提前提醒（小时）(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/alerts_tab.py" line="47"/>
        <source>Enter whole hours from 1 to 720, separated by commas.</source>
        <translation>请输入 1 到 720 之间的整数小时，用逗号分隔。</translation>
    </message>
</context>
<context>
    <name>BuyerClock</name>
    <message>
        <location filename="../../ui/conversation/buyer_clock.py" line="81"/>
        <source>Buyer&apos;s local time: %1 %2 (%3, %4)</source>
        <translation>买家当地时间：%1 %2（%3，%4）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/buyer_clock.py" line="87"/>
        <source>● daytime there</source>
        <translation>● 当地白天</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/buyer_clock.py" line="89"/>
        <source>● night there: outside %1–%2</source>
        <translation>● 当地夜间：不在 %1–%2 之间</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/buyer_clock.py" line="93"/>
        <source>Follow-ups go out inside the buyer&apos;s daytime, %1–%2 their time.</source>
        <translation>跟进消息在买家的白天发出，即买家当地时间 %1–%2。</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="19"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="31"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="19"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="35"/>
        <source>Declared as</source>
        <translation>设为</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="20"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="38"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="21"/>
        <source>Working-day corrections</source>
        <translation>工作日调整</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="33"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="67"/>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="34"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="67"/>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="37"/>
        <source>e.g. make-up Saturday after Spring Festival</source>
        <translation>例如：春节后的调休周六</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="39"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="41"/>
        <source>Re&amp;move selected</source>
        <translation>删除所选(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="51"/>
        <source>Platform deadlines in working days follow China&apos;s official calendar. When a holiday or a make-up working day is announced late, declare it here.</source>
        <translation>按工作日计算的平台时限遵循中国法定节假日安排。若节假日或调休工作日公布较晚，请在此处设定。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/table_models/case_table_model.py" line="78"/>
        <source>nothing due</source>
        <translation>无到期时限</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/cases/case_view.py" line="51"/>
        <location filename="../../ui/cases/case_view.py" line="125"/>
        <source>Choose a case in the list.</source>
        <translation>请在列表中选择案件。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="69"/>
        <location filename="../../ui/cases/case_view.py" line="190"/>
        <source>Record a step</source>
        <translation>记录处理步骤</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="75"/>
        <source>Order and buyer</source>
        <translation>订单与买家</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="88"/>
        <source>Cause (GEN-1)</source>
        <translation>责任方（GEN-1）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="99"/>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;时间线&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="146"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="146"/>
        <source>After-sales request</source>
        <translation>售后申请</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="148"/>
        <source> · does not count toward the dispute rate (AE-2)</source>
        <translation> · 不计入纠纷率（AE-2）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="151"/>
        <source>{0} · shop {1} · order {2} · opened {3}</source>
        <translation>{0} · 店铺 {1} · 订单 {2} · 发起于 {3}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="155"/>
        <source>Outcome: {0}</source>
        <translation>结果：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="156"/>
        <source>Protection window: {0}</source>
        <translation>保障期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="191"/>
        <source>Nothing more can be recorded: the case is over</source>
        <translation>案件已结束，无法再记录步骤</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="198"/>
        <source>cost {0} + shipping {1}</source>
        <translation>成本 {0} + 运费 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="199"/>
        <source>costs not recorded</source>
        <translation>未记录成本</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="200"/>
        <source>Order {0} · {1}
paid {2} {3} · {4}</source>
        <translation>订单 {0} · {1}
实付 {2} {3} · {4}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="202"/>
        <source>Files: </source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="204"/>
        <source>Open conversation ({0})</source>
        <translation>打开会话（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="209"/>
        <source>Write to the buyer about this order</source>
        <translation>就此订单联系买家</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="227"/>
        <source>Next: {0} — {1} ({2}, {3})</source>
        <translation>下一时限：{0} — {1}（{2}，{3}）</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="38"/>
        <source>Requests &amp; Disputes</source>
        <translation>售后与纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="39"/>
        <source>No disputes or after-sales requests yet.</source>
        <translation>暂无纠纷或售后申请。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="51"/>
        <source>Open only</source>
        <translation>仅显示未结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="54"/>
        <source>New request…</source>
        <translation>新建售后申请…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="55"/>
        <source>Record dispute…</source>
        <translation>记录纠纷…</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="14"/>
        <source>Complete: %p%</source>
        <translation>完成度：%p%</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="20"/>
        <source>&lt;b&gt;Checklist&lt;/b&gt;</source>
        <translation>&lt;b&gt;检查清单&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="34"/>
        <source>Missing: {0}</source>
        <translation>缺少：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="35"/>
        <source>Nothing missing.</source>
        <translation>没有缺项。</translation>
    </message>
</context>
<context>
    <name>ComplaintPanel</name>
    <message>
        <location filename="../../ui/complaints/panel.py" line="38"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="40"/>
        <source>What is offered: partial refund, coupon, resend…</source>
        <translation>提供的补偿：部分退款、优惠券、补发…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="45"/>
        <source>Record offer</source>
        <translation>记录补偿方案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="48"/>
        <source>Buyer gets</source>
        <translation>买家获得</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="50"/>
        <source>Costs the shop</source>
        <translation>店铺成本</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="55"/>
        <source>Offer</source>
        <translation>补偿方案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="57"/>
        <source>Never trade compensation for a changed review.</source>
        <translation>切勿以补偿换取修改评价。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="59"/>
        <source>Record follow-up…</source>
        <translation>记录跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="64"/>
        <source>Close case…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="69"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="88"/>
        <source>Select a complaint</source>
        <translation>请选择投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="109"/>
        <source>The buyer may file this complaint with the platform until %1.</source>
        <translation>买家可在 %1 之前向平台提交此投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="112"/>
        <source>Next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="114"/>
        <source>Closed with steps skipped: %1</source>
        <translation>已结案，跳过的步骤：%1</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="122"/>
        <source>Late-shipment rule: %1 %2</source>
        <translation>延迟发货规则：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="142"/>
        <source>Skip a step</source>
        <translation>跳过步骤</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="142"/>
        <source>Why is it skipped?</source>
        <translation>为什么跳过？</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="151"/>
        <source>Late-shipment compensation</source>
        <translation>延迟发货补偿</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="158"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="158"/>
        <source>What was said?</source>
        <translation>沟通了什么？</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="167"/>
        <source>Close with steps not done</source>
        <translation>在步骤未完成时结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="168"/>
        <source>%1 step(s) not done. Say why they were skipped:</source>
        <translation>有 %1 个步骤未完成。请说明跳过的原因：</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../ui/pages/complaints_page.py" line="19"/>
        <source>Complaints &amp; Reviews</source>
        <translation>投诉与评价</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints_page.py" line="20"/>
        <source>No complaints or negative reviews. Press New complaint when a buyer complains or leaves a bad review.</source>
        <translation>暂无投诉或差评。买家投诉或留下差评时，请点击“新建投诉”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints_page.py" line="22"/>
        <source>New complaint…</source>
        <translation>新建投诉…</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/conversation/composer.py" line="89"/>
        <source>Write to the buyer…  /shortcut + Tab inserts a quick phrase, Ctrl+Enter sends</source>
        <translation>给买家写消息…  输入 /快捷码 + Tab 插入快捷短语，Ctrl+Enter 发送</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="97"/>
        <source>The channel the answer goes through; it is recorded</source>
        <translation>回复所走的渠道；会被记录</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="101"/>
        <source>Language of the answer (quick phrase variant)</source>
        <translation>回复的语言（快捷短语的语言版本）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="102"/>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="103"/>
        <source>Quick phrase… (Ctrl+K)</source>
        <translation>快捷短语…（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="105"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="120"/>
        <source>via</source>
        <translation>经由</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="176"/>
        <source>No quick phrase has the shortcut /%s.</source>
        <translation>没有快捷码为 /%s 的快捷短语。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="202"/>
        <source>Fill in %s before sending: AfterDesk does not know it for this conversation.</source>
        <translation>发送前请填写 %s：售后工作台不知道此会话的这项内容。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="205"/>
        <source>Remove %s: AfterDesk does not know this placeholder.</source>
        <translation>请删除 %s：售后工作台不认识这个占位符。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="234"/>
        <source>Write a message first.</source>
        <translation>请先写消息。</translation>
    </message>
</context>
<context>
    <name>ConversationsPage</name>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="46"/>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="47"/>
        <source>No conversations yet. Conversations appear here once messages are imported or written.</source>
        <translation>暂无会话。导入或写下消息后，会话会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="50"/>
        <source>Search 退款, refund…</source>
        <translation>搜索 退款、refund…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="60"/>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="147"/>
        <source>Saved views</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="166"/>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="167"/>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash_dialog.py" line="18"/>
        <source>AfterDesk – unexpected problem</source>
        <translation>售后工作台 – 意外问题</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="22"/>
        <source>The details were written to:
{0}</source>
        <translation>详细信息已写入：
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="23"/>
        <source>The details could not be written to a log file.</source>
        <translation>详细信息无法写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="25"/>
        <source>AfterDesk met a problem it did not expect. What you saved before is safe; the last action may not have finished.

{0}

Please send that file to whoever supports AfterDesk for you. If the window misbehaves, close and reopen AfterDesk.</source>
        <translation>售后工作台遇到了一个意外问题。之前保存的内容是安全的；最后一个操作可能没有完成。

{0}

请把该文件发给为您提供售后工作台支持的人员。如果窗口表现异常，请关闭后重新打开售后工作台。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="37"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="41"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="51"/>
        <source>Where your data lives</source>
        <translation>数据存放位置</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="52"/>
        <source>One database file in this folder holds everything; backups go to its &apos;backups&apos; folder.</source>
        <translation>此文件夹中的一个数据库文件保存全部数据；备份存放在其中的 “backups” 文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="55"/>
        <location filename="../../ui/first_run/wizard.py" line="71"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="57"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="65"/>
        <source>Keep the suggested folder unless your shop wants the data elsewhere, for example on a drive that is backed up. Uninstalling AfterDesk leaves this folder in place.</source>
        <translation>除非店铺希望把数据放在别处（例如有备份的磁盘），否则请保留建议的文件夹。卸载售后工作台不会删除此文件夹。</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="29"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="30"/>
        <source>No deadlines to watch. Deadlines of open disputes, after-sales requests and orders appear here.</source>
        <translation>暂无需要关注的时限。未结纠纷、售后申请和订单的时限会显示在这里。</translation>
    </message>
</context>
<context>
    <name>DeadlinesTable</name>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="81"/>
        <source>Due (your time)</source>
        <translation>到期时间（您的时间）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="81"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="81"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="82"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="82"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="108"/>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="108"/>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
</context>
<context>
    <name>DisputeForm</name>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="22"/>
        <source>Record a dispute · 纠纷</source>
        <translation>记录纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="30"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="36"/>
        <source>the platform&apos;s dispute id (optional)</source>
        <translation>平台纠纷编号（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="44"/>
        <source>the buyer&apos;s words (optional)</source>
        <translation>买家原话（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="55"/>
        <source>The buyer&apos;s first refund request was earlier:</source>
        <translation>买家首次申请退款的时间更早：</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="62"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="63"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="65"/>
        <source>Dispute id</source>
        <translation>纠纷编号</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="66"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="67"/>
        <source>Sub-kind</source>
        <translation>子类型</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="68"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="70"/>
        <source>Buyer&apos;s words</source>
        <translation>买家原话</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="71"/>
        <source>Buyer&apos;s proposal</source>
        <translation>买家方案</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="72"/>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="73"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="74"/>
        <source>Opened on the platform</source>
        <translation>平台发起时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="77"/>
        <source>Record dispute</source>
        <translation>记录纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="106"/>
        <source>Order {0} · paid {1} {2}</source>
        <translation>订单 {0} · 实付 {1} {2}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="108"/>
        <source>{0} (at most {1} paid)</source>
        <translation>{0}（不超过实付 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="142"/>
        <source>Does not count toward the dispute rate ({0}).</source>
        <translation>不计入纠纷率（{0}）。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="150"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="151"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="152"/>
        <source>refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="161"/>
        <source>Fill in the fields marked *: {0}.</source>
        <translation>请填写带 * 的字段：{0}。</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="49"/>
        <source>&lt;h2&gt;Evidence&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;证据&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="51"/>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="67"/>
        <source>Add messages…</source>
        <translation>添加消息…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="68"/>
        <source>Add tracking…</source>
        <translation>添加物流轨迹…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="69"/>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="70"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="85"/>
        <source>Fill from template</source>
        <translation>用模板填写</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="85"/>
        <source>Save statement</source>
        <translation>保存陈述</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="96"/>
        <source>&lt;b&gt;Seller&apos;s statement&lt;/b&gt;</source>
        <translation>&lt;b&gt;卖家陈述&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="110"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="113"/>
        <source>Build PDF…</source>
        <translation>生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="114"/>
        <source>Export ZIP…</source>
        <translation>导出 ZIP…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="115"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="116"/>
        <location filename="../../ui/pages/evidence_page.py" line="263"/>
        <source>Mark submitted</source>
        <translation>标为已提交</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="185"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="185"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="188"/>
        <source>no pack yet</source>
        <translation>尚无证据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="209"/>
        <source>Add messages</source>
        <translation>添加消息</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="210"/>
        <source>Messages of this order&apos;s conversations. Internal notes are never shown.</source>
        <translation>此订单相关会话中的消息。内部备注永远不会显示。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="218"/>
        <source>Add tracking</source>
        <translation>添加物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="218"/>
        <source>Tracking events of the order.</source>
        <translation>该订单的物流轨迹。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="226"/>
        <source>Add a photo or PDF</source>
        <translation>添加照片或 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="227"/>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</source>
        <translation>照片和 PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="235"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="236"/>
        <source>What does this file show?</source>
        <translation>这个文件展示了什么？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="242"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="243"/>
        <source>Caption under the file in the pack:</source>
        <translation>证据包中显示在文件下方的说明：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="264"/>
        <source>Freeze this version as handed in to the platform? Later changes make a new version; this one stays as it is.</source>
        <translation>将此版本冻结为已提交给平台的版本？之后的修改会生成新版本；此版本保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="273"/>
        <source>Save evidence pack</source>
        <translation>保存证据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="290"/>
        <source>{0}: {1} pages</source>
        <translation>{0}：{1} 页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="293"/>
        <source>Evidence pack</source>
        <translation>证据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="324"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>FillInPrompt</name>
    <message>
        <location filename="../../ui/conversation/composer.py" line="66"/>
        <source>{%s} is not a placeholder AfterDesk knows: remove it from the text.</source>
        <translation>{%s} 不是售后工作台认识的占位符：请从文本中删除。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="69"/>
        <source>Fill in</source>
        <translation>填写</translation>
    </message>
</context>
<context>
    <name>FiltersBar</name>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="19"/>
        <source>Unreplied</source>
        <translation>未回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="20"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="21"/>
        <source>Open request or dispute</source>
        <translation>有未结售后或纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="22"/>
        <source>Assigned to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="23"/>
        <source>Any star</source>
        <translation>任意星标</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="25"/>
        <source>Any order status</source>
        <translation>任意订单状态</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="27"/>
        <source>Any channel</source>
        <translation>任意渠道</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="29"/>
        <location filename="../../ui/conversation/filters_bar.py" line="52"/>
        <source>Any shop</source>
        <translation>任意店铺</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="148"/>
        <source>Set up AfterDesk</source>
        <translation>设置售后工作台</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="63"/>
        <source>Send follow-up</source>
        <translation>发送跟进</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="66"/>
        <source>Reason: not set</source>
        <translation>原因：未设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="68"/>
        <source>Reason: </source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="70"/>
        <source>Stop following up…</source>
        <translation>停止跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="72"/>
        <source>Buyer&apos;s zone…</source>
        <translation>买家时区…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="73"/>
        <source>Set where the buyer lives when it is not the usual zone of their country</source>
        <translation>买家所在地不在其国家的常用时区时，在此设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="84"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="106"/>
        <source>Select a conversation</source>
        <translation>请选择会话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="124"/>
        <source>%1 follow-ups went unanswered: stop following up and note it.</source>
        <translation>已有 %1 次跟进未获回复：请停止跟进并记录原因。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="127"/>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="129"/>
        <source>Follow-up %1 of %2, suggested by %3 at %4 (your time). Keep it short and clear.</source>
        <translation>第 %1 次跟进（共 %2 次），按 %3 建议于 %4（您的时间）发送。请简短清楚。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="172"/>
        <source>Buyer&apos;s time zone</source>
        <translation>买家时区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="173"/>
        <source>Where does the buyer live? (empty: the country&apos;s zone)</source>
        <translation>买家所在的时区？（留空：使用其国家的时区）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="188"/>
        <source>Stop following up</source>
        <translation>停止跟进</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="189"/>
        <source>Note why (e.g. no answer to 3 follow-ups):</source>
        <translation>请注明原因（例如：3 次跟进均未回复）：</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="204"/>
        <source>Awaiting buyer</source>
        <translation>等待买家</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="205"/>
        <source>No buyer is waiting to answer you. Conversations whose last message is yours appear here with their follow-ups.</source>
        <translation>没有待买家回复的会话。最后一条消息由您发出的会话会连同跟进计划显示在这里。</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="20"/>
        <source>Same as Windows</source>
        <translation>与 Windows 相同</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="24"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="27"/>
        <source>Same as Windows (light or dark)</source>
        <translation>与 Windows 相同（浅色或深色）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="28"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="28"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="31"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="36"/>
        <source>Backups to keep</source>
        <translation>保留的备份数</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="37"/>
        <source>Back up automatically once a day, at start</source>
        <translation>每天启动时自动备份一次</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="42"/>
        <source>Open backups folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="45"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="53"/>
        <source>A new language applies when AfterDesk next starts.</source>
        <translation>新的语言将在下次启动售后工作台时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="60"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="62"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="63"/>
        <source>&amp;Backups to keep:</source>
        <translation>保留备份数(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="65"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <location filename="../../ui/cases/guide_panel.py" line="14"/>
        <source>Checklist (GEN-3)</source>
        <translation>检查清单（GEN-3）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/guide_panel.py" line="16"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../ui/cases/guide_panel.py" line="47"/>
        <source>{0} of {1} done</source>
        <translation>已完成 {0}/{1}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="42"/>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="54"/>
        <source>Taobao only, optional: the item report (宝贝报表)</source>
        <translation>仅淘宝，可选：宝贝报表</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="56"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="57"/>
        <source>Export file</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="58"/>
        <source>Item report</source>
        <translation>宝贝报表</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="60"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="62"/>
        <source>Choose the shop and its export, then press Preview. Nothing is stored before you press Import.</source>
        <translation>请选择店铺及其导出文件，然后点击“预览”。点击“导入”之前不会保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="80"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="83"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="86"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="109"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="115"/>
        <source>Choose an export</source>
        <translation>选择导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="123"/>
        <source>Choose a shop and an export file first.</source>
        <translation>请先选择店铺和导出文件。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="128"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="137"/>
        <source>{add} to add · {update} to update · {skip} unchanged · {errors} error(s) · {warnings} warning(s)</source>
        <translation>新增 {add} · 更新 {update} · 未变 {skip} · 错误 {errors} · 警告 {warnings}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="142"/>
        <source> — this file was imported before.</source>
        <translation> — 此文件之前已导入过。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="144"/>
        <source> Correct the file and preview again.</source>
        <translation> 请修正文件后重新预览。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="167"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="176"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="191"/>
        <source>Imported: {add} added · {update} updated · {skip} unchanged</source>
        <translation>已导入：新增 {add} · 更新 {update} · 未变 {skip}</translation>
    </message>
</context>
<context>
    <name>InstantEdit</name>
    <message>
        <location filename="../../ui/cases/instant_edit.py" line="28"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/cases/instant_edit.py" line="30"/>
        <source>your time, {0}</source>
        <translation>您的时间，{0}</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/pages/list_page.py" line="38"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_page.py" line="48"/>
        <location filename="../../ui/pages/list_page.py" line="98"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_page.py" line="120"/>
        <source>The list could not be read. Press Refresh to try again.</source>
        <translation>无法读取列表。请点击“刷新”重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="33"/>
        <source>AfterDesk 售后工作台</source>
        <translation>售后工作台 AfterDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="36"/>
        <source>Today&apos;s automatic backup failed: {0}</source>
        <translation>今天的自动备份失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="41"/>
        <source>Backup written: {0}</source>
        <translation>备份已写入：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="49"/>
        <location filename="../../ui/backup_actions.py" line="56"/>
        <location filename="../../ui/backup_actions.py" line="93"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="50"/>
        <source>AfterDesk backups (*.db);;All files (*)</source>
        <translation>售后工作台备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="57"/>
        <source>Replace all current data with the backup
{0}?

What you have now is first saved as a backup of its own, so this can be undone.</source>
        <translation>用以下备份替换当前全部数据？
{0}

当前数据会先另存为一个备份，因此可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="92"/>
        <source>

The data as it was before: {0}</source>
        <translation>

恢复前的数据：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="94"/>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="19"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="20"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="21"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="50"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="51"/>
        <source>Ctrl+1 to Ctrl+5 switch pages</source>
        <translation>Ctrl+1 到 Ctrl+5 切换页面</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="52"/>
        <source>Deadline alert</source>
        <translation>时限提醒</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="53"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="59"/>
        <source>{0} list</source>
        <translation>{0}列表</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="60"/>
        <source>Refresh {0}</source>
        <translation>刷新{0}</translation>
    </message>
</context>
<context>
    <name>NavigationList</name>
    <message>
        <location filename="../../ui/navigation.py" line="62"/>
        <source>{0}: {1} need attention</source>
        <translation>{0}：{1} 项需要处理</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <location filename="../../ui/complaints/new_dialog.py" line="18"/>
        <source>New complaint or negative review</source>
        <translation>新建投诉或差评</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/new_dialog.py" line="28"/>
        <source>The buyer&apos;s own words</source>
        <translation>买家原话</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/new_dialog.py" line="31"/>
        <source>no review</source>
        <translation>无评价</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/new_dialog.py" line="37"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/new_dialog.py" line="38"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/new_dialog.py" line="39"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/new_dialog.py" line="40"/>
        <source>Buyer&apos;s words</source>
        <translation>买家原话</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/new_dialog.py" line="41"/>
        <source>Review stars</source>
        <translation>评价星级</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="67"/>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="69"/>
        <source>&lt;b&gt;The buyer&apos;s other orders&lt;/b&gt;</source>
        <translation>&lt;b&gt;该买家的其他订单&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="74"/>
        <source>Write about this order</source>
        <translation>就此订单写消息</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="94"/>
        <source>Choose a conversation.</source>
        <translation>请选择会话。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="96"/>
        <source>This conversation is not about an order.</source>
        <translation>此会话不涉及订单。</translation>
    </message>
</context>
<context>
    <name>ParcelWatchPage</name>
    <message>
        <location filename="../../ui/pages/parcel_watch_page.py" line="21"/>
        <source>Parcel watch</source>
        <translation>包裹监控</translation>
    </message>
    <message>
        <location filename="../../ui/pages/parcel_watch_page.py" line="22"/>
        <source>No parcel in transit is near the end of its buyer&apos;s confirmation window.</source>
        <translation>没有在途包裹接近买家确认收货期限。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/parcel_watch_page.py" line="24"/>
        <source>Extension recorded</source>
        <translation>已记录延长</translation>
    </message>
    <message>
        <location filename="../../ui/pages/parcel_watch_page.py" line="25"/>
        <source>After extending the buyer&apos;s confirmation window on the platform, record it here: the window&apos;s end moves by the advised days.</source>
        <translation>在平台上延长买家确认收货时间后，请在此记录：期限会按建议的天数顺延。</translation>
    </message>
</context>
<context>
    <name>PhrasePicker</name>
    <message>
        <location filename="../../ui/conversation/phrase_picker.py" line="17"/>
        <source>Quick phrases</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_picker.py" line="22"/>
        <source>Search quick phrases (title, /shortcut, text)</source>
        <translation>搜索快捷短语（标题、/快捷码、正文）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_picker.py" line="32"/>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_picker.py" line="47"/>
        <source>No quick phrase matches.</source>
        <translation>没有匹配的快捷短语。</translation>
    </message>
</context>
<context>
    <name>PickDialog</name>
    <message>
        <location filename="../../ui/evidence/pick_dialog.py" line="24"/>
        <source>Tick all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/pick_dialog.py" line="24"/>
        <source>Tick none</source>
        <translation>全不选</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="24"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="24"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="27"/>
        <source>Policy profile</source>
        <translation>规则配置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="30"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="30"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="30"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="31"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="31"/>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="32"/>
        <source>Rule values</source>
        <translation>规则取值</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="36"/>
        <source>&amp;Save changes</source>
        <translation>保存更改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="38"/>
        <source>&amp;Reset to defaults…</source>
        <translation>恢复默认值(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="42"/>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="49"/>
        <source>Change a value when the platform changes its rules. Every change is recorded with the old and new value.</source>
        <translation>平台规则变化时修改相应的值。每次修改都会连同旧值和新值一起记录。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="56"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="56"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="57"/>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="57"/>
        <source>percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="58"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="58"/>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="59"/>
        <source>time of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="59"/>
        <source>list (a|b|c)</source>
        <translation>列表（a|b|c）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="107"/>
        <source>{0} value(s) saved.</source>
        <translation>已保存 {0} 项。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="112"/>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="113"/>
        <source>Set every value of this profile back to the platform&apos;s published default? Your changes are recorded in the audit log.</source>
        <translation>将此配置的所有值恢复为平台公布的默认值？此操作会记录在审计日志中。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="123"/>
        <source>{0} value(s) set back to the default.</source>
        <translation>已有 {0} 项恢复为默认值。</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../../ui/import_dialog/problem_table_model.py" line="41"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/problem_table_model.py" line="41"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ProposalsRow</name>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="61"/>
        <source>No proposal</source>
        <translation>暂无方案</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="68"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="41"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="47"/>
        <location filename="../../ui/pages/reports_page.py" line="146"/>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="56"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="57"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="58"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="59"/>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="72"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="72"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="73"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="76"/>
        <location filename="../../ui/pages/reports_page.py" line="103"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="99"/>
        <source>The period ends before it starts.</source>
        <translation>所选期间的结束早于开始。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="129"/>
        <source>{start} – {end}, times in {zone}. Rates follow AE-16; the platform&apos;s rate leaves out the reasons of AE-2.</source>
        <translation>{start} – {end}，时间按 {zone}。比率按 AE-16 计算；平台的纠纷率不计入 AE-2 中的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="139"/>
        <source>The report could not be made. Press Refresh to try again.</source>
        <translation>无法生成报表。请点击“刷新”重试。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="162"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="162"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="163"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="173"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="177"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="178"/>
        <source>The report could not be saved: {error}</source>
        <translation>报表无法保存：{error}</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../ui/cases/request_form.py" line="29"/>
        <source>New after-sales request · 售后申请</source>
        <translation>新建售后申请</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="38"/>
        <source>order number, e.g. 3612345678901234567</source>
        <translation>订单号，例如 3612345678901234567</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="39"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="55"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="57"/>
        <source>in the buyer&apos;s words (optional)</source>
        <translation>买家原话（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="61"/>
        <source>Goods intact: tags on, unused, unwashed</source>
        <translation>商品完好：吊牌未拆、未使用、未洗涤</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="68"/>
        <source>What the buyer says happened</source>
        <translation>买家描述的情况</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="72"/>
        <source>Add photos or files…</source>
        <translation>添加照片或文件…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="73"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="85"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="86"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="88"/>
        <source>Window</source>
        <translation>售后期限</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="90"/>
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="91"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="92"/>
        <source>Reason details</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="95"/>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="96"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="97"/>
        <location filename="../../ui/cases/request_form.py" line="185"/>
        <source>Photos and files</source>
        <translation>照片和文件</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="98"/>
        <source>Opened on the platform</source>
        <translation>平台发起时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="100"/>
        <source>Record request</source>
        <translation>记录申请</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="141"/>
        <source>transaction succeeded</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="142"/>
        <source>Order {0} · {1} · paid {2} {3}</source>
        <translation>订单 {0} · {1} · 实付 {2} {3}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="144"/>
        <source>{0} (at most {1} paid)</source>
        <translation>{0}（不超过实付 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="176"/>
        <source>Goods not received: refund only ({0}).</source>
        <translation>未收到货：只能选择仅退款（{0}）。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="180"/>
        <source>Seven-day no-reason return: only for intact goods ({0}).</source>
        <translation>七天无理由退货：仅限商品完好（{0}）。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="186"/>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</source>
        <translation>照片和 PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="197"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="198"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="199"/>
        <source>refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="209"/>
        <source>Fill in the fields marked *: {0}.</source>
        <translation>请填写带 * 的字段：{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="217"/>
        <source>The refund amount must be more than 0 and at most what the buyer paid: {0} {1}.</source>
        <translation>退款金额必须大于 0，且不超过买家实付金额：{0} {1}。</translation>
    </message>
</context>
<context>
    <name>SectionView</name>
    <message>
        <location filename="../../ui/reports/section_view.py" line="39"/>
        <source>Nothing in this period.</source>
        <translation>此期间内没有内容。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="19"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="26"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="27"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="28"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="29"/>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="28"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="82"/>
        <source>Your shop</source>
        <translation>您的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="83"/>
        <source>Set up your first shop, or look around with two demo shops.</source>
        <translation>设置您的第一家店铺，或先用两家演示店铺看看。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="84"/>
        <source>Set up &amp;my shop</source>
        <translation>设置我的店铺(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="85"/>
        <source>Try the &amp;demo shops first (this wizard comes back at the next start)</source>
        <translation>先试用演示店铺(&amp;D)（下次启动时会再次显示此向导）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="93"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="94"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="96"/>
        <source>as buyers see it, e.g. 暖阳家居旗舰店</source>
        <translation>买家看到的店名，例如：暖阳家居旗舰店</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="98"/>
        <source>short code for exports, e.g. ae-main</source>
        <translation>用于导出的简短代码，例如：ae-main</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="103"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="103"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="104"/>
        <source>Shop code</source>
        <translation>店铺代码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="104"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="112"/>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="113"/>
        <source>Shop &amp;name:</source>
        <translation>店铺名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="114"/>
        <source>Shop &amp;code:</source>
        <translation>店铺代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="115"/>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="116"/>
        <source>The time zone the platform&apos;s order exports use (AliExpress: America/Los_Angeles).</source>
        <translation>平台订单导出所用的时区（速卖通：America/Los_Angeles）。</translation>
    </message>
</context>
<context>
    <name>StepChecklist</name>
    <message>
        <location filename="../../ui/complaints/checklist.py" line="32"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/checklist.py" line="33"/>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/checklist.py" line="51"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/checklist.py" line="54"/>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="64"/>
        <location filename="../../ui/conversation/thread_panel.py" line="139"/>
        <source>Choose a conversation on the left.</source>
        <translation>请在左侧选择会话。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="74"/>
        <source>No star</source>
        <translation>无星标</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="79"/>
        <source>Assign to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="82"/>
        <source>As written</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="88"/>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="104"/>
        <source>Translate from</source>
        <translation>翻译自</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="106"/>
        <source>to</source>
        <translation>译为</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="166"/>
        <source>Mark unreplied</source>
        <translation>标为未回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="167"/>
        <source>Mark replied</source>
        <translation>标为已回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="182"/>
        <source>The conversation could not be read.</source>
        <translation>无法读取此会话。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="217"/>
        <source>Every message from the buyer has a translation.</source>
        <translation>买家的每条消息都已有译文。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="221"/>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="235"/>
        <source>%d translated, %d with no translation available</source>
        <translation>已翻译 %d 条，%d 条无可用译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="237"/>
        <source> (some in English: no text in the chosen language)</source>
        <translation>（部分为英文：所选语言没有对应文本）</translation>
    </message>
</context>
<context>
    <name>TimelineTable</name>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="131"/>
        <source>When (your time)</source>
        <translation>时间（您的时间）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="131"/>
        <source>Who</source>
        <translation>操作方</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="131"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="132"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="132"/>
        <source>By rule</source>
        <translation>依据规则</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="132"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../../ui/tray.py" line="42"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="43"/>
        <source>{0} deadlines need attention</source>
        <translation>{0} 个时限需要处理</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="28"/>
        <source>Welcome to AfterDesk</source>
        <translation>欢迎使用售后工作台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="29"/>
        <source>A few questions, then your desk is ready.</source>
        <translation>回答几个问题，您的工作台就准备好了。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="31"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="36"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="39"/>
        <source>AfterDesk keeps every buyer conversation, after-sales request and dispute of your AliExpress and Taobao shops on this computer, and warns you before a platform deadline costs you money.</source>
        <translation>售后工作台把您的速卖通和淘宝店铺的所有买家会话、售后申请和纠纷保存在这台电脑上，并在平台时限让您蒙受损失之前提醒您。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="43"/>
        <source>The language applies to the main window; you can change it later under File › Settings.</source>
        <translation>语言用于主窗口；以后可在“文件 › 设置”中更改。</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="9"/>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="10"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="11"/>
        <source>Buyer&apos;s time</source>
        <translation>买家时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="12"/>
        <source>Buyer&apos;s words</source>
        <translation>买家原话</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="13"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="14"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="15"/>
        <source>Case / order</source>
        <translation>案件 / 订单</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="16"/>
        <source>Cause</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="17"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="18"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="19"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="20"/>
        <source>Last message</source>
        <translation>最新消息</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="21"/>
        <source>Last message at</source>
        <translation>最新消息时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="22"/>
        <source>Last scan</source>
        <translation>最新扫描</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="23"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="24"/>
        <source>Next due</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="25"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="26"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="27"/>
        <source>Opened</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="28"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="29"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="30"/>
        <source>Promised</source>
        <translation>承诺时效</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="31"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="32"/>
        <source>Reply within</source>
        <translation>回复时限</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="33"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="34"/>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="35"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="36"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="37"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="39"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="40"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="41"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="42"/>
        <source>To</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="43"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="44"/>
        <source>Tracking</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="45"/>
        <source>Type</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="46"/>
        <source>Waiting since</source>
        <translation>等待自</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="47"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="48"/>
        <source>Window ends</source>
        <translation>期限截止</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="49"/>
        <source>★</source>
        <translation>★</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="50"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="51"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="52"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="53"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="54"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="55"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="56"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="57"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="58"/>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="59"/>
        <source>Missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="60"/>
        <source>Order message</source>
        <translation>订单留言</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="61"/>
        <source>Pending</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="62"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="63"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="64"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="65"/>
        <source>Site message</source>
        <translation>站内信</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="66"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="67"/>
        <source>To ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="68"/>
        <source>appealed</source>
        <translation>已申诉</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="69"/>
        <source>awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="70"/>
        <source>awaiting return</source>
        <translation>等待退货</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="71"/>
        <source>awaiting seller</source>
        <translation>等待卖家</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="72"/>
        <source>awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="73"/>
        <source>buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="74"/>
        <source>buyer cancelled</source>
        <translation>买家已取消</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="75"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="76"/>
        <source>carrier</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="77"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="78"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="79"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="80"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="81"/>
        <source>negotiating</source>
        <translation>协商中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="82"/>
        <source>negotiation consensus</source>
        <translation>协商一致</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="83"/>
        <source>not as described</source>
        <translation>货不对板</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="84"/>
        <source>not received</source>
        <translation>未收到货</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="85"/>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="86"/>
        <source>platform arbitrate</source>
        <translation>平台裁决</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="87"/>
        <source>platform intervening</source>
        <translation>平台介入中</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="88"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="89"/>
        <source>refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="90"/>
        <source>rep</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="91"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="92"/>
        <source>return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="93"/>
        <source>return shipped</source>
        <translation>退货已寄出</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="94"/>
        <source>return timeout</source>
        <translation>退货超时</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="95"/>
        <source>seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="96"/>
        <source>seller refused</source>
        <translation>卖家已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="97"/>
        <source>seller response timeout</source>
        <translation>卖家响应超时</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="98"/>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="99"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="100"/>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="101"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="102"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="103"/>
        <source>waiter</source>
        <translation>子账号客服</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="104"/>
        <source>waiting buyer return</source>
        <translation>等待买家退货</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="105"/>
        <source>waiting seller</source>
        <translation>等待卖家处理</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="106"/>
        <source>waiting seller receive</source>
        <translation>等待卖家收货</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="107"/>
        <source>Awaiting buyer</source>
        <translation>等待买家</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="108"/>
        <source>Complaints &amp; Reviews</source>
        <translation>投诉与评价</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="109"/>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="110"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="111"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="112"/>
        <source>Parcel watch</source>
        <translation>包裹监控</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="113"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/i18n_catalog.py" line="114"/>
        <source>Requests &amp; Disputes</source>
        <translation>售后与纠纷</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/evidence/printing.py" line="18"/>
        <source>Print evidence pack {0} v{1}</source>
        <translation>打印证据包 {0} 第 {1} 版</translation>
    </message>
</context>
</TS>
