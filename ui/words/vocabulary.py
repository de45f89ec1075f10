"""Words a rep reads for the model's closed vocabularies (app.vocab)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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

FOLLOW_UP_STATUSES = {"due": "Follow up now", "waiting": "Waiting",
                      "exhausted": "Stop and note it", "stopped": "Stopped"}
FOLLOW_UP_REASONS = {"time_zone": "Time zone", "busy": "Busy", "deciding": "Still deciding",
                     "unclear_message": "Unclear message"}

STARS = {"red": "Red", "orange": "Orange", "yellow": "Yellow", "green": "Green", "blue": "Blue",
         "purple": "Purple"}

DEADLINE_STATES = {"pending": "Pending", "met": "Met", "missed": "Missed", "unknown": "Unknown"}

# The channel layer (app.channels.states): an account's state, an answer's delivery.
ACCOUNT_STATES = {
    "new": "Not synced yet", "connected": "Connected", "offline": "Offline",
    "auth_failed": "Wrong password", "certificate": "Certificate problem", "error": "Error",
    "rate_limited": "Call limit: waiting", "token_expired": "Authorisation expired",
    "no_permission": "No permission",
}
OUTBOX_STATES = {
    "queued": "Queued", "sending": "Sending…", "sent": "Sent", "failed": "Not sent",
    "copied": "Copied, not confirmed", "confirmed": "Sent in the platform",
    "to_copy": "To send in the platform",     # the list: queued where AfterDesk cannot send
}


def word(table: dict, value) -> str:
    """The rep's word for `value`, or the value itself with underscores as spaces."""
    if value is None:
        return ""
    known = table.get(value)
    if known:     # listed for translators in ui/words/catalog.py
        return QCoreApplication.translate("labels", known)
    return QCoreApplication.translate("labels", str(value).replace("_", " "))
