"""The deadlines of quiet buyers (GEN-7 follow-ups) and of open complaints (GEN-8), added
to the deadline list by app.services.clocks.deadlines.deadlines_at and so to the monitor's
reminders.

Follow-ups and complaint clocks are listed while pending and, once due and still not done,
as overdue ("missed"): the follow-up still has to be sent, the complaint still answered.
"""

from __future__ import annotations

from datetime import datetime

from app.models import Shop
from app.rules.deadline import Deadline
from app.rules.engine_common import ShopContext
from app.rules.engine_followups import follow_up_deadlines
from app.services.aftercare.complaint_queries import complaint_deadline_items
from app.services.aftercare.followup_facts import quiet_conversations
from app.services.commerce.policy import load_profile

SHOWN = ("pending", "missed")


def shop_contexts():
    """A `for_shop(shop_id)` giving each shop's ShopContext, loaded once per call."""
    shops: dict[int, ShopContext] = {}
    profiles: dict[str, object] = {}

    def for_shop(shop_id: int) -> ShopContext:
        if shop_id not in shops:
            shop = Shop.get_by_id(shop_id)
            if shop.platform not in profiles:
                profiles[shop.platform] = load_profile(shop.platform)
            shops[shop_id] = ShopContext.of(shop, profiles[shop.platform])
        return shops[shop_id]

    return for_shop


def extra_deadlines(at: datetime, for_shop=None) -> list[Deadline]:
    """GEN-7 follow-ups of the conversations awaiting their buyer and the GEN-8 clocks of
    the complaints open at `at`. `for_shop(shop_id)` gives a ShopContext (the caller's
    cache); by default one is built here."""
    for_shop = for_shop or shop_contexts()
    profiles: dict[str, object] = {}

    def profile(platform: str):
        if platform not in profiles:
            profiles[platform] = load_profile(platform)
        return profiles[platform]

    items: list[Deadline] = []
    for q in quiet_conversations(profile, at):
        conv = q.conversation
        items += follow_up_deadlines(q.plan, for_shop(conv.shop_id), at,
                                     conversation_id=conv.id, order_no=q.order_no,
                                     buyer=conv.buyer.login)
    items += complaint_deadline_items(at, for_shop)
    return [d for d in items if d.state in SHOWN]
