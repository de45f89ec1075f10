"""Order-level clocks (AE-11, TB-1, TB-5, TB-6) and the reply-due clock of a conversation
(HOUSE-1, the shop's own target)."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.rules.deadline import Deadline
from app.rules.engine_common import Builder, ShopContext, judge, known, not_before


def order_deadlines(order, ctx: ShopContext, at: datetime, *,
                    aftersales_opened_at: datetime | None = None) -> list[Deadline]:
    """The order's own clocks at `at`. `aftersales_opened_at` is when the buyer opened the
    order's after-sales request, if any (it uses the TB-1 window)."""
    b = Builder(ctx, "order", order_no=order.order_no)
    if ctx.platform == "aliexpress" and "extension_advice_lead" in ctx.profile:
        _confirmation_window(b, order, at)
    elif ctx.platform == "taobao" and "ship_within" in ctx.profile:
        _ship_by(b, order, at)
        _taobao_windows(b, order, at, aftersales_opened_at)
    return b.items


def promised_days(order, profile=None) -> int | None:
    """rule AE-11: the promised delivery days of the order; for Brazil the platform allows
    at most the profile's `delivery_limit_brazil`, so a longer promise counts as that limit."""
    days = order.promised_days
    if days is None or profile is None or "delivery_limit_brazil" not in profile:
        return days
    if (getattr(order, "destination_country", "") or "").upper() == "BR":
        return min(days, profile.number("delivery_limit_brazil"))
    return days


def confirmation_window_end(order, profile=None) -> datetime | None:
    """rule AE-11: the buyer's confirmation window ends when the promised delivery time plus
    the extensions granted have passed since shipment (days of 24 h)."""
    days = promised_days(order, profile)
    if order.shipped_at is None or days is None:
        return None
    return order.shipped_at + timedelta(days=days + (order.confirm_extension_days or 0))


def _confirmation_window(b: Builder, order, at: datetime) -> None:
    # rule AE-11: only for a parcel shipped and not yet confirmed or completed.
    if order.status != "shipped" or order.confirmed_at or order.completed_at:
        return
    p = b.ctx.profile
    end = confirmation_window_end(order, p)
    if end is None:
        return
    b.add("extension_advice_lead", kind="confirmation_window", due=end,
          starts_at=order.shipped_at, informational=True, state=judge(end, at),
          label="The buyer's confirmation window ends (receipt time-out)")
    # The advice applies in the last days of the window: it starts `extension_advice_lead`
    # before the end (not before shipment) and is due at the end; not shown before it starts.
    advise = max(end - p.duration("extension_advice_lead"), order.shipped_at)
    if at < advise:
        return
    b.add("extension_days", kind="extension_advice", due=end, starts_at=advise,
          state=judge(end, at),
          label="Confirmation window nearly over: check whether the parcel is still moving",
          action=f"If it is still in transit, extend the buyer's confirmation window by "
                 f"{p.number('extension_days')} days")


SHIPPED_STATUSES = ("shipped", "completed")   # statuses that say the goods left the shop
SHIP_TIME_MISSING = "Ship time missing in the export: the order's status says it was shipped"
COMPLETION_TIME_MISSING = ("Completion time missing in the export: enter it, or import a "
                           "report that has it")


def shipped_without_time(order) -> bool:
    """The order's status (shipped, completed) or a later instant (received, confirmed,
    completed) says it was shipped, but the export carried no ship time."""
    if order.shipped_at is not None:
        return False
    return order.status in SHIPPED_STATUSES or any(
        getattr(order, name, None) is not None
        for name in ("delivered_at", "confirmed_at", "completed_at"))


def completion_unknown(order) -> bool:
    """A Taobao order marked 交易成功 whose export carried no completion time: its TB-1
    window cannot be computed."""
    return order.status == "completed" and order.completed_at is None


def _ship_by(b: Builder, order, at: datetime) -> None:
    # rule TB-5: ship a paid order within the limit after payment.
    if order.paid_at is None:
        return
    due = order.paid_at + b.ctx.profile.duration("ship_within")
    if shipped_without_time(order):
        # shipped at an instant the export did not carry: never an unshipped-order alarm
        b.add("ship_within", kind="ship_by", due=due, starts_at=order.paid_at,
              state="unknown", informational=True, label="Ship the paid order",
              action=SHIP_TIME_MISSING)
        return
    cancelled = order.closed_at if order.shipped_at is None else None
    b.add("ship_within", kind="ship_by", due=due, starts_at=order.paid_at,
          state=judge(due, at, done_at=order.shipped_at, stopped_at=cancelled),
          label="Ship the paid order", action="Ship the order and enter its tracking number")


def _taobao_windows(b: Builder, order, at: datetime, aftersales_opened_at) -> None:
    p = b.ctx.profile
    done = known(order.completed_at, at)
    if done is None and completion_unknown(order):
        # rule TB-1: the window runs from a completion the export did not carry
        b.add("aftersales_window", due=None, starts_at=None, informational=True,
              state="unknown", label="The buyer may open an after-sales request",
              action=COMPLETION_TIME_MISSING)
    if done is not None:
        # rule TB-1: after transaction success the buyer may open an after-sales request.
        due = done + p.duration("aftersales_window")
        b.add("aftersales_window", due=due, starts_at=done, informational=True,
              state=judge(due, at, done_at=not_before(aftersales_opened_at, done)),
              label="The buyer may open an after-sales request")
        # rule TB-6: description-mismatch complaints after transaction success.
        due = done + p.duration("mismatch_complaint_window")
        b.add("mismatch_complaint_window", due=due, starts_at=done, informational=True,
              state=judge(due, at),
              label="The buyer may file a description-mismatch complaint")
    # rule TB-5: a late shipment may be complained about after the transaction ended
    # (closed; or completed when no closing time is recorded).
    ended = known(order.closed_at, at) or known(order.completed_at, at)
    if ended is None or order.paid_at is None or not _shipped_late(order, p):
        return
    due = ended + p.duration("late_shipment_complaint_window")
    b.add("late_shipment_complaint_window", kind="late_shipment_complaint", due=due,
          starts_at=ended, informational=True, state=judge(due, at),
          label=f"The buyer may complain about the late shipment "
                f"({p.number('late_shipment_rate')}% of the amount, at most "
                f"{p.number('late_shipment_cap')} CNY)")


def _shipped_late(order, profile) -> bool:
    if shipped_without_time(order):
        return False          # rule TB-5: when it shipped is not known
    limit = order.paid_at + profile.duration("ship_within")
    if order.shipped_at is not None:
        return order.shipped_at > limit
    ended = order.closed_at or order.completed_at
    return ended is not None and ended > limit


def conversation_deadlines(conversation, ctx: ShopContext, at: datetime, *,
                           order_no: str | None = None) -> list[Deadline]:
    """rule HOUSE-1: an unreplied buyer message is answered within the shop's target."""
    last_in = conversation.last_inbound_at
    if conversation.is_replied or last_in is None:
        return []
    b = Builder(ctx, "conversation", order_no=order_no, conversation_id=conversation.id)
    due = last_in + ctx.profile.duration("reply_due")
    b.add("reply_due", due=due, starts_at=last_in, state=judge(due, at),
          label="Answer the buyer's message", action="Reply to the buyer")
    return b.items
