"""The platforms' order status words -> our order states (vocab.ORDER_STATES).

AliExpress writes its statuses in Chinese or, from the English seller centre, as API names;
Taobao uses the five words of its order report. A status not listed here is a problem the
preview names (row and column), so a new platform word is never guessed silently.
"""

from __future__ import annotations

STATUSES = {
    # Taobao / Tmall order report
    "等待买家付款": "awaiting_payment",
    "买家已付款,等待卖家发货": "awaiting_shipment",
    "卖家已发货,等待买家确认": "shipped",
    "交易成功": "completed",
    "交易关闭": "closed",
    "卖家部分发货": "awaiting_shipment",
    # AliExpress seller centre (Chinese)
    "等待您发货": "awaiting_shipment",
    "等待卖家发货": "awaiting_shipment",
    "待发货": "awaiting_shipment",
    "部分发货": "awaiting_shipment",
    "等待买家收货": "shipped",
    "已发货": "shipped",
    "等待买家确认收货": "shipped",
    "纠纷中": "shipped",
    "资金处理中": "completed",
    "已完成": "completed",
    "交易完成": "completed",
    "订单完成": "completed",
    "已结束": "completed",
    "订单关闭": "closed",
    "已关闭": "closed",
    "已取消": "closed",
    "待付款": "awaiting_payment",
    "风控审核中": "awaiting_shipment",
    # AliExpress API / English seller centre
    "place_order_success": "awaiting_payment",
    "wait_seller_send_goods": "awaiting_shipment",
    "seller_part_send_goods": "awaiting_shipment",
    "risk_control": "awaiting_shipment",
    "wait_buyer_accept_goods": "shipped",
    "in_issue": "shipped",
    "in_frozen": "shipped",
    "fund_processing": "completed",
    "finish": "completed",
    "in_cancel": "closed",
    "awaiting payment": "awaiting_payment",
    "awaiting shipment": "awaiting_shipment",
    "awaiting delivery": "shipped",
    "completed": "completed",
    "closed": "closed",
}


def _key(text: str) -> str:
    return "".join(text.split()).replace("，", ",").lower()


_LOOKUP = {_key(k): v for k, v in STATUSES.items()}


def map_status(text: str) -> str | None:
    """Our state for a platform's status text, or None when the word is not known."""
    return _LOOKUP.get(_key(text or ""))
