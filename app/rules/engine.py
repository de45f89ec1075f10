"""The deadline engine in one place: give it a case, an order or a conversation with its
shop's context and the instant `at`; get back its deadlines. Pure: no database, no clock.

    ctx = ShopContext.of(shop, profile, WorkingCalendar(overrides))
    items = case_deadlines(dispute, order, ctx, at)
    case.next_due_at = next_due(items)
"""

from __future__ import annotations

from datetime import datetime, timezone

from app.rules.calendar import WorkingCalendar, add_working_days
from app.rules.deadline import Deadline
from app.rules.engine_common import ShopContext, judge
from app.rules.engine_disputes import dispute_deadlines
from app.rules.engine_orders import conversation_deadlines, order_deadlines
from app.rules.engine_taobao import request_deadlines

__all__ = ["ShopContext", "WorkingCalendar", "add_working_days", "judge", "case_deadlines",
           "dispute_deadlines", "request_deadlines", "order_deadlines",
           "conversation_deadlines", "next_due", "by_due", "is_dispute"]


_LAST = datetime.max.replace(tzinfo=timezone.utc)   # an unknown due sorts last


def is_dispute(case) -> bool:
    """A dispute has the buyer's modification clock; an after-sales request has a service type."""
    return hasattr(case, "buyer_changed_at") and not hasattr(case, "service_type")


def case_deadlines(case, order, ctx: ShopContext, at: datetime) -> list[Deadline]:
    """Deadlines of a dispute or an after-sales request, earliest first."""
    if is_dispute(case):
        return by_due(dispute_deadlines(case, order, ctx, at))
    return by_due(request_deadlines(case, order, ctx, at))


def by_due(items: list[Deadline]) -> list[Deadline]:
    """Earliest due first; ties in a stable order a rep can follow."""
    return sorted(items, key=lambda d: (d.due_at is None, d.due_at or _LAST, d.case_id or "",
                                        d.order_no or "", d.conversation_id or 0, d.rule,
                                        d.kind))


def next_due(items: list[Deadline]) -> datetime | None:
    """The earliest pending deadline the shop must act on (informational ones aside)."""
    dues = [d.due_at for d in items if d.state == "pending" and not d.informational]
    return min(dues) if dues else None
