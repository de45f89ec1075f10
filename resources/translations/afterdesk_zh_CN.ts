<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="24"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="24"/>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="39"/>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="58"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="25"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="25"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="26"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="27"/>
        <source>Mail accounts</source>
        <translation>邮箱账户</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="43"/>
        <source>e.g. shop1-mail</source>
        <translation>例如 shop1-mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="49"/>
        <source>the mailbox&apos;s user name, e.g. service@shop.com</source>
        <translation>邮箱的用户名，例如 service@shop.com</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="53"/>
        <source>TLS (ports 993 and 465)</source>
        <translation>TLS（端口 993 和 465）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="54"/>
        <source>STARTTLS (ports 143 and 587)</source>
        <translation>STARTTLS（端口 143 和 587）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="55"/>
        <source>None: only a server on this computer or the shop&apos;s network</source>
        <translation>不加密：仅限本机或店铺内网的服务器</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="58"/>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="59"/>
        <source>IMAP server (incoming)</source>
        <translation>IMAP 服务器（收信）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="60"/>
        <source>SMTP server (outgoing)</source>
        <translation>SMTP 服务器（发信）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="61"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="62"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="63"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="66"/>
        <source>&amp;Add account</source>
        <translation>添加账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="68"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="70"/>
        <source>Change &amp;password…</source>
        <translation>更改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="72"/>
        <source>Platform se&amp;ttings…</source>
        <translation>平台设置(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="73"/>
        <source>Change the selected platform account&apos;s gateway and return address (its secrets stay in the password store).</source>
        <translation>修改所选平台账号的网关和退货地址（密钥仍保存在密码库中）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="77"/>
        <source>Re&amp;move selected</source>
        <translation>删除所选(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="82"/>
        <source>Buyers&apos; mails come into the inbox and your answers go out from the shop&apos;s address. The password is kept in the computer&apos;s password store, not in AfterDesk&apos;s database.</source>
        <translation>买家的邮件进入收件箱，您的回复从店铺的邮箱地址发出。密码保存在电脑的密码库中，不在 AfterDesk 的数据库里。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="106"/>
        <source>Or connect a shop&apos;s open platform (AliExpress, Taobao): its orders and disputes then arrive without an import. The app secret and tokens are kept in the computer&apos;s password store.</source>
        <translation>也可以连接店铺的开放平台（速卖通、淘宝）：订单和纠纷会自动进来，无需导入。应用密钥和令牌保存在电脑的密码库中。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="119"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="169"/>
        <source>{0}: both servers accepted the login.</source>
        <translation>{0}：两台服务器都接受了登录。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="171"/>
        <source>{0}: the platform accepted the signed call.</source>
        <translation>{0}：平台接受了签名请求。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="194"/>
        <source>Change password</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="195"/>
        <source>New password of {0} ({1}):</source>
        <translation>{0}（{1}）的新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="207"/>
        <source>{0}: the new password is kept in the computer&apos;s password store.</source>
        <translation>{0}：新密码已保存在这台电脑的密码存储中。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="215"/>
        <source>Select a platform account (AliExpress, Taobao) first.</source>
        <translation>请先选择一个平台账号（速卖通、淘宝）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/accounts_tab.py" line="236"/>
        <source>{0}: the settings were saved.</source>
        <translation>{0}：设置已保存。</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="32"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="33"/>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="34"/>
        <source>Reason for refusing</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="35"/>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="36"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="43"/>
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="44"/>
        <location filename="../../ui/cases/action_dialog.py" line="69"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="46"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="49"/>
        <source>Refund amount (empty: as requested)</source>
        <translation>退款金额（留空：按申请金额）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="51"/>
        <source>Buyer&apos;s new proposal</source>
        <translation>买家的新方案</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="54"/>
        <source>New reason (empty: unchanged)</source>
        <translation>新原因（留空：不变）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="57"/>
        <source>Seller&apos;s proposal</source>
        <translation>卖家方案</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="60"/>
        <source>Platform&apos;s proposal</source>
        <translation>平台方案</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="64"/>
        <source>In favour of</source>
        <translation>裁决有利于</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="65"/>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="67"/>
        <source>Refund amount (empty: the proposal&apos;s)</source>
        <translation>退款金额（留空：按方案金额）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="70"/>
        <source>What was submitted</source>
        <translation>提交了什么</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="73"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="74"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="75"/>
        <source>Pictures (*.jpg *.jpeg *.png *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="88"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="92"/>
        <source>Now</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="100"/>
        <source>When on the platform</source>
        <translation>平台上的发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="107"/>
        <source>Send it to {0} now</source>
        <translation>立即发送到{0}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="109"/>
        <source>Recorded here and sent to {0} through the outbox; the case shows whether {0} took it.</source>
        <translation>在此记录，并通过发件箱发送到{0}；案件中会显示{0}是否已受理。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="115"/>
        <source>Choose a picture…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="116"/>
        <source>Choose pictures…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="118"/>
        <location filename="../../ui/cases/action_dialog.py" line="166"/>
        <source>No picture chosen</source>
        <translation>未选择图片</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="126"/>
        <source>Proof picture (optional; GIF, JPEG or PNG, at most 130 KB)</source>
        <translation>凭证图片（可选；GIF、JPEG 或 PNG，不超过 130 KB）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="127"/>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="131"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="143"/>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="148"/>
        <source>Choose pictures</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="158"/>
        <source>Pictures go only with the step sent to the platform: tick “{0}” to send them.</source>
        <translation>图片只随发送到平台的步骤一起发送：勾选“{0}”才会发送。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="165"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="194"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="194"/>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="197"/>
        <source>— unchanged —</source>
        <translation>— 不变 —</translation>
    </message>
    <message>
        <location filename="../../ui/cases/action_dialog.py" line="236"/>
        <source>Choose the pictures to send.</source>
        <translation>请选择要发送的图片。</translation>
    </message>
</context>
<context>
    <name>AdvisorPanel</name>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="24"/>
        <source>Refund or resend? (GEN-2)</source>
        <translation>退款还是补发？（GEN-2）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="43"/>
        <source>Product cost</source>
        <translation>商品成本</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="44"/>
        <source>Shipping cost</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="45"/>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="46"/>
        <source>Proposed refund</source>
        <translation>拟退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="47"/>
        <source>If we refund</source>
        <translation>若退款</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="48"/>
        <source>If we resend</source>
        <translation>若补发</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="49"/>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="77"/>
        <source>Enter the product cost, shipping cost, profit and the proposed refund.</source>
        <translation>请输入商品成本、运费、利润和拟退款金额。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="89"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="89"/>
        <source>Resend</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="90"/>
        <source>{0} — loses {1} less</source>
        <translation>{0} — 少亏 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="91"/>
        <source>{0} — both cost the same</source>
        <translation>{0} — 两者损失相同</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="94"/>
        <source>goods price = {0} + {1} + {2} = {3}; refund: {2} - {4} = {5}; resend: {2} - ({0} + {1}) = {6}; the smaller loss: {7}</source>
        <translation>商品价格 = {0} + {1} + {2} = {3}；退款：{2} - {4} = {5}；补发：{2} - ({0} + {1}) = {6}；损失较小的是：{7}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="98"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="98"/>
        <source>resend</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="99"/>
        <source>Ask the buyer to place a new order for the resent goods, and to close the dispute once it is placed.</source>
        <translation>请买家为补发的商品重新下单，下单后关闭纠纷。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="102"/>
        <source>Refund {0}; the buyer keeps or returns the goods as agreed.</source>
        <translation>退款 {0}；买家按约定保留或退回商品。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="108"/>
        <source>{0}{1} (profit kept)</source>
        <translation>{0}{1}（仍有利润）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/advisor_panel.py" line="109"/>
        <source>{0} (loss)</source>
        <translation>{0}（亏损）</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../ui/alert_banner.py" line="28"/>
        <source>Show deadlines</source>
        <translation>查看时限</translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="29"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="76"/>
        <source>and {0} more</source>
        <translation>另有 {0} 条</translation>
    </message>
</context>
<context>
    <name>AlertsTab</name>
    <message>
        <location filename="../../ui/settings_dialog/alerts_tab.py" line="31"/>
        <source>Alert lead times in hours</source>
        <translation>提前提醒的小时数</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/alerts_tab.py" line="37"/>
        <source>AfterDesk warns you this many hours before a deadline is due, once for each number, e.g. 24, 4, 1. The Deadlines page marks deadlines within the largest.</source>
        <translation>售后工作台会在时限到期前这么多小时提醒您，每个数字提醒一次，例如 24, 4, 1。“时限”页会标出最大提前量以内的时限。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/alerts_tab.py" line="42"/>
        <source>&amp;Warn before (hours):</source>
        <translation>提前提醒（小时）(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/alerts_tab.py" line="49"/>
        <source>Enter whole hours from 1 to 720, separated by commas.</source>
        <translation>请输入 1 到 720 之间的整数小时，用逗号分隔。</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <location filename="../../ui/cases/form_bits.py" line="102"/>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/form_bits.py" line="104"/>
        <source>“%1” is not an amount: write digits with at most two decimals, e.g. %2.</source>
        <translation>“%1”不是金额：请输入数字，最多两位小数，例如 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/form_bits.py" line="109"/>
        <source>At most %1.</source>
        <translation>最多 %1。</translation>
    </message>
</context>
<context>
    <name>AutoReplyEditor</name>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="50"/>
        <source>New reply</source>
        <translation>新建自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="52"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="57"/>
        <source>Any language</source>
        <translation>任意语言</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="60"/>
        <source>On: send this reply</source>
        <translation>启用：发送此回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="64"/>
        <source>Hi {buyer_name}, thanks for your message! We answer within 12 hours.</source>
        <translation>您好 {buyer_name}，感谢留言！我们会在 12 小时内回复。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="66"/>
        <source>Only {buyer_name} can be filled in: the reply goes out before anyone has looked at the conversation.</source>
        <translation>只能使用 {buyer_name}：自动回复在任何人查看会话之前就已发出。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="76"/>
        <source>Save reply</source>
        <translation>保存回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="92"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="93"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="98"/>
        <source>Text *</source>
        <translation>内容 *</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="106"/>
        <source>&lt;b&gt;History&lt;/b&gt; (newest first)</source>
        <translation>&lt;b&gt;修改记录&lt;/b&gt;（最新在前）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="115"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="133"/>
        <source>Add a shop first.</source>
        <translation>请先添加店铺。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="137"/>
        <source>A buyer who writes for the first time in {0} h gets the reply in their language (else the one for any language, else English), at most once in {0} h ({1}). It does not count as an answer: the conversation stays unreplied.</source>
        <translation>买家在 {0} 小时内首次发消息时，收到其语言的自动回复（没有则用任意语言的，再没有则用英语），每 {0} 小时最多一次（{1}）。自动回复不算作答复：会话仍为未回复。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="142"/>
        <source>This shop&apos;s platform rules have no automatic reply.</source>
        <translation>该店铺所在平台的规则没有自动回复。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="201"/>
        <source>A new reply has no history yet.</source>
        <translation>新回复还没有修改记录。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="212"/>
        <source>No changes recorded.</source>
        <translation>没有修改记录。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="218"/>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="222"/>
        <source>added switched off</source>
        <translation>添加时为停用</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="225"/>
        <source>switched on</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="225"/>
        <source>switched off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="229"/>
        <source>text changed; before:</source>
        <translation>内容已修改；修改前：</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="231"/>
        <source>language: {0} → {1}</source>
        <translation>语言：{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="234"/>
        <source>name: {0} → {1}</source>
        <translation>名称：{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="239"/>
        <source>any language</source>
        <translation>任意语言</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="258"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="273"/>
        <source>Automatic replies</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/auto_reply_editor.py" line="274"/>
        <source>Delete the automatic reply &apos;%s&apos;? Its history goes with it.</source>
        <translation>删除自动回复“%s”？其修改记录也会一并删除。</translation>
    </message>
</context>
<context>
    <name>AutoReplyTableModel</name>
    <message>
        <location filename="../../ui/table_models/auto_reply_table_model.py" line="19"/>
        <source>any language</source>
        <translation>任意语言</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/auto_reply_table_model.py" line="23"/>
        <source>on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/auto_reply_table_model.py" line="24"/>
        <source>off</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>AwaitingTableModel</name>
    <message>
        <location filename="../../ui/table_models/awaiting_table_model.py" line="52"/>
        <source>day</source>
        <translation>白天</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/awaiting_table_model.py" line="54"/>
        <source>night</source>
        <translation>夜间</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/awaiting_table_model.py" line="62"/>
        <source>{0} ({1}); daytime {2}–{3}</source>
        <translation>{0}（{1}）；白天 {2}–{3}</translation>
    </message>
</context>
<context>
    <name>BuyerClock</name>
    <message>
        <location filename="../../ui/conversation/buyer_clock.py" line="86"/>
        <source>Buyer&apos;s local time: %1 %2 (%3, %4)</source>
        <translation>买家当地时间：%1 %2（%3，%4）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/buyer_clock.py" line="92"/>
        <source>● daytime there</source>
        <translation>● 当地白天</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/buyer_clock.py" line="94"/>
        <source>● night there: outside %1–%2</source>
        <translation>● 当地夜间：不在 %1–%2 之间</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/buyer_clock.py" line="98"/>
        <source>Follow-ups go out inside the buyer&apos;s daytime, %1–%2 their time.</source>
        <translation>跟进消息在买家的白天发出，即买家当地时间 %1–%2。</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="21"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="33"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="21"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="37"/>
        <source>Declared as</source>
        <translation>设为</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="22"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="40"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="23"/>
        <source>Working-day corrections</source>
        <translation>工作日调整</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="35"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="69"/>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="36"/>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="69"/>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="39"/>
        <source>e.g. make-up Saturday after Spring Festival</source>
        <translation>例如：春节后的调休周六</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="41"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="43"/>
        <source>Re&amp;move selected</source>
        <translation>删除所选(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/calendar_tab.py" line="53"/>
        <source>Platform deadlines in working days follow China&apos;s official calendar. When a holiday or a make-up working day is announced late, declare it here.</source>
        <translation>按工作日计算的平台时限遵循中国法定节假日安排。若节假日或调休工作日公布较晚，请在此处设定。</translation>
    </message>
</context>
<context>
    <name>CaseRow</name>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="94"/>
        <source>Open ›</source>
        <translation>打开 ›</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="95"/>
        <source>Show %s on the Requests &amp; Disputes page</source>
        <translation>在“售后与纠纷”页面查看 %s</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/table_models/case_table_model.py" line="94"/>
        <source>settled</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/case_table_model.py" line="96"/>
        <source>nothing due</source>
        <translation>无到期时限</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../ui/cases/case_view.py" line="67"/>
        <location filename="../../ui/cases/case_view.py" line="150"/>
        <source>Choose a case in the list.</source>
        <translation>请在列表中选择案件。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="85"/>
        <location filename="../../ui/cases/case_view.py" line="289"/>
        <source>Record a step</source>
        <translation>记录处理步骤</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="93"/>
        <source>Order and buyer</source>
        <translation>订单与买家</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="106"/>
        <source>Cause (GEN-1)</source>
        <translation>责任方（GEN-1）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="117"/>
        <source>&lt;b&gt;Timeline&lt;/b&gt;</source>
        <translation>&lt;b&gt;时间线&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="171"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="171"/>
        <source>After-sales request</source>
        <translation>售后申请</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="181"/>
        <source> · does not count toward the dispute rate (AE-2)</source>
        <translation> · 不计入纠纷率（AE-2）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="173"/>
        <source>{0} · shop {1} · order {2} · opened {3}</source>
        <translation>{0} · 店铺 {1} · 订单 {2} · 发起于 {3}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="172"/>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="177"/>
        <location filename="../../ui/cases/case_view.py" line="253"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="179"/>
        <source>{0} · {1} {2}</source>
        <translation>{0} · {1} {2}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="187"/>
        <source>Outcome: {0}</source>
        <translation>结果：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="188"/>
        <source>Protection window: {0}</source>
        <translation>保障期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="220"/>
        <source>{0}; refund {1} {2}</source>
        <translation>{0}；退款 {1} {2}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="226"/>
        <source>{0} ({1} {2})</source>
        <translation>{0}（{1} {2}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="249"/>
        <source>{0} → {1}: {2}</source>
        <translation>{0} → {1}：{2}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="266"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="266"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="290"/>
        <source>Nothing more can be recorded: the case is over</source>
        <translation>案件已结束，无法再记录步骤</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="296"/>
        <source>Available from {0}{1}</source>
        <translation>{0} 起可记录{1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="298"/>
        <source>Possible until {0}{1}</source>
        <translation>可记录至 {0}{1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="306"/>
        <source>cost {0} + shipping {1}</source>
        <translation>成本 {0} + 运费 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="307"/>
        <source>costs not recorded</source>
        <translation>未记录成本</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="308"/>
        <source>Order {0} · {1}
paid {2} {3} · {4}</source>
        <translation>订单 {0} · {1}
实付 {2} {3} · {4}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="311"/>
        <source>Files: {0}</source>
        <translation>文件：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="311"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="314"/>
        <source>Open conversation ({0})</source>
        <translation>打开会话（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="319"/>
        <source>Write to the buyer about this order</source>
        <translation>就此订单联系买家</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_view.py" line="338"/>
        <source>Next: {0} — {1} ({2}, {3})</source>
        <translation>下一时限：{0} — {1}（{2}，{3}）</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="48"/>
        <source>Requests &amp; Disputes</source>
        <translation>售后与纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="31"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="32"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="33"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="34"/>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="35"/>
        <source>All kinds</source>
        <translation>全部种类</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="36"/>
        <source>All causes</source>
        <translation>全部责任方</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="49"/>
        <location filename="../../ui/pages/cases_page.py" line="134"/>
        <source>No disputes, after-sales requests or complaints yet.</source>
        <translation>暂无纠纷、售后申请或投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="61"/>
        <source>Open only</source>
        <translation>仅显示未结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="64"/>
        <source>New request…</source>
        <translation>新建售后申请…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="65"/>
        <source>Record dispute…</source>
        <translation>记录纠纷…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="74"/>
        <source>Show on the Complaints &amp;&amp; Reviews page</source>
        <translation>在“投诉与评价”页中查看</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="133"/>
        <source>No case matches the filters.</source>
        <translation>没有符合筛选条件的案件。</translation>
    </message>
</context>
<context>
    <name>ChannelBridge</name>
    <message>
        <location filename="../../ui/channel_bridge.py" line="46"/>
        <source>Mail: synced {0}</source>
        <translation>邮件：已同步 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/channel_bridge.py" line="55"/>
        <source>Mail ({0}): {1}</source>
        <translation>邮件（{0}）：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/channel_bridge.py" line="61"/>
        <source>Mail: stopped</source>
        <translation>邮件：已停止</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="17"/>
        <source>Complete: %p%</source>
        <translation>完成度：%p%</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="23"/>
        <source>&lt;b&gt;Checklist&lt;/b&gt;</source>
        <translation>&lt;b&gt;检查清单&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="38"/>
        <source>Missing: {0}</source>
        <translation>缺少：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="38"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/checklist_view.py" line="40"/>
        <source>Nothing missing.</source>
        <translation>没有缺项。</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <location filename="../../ui/conversation/attachment_chips.py" line="46"/>
        <source>Remove %s from the answer</source>
        <translation>从回复中移除 %s</translation>
    </message>
</context>
<context>
    <name>ComplaintPanel</name>
    <message>
        <location filename="../../ui/complaints/panel.py" line="43"/>
        <source>Compensation</source>
        <translation>补偿</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="45"/>
        <source>What is offered: partial refund, coupon, resend…</source>
        <translation>提供的补偿：部分退款、优惠券、补发…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="50"/>
        <source>Record offer</source>
        <translation>记录补偿方案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="53"/>
        <source>Buyer gets</source>
        <translation>买家获得</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="55"/>
        <source>Costs the shop</source>
        <translation>店铺成本</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="60"/>
        <source>Offer</source>
        <translation>补偿方案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="62"/>
        <source>Never trade compensation for a changed review.</source>
        <translation>切勿以补偿换取修改评价。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="64"/>
        <source>Record follow-up…</source>
        <translation>记录跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="66"/>
        <source>Contact the buyer</source>
        <translation>联系买家</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="67"/>
        <source>Open the conversation with the buyer about this order (started if there is none)</source>
        <translation>打开与买家关于此订单的会话（没有则新建）</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="73"/>
        <source>Close case…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="79"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="100"/>
        <source>Select a complaint</source>
        <translation>请选择投诉</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="122"/>
        <source>The buyer may file this complaint with the platform until %1.</source>
        <translation>买家可在 %1 之前向平台提交此投诉。</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="125"/>
        <source>Next: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="127"/>
        <source>Closed with steps skipped: %1</source>
        <translation>已结案，跳过的步骤：%1</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="135"/>
        <source>Late-shipment rule: %1 %2</source>
        <translation>延迟发货规则：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="163"/>
        <source>Skip a step</source>
        <translation>跳过步骤</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="163"/>
        <source>Why is it skipped?</source>
        <translation>为什么跳过？</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="172"/>
        <source>Late-shipment compensation</source>
        <translation>延迟发货补偿</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="183"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="183"/>
        <source>What was said?</source>
        <translation>沟通了什么？</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="192"/>
        <source>Close with steps not done</source>
        <translation>在步骤未完成时结案</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/panel.py" line="193"/>
        <source>%1 step(s) not done. Say why they were skipped:</source>
        <translation>有 %1 个步骤未完成。请说明跳过的原因：</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../ui/pages/complaints_page.py" line="22"/>
        <source>Complaints &amp; Reviews</source>
        <translation>投诉与评价</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints_page.py" line="23"/>
        <source>No complaints or negative reviews. Press New complaint when a buyer complains or leaves a bad review.</source>
        <translation>暂无投诉或差评。买家投诉或留下差评时，请点击“新建投诉”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints_page.py" line="25"/>
        <source>New complaint…</source>
        <translation>新建投诉…</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../ui/conversation/composer.py" line="140"/>
        <source>The channel the answer goes through; it is recorded</source>
        <translation>回复所走的渠道；会被记录</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="144"/>
        <source>Language of the answer (quick phrase variant)</source>
        <translation>回复的语言（快捷短语的语言版本）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="145"/>
        <source>Internal note</source>
        <translation>内部备注</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="130"/>
        <source>Write to the buyer…  /shortcut + Tab inserts a quick phrase, %1 sends, %2 sends and opens the next</source>
        <translation>给买家写消息…  输入 /快捷词 + Tab 插入快捷短语，%1 发送，%2 发送并打开下一个</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="152"/>
        <source>Edit phrases…</source>
        <translation>编辑短语…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="153"/>
        <source>Add or change quick phrases and automatic replies</source>
        <translation>添加或修改快捷短语和自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="157"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="146"/>
        <source>Quick phrase…</source>
        <translation>快捷短语…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="147"/>
        <source>Choose a quick phrase (%1); Ctrl+1…9 insert the first nine</source>
        <translation>选择快捷短语（%1）；Ctrl+1…9 插入前九条</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="160"/>
        <source>Translate reply</source>
        <translation>翻译回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="161"/>
        <source>Write in Chinese, then translate into the answer&apos;s language; you can correct the translation before sending</source>
        <translation>用中文写，再翻译成回复的语言；发送前可以修改译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="169"/>
        <source>Translation sent to the buyer</source>
        <translation>发给买家的译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="173"/>
        <source>Send my text as written</source>
        <translation>按原文发送</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="174"/>
        <source>Drop the translation: the text above goes to the buyer as it is</source>
        <translation>放弃译文：上面的原文直接发给买家</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="186"/>
        <source>Attach…</source>
        <translation>附件…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="187"/>
        <source>Pictures or PDF documents; you can also drop files on the reply box or paste a picture</source>
        <translation>图片或 PDF 文档；也可以把文件拖到回复框，或粘贴图片</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="284"/>
        <source>No quick phrase has the shortcut /%s.</source>
        <translation>没有快捷码为 /%s 的快捷短语。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="310"/>
        <source>Fill in %s before sending: AfterDesk does not know it for this conversation.</source>
        <translation>发送前请填写 %s：售后工作台不知道此会话的这项内容。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="313"/>
        <source>Remove %s: AfterDesk does not know this placeholder.</source>
        <translation>请删除 %s：售后工作台不认识这个占位符。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="341"/>
        <source>Write your answer in Chinese first, then translate it.</source>
        <translation>请先用中文写好回复，再翻译。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="344"/>
        <source>The answer&apos;s language is Chinese: choose the buyer&apos;s language beside the channel first.</source>
        <translation>回复语言是中文：请先在渠道旁选择买家的语言。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="350"/>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="365"/>
        <source>Sent to the buyer in %1 (translated by %2; correct it if needed):</source>
        <translation>以 %1 发给买家（由%2翻译；如有需要请修改）：</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="370"/>
        <source>Write the %1 text the buyer receives:</source>
        <translation>请写出买家收到的 %1 文本：</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="375"/>
        <source>No translator knows this text, and no online translator is set up: add Baidu Translate in Settings › Translation, or write the translation yourself.</source>
        <translation>没有翻译器认识这段文字，也没有设置在线翻译：请在 设置 › 翻译 中添加百度翻译，或自己写译文。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="379"/>
        <source>No translation found: write it yourself below.</source>
        <translation>没有找到译文：请在下面自己写。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="383"/>
        <source>Baidu Translate</source>
        <translation>百度翻译</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="384"/>
        <source>the phrase memory</source>
        <translation>短语记忆</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="404"/>
        <source>Attach to the answer</source>
        <translation>添加到回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="405"/>
        <source>Pictures and PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</source>
        <translation>图片和 PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="425"/>
        <source>Files are not sent through %1</source>
        <translation>%1 不能发送文件</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="427"/>
        <source>AfterDesk cannot send files through %1: it copies the text and opens the platform&apos;s page, where you add the %2 attached file(s) yourself. They are kept with the answer here.

Send the text now?</source>
        <translation>AfterDesk 不能通过%1发送文件：它会复制文字并打开平台页面，请在那里自己添加这 %2 个附件。附件会和回复一起保存在这里。

现在发送文字吗？</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="445"/>
        <source>Write the translation the buyer receives, or send your text as written.</source>
        <translation>请写出买家收到的译文，或按原文发送。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="449"/>
        <source>Write a message first.</source>
        <translation>请先写消息。</translation>
    </message>
</context>
<context>
    <name>ConversationTableModel</name>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="39"/>
        <source>Unreplied</source>
        <translation>未回复</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="41"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="42"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="48"/>
        <source>You: {0}</source>
        <translation>我：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="82"/>
        <source>Star: {0}</source>
        <translation>星标：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="86"/>
        <source>{0} ({1}, {2})</source>
        <translation>{0}（{1}，{2}）</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="92"/>
        <source>{0}: answer by {1}</source>
        <translation>{0}：请在 {1} 前回复</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="112"/>
        <source>An answer did not reach the buyer: open the conversation to see why, then Retry or Edit</source>
        <translation>有回复未送达买家：打开会话查看原因，然后重试或编辑</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="116"/>
        <source>The answer was copied to the platform but not confirmed as sent</source>
        <translation>回复已复制到平台，但尚未确认已发送</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="119"/>
        <source>AfterDesk cannot send through this channel: open the conversation, copy the answer into the platform and confirm</source>
        <translation>AfterDesk 无法通过此渠道发送：请打开会话，把回复复制到平台发送后再确认</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="123"/>
        <source>An answer is on its way to the buyer</source>
        <translation>回复正在发往买家</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="128"/>
        <source>open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/conversation_table_model.py" line="132"/>
        <source>An after-sales request or dispute is open on this order</source>
        <translation>此订单有未结的售后申请或纠纷</translation>
    </message>
</context>
<context>
    <name>ConversationsPage</name>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="87"/>
        <location filename="../../ui/pages/conversations_page.py" line="381"/>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="88"/>
        <source>No conversations yet. Conversations appear here once messages are imported or written.</source>
        <translation>暂无会话。导入或写下消息后，会话会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="90"/>
        <source>No conversation matches these filters.</source>
        <translation>没有符合这些筛选条件的会话。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="92"/>
        <source>Search 退款, refund…</source>
        <translation>搜索 退款、refund…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="102"/>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="319"/>
        <source>Saved views</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="342"/>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="343"/>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conversations_page.py" line="382"/>
        <source>There is no conversation with the buyer about this order yet. This login reads only (a viewer): a rep starts one.</source>
        <translation>还没有与买家关于此订单的会话。此登录只能查看（查看者）：需由客服发起会话。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash_dialog.py" line="20"/>
        <source>AfterDesk – unexpected problem</source>
        <translation>售后工作台 – 意外问题</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="24"/>
        <source>The details were written to:
{0}</source>
        <translation>详细信息已写入：
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="25"/>
        <source>The details could not be written to a log file.</source>
        <translation>详细信息无法写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="27"/>
        <source>AfterDesk ended unexpectedly the last time it ran. What was saved before is safe; the last action may not have finished: check it.

{0}

Please send that file to whoever supports AfterDesk for you. This report is shown once.</source>
        <translation>AfterDesk 上次运行时意外退出。之前保存的内容是安全的；最后一步操作可能没有完成，请检查一下。

{0}

请把这个文件发给为您提供 AfterDesk 支持的人。此报告只显示这一次。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="32"/>
        <source>AfterDesk met a problem it did not expect. What you saved before is safe; the last action may not have finished.

{0}

Please send that file to whoever supports AfterDesk for you. If the window misbehaves, close and reopen AfterDesk.</source>
        <translation>售后工作台遇到了一个意外问题。之前保存的内容是安全的；最后一个操作可能没有完成。

{0}

请把该文件发给为您提供售后工作台支持的人员。如果窗口表现异常，请关闭后重新打开售后工作台。</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="45"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/crash_dialog.py" line="49"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>DamagedStart</name>
    <message>
        <location filename="../../ui/damaged_start.py" line="56"/>
        <source>The database {path} is damaged and cannot be opened ({problem}).

The newest intact backup is {backup}, made on {made}. Restore it? Work done since then is not in it. The damaged file is kept aside.</source>
        <translation>数据库 {path} 已损坏，无法打开（{problem}）。

最新的完好备份是 {backup}，备份于 {made}。要恢复它吗？此后所做的工作不在其中。损坏的文件会另行保留。</translation>
    </message>
    <message>
        <location filename="../../ui/damaged_start.py" line="63"/>
        <source>Restore this backup</source>
        <translation>恢复此备份</translation>
    </message>
    <message>
        <location filename="../../ui/damaged_start.py" line="65"/>
        <source>Do not restore</source>
        <translation>不恢复</translation>
    </message>
    <message>
        <location filename="../../ui/damaged_start.py" line="76"/>
        <source>The backup {backup} was restored. The damaged database was kept aside as {aside}.</source>
        <translation>已恢复备份 {backup}。损坏的数据库已另存为 {aside}。</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="57"/>
        <source>Where your data lives</source>
        <translation>数据存放位置</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="58"/>
        <source>One database file in this folder holds everything; backups go to its &apos;backups&apos; folder.</source>
        <translation>此文件夹中的一个数据库文件保存全部数据；备份存放在其中的 “backups” 文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="61"/>
        <location filename="../../ui/first_run/wizard.py" line="81"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="63"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="71"/>
        <source>Keep the suggested folder unless your shop wants the data elsewhere, for example on a drive that is backed up. Uninstalling AfterDesk leaves this folder in place.</source>
        <translation>除非店铺希望把数据放在别处（例如有备份的磁盘），否则请保留建议的文件夹。卸载售后工作台不会删除此文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="75"/>
        <source>Several reps sharing one shop: type the address of the shop&apos;s server instead, such as postgresql://rep:password@shop-server:5432/afterdesk (the password goes to the system keyring).</source>
        <translation>多位客服共用一家店：请改为输入店铺服务器的地址，例如 postgresql://rep:密码@shop-server:5432/afterdesk（密码会保存到系统密钥环）。</translation>
    </message>
</context>
<context>
    <name>DeadlineTableModel</name>
    <message>
        <location filename="../../ui/table_models/deadline_table_model.py" line="37"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/deadline_table_model.py" line="38"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/deadline_table_model.py" line="39"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/deadline_table_model.py" line="40"/>
        <source>Later</source>
        <translation>以后</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/deadline_table_model.py" line="41"/>
        <source>Time unknown</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/deadline_table_model.py" line="49"/>
        <source>Order {0}</source>
        <translation>订单 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/deadline_table_model.py" line="51"/>
        <source>Conversation {0}</source>
        <translation>会话 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/deadline_table_model.py" line="57"/>
        <source>Rule {0} ({1})</source>
        <translation>规则 {0}（{1}）</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="30"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="31"/>
        <source>No deadlines to watch. Deadlines of open disputes, after-sales requests and orders appear here.</source>
        <translation>暂无需要关注的时限。未结纠纷、售后申请和订单的时限会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="36"/>
        <source>Platform clocks</source>
        <translation>平台时钟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/deadlines_page.py" line="38"/>
        <source>Also list the platform&apos;s own clocks, which need nothing from you: the buyer&apos;s time to open a request or to complain, an order&apos;s confirmation window…</source>
        <translation>同时列出平台自己的计时（无需您处理）：买家申请售后或投诉的期限、订单的确认收货期限……</translation>
    </message>
</context>
<context>
    <name>DeadlinesTable</name>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="83"/>
        <source>Due (your time)</source>
        <translation>到期时间（您的时间）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="83"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="83"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="84"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="84"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="102"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="111"/>
        <source>met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="111"/>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
</context>
<context>
    <name>DisputeForm</name>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="27"/>
        <source>Record a dispute · 纠纷</source>
        <translation>记录纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="33"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="35"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="41"/>
        <source>the platform&apos;s dispute id (optional)</source>
        <translation>平台纠纷编号（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="49"/>
        <source>the buyer&apos;s words (optional)</source>
        <translation>买家原话（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="60"/>
        <source>The buyer&apos;s first refund request was earlier:</source>
        <translation>买家首次申请退款的时间更早：</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="67"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="68"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="70"/>
        <source>Dispute id</source>
        <translation>纠纷编号</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="71"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="72"/>
        <source>Sub-kind</source>
        <translation>子类型</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="73"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="75"/>
        <source>Buyer&apos;s words</source>
        <translation>买家原话</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="76"/>
        <source>Buyer&apos;s proposal</source>
        <translation>买家方案</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="77"/>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="78"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="79"/>
        <source>Opened on the platform</source>
        <translation>平台发起时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="82"/>
        <source>Record dispute</source>
        <translation>记录纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="111"/>
        <source>Order {0} · paid {1} {2}</source>
        <translation>订单 {0} · 实付 {1} {2}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="113"/>
        <source>{0} (at most {1} paid)</source>
        <translation>{0}（不超过实付 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="147"/>
        <source>Does not count toward the dispute rate ({0}).</source>
        <translation>不计入纠纷率（{0}）。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="154"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="155"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/dispute_form.py" line="156"/>
        <source>refund amount</source>
        <translation>退款金额</translation>
    </message>
</context>
<context>
    <name>ErrorLine</name>
    <message>
        <location filename="../../ui/cases/form_bits.py" line="34"/>
        <source>Fill in the fields marked *: {0}.</source>
        <translation>请填写带 * 的字段：{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/form_bits.py" line="35"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>EvidenceItemModel</name>
    <message>
        <location filename="../../ui/evidence/item_model.py" line="12"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/item_model.py" line="13"/>
        <source>Tracking</source>
        <translation>物流跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/evidence/item_model.py" line="14"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="56"/>
        <source>&lt;h2&gt;Evidence&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;证据&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="58"/>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="78"/>
        <source>Add messages…</source>
        <translation>添加消息…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="79"/>
        <source>Add tracking…</source>
        <translation>添加物流轨迹…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="80"/>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="81"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="96"/>
        <source>Fill from template</source>
        <translation>用模板填写</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="96"/>
        <source>Save statement</source>
        <translation>保存陈述</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="108"/>
        <source>&lt;b&gt;Seller&apos;s statement&lt;/b&gt;</source>
        <translation>&lt;b&gt;卖家陈述&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="122"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="125"/>
        <source>Build PDF…</source>
        <translation>生成 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="126"/>
        <source>Export ZIP…</source>
        <translation>导出 ZIP…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="127"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="128"/>
        <location filename="../../ui/pages/evidence_page.py" line="293"/>
        <source>Mark submitted</source>
        <translation>标为已提交</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="211"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="211"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="214"/>
        <source>no pack yet</source>
        <translation>尚无证据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="235"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="235"/>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="239"/>
        <source>Add messages</source>
        <translation>添加消息</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="240"/>
        <source>Messages of this order&apos;s conversations. Internal notes are never shown.</source>
        <translation>此订单相关会话中的消息。内部备注永远不会显示。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="248"/>
        <source>Add tracking</source>
        <translation>添加物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="248"/>
        <source>Tracking events of the order.</source>
        <translation>该订单的物流轨迹。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="256"/>
        <source>Add a photo or PDF</source>
        <translation>添加照片或 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="257"/>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</source>
        <translation>照片和 PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="265"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="266"/>
        <source>What does this file show?</source>
        <translation>这个文件展示了什么？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="272"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="273"/>
        <source>Caption under the file in the pack:</source>
        <translation>证据包中显示在文件下方的说明：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="294"/>
        <source>Freeze this version as handed in to the platform? Later changes make a new version; this one stays as it is.</source>
        <translation>将此版本冻结为已提交给平台的版本？之后的修改会生成新版本；此版本保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="306"/>
        <source>The pack is {0}% complete.</source>
        <translation>证据包完整度为 {0}%。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="308"/>
        <source>Missing: {0}</source>
        <translation>缺少：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="308"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="310"/>
        <source>The seller&apos;s statement is empty.</source>
        <translation>卖家声明为空。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="311"/>
        <source>Build it anyway?</source>
        <translation>仍要生成吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="320"/>
        <source>Save evidence pack</source>
        <translation>保存证据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="338"/>
        <source>{0}: {1} pages</source>
        <translation>{0}：{1} 页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="314"/>
        <location filename="../../ui/pages/evidence_page.py" line="341"/>
        <source>Evidence pack</source>
        <translation>证据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/evidence_page.py" line="372"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>FillInPrompt</name>
    <message>
        <location filename="../../ui/conversation/composer.py" line="104"/>
        <source>{%s} is not a placeholder AfterDesk knows: remove it from the text.</source>
        <translation>{%s} 不是售后工作台认识的占位符：请从文本中删除。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/composer.py" line="107"/>
        <source>Fill in</source>
        <translation>填写</translation>
    </message>
</context>
<context>
    <name>FiltersBar</name>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="20"/>
        <source>Unreplied</source>
        <translation>未回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="21"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="22"/>
        <source>Open request or dispute</source>
        <translation>有未结售后或纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="23"/>
        <source>Assigned to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="25"/>
        <source>Delivery failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="26"/>
        <source>Any star</source>
        <translation>任意星标</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="28"/>
        <source>Any order status</source>
        <translation>任意订单状态</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="30"/>
        <source>Any channel</source>
        <translation>任意渠道</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/filters_bar.py" line="32"/>
        <location filename="../../ui/conversation/filters_bar.py" line="56"/>
        <source>Any shop</source>
        <translation>任意店铺</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="158"/>
        <source>Set up AfterDesk</source>
        <translation>设置售后工作台</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="36"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="71"/>
        <source>Send follow-up</source>
        <translation>发送跟进</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="74"/>
        <source>Reason: not set</source>
        <translation>原因：未设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="76"/>
        <source>Reason: </source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="78"/>
        <source>Stop following up…</source>
        <translation>停止跟进…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="80"/>
        <source>Buyer&apos;s zone…</source>
        <translation>买家时区…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="81"/>
        <source>Set where the buyer lives when it is not the usual zone of their country</source>
        <translation>买家所在地不在其国家的常用时区时，在此设置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="92"/>
        <source>By</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="116"/>
        <source>Select a conversation</source>
        <translation>请选择会话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="136"/>
        <source>%1 follow-ups went unanswered: stop following up and note it.</source>
        <translation>已有 %1 次跟进未获回复：请停止跟进并记录原因。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="139"/>
        <source>Stopped: %1</source>
        <translation>已停止：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="141"/>
        <source>Follow-up %1 of %2, suggested by %3 at %4 (your time). Keep it short and clear.</source>
        <translation>第 %1 次跟进（共 %2 次），按 %3 建议于 %4（您的时间）发送。请简短清楚。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="183"/>
        <source>Night for the buyer</source>
        <translation>买家那边是夜间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="184"/>
        <source>It is %1 for the buyer now, outside their daytime (%2–%3). Send anyway?</source>
        <translation>买家当地时间现在是 %1，不在其白天时段（%2–%3）内。仍要发送吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="202"/>
        <source>Buyer&apos;s time zone</source>
        <translation>买家时区</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="203"/>
        <source>Where does the buyer live? (empty: the country&apos;s zone)</source>
        <translation>买家所在的时区？（留空：使用其国家的时区）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="214"/>
        <source>Stop following up</source>
        <translation>停止跟进</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="215"/>
        <source>Note why (e.g. no answer to 3 follow-ups):</source>
        <translation>请注明原因（例如：3 次跟进均未回复）：</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="228"/>
        <source>Awaiting buyer</source>
        <translation>等待买家</translation>
    </message>
    <message>
        <location filename="../../ui/pages/followups_page.py" line="229"/>
        <source>No buyer is waiting to answer you. Conversations whose last message is yours appear here with their follow-ups.</source>
        <translation>没有待买家回复的会话。最后一条消息由您发出的会话会连同跟进计划显示在这里。</translation>
    </message>
</context>
<context>
    <name>GeneralTab</name>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="36"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="32"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="23"/>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="24"/>
        <source>What the other reps of the shop see beside your changes and replies, and &apos;assigned to me&apos;</source>
        <translation>店铺其他客服在你的修改和回复旁看到的名字，也用于“分配给我”</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="29"/>
        <source>On the shop&apos;s server your name is your login&apos;s, as the shop&apos;s owner gave it</source>
        <translation>在店铺服务器上，您的名字就是店主为您的登录设定的名字</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="39"/>
        <source>Same as the system (light or dark)</source>
        <translation>跟随系统（浅色或深色）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="40"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="40"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="43"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="48"/>
        <source>Backups to keep</source>
        <translation>保留的备份数</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="49"/>
        <source>Back up automatically once a day, at start</source>
        <translation>每天启动时自动备份一次</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="54"/>
        <source>Open backups folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="57"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="65"/>
        <source>A new language applies when AfterDesk starts again: you can restart it once you press OK.</source>
        <translation>新语言在售后工作台重新启动后生效：按“确定”后即可重新启动。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="73"/>
        <source>Your &amp;name:</source>
        <translation>你的名字(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="74"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="76"/>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="77"/>
        <source>&amp;Backups to keep:</source>
        <translation>保留备份数(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/general_tab.py" line="79"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <location filename="../../ui/cases/guide_panel.py" line="26"/>
        <source>Checklist (GEN-3)</source>
        <translation>检查清单（GEN-3）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/guide_panel.py" line="30"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../../ui/cases/guide_panel.py" line="67"/>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/guide_panel.py" line="79"/>
        <source>Ticked by {0} on {1}</source>
        <translation>{0} 于 {1} 勾选</translation>
    </message>
    <message>
        <location filename="../../ui/cases/guide_panel.py" line="104"/>
        <source>{0} of {1} done</source>
        <translation>已完成 {0}/{1}</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../ui/conversation/image_viewer.py" line="30"/>
        <source>The picture {0} could not be read ({1}).</source>
        <translation>无法读取图片 {0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/image_viewer.py" line="51"/>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/image_viewer.py" line="61"/>
        <source>Fit to window</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/image_viewer.py" line="65"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/image_viewer.py" line="67"/>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/image_viewer.py" line="69"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/image_viewer.py" line="72"/>
        <source>%d × %d pixels</source>
        <translation>%d × %d 像素</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/image_viewer.py" line="74"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="46"/>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="58"/>
        <source>Taobao only, optional: the item report (宝贝报表)</source>
        <translation>仅淘宝，可选：宝贝报表</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="60"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="61"/>
        <source>Export file</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="62"/>
        <source>Item report</source>
        <translation>宝贝报表</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="64"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="66"/>
        <source>Choose the shop and its export, then press Preview. Nothing is stored before you press Import.</source>
        <translation>请选择店铺及其导出文件，然后点击“预览”。点击“导入”之前不会保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="85"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="88"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="91"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="114"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="120"/>
        <source>Choose an export</source>
        <translation>选择导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="128"/>
        <source>Choose a shop and an export file first.</source>
        <translation>请先选择店铺和导出文件。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="133"/>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="142"/>
        <source>{add} to add · {update} to update · {skip} unchanged · {errors} error(s) · {warnings} warning(s)</source>
        <translation>新增 {add} · 更新 {update} · 未变 {skip} · 错误 {errors} · 警告 {warnings}</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="147"/>
        <source> — this file was imported before.</source>
        <translation> — 此文件之前已导入过。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="149"/>
        <source> Correct the file and preview again.</source>
        <translation> 请修正文件后重新预览。</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="172"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="184"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/dialog.py" line="199"/>
        <source>Imported: {add} added · {update} updated · {skip} unchanged</source>
        <translation>已导入：新增 {add} · 更新 {update} · 未变 {skip}</translation>
    </message>
</context>
<context>
    <name>InstantEdit</name>
    <message>
        <location filename="../../ui/cases/instant_edit.py" line="30"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../ui/cases/instant_edit.py" line="32"/>
        <source>your time, {0}</source>
        <translation>您的时间，{0}</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <location filename="../../ui/keymap.py" line="30"/>
        <source>Quit AfterDesk</source>
        <translation>退出售后工作台</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="32"/>
        <source>Read the page on show again</source>
        <translation>重新读取当前页面</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="33"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="34"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="36"/>
        <source>This list of keyboard shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="38"/>
        <source>Search the conversations</source>
        <translation>搜索会话</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="40"/>
        <source>Write in the reply box</source>
        <translation>在回复框中输入</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="42"/>
        <source>From the reply box back to the list</source>
        <translation>从回复框回到列表</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="44"/>
        <source>Send the reply</source>
        <translation>发送回复</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="46"/>
        <source>Send, then open the next conversation of the list</source>
        <translation>发送，然后打开列表中的下一个会话</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="48"/>
        <source>Choose a quick phrase</source>
        <translation>选择快捷短语</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="50"/>
        <source>Go to page {n}</source>
        <translation>转到第 {n} 页</translation>
    </message>
    <message>
        <location filename="../../ui/keymap.py" line="51"/>
        <source>Insert quick phrase {n} (in the reply box)</source>
        <translation>插入第 {n} 条快捷短语（在回复框中）</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <location filename="../../ui/pages/list_page.py" line="79"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_page.py" line="89"/>
        <location filename="../../ui/pages/list_page.py" line="182"/>
        <location filename="../../ui/pages/list_page.py" line="190"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_page.py" line="226"/>
        <source>The list could not be read.</source>
        <translation>无法读取列表。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/list_page.py" line="229"/>
        <source>The list could not be read. Press Refresh to try again.</source>
        <translation>无法读取列表。请点击“刷新”重试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>AfterDesk 售后工作台</source>
        <translation>售后工作台 AfterDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/daily_backup.py" line="29"/>
        <source>Today&apos;s automatic backup failed: {0}</source>
        <translation>今天的自动备份失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="24"/>
        <source>Backup written: {0}</source>
        <translation>备份已写入：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="32"/>
        <location filename="../../ui/backup_actions.py" line="39"/>
        <location filename="../../ui/backup_actions.py" line="92"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="33"/>
        <source>AfterDesk backups (*.db);;All files (*)</source>
        <translation>售后工作台备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="40"/>
        <source>Replace all current data with the backup
{0}?

What you have now is first saved as a backup of its own, so this can be undone.</source>
        <translation>用以下备份替换当前全部数据？
{0}

当前数据会先另存为一个备份，因此可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="50"/>
        <source>

The damaged database was kept aside as {0}</source>
        <translation>

损坏的数据库已另存为 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="52"/>
        <source>

The data as it was before: {0}</source>
        <translation>

恢复前的数据：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/backup_actions.py" line="93"/>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="23"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="24"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="25"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="47"/>
        <source>&amp;Quick phrases and automatic replies…</source>
        <translation>快捷短语和自动回复(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="49"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="73"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="75"/>
        <source>%1 to %2 switch pages</source>
        <translation>%1 到 %2 切换页面</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="77"/>
        <source>Deadline alert</source>
        <translation>时限提醒</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="78"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="86"/>
        <source>{0} list</source>
        <translation>{0}列表</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="87"/>
        <source>Refresh {0}</source>
        <translation>刷新{0}</translation>
    </message>
</context>
<context>
    <name>NavigationList</name>
    <message>
        <location filename="../../ui/navigation.py" line="64"/>
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
        <location filename="../../ui/conversation/order_panel.py" line="37"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="38"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="39"/>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="40"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="41"/>
        <source>Shipped</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="42"/>
        <source>Carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="43"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="45"/>
        <source>Promised by</source>
        <translation>承诺送达</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="52"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="58"/>
        <source>Tracking</source>
        <translation>物流跟踪</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="117"/>
        <source>&lt;b&gt;Requests and disputes&lt;/b&gt;</source>
        <translation>&lt;b&gt;售后与纠纷&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="124"/>
        <source>Open after-sales request…</source>
        <translation>登记售后申请…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="125"/>
        <source>Record the request the buyer opened on Taobao (refund only, or return and refund)</source>
        <translation>登记买家在淘宝发起的售后申请（仅退款，或退货退款）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="128"/>
        <source>Record dispute…</source>
        <translation>登记纠纷…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="129"/>
        <source>Record the dispute the buyer opened on AliExpress, with the buyer&apos;s proposal</source>
        <translation>登记买家在速卖通发起的纠纷及买家方案</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="132"/>
        <source>&lt;b&gt;The buyer&apos;s other orders&lt;/b&gt;</source>
        <translation>&lt;b&gt;该买家的其他订单&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="137"/>
        <source>Write about this order</source>
        <translation>就此订单写消息</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="170"/>
        <source>Choose a conversation.</source>
        <translation>请选择会话。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="172"/>
        <source>This conversation is not about an order.</source>
        <translation>此会话不涉及订单。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="183"/>
        <source> · case</source>
        <translation> · 售后/纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/order_panel.py" line="218"/>
        <source>This order already had its one after-sales request: {0} ({1}).</source>
        <translation>该订单已用过唯一一次售后申请：{0}（{1}）。</translation>
    </message>
</context>
<context>
    <name>ParcelTableModel</name>
    <message>
        <location filename="../../ui/table_models/parcel_table_model.py" line="18"/>
        <source>Extend by {0} days</source>
        <translation>延长 {0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/parcel_table_model.py" line="22"/>
        <source> +{0}</source>
        <translation> +{0}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/parcel_table_model.py" line="24"/>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/table_models/parcel_table_model.py" line="29"/>
        <source>no tracking yet</source>
        <translation>尚无物流信息</translation>
    </message>
</context>
<context>
    <name>ParcelWatchPage</name>
    <message>
        <location filename="../../ui/pages/parcel_watch_page.py" line="26"/>
        <source>Parcel watch</source>
        <translation>包裹监控</translation>
    </message>
    <message>
        <location filename="../../ui/pages/parcel_watch_page.py" line="27"/>
        <source>No parcel in transit is near the end of its buyer&apos;s confirmation window.</source>
        <translation>没有在途包裹接近买家确认收货期限。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/parcel_watch_page.py" line="29"/>
        <source>Extension recorded</source>
        <translation>已记录延长</translation>
    </message>
    <message>
        <location filename="../../ui/pages/parcel_watch_page.py" line="30"/>
        <source>After extending the buyer&apos;s confirmation window on the platform, record it here: the window&apos;s end moves by the advised days.</source>
        <translation>在平台上延长买家确认收货时间后，请在此记录：期限会按建议的天数顺延。</translation>
    </message>
</context>
<context>
    <name>PhraseEditor</name>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="56"/>
        <source>Search title, /shortcut, text</source>
        <translation>搜索标题、/快捷键、内容</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="61"/>
        <source>New phrase</source>
        <translation>新建短语</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="63"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="68"/>
        <source>one word, typed as /word + Tab</source>
        <translation>一个词，输入 /词 + Tab 插入</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="71"/>
        <source>Every shop</source>
        <translation>所有店铺</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="78"/>
        <source>Add language</source>
        <translation>添加语言</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="81"/>
        <source>Remove this language</source>
        <translation>删除此语言</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="84"/>
        <source>Insert placeholder…</source>
        <translation>插入占位符…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="97"/>
        <source>Save phrase</source>
        <translation>保存短语</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="113"/>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="114"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="115"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="116"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="125"/>
        <source>Text per language (the reply language picks it; English when the buyer&apos;s has none)</source>
        <translation>各语言的内容（按回复语言选用；买家语言没有时用英语）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="189"/>
        <location filename="../../ui/conversation/phrase_editor.py" line="345"/>
        <source>Quick phrases</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="190"/>
        <source>Discard the changes to &apos;%s&apos;?</source>
        <translation>放弃对“%s”的修改？</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="190"/>
        <source>new phrase</source>
        <translation>新短语</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="287"/>
        <source>Placeholders:</source>
        <translation>占位符：</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="324"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/phrase_editor.py" line="346"/>
        <source>Delete the quick phrase &apos;%s&apos;?</source>
        <translation>删除快捷短语“%s”？</translation>
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
    <name>PhraseTableModel</name>
    <message>
        <location filename="../../ui/table_models/phrase_table_model.py" line="14"/>
        <source>every shop</source>
        <translation>所有店铺</translation>
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
    <name>PlatformAccountForm</name>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="41"/>
        <source>e.g. shop1-platform</source>
        <translation>例如 shop1-platform</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="49"/>
        <source>The id of the shop&apos;s return address (AliExpress: seller centre › return addresses; Taobao: the address library): a return agreed or proposed from AfterDesk needs it.</source>
        <translation>店铺退货地址的编号（速卖通：卖家后台 › 退货地址；淘宝：地址库）：在 AfterDesk 中同意或提出退货时需要它。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="59"/>
        <source>Returns: receiver (Taobao)</source>
        <translation>退货：收件人（淘宝）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="60"/>
        <source>Returns: address (Taobao)</source>
        <translation>退货：地址（淘宝）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="61"/>
        <source>Returns: postcode (Taobao)</source>
        <translation>退货：邮编（淘宝）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="62"/>
        <source>Returns: landline (Taobao)</source>
        <translation>退货：座机（淘宝）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="63"/>
        <source>Returns: mobile (Taobao)</source>
        <translation>退货：手机（淘宝）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="64"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="64"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="65"/>
        <source>Account name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="66"/>
        <source>App key</source>
        <translation>应用 Key (App key)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="67"/>
        <source>Gateway</source>
        <translation>网关</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="68"/>
        <source>App secret</source>
        <translation>应用密钥 (App secret)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="69"/>
        <source>Seller&apos;s token</source>
        <translation>卖家令牌</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="70"/>
        <source>Refresh token (AliExpress)</source>
        <translation>刷新令牌（速卖通）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="71"/>
        <source>Return address id</source>
        <translation>退货地址编号</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="79"/>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="81"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/platform_account_form.py" line="77"/>
        <source>Add &amp;platform account</source>
        <translation>添加平台账户(&amp;P)</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="26"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="26"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="29"/>
        <source>Policy profile</source>
        <translation>规则配置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="32"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="32"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="32"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="33"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="33"/>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="34"/>
        <source>Rule values</source>
        <translation>规则取值</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="38"/>
        <source>&amp;Save changes</source>
        <translation>保存更改(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="40"/>
        <source>&amp;Reset to defaults…</source>
        <translation>恢复默认值(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="44"/>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="51"/>
        <source>Change a value when the platform changes its rules. Every change is recorded with the old and new value.</source>
        <translation>平台规则变化时修改相应的值。每次修改都会连同旧值和新值一起记录。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="58"/>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="58"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="59"/>
        <source>working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="59"/>
        <source>percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="60"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="60"/>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="61"/>
        <source>time of day</source>
        <translation>时刻</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="61"/>
        <source>list (a|b|c)</source>
        <translation>列表（a|b|c）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="110"/>
        <source>{0} value(s) saved.</source>
        <translation>已保存 {0} 项。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="115"/>
        <source>Reset to defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="116"/>
        <source>Set every value of this profile back to the platform&apos;s published default? Your changes are recorded in the audit log.</source>
        <translation>将此配置的所有值恢复为平台公布的默认值？此操作会记录在审计日志中。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/policy_tab.py" line="125"/>
        <source>{0} value(s) set back to the default.</source>
        <translation>已有 {0} 项恢复为默认值。</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../../ui/import_dialog/problem_table_model.py" line="15"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog/problem_table_model.py" line="16"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>ProposalsRow</name>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="62"/>
        <source>No proposal</source>
        <translation>暂无方案</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="68"/>
        <source>{0} · {1} {2}</source>
        <translation>{0} · {1} {2}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="70"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <location filename="../../ui/read_only.py" line="26"/>
        <source>This login reads only (a viewer): ask the shop&apos;s owner for a rep&apos;s role to change it.</source>
        <translation>此登录只能查看（查看者）：如需修改，请店主为您分配客服角色。</translation>
    </message>
</context>
<context>
    <name>RepliesDialog</name>
    <message>
        <location filename="../../ui/conversation/replies_dialog.py" line="22"/>
        <source>Quick phrases and automatic replies</source>
        <translation>快捷短语和自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/replies_dialog.py" line="26"/>
        <source>Quick phrases</source>
        <translation>快捷短语</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/replies_dialog.py" line="27"/>
        <source>Automatic replies</source>
        <translation>自动回复</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="53"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="59"/>
        <location filename="../../ui/pages/reports_page.py" line="178"/>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="68"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="69"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="70"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="71"/>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="84"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="84"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="85"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="88"/>
        <location filename="../../ui/pages/reports_page.py" line="117"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="112"/>
        <source>The period ends before it starts.</source>
        <translation>所选期间的结束早于开始。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="161"/>
        <source>{start} – {end}, times in {zone}. Rates follow AE-16; the platform&apos;s rate leaves out the reasons of AE-2.</source>
        <translation>{start} – {end}，时间按 {zone}。比率按 AE-16 计算；平台的纠纷率不计入 AE-2 中的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="171"/>
        <source>The report could not be made. Press Refresh to try again.</source>
        <translation>无法生成报表。请点击“刷新”重试。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="194"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="194"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="195"/>
        <source>Export report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="204"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="208"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="209"/>
        <source>The report could not be saved: {error}</source>
        <translation>报表无法保存：{error}</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../ui/cases/request_form.py" line="33"/>
        <source>New after-sales request · 售后申请</source>
        <translation>新建售后申请</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="40"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="42"/>
        <source>order number, e.g. 3612345678901234567</source>
        <translation>订单号，例如 3612345678901234567</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="43"/>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="59"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="61"/>
        <source>in the buyer&apos;s words (optional)</source>
        <translation>买家原话（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="65"/>
        <source>Goods intact: tags on, unused, unwashed</source>
        <translation>商品完好：吊牌未拆、未使用、未洗涤</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="72"/>
        <source>What the buyer says happened</source>
        <translation>买家描述的情况</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="76"/>
        <source>Add photos or files…</source>
        <translation>添加照片或文件…</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="77"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="87"/>
        <source>I have it:</source>
        <translation>我已知道：</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="96"/>
        <source>Transaction succeeded on</source>
        <translation>交易成功时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="100"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="101"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="103"/>
        <source>Window</source>
        <translation>售后期限</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="106"/>
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="107"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="108"/>
        <source>Reason details</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="111"/>
        <source>Refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="112"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="113"/>
        <location filename="../../ui/cases/request_form.py" line="216"/>
        <source>Photos and files</source>
        <translation>照片和文件</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="114"/>
        <source>Opened on the platform</source>
        <translation>平台发起时间</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="116"/>
        <source>Record request</source>
        <translation>记录申请</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="160"/>
        <source>transaction succeeded</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="161"/>
        <source>Order {0} · {1} · paid {2} {3}</source>
        <translation>订单 {0} · {1} · 实付 {2} {3}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="163"/>
        <source>{0} (at most {1} paid)</source>
        <translation>{0}（不超过实付 {1}）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="207"/>
        <source>Goods not received: refund only ({0}).</source>
        <translation>未收到货：只能选择仅退款（{0}）。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="211"/>
        <source>Seven-day no-reason return: only for intact goods ({0}).</source>
        <translation>七天无理由退货：仅限商品完好（{0}）。</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="217"/>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</source>
        <translation>照片和 PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="228"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="229"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="230"/>
        <source>refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/cases/request_form.py" line="238"/>
        <source>The refund amount must be more than 0 and at most what the buyer paid: {0} {1}.</source>
        <translation>退款金额必须大于 0，且不超过买家实付金额：{0} {1}。</translation>
    </message>
</context>
<context>
    <name>Restart</name>
    <message>
        <location filename="../../ui/restart.py" line="34"/>
        <location filename="../../ui/restart.py" line="45"/>
        <source>Restart AfterDesk</source>
        <translation>重新启动售后工作台</translation>
    </message>
    <message>
        <location filename="../../ui/restart.py" line="35"/>
        <source>The new language applies when AfterDesk starts again. Restart now?</source>
        <translation>新语言在售后工作台重新启动后生效。现在重新启动吗？</translation>
    </message>
    <message>
        <location filename="../../ui/restart.py" line="37"/>
        <source>Restart now</source>
        <translation>立即重新启动</translation>
    </message>
    <message>
        <location filename="../../ui/restart.py" line="38"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../ui/restart.py" line="46"/>
        <source>AfterDesk could not start again: close it and start it yourself.</source>
        <translation>售后工作台无法自动重新启动：请关闭后手动启动。</translation>
    </message>
</context>
<context>
    <name>SectionView</name>
    <message>
        <location filename="../../ui/reports/section_view.py" line="35"/>
        <source>Nothing in this period.</source>
        <translation>此期间内没有内容。</translation>
    </message>
</context>
<context>
    <name>SentDecisions</name>
    <message>
        <location filename="../../ui/cases/sent_decisions.py" line="46"/>
        <source>Retry with the SMS code… (in the conversation)</source>
        <translation>用短信验证码重试…（在会话中）</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <location filename="../../ui/server_banner.py" line="18"/>
        <source>The shop server cannot be reached. What is on screen stays as it was and an unsent answer stays in its box; nothing can be saved until the server is back. AfterDesk reconnects by itself.</source>
        <translation>无法连接店铺服务器。屏幕上的内容保持不变，未发送的回复仍留在输入框中；服务器恢复前无法保存任何内容。AfterDesk 会自动重新连接。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="24"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="33"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="34"/>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="35"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="36"/>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="43"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="44"/>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/dialog.py" line="48"/>
        <source>Rules, working days and accounts are changed by the shop&apos;s owner: this login may read them.</source>
        <translation>规则、工作日和账户由店主修改：此登录只能查看。</translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="31"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="92"/>
        <source>Your shop</source>
        <translation>您的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="93"/>
        <source>Set up your first shop, or look around with two demo shops.</source>
        <translation>设置您的第一家店铺，或先用两家演示店铺看看。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="94"/>
        <source>Set up &amp;my shop</source>
        <translation>设置我的店铺(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="95"/>
        <source>Try the &amp;demo shops first (this wizard comes back at the next start)</source>
        <translation>先试用演示店铺(&amp;D)（下次启动时会再次显示此向导）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="103"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="104"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="106"/>
        <source>as buyers see it, e.g. 暖阳家居旗舰店</source>
        <translation>买家看到的店名，例如：暖阳家居旗舰店</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="108"/>
        <source>short code for exports, e.g. ae-main</source>
        <translation>用于导出的简短代码，例如：ae-main</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="113"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="113"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="114"/>
        <source>Shop code</source>
        <translation>店铺代码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="114"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="122"/>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="123"/>
        <source>Shop &amp;name:</source>
        <translation>店铺名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="124"/>
        <source>Shop &amp;code:</source>
        <translation>店铺代码(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="125"/>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="126"/>
        <source>The time zone the platform&apos;s order exports use (AliExpress: America/Los_Angeles).</source>
        <translation>平台订单导出所用的时区（速卖通：America/Los_Angeles）。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="14"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="17"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts_dialog.py" line="17"/>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>SmsCodeDialog</name>
    <message>
        <location filename="../../ui/conversation/sms_code_dialog.py" line="22"/>
        <source>Retry with the SMS code</source>
        <translation>用短信验证码重试</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/sms_code_dialog.py" line="24"/>
        <source>Taobao sent an SMS code to the seller&apos;s phone for this refund. Type it here: the agreement is sent again with it at once.</source>
        <translation>淘宝已为这笔退款向卖家手机发送短信验证码。请在此输入：同意退款会立即带上验证码重新发送。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/sms_code_dialog.py" line="28"/>
        <location filename="../../ui/conversation/sms_code_dialog.py" line="31"/>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/sms_code_dialog.py" line="34"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/sms_code_dialog.py" line="51"/>
        <source>Type the code Taobao sent to the seller&apos;s phone.</source>
        <translation>请输入淘宝发送到卖家手机的验证码。</translation>
    </message>
</context>
<context>
    <name>StepChecklist</name>
    <message>
        <location filename="../../ui/complaints/checklist.py" line="33"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/checklist.py" line="34"/>
        <source>Skip…</source>
        <translation>跳过…</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/checklist.py" line="52"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/complaints/checklist.py" line="55"/>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="70"/>
        <location filename="../../ui/conversation/thread_panel.py" line="193"/>
        <source>Choose a conversation on the left.</source>
        <translation>请在左侧选择会话。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="86"/>
        <source>No star</source>
        <translation>无星标</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="91"/>
        <source>Assign to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="94"/>
        <source>As written</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="100"/>
        <source>Translate</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="116"/>
        <source>This login may read the shop&apos;s conversations but not answer them or change them (a viewer). Ask the shop&apos;s owner for a rep&apos;s role to reply.</source>
        <translation>此登录可以查看店铺的会话，但不能回复或修改（查看者）。如需回复，请店主为您分配客服角色。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="135"/>
        <source>Translate from</source>
        <translation>翻译自</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="137"/>
        <source>to</source>
        <translation>译为</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="220"/>
        <source> · assigned to {0}</source>
        <translation> · 分配给 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="225"/>
        <source>Mark unreplied</source>
        <translation>标为未回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="226"/>
        <source>Mark replied</source>
        <translation>标为已回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="250"/>
        <source>The conversation could not be read.</source>
        <translation>无法读取此会话。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="327"/>
        <source>Edit the answer</source>
        <translation>编辑回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="328"/>
        <source>Answer</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="355"/>
        <source>The picture {0} is not in this computer&apos;s file store.</source>
        <translation>图片 {0} 不在本机的文件库中。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="366"/>
        <source>Transcript saved: %s (%d pages)</source>
        <translation>聊天记录已保存：%s（%d 页）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="369"/>
        <source>Transcript sent to the printer (%d pages)</source>
        <translation>聊天记录已发送到打印机（%d 页）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="407"/>
        <source>{0} is replying</source>
        <translation>{0} 正在回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="408"/>
        <source>{0} are replying</source>
        <translation>{0} 正在回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="408"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="442"/>
        <source>Every message from the buyer has a translation.</source>
        <translation>买家的每条消息都已有译文。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="446"/>
        <source>Translating…</source>
        <translation>正在翻译…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="461"/>
        <source>%d translated, %d with no translation available</source>
        <translation>已翻译 %d 条，%d 条无可用译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="463"/>
        <source> (some in English: no text in the chosen language)</source>
        <translation>（部分为英文：所选语言没有对应文本）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="468"/>
        <source>Only the phrase memory translates: add an online translator (Baidu Translate) in Settings › Translation.</source>
        <translation>目前只有短语记忆可以翻译：请在 设置 › 翻译 中添加在线翻译（百度翻译）。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="489"/>
        <source>Choose the language the message is written in (Translate from) first.</source>
        <translation>请先选择消息所用的语言（翻译自）。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="504"/>
        <source>Translation</source>
        <translation>翻译</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_panel.py" line="505"/>
        <source>%1

Translation (%2):</source>
        <translation>%1

译文（%2）：</translation>
    </message>
</context>
<context>
    <name>ThreadView</name>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="69"/>
        <source>Retry with the SMS code…</source>
        <translation>用短信验证码重试…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="70"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="71"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="74"/>
        <source>Not sent: AfterDesk cannot send through this channel</source>
        <translation>未发送：AfterDesk 无法通过此渠道发送</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="76"/>
        <source>Copy &amp; open the platform</source>
        <translation>复制并打开平台</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="77"/>
        <source>I sent it in the platform</source>
        <translation>我已在平台发送</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="90"/>
        <source>Internal note · the buyer does not see this</source>
        <translation>内部备注 · 买家看不到</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="92"/>
        <source>Automatic reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="96"/>
        <source>You</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="104"/>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="111"/>
        <source>No translation available</source>
        <translation>没有可用的译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="115"/>
        <source>Correct the translation</source>
        <translation>修改译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="116"/>
        <source>Write a translation</source>
        <translation>写译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="129"/>
        <source>(file not in this computer’s store)</source>
        <translation>（文件不在本机的文件库中）</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/thread_view.py" line="193"/>
        <source>No messages yet.</source>
        <translation>暂无消息。</translation>
    </message>
</context>
<context>
    <name>TimelineTable</name>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="134"/>
        <source>When (your time)</source>
        <translation>时间（您的时间）</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="134"/>
        <source>Who</source>
        <translation>操作方</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="134"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="135"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="135"/>
        <source>By rule</source>
        <translation>依据规则</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="135"/>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="148"/>
        <source>{0} → {1}</source>
        <translation>{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../ui/cases/case_parts.py" line="153"/>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="32"/>
        <source>Conversation transcript</source>
        <translation>会话记录</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="33"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="34"/>
        <location filename="../../ui/conversation/transcript_actions.py" line="43"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="35"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="36"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="37"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="38"/>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="39"/>
        <source>Times are in {0}.</source>
        <translation>时间为 {0}。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="40"/>
        <source>Internal notes are included (marked); the buyer never saw them.</source>
        <translation>包含内部备注（已标出）；买家看不到这些备注。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="42"/>
        <source>Internal notes are left out ({0}).</source>
        <translation>未包含内部备注（{0} 条）。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="44"/>
        <source>Internal note · the buyer does not see this</source>
        <translation>内部备注 · 买家看不到</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="45"/>
        <source>Automatic reply</source>
        <translation>自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="46"/>
        <source>Translation</source>
        <translation>译文</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="47"/>
        <source>Attached</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="48"/>
        <source>No messages.</source>
        <translation>没有消息。</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="49"/>
        <source>Page {0} of {1}</source>
        <translation>第 {0} / {1} 页</translation>
    </message>
</context>
<context>
    <name>TranscriptButton</name>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="64"/>
        <source>Transcript</source>
        <translation>聊天记录</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="68"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="70"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="72"/>
        <source>Include internal notes</source>
        <translation>包含内部备注</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="95"/>
        <source>Save transcript as PDF</source>
        <translation>将聊天记录另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="97"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation/transcript_actions.py" line="127"/>
        <source>Print transcript</source>
        <translation>打印聊天记录</translation>
    </message>
</context>
<context>
    <name>TranslationTab</name>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="26"/>
        <source>Translate asks the phrase memory first (offline: earlier translations and the quick phrases&apos; languages), then an online translator. AfterDesk works with Baidu Translate (百度翻译开放平台): register at fanyi-api.baidu.com, open the general text translation service and copy its app id and key here.</source>
        <translation>翻译时先查短语记忆（离线：以前的译文和快捷短语的各语言版本），再问在线翻译。AfterDesk 支持百度翻译开放平台：在 fanyi-api.baidu.com 注册，开通通用文本翻译服务，把 APP ID 和密钥复制到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="35"/>
        <source>kept in the system keyring; leave empty to keep the stored key</source>
        <translation>保存在系统钥匙串中；留空则保留已保存的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="38"/>
        <source>empty: Baidu&apos;s own address</source>
        <translation>留空：百度的地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="40"/>
        <source>App id (APP ID)</source>
        <translation>APP ID</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="41"/>
        <source>Key (密钥)</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="42"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="43"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="45"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="47"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="66"/>
        <source>Baidu Translate is set up (app id %s).</source>
        <translation>百度翻译已设置（APP ID %s）。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="67"/>
        <source>No online translator is set up: only the phrase memory translates.</source>
        <translation>没有设置在线翻译：只有短语记忆可以翻译。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="93"/>
        <source>Asking Baidu Translate…</source>
        <translation>正在询问百度翻译…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="100"/>
        <source>It works: “Thank you” is “%s”.</source>
        <translation>可以使用：“Thank you”译为“%s”。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog/translation_tab.py" line="103"/>
        <source>Baidu Translate gave no translation.</source>
        <translation>百度翻译没有给出译文。</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../../ui/tray.py" line="43"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="44"/>
        <source>{0} deadlines need attention</source>
        <translation>{0} 个时限需要处理</translation>
    </message>
</context>
<context>
    <name>UpgradeProgress</name>
    <message>
        <location filename="../../ui/upgrade_progress.py" line="33"/>
        <source>Upgrading the database for this version of AfterDesk. This happens once and can take a minute on a big shop…</source>
        <translation>正在为此版本的售后工作台升级数据库。只需一次，店铺数据量大时可能需要约一分钟……</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="34"/>
        <source>Welcome to AfterDesk</source>
        <translation>欢迎使用售后工作台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="35"/>
        <source>A few questions, then your desk is ready.</source>
        <translation>回答几个问题，您的工作台就准备好了。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="37"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="42"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="45"/>
        <source>AfterDesk keeps every buyer conversation, after-sales request and dispute of your AliExpress and Taobao shops on this computer, and warns you before a platform deadline costs you money.</source>
        <translation>售后工作台把您的速卖通和淘宝店铺的所有买家会话、售后申请和纠纷保存在这台电脑上，并在平台时限让您蒙受损失之前提醒您。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="49"/>
        <source>The language applies to the main window; you can change it later under File › Settings.</source>
        <translation>语言用于主窗口；以后可在“文件 › 设置”中更改。</translation>
    </message>
</context>
<context>
    <name>alerts</name>
    <message>
        <location filename="../../ui/words/alerts.py" line="13"/>
        <source>order {0}</source>
        <translation>订单 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/words/alerts.py" line="14"/>
        <source>a conversation</source>
        <translation>一个会话</translation>
    </message>
    <message>
        <location filename="../../ui/words/alerts.py" line="15"/>
        <source>due in {0} h</source>
        <translation>{0} 小时后到期</translation>
    </message>
    <message>
        <location filename="../../ui/words/alerts.py" line="16"/>
        <source>due now</source>
        <translation>现在到期</translation>
    </message>
    <message>
        <location filename="../../ui/words/alerts.py" line="17"/>
        <source>missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/words/alerts.py" line="18"/>
        <source>{who}: {what} ({when}, rule {rule})</source>
        <translation>{who}：{what}（{when}，规则 {rule}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/alerts.py" line="19"/>
        <source>{alert} — {todo}</source>
        <translation>{alert} —— {todo}</translation>
    </message>
    <message>
        <location filename="../../ui/words/alerts.py" line="20"/>
        <source>{who}: {what}</source>
        <translation>{who}：{what}</translation>
    </message>
</context>
<context>
    <name>cases</name>
    <message>
        <location filename="../../ui/words/cases.py" line="17"/>
        <source>Request opened</source>
        <translation>买家发起申请</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="18"/>
        <source>Agree to refund</source>
        <translation>同意退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="19"/>
        <source>Agree to return</source>
        <translation>同意退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="20"/>
        <location filename="../../ui/words/cases.py" line="43"/>
        <source>Buyer shipped the goods back</source>
        <translation>买家已寄回商品</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="21"/>
        <source>Confirm goods received (refund)</source>
        <translation>确认收到退货（退款）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="22"/>
        <location filename="../../ui/words/cases.py" line="34"/>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="23"/>
        <source>Buyer revised the request</source>
        <translation>买家修改了申请</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="24"/>
        <source>Buyer asked the platform</source>
        <translation>买家申请平台介入</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="25"/>
        <source>Platform ruled for the buyer</source>
        <translation>平台判买家胜</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="26"/>
        <source>Platform ruled for the seller</source>
        <translation>平台判卖家胜</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="27"/>
        <location filename="../../ui/words/cases.py" line="42"/>
        <source>Buyer cancelled</source>
        <translation>买家撤销</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="28"/>
        <source>Agreed automatically (seller&apos;s time ran out)</source>
        <translation>超时自动同意（卖家处理时间已过）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="29"/>
        <source>Closed (buyer did not revise in time)</source>
        <translation>已关闭（买家未按时修改）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="31"/>
        <source>Dispute opened</source>
        <translation>买家发起纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="32"/>
        <source>Buyer changed the proposal</source>
        <translation>买家修改了方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="33"/>
        <source>Accept buyer&apos;s proposal</source>
        <translation>接受买家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="35"/>
        <source>Counter-propose</source>
        <translation>提出卖家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="36"/>
        <source>Buyer accepted seller&apos;s proposal</source>
        <translation>买家接受了卖家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="37"/>
        <source>Buyer escalated</source>
        <translation>买家提交平台仲裁</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="38"/>
        <source>Escalated automatically</source>
        <translation>系统自动升级仲裁</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="39"/>
        <source>Seller did not respond in time</source>
        <translation>卖家未按时响应</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="40"/>
        <source>Platform proposed</source>
        <translation>平台提出方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="41"/>
        <source>Platform ruling</source>
        <translation>平台裁决</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="44"/>
        <source>Return not shipped in time</source>
        <translation>买家未按时退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="45"/>
        <source>Confirm return received</source>
        <translation>确认收到退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="46"/>
        <source>Buyer appealed</source>
        <translation>买家申诉</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="47"/>
        <source>Submit proof</source>
        <translation>提交证明</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="48"/>
        <source>Platform staff joined</source>
        <translation>平台小二介入</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="53"/>
        <source>Agreed to refund</source>
        <translation>已同意退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="54"/>
        <source>Agreed to the return</source>
        <translation>已同意退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="55"/>
        <source>Confirmed the goods received (refunded)</source>
        <translation>已确认收到退货（已退款）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="56"/>
        <location filename="../../ui/words/cases.py" line="58"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="57"/>
        <source>Accepted the buyer&apos;s proposal</source>
        <translation>已接受买家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="59"/>
        <source>Counter-proposed</source>
        <translation>已提出卖家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="60"/>
        <source>Confirmed the return received</source>
        <translation>已确认收到退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="61"/>
        <source>Submitted proof</source>
        <translation>已提交证明</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="67"/>
        <source>仅退款 Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="68"/>
        <source>退货退款 Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="69"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="70"/>
        <location filename="../../ui/words/cases.py" line="88"/>
        <source>Return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="71"/>
        <source>Buyer&apos;s proposal</source>
        <translation>买家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="72"/>
        <source>Seller&apos;s proposal</source>
        <translation>卖家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="73"/>
        <source>Platform&apos;s proposal</source>
        <translation>平台方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="76"/>
        <source>waiting for the seller</source>
        <translation>等待卖家处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="77"/>
        <source>waiting for the buyer</source>
        <translation>等待买家处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="78"/>
        <source>waiting for buyer and seller</source>
        <translation>等待买卖双方处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="79"/>
        <source>refused by the seller</source>
        <translation>卖家已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="80"/>
        <source>replaced by the buyer</source>
        <translation>已被买家新方案取代</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="81"/>
        <source>agreed</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="82"/>
        <source>carried out</source>
        <translation>已执行</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="83"/>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="85"/>
        <source>Not received</source>
        <translation>未收到货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="86"/>
        <location filename="../../ui/words/cases.py" line="96"/>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="87"/>
        <source>Refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="90"/>
        <source>In transit</source>
        <translation>运输途中</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="91"/>
        <source>No tracking information (invalid waybill)</source>
        <translation>无物流信息（运单无效）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="92"/>
        <source>Parcel lost</source>
        <translation>包裹丢失</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="93"/>
        <source>Returned to sender</source>
        <translation>包裹被退回</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="94"/>
        <source>Wrong address</source>
        <translation>地址错误</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="95"/>
        <source>Held by customs</source>
        <translation>被海关扣留</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="97"/>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="98"/>
        <source>Short quantity</source>
        <translation>少件</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="99"/>
        <source>Damaged</source>
        <translation>商品破损</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="100"/>
        <source>Does not work</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="101"/>
        <source>Counterfeit</source>
        <translation>假货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="105"/>
        <source>Late shipment</source>
        <translation>延迟发货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="106"/>
        <source>Description mismatch</source>
        <translation>描述不符</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="107"/>
        <source>Intellectual property</source>
        <translation>知识产权</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="108"/>
        <source>Broken promise</source>
        <translation>违背承诺</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="109"/>
        <source>Negative review</source>
        <translation>差评</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="111"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="112"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="113"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="124"/>
        <location filename="../../ui/words/cases.py" line="155"/>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="125"/>
        <source>Carrier</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="126"/>
        <location filename="../../ui/words/cases.py" line="154"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="127"/>
        <source>Not decided</source>
        <translation>未判定</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="129"/>
        <source>defective item, not as described, late shipment, wrong or missing items</source>
        <translation>商品有缺陷、与描述不符、延迟发货、错发或漏发</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="131"/>
        <source>rude courier, slow, wrong region, lost parcel</source>
        <translation>快递员态度差、配送慢、送错地区、包裹丢失</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="132"/>
        <source>changed mind or expected more, ordered wrongly, operated wrongly</source>
        <translation>改变主意或期望过高、下错单、操作有误</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="134"/>
        <source>not classified yet</source>
        <translation>尚未判定</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="137"/>
        <location filename="../../ui/words/cases.py" line="145"/>
        <source>Waiting for the seller</source>
        <translation>等待卖家处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="138"/>
        <source>Refused by the seller</source>
        <translation>卖家已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="139"/>
        <location filename="../../ui/words/cases.py" line="148"/>
        <source>Waiting for the return</source>
        <translation>等待买家退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="140"/>
        <location filename="../../ui/words/cases.py" line="149"/>
        <source>Return on its way</source>
        <translation>退货寄回中</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="141"/>
        <source>Platform intervening</source>
        <translation>平台介入中</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="142"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="143"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="144"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="146"/>
        <source>Negotiating</source>
        <translation>协商中</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="147"/>
        <source>Escalated</source>
        <translation>已升级仲裁</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="150"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="151"/>
        <source>Appealed</source>
        <translation>已申诉</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="152"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="156"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="157"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="158"/>
        <source>Platform staff</source>
        <translation>平台小二</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="159"/>
        <source>Rep</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="162"/>
        <source>agreement between buyer and seller</source>
        <translation>买卖双方协商一致</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="163"/>
        <source>ruling of the platform</source>
        <translation>平台裁决</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="164"/>
        <source>the seller did not respond in time: the buyer&apos;s proposal was carried out</source>
        <translation>卖家未按时响应：已按买家方案执行</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="166"/>
        <source>the buyer did not ship the goods back in time: the money went to the seller</source>
        <translation>买家未按时退货：款项归卖家</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="168"/>
        <source>the buyer cancelled the dispute</source>
        <translation>买家撤销了纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="170"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="171"/>
        <source>closed without refund</source>
        <translation>已关闭，未退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="172"/>
        <source>cancelled by the buyer</source>
        <translation>买家已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="175"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="176"/>
        <source>sub-kind</source>
        <translation>子类型</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="177"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="178"/>
        <source>solution</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="179"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="180"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="181"/>
        <source>service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="182"/>
        <source>tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="183"/>
        <source>carrier</source>
        <translation>物流公司</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="184"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="185"/>
        <source>in favour of</source>
        <translation>有利于</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="186"/>
        <source>description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="187"/>
        <source>closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="188"/>
        <source>first closed at</source>
        <translation>首次关闭时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="196"/>
        <source>Lost parcel</source>
        <translation>包裹丢失</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="197"/>
        <source>Confirm the loss with the carrier: ask for a written statement and keep it as evidence.</source>
        <translation>向物流公司确认丢件：索取书面说明并留作证据。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="199"/>
        <source>Take care of the buyer first: resend the goods or refund them (see the advisor).</source>
        <translation>先安抚买家：补发或退款（参考“退款还是补发”建议）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="201"/>
        <source>If resending, ask the buyer to place a new order and to close the dispute (GEN-2).</source>
        <translation>如补发，请买家重新下单并关闭纠纷（GEN-2）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="203"/>
        <source>Claim the value of the parcel from the carrier, citing the tracking number.</source>
        <translation>凭运单号向物流公司索赔包裹价值。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="205"/>
        <source>Set the cause to &apos;carrier&apos; so the statistics show who lost it (GEN-1).</source>
        <translation>将责任方设为“物流”，以便统计中体现是谁丢失的（GEN-1）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="207"/>
        <source>Short shipment</source>
        <translation>少件</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="208"/>
        <source>Check the parcel weight recorded by the warehouse against the weight on the carrier&apos;s waybill.</source>
        <translation>核对仓库记录的包裹重量与物流面单上的重量。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="210"/>
        <source>Ask the buyer for a photo of everything received and of the label.</source>
        <translation>请买家拍摄收到的全部物品及面单照片。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="212"/>
        <source>If the weights differ, ask the carrier about the missing weight.</source>
        <translation>如重量不一致，向物流公司询问缺少的重量。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="214"/>
        <source>Resend the missing part or refund it (see the advisor for which costs less).</source>
        <translation>补发缺少的部分或退还相应款项（参考建议，看哪种成本更低）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="216"/>
        <source>Set the cause: &apos;seller&apos; if the warehouse packed too little, &apos;carrier&apos; if it went missing on the way (GEN-1).</source>
        <translation>设置责任方：仓库少装为“卖家”，途中丢失为“物流”（GEN-1）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="237"/>
        <source>Accept or refuse the buyer&apos;s proposal</source>
        <translation>接受或拒绝买家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="238"/>
        <source>Agree with the buyer on a solution</source>
        <translation>与买家就解决方案达成一致</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="239"/>
        <source>Upload the proof of delivery to the dispute</source>
        <translation>在纠纷中上传妥投证明</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="240"/>
        <source>Compensation negotiation (no proof of delivery)</source>
        <translation>赔偿协商（无妥投证明）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="241"/>
        <source>Platform dispute staff step in</source>
        <translation>平台纠纷小二介入</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="242"/>
        <source>Provide the post-office proof of delivery</source>
        <translation>提供邮局妥投证明</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="243"/>
        <source>Reach an agreement before the platform escalates the dispute</source>
        <translation>在平台升级仲裁前达成一致</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="244"/>
        <source>Respond to the buyer&apos;s proposal (else the platform refunds the buyer)</source>
        <translation>响应买家方案（否则平台将退款给买家）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="246"/>
        <source>The buyer may appeal the closed dispute</source>
        <translation>买家可对已关闭的纠纷申诉</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="247"/>
        <source>The buyer may escalate the dispute to the platform</source>
        <translation>买家可将纠纷提交平台仲裁</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="248"/>
        <source>The buyer ships the goods back (else the money goes to the seller)</source>
        <translation>买家寄回商品（否则款项归卖家）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="250"/>
        <source>The platform acts on the escalation</source>
        <translation>平台处理仲裁</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="251"/>
        <source>Agree to or refuse the buyer&apos;s request</source>
        <translation>同意或拒绝买家的申请</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="252"/>
        <source>Agree or refuse the request (else it is agreed automatically)</source>
        <translation>同意或拒绝申请（否则将自动同意）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="253"/>
        <source>The buyer revises the request or asks the platform (else it closes)</source>
        <translation>买家修改申请或申请平台介入（否则申请关闭）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="256"/>
        <source>Answer the buyer&apos;s message</source>
        <translation>回复买家的消息</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="257"/>
        <source>Reply to the buyer</source>
        <translation>回复买家</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="258"/>
        <source>Ship the paid order</source>
        <translation>发出已付款的订单</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="259"/>
        <source>Ship the order and enter its tracking number</source>
        <translation>发货并填写物流单号</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="260"/>
        <source>The buyer may open an after-sales request</source>
        <translation>买家可申请售后</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="261"/>
        <source>Completion time missing in the export: enter it, or import a report that has it</source>
        <translation>导出文件中缺少交易成功时间：请填写，或导入含此时间的报表</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="263"/>
        <source>Ship time missing in the export: the order&apos;s status says it was shipped</source>
        <translation>导出文件中缺少发货时间：订单状态显示已发货</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="265"/>
        <source>The buyer may file a description-mismatch complaint</source>
        <translation>买家可投诉描述不符</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="266"/>
        <source>The buyer&apos;s confirmation window ends (receipt time-out)</source>
        <translation>买家确认收货期限结束（超时自动确认）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="267"/>
        <source>Confirmation window nearly over: check whether the parcel is still moving</source>
        <translation>确认收货期限即将结束：查看包裹是否仍在运输</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="269"/>
        <source>Respond to the complaint at once</source>
        <translation>立即处理投诉</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="270"/>
        <source>Contact the buyer, listen and note what happened</source>
        <translation>联系买家，倾听并记录经过</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="271"/>
        <source>Follow the complaint up with the buyer</source>
        <translation>与买家跟进投诉</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="272"/>
        <source>Check the remedy with the buyer until they confirm; then close the case</source>
        <translation>与买家确认解决方案直至其认可，然后结案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="275"/>
        <source>The seller&apos;s time to respond ran out: the platform carried out the buyer&apos;s proposal</source>
        <translation>卖家响应超时：平台已执行买家方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="277"/>
        <source>No agreement in time: the platform escalated the dispute</source>
        <translation>未能及时达成一致：平台已将纠纷升级</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="278"/>
        <source>The seller&apos;s time to act ran out: the platform agreed to the request</source>
        <translation>卖家处理超时：平台已同意该申请</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="283"/>
        <source>site message</source>
        <translation>站内信</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="284"/>
        <source>order message</source>
        <translation>订单留言</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="285"/>
        <source>email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="286"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="287"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="288"/>
        <source>IM</source>
        <translation>即时通讯</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="293"/>
        <source>Arbitration rules, {0} to {1} days after the negotiation</source>
        <translation>协商结束后 {0} 至 {1} 天内仲裁裁决</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="295"/>
        <source>Follow up {0}: no reply (follow-up {1} of {2})</source>
        <translation>跟进 {0}：未回复（第 {1} 次跟进，共 {2} 次）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="297"/>
        <source>Send a short, clear follow-up by {0}, inside the buyer&apos;s daytime ({1})</source>
        <translation>在买家的白天（{1}）通过{0}发送简短清楚的跟进消息</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="301"/>
        <source>If it is still in transit, extend the buyer&apos;s confirmation window by {0} days</source>
        <translation>若包裹仍在运输，将买家确认收货期限延长 {0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="305"/>
        <source>The buyer may complain about the late shipment ({0}% of the amount, at most {1} CNY)</source>
        <translation>买家可投诉延迟发货（金额的 {0}%，最多 {1} 元）</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="336"/>
        <source>{0} {1}</source>
        <translation>{0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="337"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="344"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="354"/>
        <source>{0} day</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="355"/>
        <source>{0} days</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="356"/>
        <source>{0} {1} h</source>
        <translation>{0} {1} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="359"/>
        <source>{0} h {1} min</source>
        <translation>{0} 小时 {1} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="360"/>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="361"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="369"/>
        <source>The transaction succeeded, but its completion time is missing in the export: enter it, or import a report that has it ({0}).</source>
        <translation>交易已成功，但导出文件中缺少交易成功时间：请填写，或导入含此时间的报表（{0}）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="374"/>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="376"/>
        <source>The transaction has not succeeded yet: the after-sales window starts when it does ({0}). Until then a buyer who did not receive the goods asks for {1} ({2}).</source>
        <translation>交易尚未成功：售后期从交易成功时开始（{0}）。在此之前，未收到货的买家只能申请{1}（{2}）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="382"/>
        <source>The after-sales protection period ended on {0} (shop time, {1}): no request can be opened; the buyer can only negotiate with the seller directly.</source>
        <translation>售后保障期已于 {0}（店铺时间，{1}）结束：无法再发起申请，买家只能与卖家直接协商。</translation>
    </message>
    <message>
        <location filename="../../ui/words/cases.py" line="386"/>
        <source>{0} left to open a request for this order (until {1} shop time, {2}).</source>
        <translation>此订单还可在 {0} 内发起售后申请（截至店铺时间 {1}，{2}）。</translation>
    </message>
</context>
<context>
    <name>channel_problems</name>
    <message>
        <location filename="../../ui/words/catalog.py" line="434"/>
        <source> The server said: “{said}”</source>
        <translation>服务器原话：“{said}”</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="435"/>
        <source>AfterDesk stopped (or lost the connection) while the mail server was taking this answer: it may have reached the buyer. Look in the mailbox&apos;s Sent folder before Retry.</source>
        <translation>AfterDesk 在邮件服务器接收这条回复时停止（或断开了连接）：买家可能已经收到。重试前请先查看邮箱的“已发送”文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="436"/>
        <source>AfterDesk stopped while {platform} was taking this decision: part of it may have arrived. Look at the case in the seller centre before Retry (Retry sends only what was not taken).</source>
        <translation>{platform}受理该决定时 AfterDesk 停止了：其中一部分可能已经送达。请先在卖家后台查看该案件，再点“重试”（重试只发送尚未受理的部分）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="437"/>
        <source>No password is kept for this account on this computer: enter it in Settings › Accounts (or: afterdesk account add … --password-stdin).</source>
        <translation>这台电脑上没有保存此账户的密码：请在 设置 › 账户 中输入（或：afterdesk account add … --password-stdin）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="438"/>
        <source>The buyer has no mail address: add it to the buyer, then Retry.</source>
        <translation>买家没有邮箱地址：请为买家添加后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="439"/>
        <source>The connection to the mail server {host} ended while the answer was being sent: it may have reached the buyer.</source>
        <translation>发送回复时与邮件服务器 {host} 的连接中断：买家可能已经收到。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="440"/>
        <source>The mail server refused the answer.</source>
        <translation>邮件服务器拒收了这条回复。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="441"/>
        <source>The mail server refused the buyer&apos;s address ({addresses}).</source>
        <translation>邮件服务器拒绝了买家的地址（{addresses}）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="442"/>
        <source>The mail server refused to send from {sender}.</source>
        <translation>邮件服务器拒绝以 {sender} 发件。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="443"/>
        <source>The mail server {host} answered with an error.</source>
        <translation>邮件服务器 {host} 返回了错误。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="444"/>
        <source>The mail server {host} asked to try later.</source>
        <translation>邮件服务器 {host} 要求稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="445"/>
        <source>The mail server {host} cannot be found: no network, or the server name is wrong. AfterDesk keeps trying.</source>
        <translation>找不到邮件服务器 {host}：没有网络，或服务器名称有误。AfterDesk 会继续尝试。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="446"/>
        <source>The mail server {host} cannot be reached: no network, or the server is down. AfterDesk keeps trying.</source>
        <translation>无法连接邮件服务器 {host}：没有网络，或服务器已停机。AfterDesk 会继续尝试。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="447"/>
        <source>The mail server {host} does not offer secure sending on this port: check the port and the security setting.</source>
        <translation>邮件服务器 {host} 在此端口不提供安全发送：请检查端口和安全设置。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="448"/>
        <source>The mail server {host} refused the user name or password. Enter the password again in Settings › Accounts (or: afterdesk account add … --password-stdin).</source>
        <translation>邮件服务器 {host} 拒绝了用户名或密码。请在 设置 › 账户 中重新输入密码（或：afterdesk account add … --password-stdin）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="449"/>
        <source>The mail server {host}: its certificate is not trusted (expired, or not the server&apos;s name). Check the server name with your mail provider.</source>
        <translation>邮件服务器 {host}：其证书不受信任（已过期，或与服务器名称不符）。请向邮箱服务商核实服务器名称。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="450"/>
        <source>The secure connection to the mail server {host} failed: check the port and the security setting (TLS or STARTTLS).</source>
        <translation>与邮件服务器 {host} 的安全连接失败：请检查端口和安全设置（TLS 或 STARTTLS）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="451"/>
        <source>{platform} did not take it ({method}): {words}</source>
        <translation>{platform}未受理（{method}）：{words}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="452"/>
        <source>{platform} refused it: {words}</source>
        <translation>{platform}拒绝了：{words}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="453"/>
        <source>{platform} sent an SMS code to the seller&apos;s phone (a large refund needs it): Retry and enter the code. The platform said: {words}</source>
        <translation>{platform}已向卖家手机发送短信验证码（大额退款需要）：请点“用短信验证码重试…”并输入验证码。平台的原话：{words}</translation>
    </message>
    <message>
        <location filename="../../ui/words/channel_problems.py" line="21"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/words/channel_problems.py" line="22"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../ui/words/catalog.py" line="9"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="10"/>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="11"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="12"/>
        <source>Buyer&apos;s time</source>
        <translation>买家时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="13"/>
        <source>Buyer&apos;s words</source>
        <translation>买家原话</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="14"/>
        <source>By</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="15"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="16"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="17"/>
        <source>Case / order</source>
        <translation>案件 / 订单</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="18"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="19"/>
        <source>Cause</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="20"/>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="21"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="22"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="23"/>
        <source>Delivery</source>
        <translation>送达</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="24"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="25"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="26"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="27"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="28"/>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="29"/>
        <source>Last message</source>
        <translation>最新消息</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="30"/>
        <source>Last message at</source>
        <translation>最新消息时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="31"/>
        <source>Last scan</source>
        <translation>最新扫描</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="32"/>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="34"/>
        <source>Next due</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="35"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="36"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="37"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="38"/>
        <source>Opened</source>
        <translation>发起时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="39"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="40"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="41"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="42"/>
        <source>Promised</source>
        <translation>承诺时效</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="43"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="44"/>
        <source>Reply within</source>
        <translation>回复时限</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="45"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="46"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="47"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="48"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="49"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="50"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="51"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="53"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="54"/>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="55"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="56"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="57"/>
        <source>To</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="58"/>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="59"/>
        <source>Tracking</source>
        <translation>物流单号</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="60"/>
        <source>Type</source>
        <translation>种类</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="61"/>
        <source>Waiting since</source>
        <translation>等待自</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="62"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="63"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="64"/>
        <source>Window ends</source>
        <translation>期限截止</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="65"/>
        <source>★</source>
        <translation>★</translation>
    </message>
</context>
<context>
    <name>complaints</name>
    <message>
        <location filename="../../ui/words/complaints.py" line="9"/>
        <source>Late shipment</source>
        <translation>延迟发货</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="10"/>
        <source>Not as described</source>
        <translation>描述不符</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="11"/>
        <source>Intellectual property</source>
        <translation>知识产权</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="12"/>
        <source>Broken promise</source>
        <translation>未履行承诺</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="13"/>
        <source>Negative review</source>
        <translation>差评</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="16"/>
        <source>Respond at once</source>
        <translation>立即回应</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="17"/>
        <source>Listen without interrupting</source>
        <translation>耐心倾听，不打断</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="18"/>
        <source>Explain what happened</source>
        <translation>说明事情经过</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="19"/>
        <source>Apologise sincerely</source>
        <translation>真诚道歉</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="20"/>
        <source>Propose compensation</source>
        <translation>提出补偿</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="21"/>
        <source>Take a remedy</source>
        <translation>采取补救措施</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="22"/>
        <source>Follow up until the buyer confirms</source>
        <translation>持续跟进直到买家确认</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="25"/>
        <source>Contact the buyer now, on the channel they used.</source>
        <translation>现在就通过买家使用的渠道联系买家。</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="26"/>
        <source>Let the buyer say everything; note their words.</source>
        <translation>让买家把话说完，记下他们的原话。</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="27"/>
        <source>Say plainly what happened, without blaming the buyer.</source>
        <translation>如实说明发生了什么，不要责怪买家。</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="29"/>
        <source>A sincere apology, once.</source>
        <translation>真诚地道歉一次。</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="30"/>
        <source>Offer what fits; never in exchange for a changed review.</source>
        <translation>给出合适的补偿；绝不以修改评价作为交换。</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="32"/>
        <source>Resend, refund, repair: do what was promised.</source>
        <translation>补发、退款、维修：兑现承诺。</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="33"/>
        <source>Check with the buyer until they confirm it is solved.</source>
        <translation>持续与买家确认，直到对方确认问题已解决。</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="37"/>
        <source>Review revised by the buyer</source>
        <translation>买家已修改评价</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="38"/>
        <source>Complaint withdrawn</source>
        <translation>投诉已撤回</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="39"/>
        <source>Penalty applied</source>
        <translation>已受处罚</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="40"/>
        <source>Buyer satisfied</source>
        <translation>买家满意</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="41"/>
        <source>No change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="44"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="45"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="46"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/words/complaints.py" line="47"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>due</name>
    <message>
        <location filename="../../ui/words/due.py" line="16"/>
        <source>{n} dispute needs a response today</source>
        <translation>{n} 个纠纷今天需要回应</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="17"/>
        <source>{n} disputes need a response today</source>
        <translation>{n} 个纠纷今天需要回应</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="18"/>
        <source>{n} dispute is overdue</source>
        <translation>{n} 个纠纷已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="19"/>
        <source>{n} disputes are overdue</source>
        <translation>{n} 个纠纷已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="20"/>
        <source>{n} after-sales request needs an answer today</source>
        <translation>{n} 个售后申请今天需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="21"/>
        <source>{n} after-sales requests need an answer today</source>
        <translation>{n} 个售后申请今天需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="22"/>
        <source>{n} after-sales request is overdue</source>
        <translation>{n} 个售后申请已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="23"/>
        <source>{n} after-sales requests are overdue</source>
        <translation>{n} 个售后申请已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="24"/>
        <source>{n} order needs action today</source>
        <translation>{n} 个订单今天需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="25"/>
        <source>{n} orders need action today</source>
        <translation>{n} 个订单今天需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="26"/>
        <source>{n} order is overdue</source>
        <translation>{n} 个订单已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="27"/>
        <source>{n} orders are overdue</source>
        <translation>{n} 个订单已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="28"/>
        <source>{n} conversation needs a reply today</source>
        <translation>{n} 个会话今天需要回复</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="29"/>
        <source>{n} conversations need a reply today</source>
        <translation>{n} 个会话今天需要回复</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="30"/>
        <source>{n} conversation is overdue</source>
        <translation>{n} 个会话已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="31"/>
        <source>{n} conversations are overdue</source>
        <translation>{n} 个会话已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="32"/>
        <source>{n} complaint needs action today</source>
        <translation>{n} 个投诉今天需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="33"/>
        <source>{n} complaints need action today</source>
        <translation>{n} 个投诉今天需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="34"/>
        <source>{n} complaint is overdue</source>
        <translation>{n} 个投诉已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="35"/>
        <source>{n} complaints are overdue</source>
        <translation>{n} 个投诉已超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="37"/>
        <source>Nothing is due today.</source>
        <translation>今天没有到期事项。</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="38"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../ui/words/due.py" line="39"/>
        <source>.</source>
        <translation>。</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../ui/formatting.py" line="29"/>
        <source>overdue {0}</source>
        <translation>已超时 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="31"/>
        <source>due now</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="32"/>
        <source>in {0}</source>
        <translation>剩余 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="41"/>
        <source>{0} d {1} h</source>
        <translation>{0} 天 {1} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="42"/>
        <source>{0} d</source>
        <translation>{0} 天</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="44"/>
        <source>{0} h {1} min</source>
        <translation>{0} 小时 {1} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="45"/>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/formatting.py" line="46"/>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/words/catalog.py" line="66"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="67"/>
        <source>AliExpress</source>
        <translation>速卖通</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="68"/>
        <source>Authorisation expired</source>
        <translation>授权已过期</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="69"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="70"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="71"/>
        <source>Busy</source>
        <translation>忙碌</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="72"/>
        <source>Call limit: waiting</source>
        <translation>调用受限：等待中</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="73"/>
        <source>Certificate problem</source>
        <translation>证书问题</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="74"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="75"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="76"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="77"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="78"/>
        <source>Copied, not confirmed</source>
        <translation>已复制，未确认</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="79"/>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="80"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="81"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="82"/>
        <source>Follow up now</source>
        <translation>立即跟进</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="83"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="84"/>
        <source>Met</source>
        <translation>已达成</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="85"/>
        <source>Missed</source>
        <translation>已错过</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="86"/>
        <source>No permission</source>
        <translation>无权限</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="87"/>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="88"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="89"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="90"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="91"/>
        <source>Order message</source>
        <translation>订单留言</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="92"/>
        <source>Pending</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="93"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="94"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="95"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="96"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="97"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="98"/>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="99"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="100"/>
        <source>Sent in the platform</source>
        <translation>已在平台发送</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="101"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="102"/>
        <source>Site message</source>
        <translation>站内信</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="103"/>
        <source>Still deciding</source>
        <translation>仍在考虑</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="104"/>
        <source>Stop and note it</source>
        <translation>停止并记录</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="105"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="106"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="107"/>
        <source>Time zone</source>
        <translation>时差</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="108"/>
        <source>To send in the platform</source>
        <translation>待在平台发送</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="109"/>
        <source>To ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="110"/>
        <source>Unclear message</source>
        <translation>消息不清楚</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="111"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="112"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="113"/>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="114"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="115"/>
        <source>appealed</source>
        <translation>已申诉</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="116"/>
        <source>awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="117"/>
        <source>awaiting return</source>
        <translation>等待退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="118"/>
        <source>awaiting seller</source>
        <translation>等待卖家</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="119"/>
        <source>awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="120"/>
        <source>buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="121"/>
        <source>buyer cancelled</source>
        <translation>买家已取消</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="122"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="123"/>
        <source>carrier</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="124"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="125"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="126"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="127"/>
        <source>escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="128"/>
        <source>negotiating</source>
        <translation>协商中</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="129"/>
        <source>negotiation consensus</source>
        <translation>协商一致</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="130"/>
        <source>not as described</source>
        <translation>货不对板</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="131"/>
        <source>not received</source>
        <translation>未收到货</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="132"/>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="133"/>
        <source>platform arbitrate</source>
        <translation>平台裁决</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="134"/>
        <source>platform intervening</source>
        <translation>平台介入中</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="135"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="136"/>
        <source>refund only</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="137"/>
        <source>rep</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="138"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="139"/>
        <source>return and refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="140"/>
        <source>return shipped</source>
        <translation>退货已寄出</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="141"/>
        <source>return timeout</source>
        <translation>退货超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="142"/>
        <source>seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="143"/>
        <source>seller refused</source>
        <translation>卖家已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="144"/>
        <source>seller response timeout</source>
        <translation>卖家响应超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="145"/>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="146"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="147"/>
        <source>success</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="148"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="149"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="150"/>
        <source>waiter</source>
        <translation>子账号客服</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="151"/>
        <source>waiting buyer return</source>
        <translation>等待买家退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="152"/>
        <source>waiting seller</source>
        <translation>等待卖家处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="153"/>
        <source>waiting seller receive</source>
        <translation>等待卖家收货</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../ui/words/catalog.py" line="154"/>
        <source>Awaiting buyer</source>
        <translation>等待买家</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="155"/>
        <source>Complaints &amp; Reviews</source>
        <translation>投诉与评价</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="156"/>
        <source>Conversations</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="157"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="158"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="159"/>
        <source>Parcel watch</source>
        <translation>包裹监控</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="160"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="161"/>
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
<context>
    <name>problems</name>
    <message>
        <location filename="../../ui/errors.py" line="28"/>
        <source>No printer is set up on this computer. Add one in Windows Settings › Bluetooth &amp; devices › Printers &amp; scanners, or save the document as PDF instead.</source>
        <translation>这台电脑没有设置打印机。请在 Windows 设置 › 蓝牙和其他设备 › 打印机和扫描仪 中添加一台，或将文档另存为 PDF。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="31"/>
        <source>The file could not be read: it is not text in a format AfterDesk knows (UTF-8). Save it again as UTF-8, or choose another file.</source>
        <translation>无法读取该文件：它不是 AfterDesk 能识别的文本格式（UTF-8）。请另存为 UTF-8，或选择其他文件。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>The disk is full, so {what} could not be written. Free some space (empty the Recycle Bin, delete large downloads), then try again.</source>
        <translation>磁盘已满，无法写入{what}。请腾出空间（清空回收站、删除较大的下载文件）后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="48"/>
        <source>AfterDesk may not use {what}. Check that the file is not open in another program and not marked read-only, or choose another place.</source>
        <translation>AfterDesk 无权使用{what}。请确认该文件未被其他程序打开、未设为只读，或选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="51"/>
        <source>{what} is on a read-only drive. Choose a place on a writable drive.</source>
        <translation>{what}位于只读驱动器上。请选择可写驱动器上的位置。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="53"/>
        <source>{what} does not exist (any more). Check the name, or choose the file again.</source>
        <translation>{what}不存在（或已被删除）。请检查名称，或重新选择文件。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>{what} is a folder, not a file. Choose a file.</source>
        <translation>{what}是文件夹，不是文件。请选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="81"/>
        <source>the file {0}</source>
        <translation>文件 {0} </translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="81"/>
        <source>the file</source>
        <translation>该文件</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="193"/>
        <source>&apos;{action}&apos; is not something a rep records on {case}</source>
        <translation>“{action}”不是客服可在 {case} 上记录的操作</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="194"/>
        <source>&apos;{action}&apos; needs {names}</source>
        <translation>“{action}”需要填写 {names}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="195"/>
        <source>&apos;{action}&apos; takes no {names} (it takes: {takes})</source>
        <translation>“{action}”不接受 {names}（可填写：{takes}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="197"/>
        <source>&apos;{category}&apos; is not a file category ({categories})</source>
        <translation>“{category}”不是文件类别（可选：{categories}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="198"/>
        <source>&apos;{country}&apos; is not a two-letter country code such as BR or US</source>
        <translation>“{country}”不是两位国家代码（如 BR、US）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="199"/>
        <source>&apos;{currency}&apos; is not a three-letter currency code such as CNY or USD</source>
        <translation>“{currency}”不是三位货币代码（如 CNY、USD）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="200"/>
        <source>&apos;{key}&apos; may hold only letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, at most 64 characters, starting with a letter or digit</source>
        <translation>“{key}”只能包含字母、数字、“-”、“_”和“.”，最多 64 个字符，并以字母或数字开头</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="201"/>
        <source>&apos;{name}&apos; already answers in {which} for this shop: edit that text, or switch one of them off</source>
        <translation>“{name}”已在本店的{which}中自动回复：请编辑那条内容，或停用其中一条</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="203"/>
        <source>&apos;{name}&apos; is {megabytes:.1f} MB; a pack takes files up to {max_mb} MB (setting evidence.max_file_mb). Make the photo smaller or split the document.</source>
        <translation>“{name}”大小为 {megabytes:.1f} MB；证据包只接受不超过 {max_mb} MB 的文件（设置 evidence.max_file_mb）。请缩小照片或拆分文档。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="204"/>
        <source>&apos;{out}&apos; must end in .pdf (the bundle) or .zip (the bundle, the original files and manifest.json)</source>
        <translation>“{out}”必须以 .pdf（合并文件）或 .zip（合并文件、原始文件和 manifest.json）结尾</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="205"/>
        <source>&apos;{path}&apos; cannot be read: {problem}</source>
        <translation>无法读取“{path}”：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="206"/>
        <source>&apos;{ref}&apos; is not a complaint id (expected C-&lt;n&gt;)</source>
        <translation>“{ref}”不是投诉编号（应为 C-&lt;n&gt;）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="207"/>
        <source>&apos;{text}&apos; is not a case id (expected D-&lt;n&gt; or A-&lt;n&gt;)</source>
        <translation>“{text}”不是案件编号（应为 D-&lt;n&gt; 或 A-&lt;n&gt;）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="208"/>
        <source>&apos;{text}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>“{text}”不是日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="209"/>
        <source>&apos;{text}&apos; is not a date such as 2027-02-08</source>
        <translation>“{text}”不是日期（如 2027-02-08）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="210"/>
        <source>&apos;{value}&apos; is not an amount</source>
        <translation>“{value}”不是金额</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="211"/>
        <source>&apos;{value}&apos; is not one of: {allowed}</source>
        <translation>“{value}”不在可选范围内：{allowed}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="212"/>
        <source>&apos;{zone}&apos; is not a known time zone</source>
        <translation>“{zone}”不是已知的时区</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="213"/>
        <source>&apos;{zone}&apos; is not a known time zone (use a name like &apos;Asia/Shanghai&apos; or &apos;America/Los_Angeles&apos;)</source>
        <translation>“{zone}”不是已知的时区（请使用“Asia/Shanghai”或“America/Los_Angeles”这样的名称）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="215"/>
        <source>AfterDesk is busy writing: try again in a moment. If it stays busy, close the other AfterDesk window or program that uses the database {path}.</source>
        <translation>AfterDesk 正忙于写入：请稍后再试。如果一直忙碌，请关闭正在使用数据库 {path} 的另一个 AfterDesk 窗口或程序。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="230"/>
        <source>Database error on {path}: {problem}</source>
        <translation>数据库 {path} 出错：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="237"/>
        <source>That file is the database itself; choose a backup file.</source>
        <translation>该文件就是数据库本身；请选择一个备份文件。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="239"/>
        <source>The backup could not be written to {target}: {problem}. Check the folder and the free disk space.</source>
        <translation>无法将备份写入 {target}：{problem}。请检查文件夹和剩余磁盘空间。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="240"/>
        <source>The backup failed: {problem}</source>
        <translation>备份失败：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="241"/>
        <source>The backup {path} is damaged ({verdict}). Choose another backup file; nothing was changed.</source>
        <translation>备份 {path} 已损坏（{verdict}）。请选择其他备份文件；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="242"/>
        <source>The damaged database {db_path} could not be moved aside: {problem}. Close every program using it, then restore again.</source>
        <translation>无法移开损坏的数据库 {db_path}：{problem}。请关闭所有正在使用它的程序，然后再恢复一次。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="243"/>
        <source>The database {db_path} cannot be read, so it cannot be backed up: {exc}</source>
        <translation>无法读取数据库 {db_path}，因此无法备份：{exc}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="244"/>
        <source>The database {path} cannot be opened. Check that the folder exists and may be written.</source>
        <translation>无法打开数据库 {path}。请确认文件夹存在且可写入。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="245"/>
        <source>The database {path} cannot be read: {problem}</source>
        <translation>无法读取数据库 {path}：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="247"/>
        <source>The database {path} is read-only, so AfterDesk cannot save anything. Make the file writable (Windows: right-click it, Properties, untick Read-only), check that its folder may be written, or choose another data folder.</source>
        <translation>数据库 {path} 为只读，AfterDesk 无法保存任何内容。请将文件设为可写（Windows：右键单击文件 › 属性，取消勾选“只读”），确认其所在文件夹可写入，或选择其他数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="246"/>
        <source>The database {path} is damaged and cannot be read ({problem}). Restore it from a backup; nothing was saved.</source>
        <translation>数据库 {path} 已损坏，无法读取（{problem}）。请从备份恢复；没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="192"/>
        <source>&apos;{action}&apos; cannot be sent to the platform for {case}</source>
        <translation>{case} 的“{action}”无法发送到平台</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="196"/>
        <source>&apos;{address}&apos; is not a server address such as postgresql://rep@shop-server:5432/afterdesk</source>
        <translation>“{address}”不是服务器地址，应当形如 postgresql://rep@shop-server:5432/afterdesk</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="202"/>
        <source>&apos;{name}&apos; is not a picture or a PDF: an answer carries pictures (JPEG, PNG, GIF, WebP, BMP) and PDF documents.</source>
        <translation>“{name}”不是图片或 PDF：回复可以带图片（JPEG、PNG、GIF、WebP、BMP）和 PDF 文档。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="214"/>
        <source>--{option} is needed for {what}</source>
        <translation>{what}需要 --{option}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="216"/>
        <source>AfterDesk sends this answer itself</source>
        <translation>此回复由 AfterDesk 自动发送</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="217"/>
        <source>AliExpress takes pictures only (JPEG, PNG or GIF): {name}</source>
        <translation>速卖通只接受图片（JPEG、PNG 或 GIF）：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="218"/>
        <source>Another AfterDesk changed the same records at the same moment: try again. Nothing was saved.</source>
        <translation>另一个 AfterDesk 同时修改了相同的记录：请重试。没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="219"/>
        <source>Baidu Translate could not be reached ({reason}). Check the internet connection and try again; the phrase memory still works offline.</source>
        <translation>无法连接百度翻译（{reason}）。请检查网络后重试；短语记忆离线仍可使用。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="220"/>
        <source>Baidu Translate does not accept requests from this computer&apos;s IP address. Add the address in the Baidu Translate console, or leave the IP list empty.</source>
        <translation>百度翻译不接受这台电脑的 IP 地址。请在百度翻译管理控制台添加该地址，或把 IP 列表留空。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="221"/>
        <source>Baidu Translate does not know this app id. Check the app id in Settings › Translation.</source>
        <translation>百度翻译不认识这个 APP ID。请在 设置 › 翻译 中检查 APP ID。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="222"/>
        <source>Baidu Translate does not translate between these languages.</source>
        <translation>百度翻译不支持这两种语言之间的翻译。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="223"/>
        <source>Baidu Translate does not translate {language}.</source>
        <translation>百度翻译不支持 {language}。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="224"/>
        <source>Baidu Translate gave an answer AfterDesk cannot read. Try again later.</source>
        <translation>百度翻译的回答 AfterDesk 无法读取。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="225"/>
        <source>Baidu Translate had a problem of its own. Try again in a moment.</source>
        <translation>百度翻译自身出现问题。请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="226"/>
        <source>Baidu Translate refused the signature: the key does not belong to this app id. Enter the key again in Settings › Translation.</source>
        <translation>百度翻译拒绝了签名：密钥与这个 APP ID 不匹配。请在 设置 › 翻译 中重新输入密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="227"/>
        <source>Baidu Translate refused the translation (code {code}: {detail}).</source>
        <translation>百度翻译拒绝了翻译（错误码 {code}：{detail}）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="228"/>
        <source>Baidu Translate says a part of the request is missing. Check the app id and key in Settings › Translation.</source>
        <translation>百度翻译说请求缺少参数。请在 设置 › 翻译 中检查 APP ID 和密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="229"/>
        <source>Baidu Translate took too long to answer. Try again.</source>
        <translation>百度翻译响应超时。请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="231"/>
        <source>Long texts were sent too often. Wait a few seconds and try again.</source>
        <translation>长文本发送过于频繁。请等几秒再试。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="232"/>
        <source>No online translator is set up. Add a Baidu Translate app id and key in Settings › Translation.</source>
        <translation>没有设置在线翻译。请在 设置 › 翻译 中添加百度翻译的 APP ID 和密钥。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="233"/>
        <source>Taobao takes a refusal reason of {low} to {high} characters</source>
        <translation>淘宝要求拒绝理由为 {low} 到 {high} 个字</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="234"/>
        <source>Taobao takes a refusal&apos;s proof as a picture (GIF, JPEG or PNG): {name}</source>
        <translation>淘宝只接受图片作为拒绝凭证（GIF、JPEG 或 PNG）：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="235"/>
        <source>Taobao takes a refusal&apos;s proof of at most {limit} bytes; {name} has {size}: make it smaller</source>
        <translation>淘宝的拒绝凭证最多 {limit} 字节；{name} 有 {size} 字节：请缩小后再试</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="236"/>
        <source>Taobao takes one picture as a refusal&apos;s proof</source>
        <translation>淘宝的拒绝凭证只能是一张图片</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="238"/>
        <source>The Baidu Translate account has no balance left. Top it up in the Baidu Translate console.</source>
        <translation>百度翻译账户余额不足。请在百度翻译管理控制台充值。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="248"/>
        <source>The database {path} was made by an older AfterDesk and needs an upgrade: run `afterdesk init` (or open the window) first.</source>
        <translation>数据库 {path} 由旧版 AfterDesk 创建，需要升级：请先运行 `afterdesk init`（或打开窗口）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="249"/>
        <source>The disk holding {folder} could not be read or written ({problem}). Check that the drive or network share is still there, then try again. Nothing was saved.</source>
        <translation>无法读写 {folder} 所在的磁盘（{problem}）。请检查驱动器或网络共享是否仍然可用，然后重试。没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="250"/>
        <source>The disk holding {folder} is full: free space and try again. Nothing was saved.</source>
        <translation>{folder} 所在的磁盘已满：请释放空间后重试。没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="251"/>
        <source>The restore failed and the database was not changed: {problem}</source>
        <translation>恢复失败，数据库没有被更改：{problem}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="252"/>
        <source>The restore failed: {problem}. The damaged database is kept as {aside}.</source>
        <translation>恢复失败：{problem}。损坏的数据库保留为 {aside}。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="253"/>
        <source>The shop database {db_path} is on a server: it is backed up there (docs/server.md, pg_dump).</source>
        <translation>店铺数据库 {db_path} 在服务器上：请在服务器上备份（见 docs/server.md，pg_dump）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="254"/>
        <source>The shop server has no database named in {path}. Check the address, or create the shop database with `afterdesk server init`.</source>
        <translation>店铺服务器上没有 {path} 中指定的数据库。请检查地址，或用 `afterdesk server init` 创建店铺数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="255"/>
        <source>The shop server {path} cannot be reached ({problem}). Check that the server is running and that this computer can reach it; nothing was saved.</source>
        <translation>无法连接店铺服务器 {path}（{problem}）。请检查服务器是否在运行、本机能否访问它；没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="256"/>
        <source>The shop server {path} does not allow this login to do that ({problem}). Ask the shop&apos;s owner for the right. Nothing was saved.</source>
        <translation>店铺服务器 {path} 不允许此登录执行该操作（{problem}）。请向店主申请权限。没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="257"/>
        <source>The shop server {path} has run out of disk space or memory: tell whoever looks after it. Nothing was saved.</source>
        <translation>店铺服务器 {path} 的磁盘空间或内存已用尽：请通知服务器的管理人员。没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="258"/>
        <source>The shop server {path} refused the login ({problem}). Check the user name, and give AfterDesk the password once in the address (postgresql://user:password@host/name): it keeps it in the keyring.</source>
        <translation>店铺服务器 {path} 拒绝了登录（{problem}）。请检查用户名，并在地址中输入一次密码（postgresql://用户:密码@主机/名称）：AfterDesk 会把它保存在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="259"/>
        <source>The text is too long to translate in one go: translate it in parts.</source>
        <translation>文字太长，无法一次翻译：请分段翻译。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="260"/>
        <source>The translation service of this Baidu Translate account is switched off. Switch it on in the Baidu Translate console.</source>
        <translation>这个百度翻译账户的翻译服务已关闭。请在百度翻译管理控制台开启。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="261"/>
        <source>There is no database at {db_path} to back up.</source>
        <translation>{db_path} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="262"/>
        <source>There is no file {path}. Choose a backup file (afterdesk-….db).</source>
        <translation>文件 {path} 不存在。请选择一个备份文件（afterdesk-….db）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="263"/>
        <source>This Baidu Translate account is not verified yet. Finish the verification in the Baidu Translate console.</source>
        <translation>这个百度翻译账户尚未认证。请在百度翻译管理控制台完成认证。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="264"/>
        <source>Too many translations at once for this Baidu Translate account. Wait a second and try again, or upgrade the account.</source>
        <translation>这个百度翻译账户的访问频率超限。请等一秒再试，或升级账户。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="265"/>
        <source>a dispute with issue id {issue_id} is already recorded</source>
        <translation>纠纷编号 {issue_id} 已经记录过了</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="266"/>
        <source>a key has letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (e.g. shop1-mail)</source>
        <translation>名称只能包含字母、数字、“.”、“_”或“-”（例如 shop1-mail）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="267"/>
        <source>a login is 1 to 63 characters: &apos;{login}&apos;</source>
        <translation>登录名须为 1 到 63 个字符：&apos;{login}&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="268"/>
        <source>a message from the buyer cannot be an internal note or an automatic reply</source>
        <translation>买家发来的消息不能是内部备注或自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="269"/>
        <source>a return needs the shop&apos;s return address id on AliExpress: enter it in Settings › Accounts › Platform settings (or afterdesk account set {key} --return-address-id N), or decide in the seller centre</source>
        <translation>退货方案需要店铺在速卖通的退货地址 ID：请在 设置 › 账号 › 平台设置 中填写（或用 afterdesk account set {key} --return-address-id N），或在卖家后台处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="270"/>
        <source>a review has 1 to 5 stars, got {review_rating!r}</source>
        <translation>评价应为 1 到 5 星，收到的是 {review_rating!r}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="271"/>
        <source>a shop with the key &apos;{key}&apos; already exists</source>
        <translation>店铺标识“{key}”已存在</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="272"/>
        <source>a shortcut is one word (letters, digits, - or _)</source>
        <translation>快捷词必须是一个词（字母、数字、- 或 _）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="273"/>
        <source>agreeing to a return on Taobao needs the shop&apos;s return address ({missing}): fill it in Settings › Accounts (or afterdesk account set), or agree in the seller centre</source>
        <translation>在淘宝同意退货需要店铺的退货地址（{missing}）：请在 设置 › 账号 中填写（或用 afterdesk account set），或在卖家中心同意</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="274"/>
        <source>an account with the key &apos;{key}&apos; exists already</source>
        <translation>名为“{key}”的账户已存在</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="275"/>
        <source>an answer carries at most {count} files</source>
        <translation>一条回复最多带 {count} 个文件</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="276"/>
        <source>an answer carries at most {max_mb} MB of files; with &apos;{name}&apos; ({megabytes:.1f} MB) it would be {total:.1f} MB. Send a smaller picture, or the rest in a second answer.</source>
        <translation>一条回复的文件最多 {max_mb} MB；加上“{name}”（{megabytes:.1f} MB）将达到 {total:.1f} MB。请发送较小的图片，或把其余的放到下一条回复。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="277"/>
        <source>an automatic reply can only fill in {allowed}; remove {wrong}</source>
        <translation>自动回复只能填入 {allowed}；请删除 {wrong}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="278"/>
        <source>an internal note cannot be an automatic reply</source>
        <translation>内部备注不能是自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="279"/>
        <source>at most {count} pictures at a time</source>
        <translation>一次最多 {count} 张图片</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="280"/>
        <source>automatic reply {rule} does not exist (deleted meanwhile?)</source>
        <translation>自动回复 {rule} 不存在（是否已被删除？）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="281"/>
        <source>buyer &apos;{login}&apos; belongs to another shop</source>
        <translation>买家“{login}”属于其他店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="282"/>
        <source>choose at least one picture</source>
        <translation>请至少选择一张图片</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="283"/>
        <source>choose the language the message is written in</source>
        <translation>请选择消息所用的语言</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="284"/>
        <source>choose the shop</source>
        <translation>请选择店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="285"/>
        <source>conversation {conversation_id} does not exist (deleted meanwhile?)</source>
        <translation>会话 {conversation_id} 不存在（是否已被删除？）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="286"/>
        <source>copies must be between 1 and 99, not {copies}</source>
        <translation>份数必须在 1 到 99 之间，而不是 {copies}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="287"/>
        <source>do or skip the earlier step(s) first: {steps}</source>
        <translation>请先完成或跳过前面的步骤：{steps}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="288"/>
        <source>enter the code on the computer that syncs the account {key} (it keeps the account&apos;s secrets)</source>
        <translation>请在同步账号 {key} 的电脑上输入验证码（那台电脑保存着该账号的密钥）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="289"/>
        <source>enter the key shown beside the app id in the Baidu Translate console</source>
        <translation>请输入百度翻译管理控制台中 APP ID 旁边的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="290"/>
        <source>enter the order number</source>
        <translation>请输入订单号</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="291"/>
        <source>expected a date and time, got {value!r}</source>
        <translation>应为日期和时间，收到的是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="292"/>
        <source>expected a whole number of at least 1, got {quantity!r}</source>
        <translation>应为不小于 1 的整数，收到的是 {quantity!r}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="293"/>
        <source>expected a whole number of days (0 or more), got {value!r}</source>
        <translation>应为整数天数（0 或以上），收到的是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="294"/>
        <source>expected a whole number of days (1 or more), got {days!r}</source>
        <translation>应为整数天数（1 或以上），收到的是 {days!r}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="295"/>
        <source>expected an amount, got {value!r}</source>
        <translation>应为金额，收到的是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="296"/>
        <source>expected text, got {value!r}</source>
        <translation>应为文本，收到的是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="297"/>
        <source>expected ticked or not (True / False), got {done!r}</source>
        <translation>应为勾选或未勾选（True / False），收到的是 {done!r}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="298"/>
        <source>field &apos;{0}&apos;</source>
        <translation>字段“{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="299"/>
        <source>filters must be a mapping</source>
        <translation>筛选条件必须是键值对</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="300"/>
        <source>give the shop&apos;s mail address (--address) when the user name is not one</source>
        <translation>用户名不是邮箱地址时，请填写店铺的邮箱地址（--address）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="301"/>
        <source>give the text in at least one language</source>
        <translation>请至少用一种语言填写内容</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="302"/>
        <source>is longer than {max_len} characters</source>
        <translation>超过 {max_len} 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="303"/>
        <source>message {message_id} does not exist</source>
        <translation>消息 {message_id} 不存在</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="304"/>
        <source>message {mid} is an internal note the buyer never saw; it is not evidence</source>
        <translation>消息 {mid} 是买家从未看到的内部备注，不能作为证据</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="305"/>
        <source>message {mid} is from a conversation about another order or buyer</source>
        <translation>消息 {mid} 来自关于其他订单或买家的会话</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="306"/>
        <source>must be yes, no or unknown</source>
        <translation>必须是“是”、“否”或“未知”</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="307"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="308"/>
        <source>name a setting to change, e.g. --return-address-id N</source>
        <translation>请指明要修改的设置，例如 --return-address-id N</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="309"/>
        <source>no account with the key &apos;{key}&apos; (afterdesk account list)</source>
        <translation>没有名为“{key}”的账户（afterdesk account list）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="310"/>
        <source>no case {text}</source>
        <translation>没有案件 {text}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="311"/>
        <source>no complaint {ref}</source>
        <translation>没有投诉 {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="312"/>
        <source>no conversation {conversation_id}</source>
        <translation>没有会话 {conversation_id}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="313"/>
        <source>no database file at {file}</source>
        <translation>{file} 处没有数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="314"/>
        <source>no default printer is set: choose one with --printer ({names})</source>
        <translation>没有设置默认打印机：请用 --printer 选择一台（{names}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="315"/>
        <source>no evidence item {item}</source>
        <translation>没有证据条目 {item}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="316"/>
        <source>no message {mid}</source>
        <translation>没有消息 {mid}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="317"/>
        <source>no order {order_no}</source>
        <translation>没有订单 {order_no}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="318"/>
        <source>no printer is installed: add one in the system&apos;s printer settings, or build a PDF with &apos;afterdesk evidence build&apos;</source>
        <translation>没有安装打印机：请在系统的打印机设置中添加一台，或用“afterdesk evidence build”生成 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="319"/>
        <source>no shop with the key &apos;{key}&apos;</source>
        <translation>没有标识为“{key}”的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="320"/>
        <source>no shop with the key {keys}</source>
        <translation>没有标识为 {keys} 的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="321"/>
        <source>no statement templates in &apos;{language}&apos; (zh or en)</source>
        <translation>没有“{language}”语言的陈述模板（可选 zh 或 en）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="322"/>
        <source>no {platform} shop has order {order_no}</source>
        <translation>没有 {platform} 店铺有订单 {order_no}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="323"/>
        <source>nothing changed: give a new proposal or reason</source>
        <translation>没有任何变化：请给出新的方案或理由</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="324"/>
        <source>nothing to remember</source>
        <translation>没有需要保存的内容</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="325"/>
        <source>only AliExpress orders have a buyer confirmation window to extend</source>
        <translation>只有速卖通订单才有可延长的买家确认收货期</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="326"/>
        <source>only a failed answer can be sent again</source>
        <translation>只有发送失败的回复才能重发</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="327"/>
        <source>only a parcel still on its way can have its confirmation window extended</source>
        <translation>只有仍在运输途中的包裹才能延长确认收货期</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="328"/>
        <source>only a refund agreement Taobao did not take can be sent again with an SMS code</source>
        <translation>只有淘宝未接受的同意退款才能带短信验证码重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="329"/>
        <source>order {order_id} does not exist</source>
        <translation>订单 {order_id} 不存在</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="330"/>
        <source>order {order_id} no longer exists</source>
        <translation>订单 {order_id} 已不存在</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="331"/>
        <source>order {order_no} already has an open dispute ({other_case})</source>
        <translation>订单 {order_no} 已有未结束的纠纷（{other_case}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="332"/>
        <source>order {order_no} already has its completion time ({known:%Y-%m-%d %H:%M:%S} UTC)</source>
        <translation>订单 {order_no} 已有交易成功时间（{known:%Y-%m-%d %H:%M:%S} UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="333"/>
        <source>order {order_no} belongs to another shop</source>
        <translation>订单 {order_no} 属于其他店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="334"/>
        <source>order {order_no} has not succeeded (交易成功): it has no completion time to enter</source>
        <translation>订单 {order_no} 尚未交易成功：没有可填写的交易成功时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="335"/>
        <source>order {order_no} is a {platform} order: record an after-sales request instead of a dispute</source>
        <translation>订单 {order_no} 是{platform}订单：请记录售后申请，而不是纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="336"/>
        <source>order {order_no} is an {platform} order: its buyer opens a dispute, not a Taobao after-sales request</source>
        <translation>订单 {order_no} 是{platform}订单：其买家发起的是纠纷，而不是淘宝售后申请</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="337"/>
        <source>order {order_no} is closed (交易关闭): no after-sales request can be opened on it</source>
        <translation>订单 {order_no} 已交易关闭：不能再发起售后申请</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="338"/>
        <source>order {order_no} is in several shops ({keys}): say which with --shop KEY</source>
        <translation>订单 {order_no} 属于多个店铺（{keys}）：请用 --shop KEY 指定</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="339"/>
        <source>order {order_no} is in {currency}, not {currency2}</source>
        <translation>订单 {order_no} 的币种是 {currency}，不是 {currency2}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="340"/>
        <source>order {order_no} is not paid: there is nothing to refund</source>
        <translation>订单 {order_no} 尚未付款：没有可退的款项</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="341"/>
        <source>order {order_no} was placed by another buyer</source>
        <translation>订单 {order_no} 是其他买家下的</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="342"/>
        <source>outbox item {item} does not exist</source>
        <translation>发件箱条目 {item} 不存在</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="343"/>
        <source>quick phrase {phrase_id} does not exist</source>
        <translation>快捷短语 {phrase_id} 不存在</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="344"/>
        <source>reps and roles belong to a shop database on a server: give its address with --db postgresql://OWNER@HOST/NAME</source>
        <translation>客服和角色属于服务器上的店铺数据库：请用 --db postgresql://OWNER@HOST/NAME 给出其地址</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="345"/>
        <source>say the amount the platform decided: no proposal names one</source>
        <translation>请填写平台判定的退款金额：没有任何方案写明金额</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="346"/>
        <source>say which shop the export belongs to: --shop KEY</source>
        <translation>请说明导出文件属于哪个店铺：--shop KEY</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="347"/>
        <source>shop {key} already has a buyer &apos;{login}&apos;</source>
        <translation>店铺 {key} 已有买家“{login}”</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="348"/>
        <source>shop {key} already has order {order_no}</source>
        <translation>店铺 {key} 已有订单 {order_no}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="349"/>
        <source>shop {key} has no order {order_no}</source>
        <translation>店铺 {key} 没有订单 {order_no}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="350"/>
        <source>shop {shop} is a {platform} shop: its platform account is of kind {platform}</source>
        <translation>店铺 {shop} 是 {platform} 店铺：其平台账户的类型应为 {platform}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="351"/>
        <source>steps not done: {steps}. Do them, or say why they were skipped to close the case</source>
        <translation>尚未完成的步骤：{steps}。请完成这些步骤，或说明跳过的原因后再结案</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="352"/>
        <source>the SMS code is the {low} to {high} digits Taobao sent to the seller&apos;s phone</source>
        <translation>短信验证码是淘宝发到卖家手机的 {low} 到 {high} 位数字</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="353"/>
        <source>the amount must be more than 0</source>
        <translation>金额必须大于 0</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="354"/>
        <source>the amount {amount} must not be negative</source>
        <translation>金额 {amount} 不能为负数</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="355"/>
        <source>the app id is the number shown in the Baidu Translate console</source>
        <translation>APP ID 是百度翻译管理控制台中显示的数字</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="356"/>
        <source>the buyer is a buyer of another shop</source>
        <translation>该买家属于其他店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="357"/>
        <source>the buyer is not a buyer of shop {key}</source>
        <translation>该买家不是店铺 {key} 的买家</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="358"/>
        <source>the conversation belongs to another shop</source>
        <translation>该会话属于其他店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="359"/>
        <source>the demo needs at least {MIN_ORDERS} orders per shop</source>
        <translation>演示数据每个店铺至少需要 {MIN_ORDERS} 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="360"/>
        <source>the demo shop &apos;{key}&apos; exists already: use a new database (--db PATH) for another demo</source>
        <translation>演示店铺“{key}”已存在：如需另一套演示数据，请使用新的数据库（--db PATH）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="361"/>
        <source>the document conflicts with this database ({exc}); nothing was imported</source>
        <translation>该文件与此数据库冲突（{exc}）；没有导入任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="362"/>
        <source>the folder {parent} does not exist</source>
        <translation>文件夹 {parent} 不存在</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="363"/>
        <source>the goods price {goods_price} (cost + shipping + profit) is below 0</source>
        <translation>商品价格 {goods_price}（成本 + 运费 + 利润）低于 0</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="364"/>
        <source>the inbox cannot be sorted by &apos;{key}&apos;</source>
        <translation>收件箱不能按“{key}”排序</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="365"/>
        <source>the new login {login} needs a password (type it, or give it with --password-stdin)</source>
        <translation>新登录 {login} 需要密码（输入密码，或用 --password-stdin 提供）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="366"/>
        <source>the order has no buyer to write to</source>
        <translation>该订单没有可以联系的买家</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="367"/>
        <source>the owner {owner} needs a password</source>
        <translation>店主 {owner} 需要设置密码</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="368"/>
        <source>the pack is empty: add the conversation and evidence first</source>
        <translation>证据包是空的：请先添加会话和证据</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="369"/>
        <source>the password is empty</source>
        <translation>密码为空</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="370"/>
        <source>the period ends ({end}) before it starts ({start})</source>
        <translation>时间段的结束（{end}）早于开始（{start}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="371"/>
        <source>the refund amount must be more than 0</source>
        <translation>退款金额必须大于 0</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="372"/>
        <source>the refund amount {amount} {currency} is more than the buyer paid ({paid_amount} {currency})</source>
        <translation>退款金额 {amount} {currency} 超过了买家实付（{paid_amount} {currency}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="373"/>
        <source>the refund {refund_amount} is more than the goods price {goods_price} (cost {product_cost} + shipping {shipping_cost} + profit {profit})</source>
        <translation>退款 {refund_amount} 超过了商品价格 {goods_price}（成本 {product_cost} + 运费 {shipping_cost} + 利润 {profit}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="374"/>
        <source>the return address id is a number (AliExpress seller centre › return addresses; Taobao: the address&apos;s id in the shop&apos;s address library)</source>
        <translation>退货地址编号是一个数字（速卖通：卖家后台 › 退货地址；淘宝：店铺地址库中该地址的编号）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="375"/>
        <source>the return address&apos;s words are a Taobao setting (AliExpress keeps only its id)</source>
        <translation>退货地址的文字是淘宝的设置（速卖通只保存地址编号）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="376"/>
        <source>the rules of platform {platform} have no automatic reply</source>
        <translation>平台 {platform} 的规则中没有自动回复</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="377"/>
        <source>the seller has made no proposal the buyer could accept</source>
        <translation>卖家还没有提出可供买家接受的方案</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="378"/>
        <source>the seller&apos;s statement of {case} is empty: write it (or fill it from the template) before building, or confirm building without it (&apos;--allow-incomplete&apos;)</source>
        <translation>{case} 的卖家声明为空：请先填写（或从模板填入）再生成，或确认在没有声明的情况下生成（“--allow-incomplete”）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="379"/>
        <source>the seller&apos;s statement of {case} is empty: write it before printing, or confirm with --allow-incomplete</source>
        <translation>{case} 的卖家声明为空：请先填写再打印，或用 --allow-incomplete 确认</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="380"/>
        <source>the shop database {address} already holds data ({table}): a move goes into an empty one only (afterdesk server init makes one)</source>
        <translation>店铺数据库 {address} 中已有数据（{table}）：只能迁入空的数据库（可用 afterdesk server init 创建）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="381"/>
        <source>the shop has no AliExpress account: decide it in the seller centre, then record it here</source>
        <translation>该店铺没有速卖通账户：请在卖家后台处理，然后在此记录</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="382"/>
        <source>the shop has no Taobao account: decide it in the seller centre</source>
        <translation>该店铺没有淘宝账户：请在卖家后台处理</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="383"/>
        <source>the shortcut /{shortcut} is already used by &apos;{title}&apos;</source>
        <translation>快捷词 /{shortcut} 已被“{title}”使用</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="384"/>
        <source>the step is already {state}</source>
        <translation>该步骤已是{state}状态</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="385"/>
        <source>the {part} is empty</source>
        <translation>{part} 为空</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="386"/>
        <source>there is no printer named &apos;{name}&apos;; installed: {names}</source>
        <translation>没有名为“{name}”的打印机；已安装：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="387"/>
        <source>there is no saved view &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的已保存视图</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="388"/>
        <source>these order fields cannot be changed: {names}</source>
        <translation>以下订单字段不能修改：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="389"/>
        <source>this answer has gone (or is going) to the buyer: it cannot be changed any more</source>
        <translation>此回复已经（或正在）发给买家，不能再修改</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="390"/>
        <source>this answer was confirmed already</source>
        <translation>此回复已确认</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="391"/>
        <source>this dispute was recorded by hand (no AliExpress issue id): decide it in the seller centre, then record it here</source>
        <translation>该纠纷为手动记录（没有速卖通纠纷 ID）：请在卖家后台处理，然后在此记录</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="392"/>
        <source>this is a refund-only request: there is nothing to send back (agree)</source>
        <translation>这是仅退款申请：没有需要退回的货物（请用 agree）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="393"/>
        <source>this is a return-and-refund request: agree to the return first (agree_return)</source>
        <translation>这是退货退款申请：请先同意退货（agree_return）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="394"/>
        <source>this request was not brought in from Taobao: agree in the seller centre, then record it here</source>
        <translation>该售后申请不是从淘宝同步的：请在卖家后台同意，然后在此记录</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="395"/>
        <source>this request was not brought in from Taobao: refuse it in the seller centre, then record it here</source>
        <translation>这个申请不是从淘宝同步来的：请先在卖家中心拒绝，再在这里记录</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="396"/>
        <source>tracking event {eid} is not one of order {order_no}</source>
        <translation>物流事件 {eid} 不属于订单 {order_no}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="397"/>
        <source>unknown calendar &apos;{calendar}&apos;</source>
        <translation>未知的日历“{calendar}”</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="398"/>
        <source>unknown inbox filter(s): {names}</source>
        <translation>未知的收件箱筛选条件：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="399"/>
        <source>unknown item fields: {names}</source>
        <translation>未知的商品字段：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="400"/>
        <source>unknown order fields: {names}</source>
        <translation>未知的订单字段：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="401"/>
        <source>unknown placeholder {unknown}; use one of {known}</source>
        <translation>未知的占位符 {unknown}；请使用以下之一：{known}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="402"/>
        <source>unknown setting {name}</source>
        <translation>未知的设置 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="403"/>
        <source>without TLS the password would cross the network readable: &apos;none&apos; is only for a server on this computer or the shop&apos;s own network</source>
        <translation>不加密时密码会以明文经过网络：“不加密”仅限本机或店铺内网的服务器</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="404"/>
        <source>without https the secret and the token would cross the network readable: http is only for a server on this computer or the shop&apos;s own network</source>
        <translation>不用 https，密钥和令牌会以明文经过网络：http 只能用于本机或店铺自己网络中的服务器</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="405"/>
        <source>write a message first</source>
        <translation>请先写一条消息</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="406"/>
        <source>write the gateway as an address such as https://api-sg.aliexpress.com</source>
        <translation>请把网关写成地址，例如 https://api-sg.aliexpress.com</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="407"/>
        <source>write the server as HOST:PORT, e.g. imap.example.com:993</source>
        <translation>服务器请写成 主机:端口，例如 imap.example.com:993</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="408"/>
        <source>write: afterdesk import orders FILE --shop KEY (or: afterdesk import FILE for a JSON interchange file)</source>
        <translation>请写：afterdesk import orders FILE --shop KEY（或：afterdesk import FILE 导入 JSON 交换文件）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="409"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="410"/>
        <source>{amount} {currency} is more than the buyer paid ({paid_amount} {currency})</source>
        <translation>{amount} {currency} 超过了买家实付（{paid_amount} {currency}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="411"/>
        <source>{at:%Y-%m-%d %H:%M:%S} UTC is before {what} ({earlier:%Y-%m-%d %H:%M:%S} UTC)</source>
        <translation>{at:%Y-%m-%d %H:%M:%S} UTC 早于{what}（{earlier:%Y-%m-%d %H:%M:%S} UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="412"/>
        <source>{case} has no draft pack to submit</source>
        <translation>{case} 没有可提交的证据包草稿</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="413"/>
        <source>{case} has no draft pack to submit (version {version} is submitted already)</source>
        <translation>{case} 没有可提交的证据包草稿（第 {version} 版已经提交）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="414"/>
        <source>{case} has no evidence pack version {version}: add evidence first (or use &apos;afterdesk evidence build&apos;, which starts one)</source>
        <translation>{case} 没有第 {version} 版证据包：请先添加证据（或使用“afterdesk evidence build”新建一个）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="415"/>
        <source>{case} has no evidence pack: add evidence first (or use &apos;afterdesk evidence build&apos;, which starts one)</source>
        <translation>{case} 没有证据包：请先添加证据（或使用“afterdesk evidence build”新建一个）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="416"/>
        <source>{case} is &apos;{state}&apos;: &apos;{action}&apos; is not possible in that state.</source>
        <translation>{case} 处于“{state}”状态：此状态下不能执行“{action}”。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="417"/>
        <source>{case} is &apos;{state}&apos;: &apos;{action}&apos; is not possible in that state. Possible now: {allowed}.</source>
        <translation>{case} 处于“{state}”状态：此状态下不能执行“{action}”。现在可以：{allowed}。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="418"/>
        <source>{file} is at schema {version}, this AfterDesk at {latest}</source>
        <translation>{file} 的结构版本为 {version}，本 AfterDesk 为 {latest}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="419"/>
        <source>{key} is a mailbox: only an open-platform account has these settings</source>
        <translation>{key} 是邮箱账号：只有开放平台账号才有这些设置</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="420"/>
        <source>{login} cannot remove itself: ask another owner</source>
        <translation>{login} 不能移除自己：请另一位店主操作</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="421"/>
        <source>{login} is not a rep of this shop</source>
        <translation>{login} 不是本店的客服</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="422"/>
        <source>{name} is not a UTF-8 text file</source>
        <translation>{name} 不是 UTF-8 文本文件</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="423"/>
        <source>{name} is not valid JSON: {msg} at line {lineno}, column {colno}</source>
        <translation>{name} 不是有效的 JSON：第 {lineno} 行第 {colno} 列，{msg}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="424"/>
        <source>{name} nests lists or objects deeper than any interchange document does; it is not one</source>
        <translation>{name} 的列表或对象嵌套层数超出任何交换文件，它不是交换文件</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="425"/>
        <source>{paid} is more than the buyer paid ({paid_amount})</source>
        <translation>{paid} 超过了买家实付（{paid_amount}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="426"/>
        <source>{path} has no readable {MANIFEST_NAME}: is it an AfterDesk evidence pack? ({exc})</source>
        <translation>{path} 中没有可读的 {MANIFEST_NAME}：这是 AfterDesk 证据包吗？（{exc}）</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="427"/>
        <source>{path} is not a readable ZIP: {exc}</source>
        <translation>{path} 不是可读的 ZIP 文件：{exc}</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="428"/>
        <source>{path} is not an AfterDesk backup or is damaged ({exc}). Choose another backup file; nothing was changed.</source>
        <translation>{path} 不是 AfterDesk 备份或已损坏（{exc}）。请选择其他备份文件；没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="429"/>
        <source>{path} is not an AfterDesk backup. Nothing was changed.</source>
        <translation>{path} 不是 AfterDesk 备份。没有做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="430"/>
        <source>{value!r} is a float; give the amount as text or Decimal so no cent is lost</source>
        <translation>{value!r} 是浮点数；请以文本或 Decimal 给出金额，以免丢失分位</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="431"/>
        <source>{value} has no time zone; give the time with its zone</source>
        <translation>{value} 没有时区；请给出带时区的时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="432"/>
        <source>{value} is later than now ({now}): give a time that has already happened</source>
        <translation>{value} 晚于现在（{now}）：请填写已经发生的时间</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="433"/>
        <source>{what} was changed meanwhile by {reps} ({actions}): look at it as it is now and try again</source>
        <translation>{what} 刚刚已被 {reps} 修改（{actions}）：请查看最新内容后再试</translation>
    </message>
</context>
<context>
    <name>refusals</name>
    <message>
        <location filename="../../ui/words/catalog.py" line="162"/>
        <source>A no-reason return is only possible for intact goods (tags on, unused, unwashed); mark the goods as intact or choose the real reason.</source>
        <translation>七天无理由退货仅适用于完好的商品（吊牌完整、未使用、未洗涤）；请勾选商品完好，或选择真实原因。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="163"/>
        <source>Following up this buyer was stopped; a reply from the buyer starts a new plan.</source>
        <translation>已停止跟进此买家；买家回复后将开始新的跟进计划。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="164"/>
        <source>Goods not received after the transaction succeeded: the buyer can only ask for {allowed}, not {asked}.</source>
        <translation>交易成功后未收到货：买家只能申请{allowed}，不能申请{asked}。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="165"/>
        <source>Goods not received before the buyer confirmed receipt: the buyer can only ask for {allowed}, not {asked}.</source>
        <translation>买家确认收货前未收到货：买家只能申请{allowed}，不能申请{asked}。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="166"/>
        <source>Order {order_no} already had an after-sales request ({earlier}), which failed and was closed. Taobao allows one after-sales request per order.</source>
        <translation>订单 {order_no} 已有过售后申请（{earlier}），该申请已失败关闭。淘宝每个订单只能申请一次售后。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="167"/>
        <source>Order {order_no} already had an after-sales request ({earlier}), which is still open ({state}). Taobao allows one after-sales request per order.</source>
        <translation>订单 {order_no} 已有售后申请（{earlier}），仍在处理中（{state}）。淘宝每个订单只能申请一次售后。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="168"/>
        <source>Order {order_no} already had an after-sales request ({earlier}), which succeeded (refunded). Taobao allows one after-sales request per order.</source>
        <translation>订单 {order_no} 已有过售后申请（{earlier}），该申请已成功（已退款）。淘宝每个订单只能申请一次售后。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="169"/>
        <source>Order {order_no} already had an after-sales request ({earlier}), which was cancelled by the buyer. Taobao allows one after-sales request per order.</source>
        <translation>订单 {order_no} 已有过售后申请（{earlier}），买家已撤销。淘宝每个订单只能申请一次售后。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="170"/>
        <source>Order {order_no} has no receipt yet: the no-reason return period starts when the buyer receives the goods.</source>
        <translation>订单 {order_no} 尚未签收：无理由退货期从买家收到商品时开始计算。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="171"/>
        <source>Order {order_no} is in transit within its promised delivery time until {end} (shop time): the buyer cannot escalate before that.</source>
        <translation>订单 {order_no} 在承诺运达时间内运输中，直至 {end}（店铺时间）：在此之前买家不能升级纠纷。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="172"/>
        <source>Order {order_no} is in transit within its promised delivery time until {end} (shop time): the system cannot escalate before that.</source>
        <translation>订单 {order_no} 在承诺运达时间内运输中，直至 {end}（店铺时间）：在此之前系统不会升级纠纷。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="173"/>
        <source>Order {order_no} succeeded (交易成功) but its completion time is missing in the export, so its after-sales window cannot be checked: enter the completion time, or import a report that has it.</source>
        <translation>订单 {order_no} 已交易成功，但导出文件中缺少交易成功时间，无法核对售后期限：请填写交易成功时间，或导入含此时间的报表。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="174"/>
        <source>The after-sales protection period for order {order_no} ended on {end} (shop time, {days} days after the transaction succeeded). The buyer can only negotiate with the seller directly.</source>
        <translation>订单 {order_no} 的售后保障期已于 {end}（店铺时间，交易成功后 {days} 天）结束。买家只能与卖家直接协商。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="175"/>
        <source>The buyer cancelled this dispute: there is nothing to appeal.</source>
        <translation>买家已撤销此纠纷：无可申诉。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="176"/>
        <source>The buyer may escalate from {opens} (shop time; day {first_day} to day {last_day} after the buyer&apos;s first refund request), not yet.</source>
        <translation>买家可从 {opens}（店铺时间；买家首次退款申请后第 {first_day} 天至第 {last_day} 天）起升级纠纷，现在还不能。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="177"/>
        <source>The buyer may ship the goods back until {due} (shop time).</source>
        <translation>买家可在 {due}（店铺时间）之前寄回商品。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="178"/>
        <source>The buyer may still revise or ask the platform until {due} (shop time).</source>
        <translation>买家在 {due}（店铺时间）之前仍可修改申请或要求平台介入。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="179"/>
        <source>The buyer&apos;s time to escalate ended on {closes} (shop time; day {first_day} to day {last_day} after the buyer&apos;s first refund request).</source>
        <translation>买家升级纠纷的时间已于 {closes}（店铺时间；买家首次退款申请后第 {first_day} 天至第 {last_day} 天）结束。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="180"/>
        <source>The buyer&apos;s time to revise or ask the platform ended on {due} (shop time): the request closes. Record &apos;revise_window_expired&apos;.</source>
        <translation>买家修改申请或要求平台介入的时间已于 {due}（店铺时间）结束：申请关闭。请记录“已关闭（买家未按时修改）”（revise_window_expired）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="181"/>
        <source>The buyer&apos;s time to ship the goods back ended on {due} (shop time): the money goes to the seller. Record &apos;return_timeout&apos;.</source>
        <translation>买家寄回商品的时间已于 {due}（店铺时间）结束：款项归卖家。请记录“买家未按时退货”（return_timeout）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="182"/>
        <source>The no-reason return period for order {order_no} ended on {end} (shop time, {days} days after receipt).</source>
        <translation>订单 {order_no} 的无理由退货期已于 {end}（店铺时间，签收后 {days} 天）结束。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="183"/>
        <source>The parties may still agree until {due} (shop time): the system escalates a dispute without agreement only after that, not before.</source>
        <translation>双方在 {due}（店铺时间）之前仍可协商一致：此后系统才会升级未达成一致的纠纷。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="184"/>
        <source>The seller may respond until {due} (shop time); the buyer&apos;s proposal is carried out only after that.</source>
        <translation>卖家可在 {due}（店铺时间）之前响应；此后才会执行买家的方案。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="185"/>
        <source>The seller&apos;s time to act ended on {due} (shop time): the platform agreed automatically. Record &apos;auto_agree&apos;.</source>
        <translation>卖家处理时间已于 {due}（店铺时间）结束：平台已自动同意。请记录“超时自动同意”（auto_agree）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="186"/>
        <source>The seller&apos;s time to act runs until {due} (shop time); the platform agrees automatically only after that.</source>
        <translation>卖家处理时间持续到 {due}（店铺时间）；此后平台才会自动同意。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="187"/>
        <source>The seller&apos;s time to respond ended on {due} (shop time): the buyer&apos;s proposal is carried out. Record &apos;seller_response_timeout&apos;.</source>
        <translation>卖家响应时间已于 {due}（店铺时间）结束：将执行买家的方案。请记录“卖家未按时响应”（seller_response_timeout）。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="188"/>
        <source>The time to appeal ended on {due} (shop time, {days} days after the dispute closed).</source>
        <translation>申诉时间已于 {due}（店铺时间，纠纷结束后 {days} 天）结束。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="189"/>
        <source>This conversation is not waiting for the buyer: the buyer has replied or the shop has not written yet.</source>
        <translation>此会话并未在等待买家：买家已回复，或店铺尚未发消息。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="190"/>
        <source>This dispute was already appealed on {at} (shop time): a dispute can be appealed only once.</source>
        <translation>此纠纷已于 {at}（店铺时间）申诉过：每个纠纷只能申诉一次。</translation>
    </message>
    <message>
        <location filename="../../ui/words/catalog.py" line="191"/>
        <source>{maximum} follow-ups went unanswered: stop following up and note it.</source>
        <translation>已有 {maximum} 次跟进未获回复：请停止跟进并记录。</translation>
    </message>
    <message>
        <location filename="../../ui/words/refusals.py" line="22"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../ui/words/reports.py" line="19"/>
        <source>Dispute rate, last {days} days</source>
        <translation>纠纷率（近 {days} 天）</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="20"/>
        <source>Dispute rate per month</source>
        <translation>每月纠纷率</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="21"/>
        <source>By kind (AE-1) and service type</source>
        <translation>按纠纷类型（AE-1）与售后类型</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="22"/>
        <source>By reason</source>
        <translation>按原因</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="23"/>
        <source>By cause (GEN-1)</source>
        <translation>按责任方（GEN-1）</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="24"/>
        <source>By outcome</source>
        <translation>按结果</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="25"/>
        <source>Response times (hours)</source>
        <translation>响应时间（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="26"/>
        <source>Refunds paid</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="28"/>
        <source>AE-16: (disputes opened − cancelled by the buyer) ÷ (orders confirmed received + receipt time-outs + disputes opened). &apos;Rate % excl. AE-2&apos; leaves out the reasons that do not count: {reasons}. For ruling: escalated to the platform; ruled against: ruled with a refund to the buyer.</source>
        <translation>AE-16：（发起的纠纷 − 买家取消的纠纷）÷（确认收货的订单 + 收货超时 + 发起的纠纷）。“纠纷率 %（不含 AE-2）”不计以下原因：{reasons}。提交仲裁：已升级到平台；裁决不利：平台裁决退款给买家。</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="36"/>
        <location filename="../../ui/words/reports.py" line="37"/>
        <location filename="../../ui/words/reports.py" line="38"/>
        <location filename="../../ui/words/reports.py" line="39"/>
        <source>Disputes and after-sales requests opened in the period.</source>
        <translation>本期间发起的纠纷与售后申请。</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="40"/>
        <source>First replies from the messages; dispute and request responses from their events.</source>
        <translation>首次回复取自消息；纠纷与售后的响应取自其事件记录。</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="42"/>
        <source>Disputes resolved with money to the buyer and requests refunded, by closing day.</source>
        <translation>以退款给买家结案的纠纷和已退款的售后申请，按结案日统计。</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="47"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="47"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="48"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="48"/>
        <source>Confirmed</source>
        <translation>确认收货</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="49"/>
        <source>Time-outs</source>
        <translation>收货超时</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="49"/>
        <source>Disputes</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="50"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="50"/>
        <source>Rate %</source>
        <translation>纠纷率 %</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="51"/>
        <source>Rate % excl. AE-2</source>
        <translation>纠纷率 %（不含 AE-2）</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="51"/>
        <source>For ruling</source>
        <translation>提交仲裁</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="52"/>
        <source>Ruled against</source>
        <translation>裁决不利</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="52"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="53"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="53"/>
        <source>Cause</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="54"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="54"/>
        <source>Requests</source>
        <translation>售后申请</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="55"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="55"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="56"/>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="56"/>
        <source>Median (h)</source>
        <translation>中位数（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="57"/>
        <source>90th percentile (h)</source>
        <translation>90 分位（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="58"/>
        <source>Not answered in time</source>
        <translation>未按时回复</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="58"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="59"/>
        <source>Dispute refunds</source>
        <translation>纠纷退款笔数</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="59"/>
        <source>Dispute amount</source>
        <translation>纠纷退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="60"/>
        <source>Request refunds</source>
        <translation>售后退款笔数</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="60"/>
        <source>Request amount</source>
        <translation>售后退款金额</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="61"/>
        <source>Total paid</source>
        <translation>退款合计</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="62"/>
        <source>All AliExpress shops</source>
        <translation>全部速卖通店铺</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="63"/>
        <source>Not received</source>
        <translation>未收到货</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="63"/>
        <source>Not as described</source>
        <translation>与描述不符</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="64"/>
        <source>Refund only (仅退款)</source>
        <translation>仅退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="65"/>
        <source>Return and refund (退货退款)</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="66"/>
        <source>Agreed with the buyer</source>
        <translation>与买家协商一致</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="67"/>
        <source>Ruled by platform</source>
        <translation>平台裁决</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="68"/>
        <source>Seller did not respond in time</source>
        <translation>卖家未按时响应</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="69"/>
        <source>Buyer did not return in time</source>
        <translation>买家未按时退货</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="70"/>
        <source>Cancelled by buyer</source>
        <translation>买家取消</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="70"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="71"/>
        <source>Closed without refund</source>
        <translation>关闭未退款</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="71"/>
        <source>Still open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="72"/>
        <source>Seller</source>
        <translation>卖家</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="72"/>
        <source>Carrier</source>
        <translation>物流商</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="73"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="73"/>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="74"/>
        <source>First reply to a buyer&apos;s message</source>
        <translation>首次回复买家消息</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="75"/>
        <source>Seller response to a dispute (AE-3)</source>
        <translation>卖家响应纠纷（AE-3）</translation>
    </message>
    <message>
        <location filename="../../ui/words/reports.py" line="76"/>
        <source>Seller response to a request (TB-3)</source>
        <translation>卖家处理售后申请（TB-3）</translation>
    </message>
</context>
</TS>
