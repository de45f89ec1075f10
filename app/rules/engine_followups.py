"""Deadlines of quiet buyers (GEN-7) and of open complaints (GEN-8), for the deadline list
and the monitor. Pure: plain facts and the instant `at` are handed in.

- A follow-up (rule GEN-7, kind "follow_up") is due at the plan's instant inside the
  buyer's daytime; pending until then, overdue ("missed") after it while still unsent.
- A complaint is answered at once: the shop's reply target (HOUSE-1, kind
  "complaint_response") from the moment the buyer complained until the first GEN-8 step
  is done; after that it is followed up with the buyer every `follow_up_after` (GEN-7,
  kind "complaint_follow_up") from the rep's latest contact, until the case is closed.
"""

from __future__ import annotations

from datetime import datetime

from app.rules.deadline import Deadline
from app.rules.engine_common import Builder, ShopContext, judge
from app.rules.followup import FollowUpPlan

CHANNEL_WORDS = {"site_message": "site message", "order_message": "order message",
                 "email": "email", "sms": "SMS", "phone": "phone", "im": "IM"}


def follow_up_deadlines(plan: FollowUpPlan | None, ctx: ShopContext, at: datetime, *,
                        conversation_id: int, order_no: str | None = None,
                        buyer: str = "") -> list[Deadline]:
    """rule GEN-7: the next follow-up of a conversation awaiting the buyer, if one is left."""
    if plan is None or plan.due_at is None:       # nothing suggested
        return []
    b = Builder(ctx, "conversation", order_no=order_no, conversation_id=conversation_id)
    channel = CHANNEL_WORDS.get(plan.channel or "", plan.channel or "")
    who = f" {buyer}" if buyer else ""
    b.add("follow_up_after", kind="follow_up", due=plan.due_at, starts_at=plan.awaiting_since,
          state=judge(plan.due_at, at),
          label=f"Follow up{who}: no reply (follow-up {plan.number} of {plan.maximum})",
          action=f"Send a short, clear follow-up by {channel}, inside the buyer's daytime "
                 f"({plan.buyer_zone})")
    return b.items


def complaint_deadlines(complaint, ctx: ShopContext, at: datetime, *,
                        responded_at: datetime | None, order_no: str | None = None
                        ) -> list[Deadline]:
    """rule GEN-8: respond at once (the shop's reply target, HOUSE-1), then follow the
    complaint up every `follow_up_after` (GEN-7) until it is closed. `responded_at` is when
    the first step ("respond") was done, if it was. A closed complaint has none."""
    closed = complaint.closed_at if complaint.closed_at and complaint.closed_at <= at else None
    if complaint.opened_at > at or closed is not None:
        return []
    b = Builder(ctx, "complaint", order_no=order_no, case_id=f"C-{complaint.id}")
    p = ctx.profile
    if responded_at is None or responded_at > at:
        due = complaint.opened_at + p.duration("reply_due")
        b.add("reply_due", kind="complaint_response", due=due, starts_at=complaint.opened_at,
              state=judge(due, at), label="Respond to the complaint at once",
              action="Contact the buyer, listen and note what happened")
        return b.items
    since = max(i for i in (complaint.last_contact_at, responded_at) if i is not None and i <= at)
    due = since + p.duration("follow_up_after")
    b.add("follow_up_after", kind="complaint_follow_up", due=due, starts_at=since,
          state=judge(due, at), label="Follow the complaint up with the buyer",
          action="Check the remedy with the buyer until they confirm; then close the case")
    return b.items
