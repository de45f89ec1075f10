"""Reading the GEN-7 facts of every conversation awaiting its buyer, as of an instant, in a
handful of queries (no query per conversation). Used by the follow-up list, the follow-up
action and the deadline list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import peewee as pw

from app.models import Buyer, Conversation, Message, Order, Shop
from app.models.followups import FollowUpAttempt, FollowUpState
from app.rules.followup import FollowUpPlan, QuietFacts, plan
from app.rules.timeconv import buyer_zone

CHUNK = 500   # ids per IN (...) list


@dataclass(frozen=True)
class Quiet:
    """One conversation whose last person-written message is the rep's, with its plan."""
    conversation: Conversation       # with .buyer, .shop loaded
    order_no: str | None
    facts: QuietFacts
    plan: FollowUpPlan
    state: FollowUpState | None


def reachable_channels(conversation: Conversation, buyer: Buyer) -> tuple[str, ...]:
    """rule GEN-5: the channels this buyer can be reached on."""
    found = ["site_message"]
    if conversation.order_id is not None:
        found.append("order_message")
    if (buyer.email or "").strip():
        found.append("email")
    if (buyer.phone or "").strip():
        found += ["sms", "phone"]
    if isinstance(buyer.contacts, dict) and buyer.contacts.get("im"):
        found.append("im")
    return tuple(found)


def _chunks(ids: list[int]):
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _person_written():
    return (Message.is_auto == False) & (Message.is_internal == False)  # noqa: E712


def _last_outbound(at: datetime, conversation_ids) -> dict[int, Message]:
    """The latest person-written message of each conversation up to `at`, when it is the
    rep's: {conversation id: message}. `conversation_ids`: a list or a subquery of ids, or
    None for every conversation."""
    newest = (Message.select(Message.conversation.alias("cid"),
                             pw.fn.MAX(Message.sent_at).alias("last"))
              .where(_person_written() & (Message.sent_at <= at))
              .group_by(Message.conversation))
    if conversation_ids is not None:
        newest = newest.where(Message.conversation.in_(conversation_ids))
    query = (Message.select(Message)
             .join(newest, on=((Message.conversation == newest.c.cid)
                               & (Message.sent_at == newest.c.last)))
             .where(_person_written())
             .order_by(Message.id))
    latest: dict[int, Message] = {}
    for message in query:
        latest[message.conversation_id] = message   # the later id wins a tie
    return {cid: m for cid, m in latest.items() if m.direction == "out"}


def _recent_enough(profiles, at: datetime):
    """rule GEN-7: a subquery of the conversations that may still be followed up at `at`:
    those with a message younger than the `follow_up_within` of every platform (the shop's
    last message, which the plan looks at, is not older than the conversation's last one).
    None (every conversation) when a platform's profile sets no such limit."""
    platforms = [row[0] for row in Shop.select(Shop.platform).distinct().tuples()]
    limits = [profiles(p).duration("follow_up_within") for p in platforms
              if "follow_up_within" in profiles(p)]
    if not platforms or len(limits) < len(platforms):
        return None
    return (Conversation.select(Conversation.id)
            .where(Conversation.last_message_at >= at - max(limits)))


def quiet_conversations(profiles, at: datetime, conversation_ids: list[int] | None = None
                        ) -> list[Quiet]:
    """Every conversation awaiting its buyer at `at` with its GEN-7 plan. `profiles` maps a
    platform to its Profile (the caller's cache). `conversation_ids` narrows the search."""
    if conversation_ids is None:
        conversation_ids = _recent_enough(profiles, at)
    outbound = _last_outbound(at, conversation_ids)
    ids = sorted(outbound)
    last_in: dict[int, datetime] = {}
    attempts: dict[int, list[datetime]] = {}
    convs: dict[int, Conversation] = {}
    states: dict[int, FollowUpState] = {}
    for part in _chunks(ids):
        for cid, when in (Message.select(Message.conversation, pw.fn.MAX(Message.sent_at))
                          .where(Message.conversation.in_(part) & (Message.direction == "in")
                                 & (Message.sent_at <= at))
                          .group_by(Message.conversation).tuples()):
            last_in[cid] = Message.sent_at.python_value(when)
        for attempt in (FollowUpAttempt.select()
                        .where(FollowUpAttempt.conversation.in_(part)
                               & (FollowUpAttempt.sent_at <= at))):
            attempts.setdefault(attempt.conversation_id, []).append(attempt.sent_at)
        for conv in (Conversation.select(Conversation, Buyer, Shop, Order.id, Order.order_no)
                     .join(Buyer).switch(Conversation).join(Shop)
                     .switch(Conversation).join(Order, pw.JOIN.LEFT_OUTER)
                     .where(Conversation.id.in_(part) & (Conversation.created_at <= at))):
            convs[conv.id] = conv
        for state in FollowUpState.select().where(FollowUpState.conversation.in_(part)):
            states[state.conversation_id] = state
    found: list[Quiet] = []
    for cid in ids:
        conv = convs.get(cid)
        if conv is None:
            continue
        out = outbound[cid]
        buyer = conv.buyer
        replied = last_in.get(cid)
        state = states.get(cid)
        stopped = state.stopped_at if state is not None and state.stopped_at is not None \
            and state.stopped_at <= at else None
        facts = QuietFacts(
            last_out_at=out.sent_at, last_out_channel=out.channel, last_in_at=replied,
            follow_ups_sent=sum(1 for t in attempts.get(cid, ()) if replied is None or t > replied),
            buyer_zone=buyer_zone(buyer.country, buyer.timezone),
            reachable=reachable_channels(conv, buyer), stopped_at=stopped)
        result = plan(facts, profiles(conv.shop.platform), at)
        if result is None:
            continue
        order_no = conv.order.order_no if conv.order_id is not None else None
        found.append(Quiet(conv, order_no, facts, result, state))
    return found
