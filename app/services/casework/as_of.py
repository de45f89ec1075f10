"""Cases, orders and conversations as they stood at an instant `at` ("as of" evaluation).

The deadline list answers "what was due at `at`" from the facts known at `at` only: a case
opened after `at` does not exist yet, and a fact recorded later (a response, an escalation,
a closure, a shipment) has not happened. The views built here are light copies
(SimpleNamespace): a model is never changed or saved.

- A case's instants later than `at` are None; its `state` is the `to_state` of its last
  event at or before `at`. Values a later step overwrote are replayed from the events: the
  buyer's last change and the seller's first response after it (AE-3), the latest
  submission and refusal of a request (TB-3), the resolution and refund amount, and the
  dispute's first resolution (`first_resolution`, which a ruling after an appeal replaces).
  Descriptive fields (reason, amounts asked for) keep their current values.
- A case without recorded events keeps its stored state and resolution (while the
  closure or agreement that set the resolution is known at `at`).
- An order created after `at` does not exist; its later instants are None and its status
  follows the instants left (closed, completed, shipped, paid).
- A conversation counts only when its last message is at or before `at`: the reply state
  of earlier instants is not stored, so a conversation with later messages is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace

import peewee as pw

from app.models import AftersalesRequest, DisputeEvent
from app.services.casework.dispute_rules import RESOLUTION_OF, SELLER_RESPONSES

RECORDED = ("created_at", "updated_at", "recorded_at")   # when AfterDesk wrote the record
ORDER_INSTANTS = ("paid_at", "shipped_at", "delivered_at", "confirmed_at", "completed_at",
                  "closed_at")
ZERO = Decimal("0.00")
CHUNK = 500   # ids per query (SQLite's limit on bound values)


def plain(record, at: datetime) -> SimpleNamespace:
    """A copy of a model's fields (a foreign key as `<name>_id`) or of a plain object's
    attributes, with every platform instant later than `at` set to None."""
    if hasattr(record, "_meta"):
        values = {}
        for name, field in record._meta.fields.items():
            if isinstance(field, pw.ForeignKeyField):
                values[f"{name}_id"] = record.__data__.get(name)
            else:
                values[name] = getattr(record, name)
    else:
        values = dict(vars(record))
    for name, value in values.items():
        if isinstance(value, datetime) and name not in RECORDED and value > at:
            values[name] = None
    return SimpleNamespace(**values)


def events_of(cases: Iterable, model) -> dict[int, list]:
    """The events of the given disputes (model DisputeEvent) or requests (RequestEvent),
    oldest first, in one query per few hundred cases."""
    owner = model.dispute if model is DisputeEvent else model.request
    ids = [c.id for c in cases]
    found: dict[int, list] = {i: [] for i in ids}
    for start in range(0, len(ids), CHUNK):
        query = (model.select().where(owner.in_(ids[start:start + CHUNK]))
                 .order_by(model.at, model.id))
        for event in query:
            found[event.__data__[owner.name]].append(event)
    return found


def case_view(case, events: list, at: datetime) -> SimpleNamespace | None:
    """The dispute or after-sales request as it stood at `at`, or None before it opened."""
    if isinstance(case, AftersalesRequest) or hasattr(case, "service_type"):
        return request_view(case, events, at)
    return dispute_view(case, events, at)


def dispute_view(dispute, events: list, at: datetime) -> SimpleNamespace | None:
    if dispute.opened_at > at:
        return None
    view = plain(dispute, at)
    view.first_resolution = dispute.resolution
    if events:
        _replay_dispute(view, dispute, events, at)
    else:
        if dispute.buyer_changed_at > at:
            view.buyer_changed_at = dispute.opened_at
        if view.closed_at is None and view.return_agreed_at is None:
            view.resolution = view.first_resolution = view.refund_amount = None
    if view.escalated_at is None:
        view.escalated_by = None
    return view


def _replay_dispute(view, dispute, events: list, at: datetime) -> None:
    state, changed, responded = None, dispute.opened_at, None
    first = last = None          # resolution events up to `at`
    for event in events:
        if event.at > at:
            break
        state = event.to_state or state
        if event.action in ("open_dispute", "buyer_modify"):
            changed, responded = event.at, None           # rule AE-3 restarts
        elif event.action in SELLER_RESPONSES and responded is None:
            responded = event.at
        if event.action in RESOLUTION_OF:
            first, last = first or event, event
    view.state = state or events[0].to_state or dispute.state
    view.buyer_changed_at, view.seller_responded_at = changed, responded
    if last is None:
        view.resolution = view.first_resolution = view.refund_amount = None
        return
    assert first is not None             # set together with `last`
    view.first_resolution = RESOLUTION_OF[first.action]
    latest = [e for e in events if e.action in RESOLUTION_OF][-1]
    if latest is not last:       # a later step (a ruling after an appeal) changed them
        view.resolution = RESOLUTION_OF[last.action]
        amount = (last.detail or {}).get("refund_amount")
        view.refund_amount = Decimal(amount) if amount is not None else ZERO


def request_view(request, events: list, at: datetime) -> SimpleNamespace | None:
    if request.opened_at > at:
        return None
    view = plain(request, at)
    if events:
        state, submitted, refused, reason = None, request.opened_at, None, ""
        for event in events:
            if event.at > at:
                break
            state = event.to_state or state
            if event.action in ("open_request", "revise"):
                submitted, refused, reason = event.at, None, ""   # rule TB-3 restarts
            elif event.action == "refuse":
                refused, reason = event.at, (event.detail or {}).get("reason", "")
        view.state = state or events[0].to_state or request.state
        view.submitted_at, view.refused_at, view.refuse_reason = submitted, refused, reason
    elif request.submitted_at > at:
        view.submitted_at = request.opened_at
    if view.resolved_at is None:
        view.refund_paid = None
    return view


def order_view(order, at: datetime) -> SimpleNamespace | None:
    """The order as it stood at `at`, or None when it was created later."""
    created = getattr(order, "created_at", None)
    if created is not None and created > at:
        return None
    view = plain(order, at)
    if any(getattr(order, n, None) is not None and getattr(view, n, None) is None
           for n in ORDER_INSTANTS):
        view.status = _order_status(view)
    return view


def _order_status(view) -> str:
    for name, status in (("closed_at", "closed"), ("completed_at", "completed"),
                         ("shipped_at", "shipped"), ("paid_at", "awaiting_shipment")):
        if getattr(view, name, None) is not None:
            return status
    return "awaiting_payment"


def conversation_visible(conversation, at: datetime) -> bool:
    """Whether the conversation's reply state is the one it had at `at` (see above)."""
    last = conversation.last_message_at or conversation.last_inbound_at
    return last is not None and last <= at
