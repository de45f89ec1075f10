"""Placeholders in quick phrases: {buyer_name}, {order_no}, … filled from the conversation.

A placeholder that is unknown, or whose value AfterDesk does not know for this
conversation, stays in the text as it is, and `check_sendable` refuses to send such a
text: a buyer must never read "Dear {buyer_name}".
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

from app.clock import utcnow
from app.errors import InvalidInput

KNOWN = {
    "buyer_name": "the buyer's name",
    "order_no": "the order number",
    "tracking_no": "the tracking number",
    "carrier": "the carrier",
    "refund_amount": "the refund amount",
    "days_left": "days left until the promised delivery date",
}
PATTERN = re.compile(r"\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}")


class UnfilledPlaceholders(InvalidInput):
    """The text still holds placeholders; nothing was sent."""

    def __init__(self, names: list[str], record: str | None = None):
        self.names = list(names)
        unknown = [n for n in names if n not in KNOWN]
        parts = []
        missing = [n for n in names if n in KNOWN]
        if missing:
            parts.append("fill in " + ", ".join("{" + n + "}" for n in missing)
                         + " before sending")
        if unknown:
            parts.append("AfterDesk does not know " + ", ".join("{" + n + "}" for n in unknown)
                         + " (known: " + ", ".join(KNOWN) + ")")
        super().__init__("; ".join(parts), record=record, field="body")


def names_in(text: str) -> list[str]:
    """Placeholder names in `text`, each once, in order of appearance."""
    return list(dict.fromkeys(m.group(1) for m in PATTERN.finditer(text or "")))


def fill(text: str, values: dict[str, str]) -> str:
    """Replace the placeholders that have a non-empty value; leave the others."""
    def replace(match):
        value = values.get(match.group(1))
        return str(value) if value not in (None, "") else match.group(0)
    return PATTERN.sub(replace, text or "")


def check_sendable(text: str, record: str | None = None) -> None:
    names = names_in(text)
    if names:
        raise UnfilledPlaceholders(names, record)


def _money(amount: Decimal | None, currency: str) -> str:
    return "" if amount is None else f"{amount} {currency}"


def values_for(conversation, at: datetime | None = None) -> dict[str, str]:
    """What AfterDesk knows for the placeholders of this conversation; unknown ones are ''."""
    at = at or utcnow()
    buyer = conversation.buyer
    order = conversation.order
    values = {name: "" for name in KNOWN}
    values["buyer_name"] = buyer.name or buyer.login
    if order is None:
        return values
    values["order_no"] = order.order_no
    values["tracking_no"] = order.tracking_no
    values["carrier"] = order.carrier
    values["refund_amount"] = _money(_refund_amount(order), order.currency)
    if order.shipped_at is not None and order.promised_days:
        from datetime import timedelta
        left = order.shipped_at + timedelta(days=order.promised_days) - at
        values["days_left"] = str(max(0, left.days))
    return values


def _refund_amount(order) -> Decimal | None:
    """What the buyer asks for in the order's open dispute (their proposal) or request."""
    from app.models import AftersalesRequest, Dispute, DisputeProposal
    from app.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
    dispute = (Dispute.select().where((Dispute.order == order)
                                      & Dispute.state.not_in(DISPUTE_FINAL_STATES))
               .order_by(Dispute.id.desc()).first())
    if dispute is not None:
        proposal = DisputeProposal.get_or_none(dispute=dispute, party="buyer")
        if proposal is not None:
            return proposal.refund_amount
    request = (AftersalesRequest.select()
               .where((AftersalesRequest.order == order)
                      & AftersalesRequest.state.not_in(REQUEST_FINAL_STATES)).first())
    return request.amount if request is not None else None
