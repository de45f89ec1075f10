"""The deadlines of one case: kept on the case after every change (its next due, for the
monitor and the queue) and listed as of an instant (the case page, the monitor's platform
steps). The deadlines of every case at once are app.services.clocks.deadlines'."""

from __future__ import annotations

from datetime import datetime

from app.clock import as_utc, utcnow
from app.models import Dispute, DisputeEvent, Order, RequestEvent, Shop
from app.rules import engine
from app.rules.deadline import Deadline
from app.services.casework import as_of
from app.services.casework.case_ids import get_case
from app.services.commerce.shop_contexts import ShopContexts


def refresh_next_due(case, at: datetime | None = None) -> None:
    """Set `case.next_due_at` (a Dispute or AftersalesRequest, not yet saved) to its
    earliest pending deadline the shop must act on at `at` (default now), or None.
    Called by the case services after every change, inside their transaction, on the case
    as it is in memory: its latest state, the change being saved included (its event is
    written after). The order is read afresh. The caller saves."""
    at = as_utc(at) if at is not None else utcnow()
    order = Order.get_by_id(case.order_id)
    ctxs = ShopContexts([Shop.get_by_id(order.shop_id)])
    items = engine.case_deadlines(case, order, ctxs.for_shop(order.shop_id), at)
    case.next_due_at = engine.next_due(items)


def case_deadlines(case_id: str, at: datetime) -> list[Deadline]:
    """All deadlines of one case ("D-12" or "A-7") as of `at`, met and missed ones
    included; none when the case was opened after `at`. A malformed id is an
    InvalidInput, an unknown one a NotFound."""
    at = as_utc(at)
    case = get_case(case_id)
    model = DisputeEvent if isinstance(case, Dispute) else RequestEvent
    view = as_of.case_view(case, as_of.events_of([case], model)[case.id], at)
    if view is None:
        return []
    order = Order.get_by_id(case.order_id)
    ctxs = ShopContexts([Shop.get_by_id(order.shop_id)])
    return engine.case_deadlines(view, as_of.order_view(order, at) or order,
                                 ctxs.for_shop(order.shop_id), at)
