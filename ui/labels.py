"""Words a rep reads for the model's closed vocabularies (app.models.vocab)."""

from __future__ import annotations

CHANNELS = {
    "site_message": "Site message", "order_message": "Order message", "im": "Chat",
    "email": "Email", "sms": "SMS", "phone": "Phone",
}

ORDER_STATES = {
    "awaiting_payment": "Awaiting payment", "awaiting_shipment": "To ship",
    "shipped": "Shipped", "completed": "Completed", "closed": "Closed",
}

CASE_TYPES = {"dispute": "Dispute", "aftersales": "After-sales"}

PLATFORMS = {"aliexpress": "AliExpress", "taobao": "Taobao"}

DEADLINE_STATES = {"pending": "Pending", "met": "Met", "missed": "Missed"}


def word(table: dict, value) -> str:
    """The rep's word for `value`, or the value itself with underscores as spaces."""
    if value is None:
        return ""
    return table.get(value) or str(value).replace("_", " ")
