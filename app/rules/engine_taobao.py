"""Deadlines of a Taobao after-sales request (rule TB-3).

The seller's clock runs from the latest (re)submission; which timeout applies depends on
the order: virtual goods, paid but not shipped when the request came, or shipped/completed.
After a refusal the buyer's own clock runs: revise the request or ask the platform.
"""

from __future__ import annotations

from datetime import datetime

from app.rules.deadline import Deadline
from app.rules.engine_common import Builder, ShopContext, earliest, judge, known, not_before

WAITING_SELLER = "waiting_seller"
ENDED_BY_BUYER_OR_AGREEMENT = ("success", "cancelled")


def request_deadlines(request, order, ctx: ShopContext, at: datetime) -> list[Deadline]:
    """All deadlines of one after-sales request at `at` (met, missed and pending)."""
    if "seller_timeout_shipped" not in ctx.profile:
        return []  # not a Taobao profile
    b = Builder(ctx, "aftersales", order_no=getattr(order, "order_no", None),
                case_id=f"A-{request.id}")
    _seller_action(b, request, order, at)
    _buyer_revision(b, request, at)
    return b.items


def seller_timeout_key(order, submitted_at: datetime) -> str:
    """Which TB-3 timeout applies to a request submitted at `submitted_at`: the order as it
    stood at that instant decides (virtual goods; paid but not shipped; shipped or completed).
    The one decision the deadline list and the after-sales service both use."""
    if getattr(order, "is_virtual", False):
        return "seller_timeout_virtual"
    return "seller_timeout_shipped" if shipped_by(order, submitted_at) else \
        "seller_timeout_unshipped"


def shipped_by(order, instant: datetime) -> bool:
    """Had the order been shipped (or received, or completed) at `instant`? An order known
    only as received or completed was shipped by then too."""
    first = earliest(order.shipped_at, getattr(order, "confirmed_at", None), order.completed_at)
    if first is not None:
        return first <= instant
    return order.status in ("shipped", "completed")


def _seller_action(b: Builder, r, order, at: datetime) -> None:
    # rule TB-3: agree or refuse before the timeout, else the request is agreed automatically.
    start = r.submitted_at
    key = seller_timeout_key(order, start)
    due = start + b.ctx.profile.duration(key)
    acted = earliest(not_before(r.refused_at, start), not_before(r.return_agreed_at, start))
    if r.state == "success":
        acted = earliest(acted, not_before(r.resolved_at, start))
    stopped = not_before(r.resolved_at, start) if r.state in ("closed", "cancelled") else None
    if acted is None and stopped is None and r.state != WAITING_SELLER:
        return  # the request moved on without waiting for the seller
    b.add(key, kind="seller_action", due=due, starts_at=start,
          state=judge(due, at, done_at=acted, stopped_at=stopped),
          label="Agree or refuse the request (else it is agreed automatically)",
          action="Agree to or refuse the buyer's request")


def _buyer_revision(b: Builder, r, at: datetime) -> None:
    # rule TB-3: after a refusal the buyer revises or asks the platform, else it closes.
    refused = known(r.refused_at, at)
    if refused is None:
        return
    due = refused + b.ctx.profile.duration("buyer_revise_window")
    resubmitted = r.submitted_at if r.submitted_at > refused else None
    moved = earliest(not_before(r.platform_requested_at, refused), resubmitted)
    stopped = (not_before(r.resolved_at, refused)
               if r.state in ENDED_BY_BUYER_OR_AGREEMENT else None)
    b.add("buyer_revise_window", due=due, starts_at=refused, informational=True,
          state=judge(due, at, done_at=moved, stopped_at=stopped),
          label="The buyer revises the request or asks the platform (else it closes)")
