"""The demo's aftercare: complaint cases (TB-5, TB-6, GEN-8) and follow-ups of buyers who
went quiet (GEN-7), written through the same services a rep uses.

Each shop gets an open complaint part-way through the GEN-8 steps, one waiting for its
first step and one closed with an outcome; among the conversations waiting for their buyer,
some get a first follow-up sent at its due time, one runs out of follow-ups and one is
stopped by the rep, and one is tagged with why the buyer may be quiet.
"""

from __future__ import annotations

from datetime import timedelta

from app.models import Conversation, Order
from app.services.aftercare import complaints, followups

# (kind, buyer words, review stars) per platform: open and part-done, open and new, closed.
COMPLAINTS = {
    "taobao": (("late_shipment", "付款五天了还没发货，太慢了！", None),
               ("description_mismatch", "颜色和详情页图片差很多，偏灰。", None),
               ("negative_review", "质量一般，杯盖有点漏水。", 2)),
    "aliexpress": (("negative_review", "Arrived late and the box was crushed.", 2),
                   ("broken_promise", "You promised a free gift, there was none.", None),
                   ("description_mismatch", "The cable is 1 m, not 2 m as listed.", None)),
}
OFFERS = {"taobao": ("补偿 5 元无门槛优惠券", "5.00"),
          "aliexpress": ("US $3 refund for the delay", "3.00")}
DAY = timedelta(days=1)


def make_aftercare(shop, anchor, rng) -> None:
    _make_complaints(shop, anchor, rng)
    _make_follow_ups(shop, anchor, rng)


def _make_complaints(shop, anchor, rng) -> None:
    orders = list(Order.select().where((Order.shop == shop) & Order.buyer.is_null(False)
                                       & (Order.created_at < anchor - 20 * DAY))
                  .order_by(Order.created_at.desc()).limit(30))
    if len(orders) < 3:
        return
    picked = rng.sample(orders, 3)
    part_done, new, closed = (
        complaints.open_complaint(shop, kind, words, order=order, review_rating=stars,
                                  opened_at=opened, actor="demo")
        for (kind, words, stars), order, opened in zip(
            COMPLAINTS[shop.platform], picked,
            (anchor - 2 * DAY, anchor - timedelta(hours=5), anchor - 12 * DAY)))
    # GEN-8 in order: respond, listen, explain; then compensation is proposed.
    for hours, step in ((1, "respond"), (3, "listen"), (20, "explain")):
        complaints.complete_step(part_done, step, at=part_done.opened_at + timedelta(hours=hours),
                                 actor="demo")
    offer, amount = OFFERS[shop.platform]
    complaints.offer_compensation(part_done, offer, amount,
                                  at=part_done.opened_at + timedelta(hours=22), actor="demo")
    del new    # waits for its first step: the rep's clock is running
    at = closed.opened_at
    for hours, step in enumerate(("respond", "listen", "explain", "apologise",
                                  "propose_compensation", "remedy", "follow_up"), start=1):
        complaints.complete_step(closed, step, at=at + timedelta(hours=4 * hours), actor="demo")
    complaints.close_complaint(closed, "review_revised" if closed.kind == "negative_review"
                               else "buyer_satisfied", at=at + 3 * DAY, actor="demo")


def _make_follow_ups(shop, anchor, rng) -> None:
    due = []
    for row in followups.awaiting_buyer(anchor):
        if row.shop != shop.key or row.follow_ups_sent:
            continue
        conversation = Conversation.get_by_id(row.conversation_id)
        plan = followups.plan_of(conversation, anchor)
        if plan is not None and plan.due_at is not None and plan.due_at < anchor:
            due.append((row, conversation, plan))
    rng.shuffle(due)
    for role, (row, conversation, plan) in zip(("tagged", "stopped", "exhausted", "sent"), due):
        body = followups.suggested_text(row)
        if role == "tagged":    # nothing sent yet: the rep notes the buyer's time zone
            followups.set_reason(conversation, "time_zone", at=plan.awaiting_since + DAY,
                                 actor="demo")
            continue
        followups.send_follow_up(conversation, body, at=plan.due_at, author="demo",
                                 actor="demo")
        if role == "stopped":
            followups.stop_following_up(conversation, "Buyer confirmed by phone, no need to "
                                        "write again.", at=plan.due_at + timedelta(hours=1),
                                        actor="demo")
        elif role == "exhausted":
            _send_until_exhausted(conversation, body, anchor)


def _send_until_exhausted(conversation, body, anchor) -> None:
    """GEN-7: follow-ups go out at their due times until none is left."""
    while True:
        plan = followups.plan_of(conversation, anchor)
        if plan is None or plan.due_at is None or plan.due_at >= anchor:
            return
        followups.send_follow_up(conversation, body, at=plan.due_at, author="demo",
                                 actor="demo")
