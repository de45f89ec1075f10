"""A case's codes in words, as a pack shows them to a platform reviewer: English and
Chinese, the platform's staff language first (Chinese for Taobao, English for AliExpress).

No code reaches the pack as it is stored: a value without words here is shown with its
underscores turned into spaces, never as `snake_case`.
"""

from __future__ import annotations

from app.evidence.labels import REQUEST_REASONS

KINDS = {
    "not_received": ("goods not received", "未收到货"),
    "not_as_described": ("not as described", "与描述不符"),
}
SUB_KINDS = {
    "in_transit": ("still in transit", "运输途中"),
    "no_tracking": ("no tracking information", "无物流信息"),
    "lost": ("parcel lost", "包裹丢失"),
    "returned_to_sender": ("returned to sender", "退回发件人"),
    "wrong_address": ("wrong address", "地址错误"),
    "customs": ("held by customs", "海关扣留"),
    # not_as_described, quality, short_quantity, damaged: the words of the request reasons
    "not_working": ("does not work", "无法使用"),
    "counterfeit": ("counterfeit", "假冒商品"),
}
SERVICE_TYPES = {
    "refund_only": ("refund only", "仅退款"),
    "return_and_refund": ("return and refund", "退货退款"),
}
STATES = {
    "awaiting_seller": ("awaiting the seller's answer", "等待卖家处理"),
    "negotiating": ("negotiating", "协商中"),
    "escalated": ("with the platform", "平台介入中"),
    "awaiting_return": ("awaiting the return", "等待买家退货"),
    "return_shipped": ("return on its way", "买家已退货"),
    "resolved": ("resolved", "已解决"),
    "cancelled": ("cancelled", "已取消"),
    "appealed": ("appealed", "申诉中"),
    "waiting_seller": ("awaiting the seller's answer", "等待卖家处理"),
    "seller_refused": ("refused by the seller", "卖家已拒绝"),
    "waiting_buyer_return": ("awaiting the buyer's return", "等待买家退货"),
    "waiting_seller_receive": ("return on its way to the seller", "等待卖家收货"),
    "platform_intervening": ("with the platform", "平台介入中"),
    "success": ("refunded", "退款成功"),
    "closed": ("closed", "退款关闭"),
}
ACTORS = {
    "buyer": ("buyer", "买家"), "seller": ("seller", "卖家"), "platform": ("platform", "平台"),
    "system": ("platform (automatic)", "平台（自动）"), "waiter": ("platform staff", "平台小二"),
    "rep": ("seller", "卖家"),
}
ACTIONS = {
    "open_dispute": ("opened the dispute", "发起纠纷"),
    "buyer_modify": ("changed the claim", "修改纠纷"),
    "seller_accept": ("accepted the claim", "接受方案"),
    "seller_refuse": ("refused the claim", "拒绝方案"),
    "seller_counter_propose": ("proposed another solution", "提出新方案"),
    "buyer_accept": ("accepted the solution", "接受方案"),
    "buyer_escalate": ("asked the platform to decide", "申请平台介入"),
    "auto_escalate": ("passed to the platform", "自动升级至平台"),
    "seller_response_timeout": ("seller's time to answer ended", "卖家超时未处理"),
    "platform_propose": ("platform proposed a solution", "平台提出方案"),
    "platform_rule": ("platform decided", "平台裁决"),
    "buyer_cancel": ("cancelled the dispute", "取消纠纷"),
    "buyer_ship_return": ("shipped the return", "买家退货发出"),
    "return_timeout": ("return time ended", "退货超时"),
    "seller_confirm_return": ("confirmed the return arrived", "确认收到退货"),
    "appeal": ("appealed", "提出申诉"),
    "submit_proof": ("submitted evidence", "提交证据"),
    "staff_join": ("platform staff joined", "平台小二介入"),
    "open_request": ("opened the request", "申请售后"),
    "agree": ("agreed to refund", "同意退款"),
    "agree_return": ("agreed to a return", "同意退货"),
    "ship_return": ("shipped the return", "买家退货发出"),
    "confirm_received": ("confirmed the return arrived", "确认收货"),
    "refuse": ("refused", "拒绝"),
    "revise": ("changed the request", "修改申请"),
    "request_platform": ("asked the platform to step in", "申请平台介入"),
    "rule_for_buyer": ("platform decided for the buyer", "平台判买家胜"),
    "rule_for_seller": ("platform decided for the seller", "平台判卖家胜"),
    "cancel": ("cancelled", "撤销申请"),
    "auto_agree": ("agreed automatically (time ended)", "超时自动同意"),
    "revise_window_expired": ("time to change the request ended", "修改期限已过"),
}
PACK_STATES = {"draft": ("draft", "草稿"), "submitted": ("submitted", "已提交")}
CHANNELS = {
    "site_message": ("platform messages", "站内信"), "order_message": ("order messages", "订单留言"),
    "im": ("chat", "旺旺/即时消息"), "email": ("email", "电子邮件"), "sms": ("text message", "短信"),
    "phone": ("phone", "电话"),
}


AMOUNTS = {
    "asked": ("the buyer asks", "买家要求退款"),
    "refunded": ("refunded", "已退款"),
    "paid": ("the order paid", "订单实付"),
}


def amount_words(what: str, amount, currency: str, platform: str) -> str:
    en, zh = AMOUNTS[what]
    text = f"{amount:,.2f} {currency}"
    return f"{zh} {text}（{en}）" if zh_first(platform) else f"{en} {text} ({zh})"


def zh_first(platform: str) -> bool:
    """Taobao's staff read Chinese first; AliExpress's read English."""
    return platform == "taobao"


def in_words(table: dict, code: str | None, platform: str) -> str:
    """`code` in both languages, the platform's first: "仅退款 / refund only"."""
    if not code:
        return ""
    en, zh = table.get(code) or REQUEST_REASONS.get(code) or (code.replace("_", " "),) * 2
    if en == zh:
        return en
    return f"{zh} / {en}" if zh_first(platform) else f"{en} / {zh}"
