"""The deadlines of quiet buyers (GEN-7 follow-ups) and of open complaints (GEN-8), added
to the deadline list by app.services.clocks.deadlines.deadlines_at and so to the monitor's
reminders.

Follow-ups and complaint clocks are listed while pending and, once due and still not done,
as overdue ("missed"): the follow-up still has to be sent, the complaint still answered.
"""

from __future__ import annotations

from datetime import datetime

from app.rules.deadline import Deadline
from app.rules.engine_followups import follow_up_deadlines
from app.services.aftercare.complaint_queries import complaint_deadline_items
from app.services.aftercare.followup_facts import quiet_conversations
from app.services.commerce.shop_contexts import ShopContexts

SHOWN = ("pending", "missed")


def extra_deadlines(at: datetime, contexts: ShopContexts | None = None) -> list[Deadline]:
    """GEN-7 follow-ups of the conversations awaiting their buyer and the GEN-8 clocks of
    the complaints open at `at`. `contexts`: the caller's shops, profiles and calendars
    (by default loaded here)."""
    contexts = contexts or ShopContexts()
    for_shop = contexts.for_shop
    items: list[Deadline] = []
    for q in quiet_conversations(contexts.profile, at):
        conv = q.conversation
        items += follow_up_deadlines(q.plan, for_shop(conv.shop_id), at,
                                     conversation_id=conv.id, order_no=q.order_no,
                                     buyer=conv.buyer.login)
    items += complaint_deadline_items(at, for_shop)
    return [d for d in items if d.state in SHOWN]
