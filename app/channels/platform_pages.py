"""Copy & open: the platform page where a rep answers a buyer by hand, for a channel
AfterDesk cannot send through yet (the answer is copied to the clipboard first).
The seller centres' message pages; the order's page when the conversation is about one."""

from __future__ import annotations

from app.models import Conversation

_MESSAGES = {
    "aliexpress": "https://csp.aliexpress.com/m_apps/message-center/home",
    "taobao": "https://myseller.taobao.com/home.htm/QnworkbenchHome/",
}
_ORDER = {
    "aliexpress": "https://csp.aliexpress.com/m_apps/order-manage/orderDetail?orderId={order}",
    "taobao": "https://trade.taobao.com/trade/detail/trade_order_detail.htm?biz_order_id={order}",
}


def page_for(conversation_id: int) -> str:
    conversation = Conversation.get_by_id(conversation_id)
    platform = conversation.shop.platform
    if conversation.order_id is not None and platform in _ORDER:
        return _ORDER[platform].format(order=conversation.order.order_no)
    return _MESSAGES.get(platform, "")
