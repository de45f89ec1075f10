"""Demo conversations: more of them on recent orders and on orders with a case, some
long, some waiting for the rep's answer, some with internal notes or a star."""

from __future__ import annotations

from datetime import timedelta

from app.demo import threads
from app.services.messaging import conversations

MINUTE = timedelta(minutes=1)
RECENT = timedelta(days=30)
FRESH = timedelta(days=4)        # a conversation this fresh may still wait for an answer
STARS = ("red", "orange", "yellow", "green", "blue", "purple")


def make_conversations(shop, pairs, anchor, rng) -> None:
    ae = shop.platform == "aliexpress"
    general = threads.AE_GENERAL if ae else threads.TB_GENERAL
    problem = threads.AE_PROBLEM if ae else threads.TB_PROBLEM
    channels = ("site_message", "site_message", "order_message", "email") if ae else (
        "im", "im", "im", "order_message", "sms")
    notes = threads.NOTES[shop.platform]
    taken: set = set()           # one conversation per start instant keeps exports stable
    for plan, order in pairs:
        case = plan.case
        recent = anchor - order.created_at < RECENT
        if rng.random() > (0.75 if case is not None else 0.5 if recent else 0.12):
            continue
        if case is not None:
            start = max(case.t0 - timedelta(minutes=rng.randint(30, 30 * 60)),
                        order.created_at + 5 * MINUTE)
            turns = rng.choice(problem)
        else:
            since = min(anchor - order.created_at, timedelta(days=20))
            start = order.created_at + timedelta(seconds=rng.randint(
                300, max(301, int(since.total_seconds()))))
            turns = rng.choice(problem if rng.random() < 0.25 else general)
        start = min(start, anchor - timedelta(minutes=rng.randint(5, 300))).replace(
            microsecond=0)
        while start in taken:
            start -= timedelta(seconds=1)
        taken.add(start)
        if anchor - start < FRESH and rng.random() < 0.45:
            asks = [i for i, turn in enumerate(turns) if turn[0] == threads.IN]
            turns = turns[:rng.choice(asks) + 1]        # the buyer waits for an answer
        elif anchor - start >= FRESH:
            answers = [i for i, turn in enumerate(turns) if turn[0] == threads.OUT]
            turns = turns[:answers[-1] + 1]             # answered long ago
        _thread(shop, order, case, turns, start, anchor, rng, ae, rng.choice(channels),
                notes)


def _thread(shop, order, case, turns, start, anchor, rng, ae, channel, notes) -> None:
    buyer = order.buyer
    if ae:
        subject = ("Dispute on order " if case is not None else "Order ") + order.order_no
    else:
        subject = ("退款 订单 " if case is not None else "订单 ") + order.order_no
    conv = conversations.start_conversation(shop, buyer, channel, order=order, subject=subject,
                                            language=buyer.language, at=start, actor="demo")
    at = start
    for index, (direction, body, translation, *lang) in enumerate(turns):
        if index:
            at += (timedelta(minutes=rng.randint(8, 600)) if direction == threads.OUT
                   else timedelta(minutes=rng.randint(40, 30 * 60)))
        if at >= anchor:
            break
        source = lang[0] if lang else ("en" if ae else "zh")
        if direction == threads.IN:
            conversations.add_message(conv, "in", body, at, author=buyer.name,
                                      translation=translation,
                                      translation_lang="zh" if translation else "",
                                      source_lang=source, actor="demo")
        else:
            conversations.add_message(conv, "out", body, at, author="rep", source_lang=source,
                                      actor="demo")
        if index == 0 and rng.random() < 0.15 and at + 20 * MINUTE < anchor:
            conversations.add_message(conv, "out", rng.choice(notes), at + 20 * MINUTE,
                                      author="rep", is_internal=True, actor="demo")
    if rng.random() < 0.2:
        conversations.set_star(conv, rng.choice(STARS), actor="demo")
