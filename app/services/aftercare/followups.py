"""Buyers who went quiet (rule GEN-7): the awaiting-buyer list, the one-action follow-up,
the reason tag and the noted stop. Every write is audited and atomic.

    rows = awaiting_buyer()                         # most overdue first
    send_follow_up(conversation, "Hi! Did the parcel arrive?")   # suggested channel
    set_reason(conversation, "time_zone")
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from app.clock import as_utc, utcnow
from app.db import database
from app.models import Conversation, Message
from app.models.followups import FollowUpAttempt, FollowUpState
from app.vocab import CHANNELS, REASON_TAGS
from app.rules.followup import DUE, EXHAUSTED, FollowUpPlan, daytime_bounds, is_daytime
from app.services.common import audit
from app.services.messaging.conversations import add_message
from app.services.messaging.outbox_queue import queue_message
from app.errors import NotFound, RuleRefusal
from app.services.aftercare.followup_facts import quiet_conversations
from app.services.common.input_checks import choice, instant, text
from app.services.commerce.policy import load_profile

ENTITY = "conversation"


class _Profiles:
    """Profiles of one call, each loaded once."""

    def __init__(self):
        self._cache = {}

    def __call__(self, platform: str):
        if platform not in self._cache:
            self._cache[platform] = load_profile(platform)
        return self._cache[platform]


@dataclass(frozen=True)
class AwaitingRow:
    """One conversation awaiting its buyer, as the follow-up list shows it."""
    conversation_id: int
    shop: str
    platform: str
    buyer: str                 # login
    buyer_name: str
    country: str
    buyer_zone: str
    order_no: str | None
    subject: str
    awaiting_since: datetime   # the rep's last message
    last_channel: str
    follow_ups_sent: int
    status: str                # app.rules.followup: waiting, due, exhausted, stopped
    due_at: datetime | None    # next follow-up instant (UTC)
    channel: str | None        # suggested channel
    maximum: int
    reason: str                # REASON_TAGS or ""
    stop_note: str
    day_start: str             # the buyer's daytime, "09:00"
    day_end: str
    language: str = ""         # the conversation's (else the buyer's) language
    channels: tuple = ()       # the channels follow-ups may use on this platform (GEN-7)

    def buyer_is_awake(self, now: datetime) -> bool:
        from app.rules.followup import clock_of
        return is_daytime(now, self.buyer_zone, clock_of(self.day_start), clock_of(self.day_end))


def _row(q, profile) -> AwaitingRow:
    conv, plan = q.conversation, q.plan
    return AwaitingRow(
        conversation_id=conv.id, shop=conv.shop.key, platform=conv.shop.platform,
        buyer=conv.buyer.login, buyer_name=conv.buyer.name, country=conv.buyer.country,
        buyer_zone=plan.buyer_zone, order_no=q.order_no, subject=conv.subject,
        awaiting_since=plan.awaiting_since, last_channel=q.facts.last_out_channel,
        follow_ups_sent=q.facts.follow_ups_sent, status=plan.status, due_at=plan.due_at,
        channel=plan.channel, maximum=plan.maximum,
        reason=q.state.reason if q.state else "", stop_note=q.state.stop_note if q.state else "",
        day_start=profile.number("follow_up_day_start"),
        day_end=profile.number("follow_up_day_end"),
        language=conv.language or conv.buyer.language or "",
        channels=tuple(profile.items("follow_up_channels")))


def awaiting_buyer(at: datetime | None = None) -> list[AwaitingRow]:
    """Every conversation awaiting its buyer at `at` (default now): follow-ups due first
    (earliest first), then those waiting, then the ones whose follow-ups ran out or were
    stopped."""
    at = as_utc(at) if at is not None else utcnow()
    profiles = _Profiles()
    rows = [_row(q, profiles(q.conversation.shop.platform))
            for q in quiet_conversations(profiles, at)]
    order = {DUE: 0, "waiting": 1, EXHAUSTED: 2, "stopped": 3}
    far = datetime.max.replace(tzinfo=at.tzinfo)
    rows.sort(key=lambda r: (order.get(r.status, 9), r.due_at or far, r.awaiting_since,
                             r.conversation_id))
    return rows


def plan_of(conversation: Conversation, at: datetime | None = None) -> FollowUpPlan | None:
    """The GEN-7 plan of one conversation at `at`; None when it is not awaiting the buyer."""
    at = as_utc(at) if at is not None else utcnow()
    found = quiet_conversations(_Profiles(), at, [conversation.id])
    return found[0].plan if found else None


def send_follow_up(conversation: Conversation, body: str, *, channel: str | None = None,
                   at: datetime | None = None, author: str = "", actor: str = "rep"
                   ) -> FollowUpAttempt:
    """Send the next follow-up as one action: the rep's message through `channel` (default
    the suggested one, GEN-5) and the attempt, so the plan moves on. Refused when the buyer
    replied (nothing to follow up) or the follow-ups ran out (GEN-7: stop and note it)."""
    record = f"follow-up of conversation {conversation.id}"
    at = instant(at, "at", record) if at is not None else utcnow()
    body = text(body, "body", record)
    profile = load_profile(conversation.shop.platform)
    plan = plan_of(conversation, at)
    rule = profile.rule("follow_up_max")
    if plan is None:
        raise RuleRefusal(rule, key="follow_up_not_waiting")
    if plan.status == EXHAUSTED:
        raise RuleRefusal(rule, key="follow_up_exhausted", maximum=plan.maximum)
    if plan.status == "stopped":
        raise RuleRefusal(rule, key="follow_up_stopped")
    channel = choice(channel or plan.channel, CHANNELS, "channel", record)
    with database.atomic():
        message = add_message(conversation, "out", body, at, channel=channel, author=author,
                              actor=actor)
        attempt = FollowUpAttempt.create(
            conversation=conversation, message=message, number=plan.number, channel=channel,
            sent_at=at, suggested_channel=plan.channel or "",
            author=text(author, "author", record, max_len=100, required=False))
        audit.record(actor, ENTITY, conversation.uid, "follow_up",
                     {"number": plan.number, "channel": channel,
                      "suggested": plan.channel, "message": message.id})
        queue_message(message, actor=actor)      # delivered like any answer
    return attempt


def _state(conversation: Conversation, at: datetime) -> FollowUpState:
    state = FollowUpState.get_or_none(FollowUpState.conversation == conversation)
    return state or FollowUpState(conversation=conversation, updated_at=at)


def set_reason(conversation: Conversation, reason: str, *, at: datetime | None = None,
               actor: str = "rep") -> FollowUpState:
    """Tag why the buyer is quiet (time zone, busy, deciding, unclear message; "" clears)."""
    record = f"conversation {conversation.id}"
    if reason:
        choice(reason, REASON_TAGS, "reason", record)
    at = instant(at, "at", record) if at is not None else utcnow()
    with database.atomic():
        state = _state(conversation, at)
        before = state.reason
        state.reason, state.reason_set_at, state.reason_set_by = reason, at, actor
        state.updated_at = at
        state.save()
        audit.record(actor, ENTITY, conversation.uid, "follow_up_reason",
                     {"from": before, "to": reason})
    return state


def stop_following_up(conversation: Conversation, note: str, *, at: datetime | None = None,
                      actor: str = "rep") -> FollowUpState:
    """Note that the shop stops following up (GEN-7: after the last unanswered follow-up,
    or earlier by choice); a later buyer message starts a new plan."""
    record = f"conversation {conversation.id}"
    note = text(note, "note", record)
    at = instant(at, "at", record) if at is not None else utcnow()
    with database.atomic():
        state = _state(conversation, at)
        state.stopped_at, state.stop_note, state.stopped_by = at, note, actor
        state.updated_at = at
        state.save()
        audit.record(actor, ENTITY, conversation.uid, "follow_up_stop", {"note": note})
    return state


def daytime_of(platform: str) -> tuple[str, str]:
    """The buyer's daytime ("09:00", "20:00") of a platform's profile (GEN-7)."""
    start, end = daytime_bounds(load_profile(platform))
    return start.strftime("%H:%M"), end.strftime("%H:%M")


def follow_up_stats(since: datetime | None = None, until: datetime | None = None) -> dict:
    """For reports: follow-ups sent (by channel and by number), how many the buyer answered
    (a buyer message after the follow-up and before the next one), and the reason tags."""
    query = FollowUpAttempt.select().order_by(FollowUpAttempt.conversation, FollowUpAttempt.sent_at)
    if since is not None:
        query = query.where(FollowUpAttempt.sent_at >= as_utc(since))
    if until is not None:
        query = query.where(FollowUpAttempt.sent_at <= as_utc(until))
    attempts = list(query)
    by_conv: dict[int, list[FollowUpAttempt]] = {}
    for a in attempts:
        by_conv.setdefault(a.conversation_id, []).append(a)
    replies: dict[int, list[datetime]] = {}
    if by_conv:
        for cid, when in (Message.select(Message.conversation, Message.sent_at)
                          .where(Message.conversation.in_(list(by_conv))
                                 & (Message.direction == "in")).tuples()):
            replies.setdefault(cid, []).append(Message.sent_at.python_value(when))
    answered: Counter[str] = Counter()
    for cid, items in by_conv.items():
        for a, after in zip(items, items[1:] + [None]):
            if any(r > a.sent_at and (after is None or r < after.sent_at)
                   for r in replies.get(cid, ())):
                answered[a.channel] += 1
    reasons = Counter(s.reason for s in FollowUpState.select() if s.reason)
    return {"sent": len(attempts), "by_channel": dict(Counter(a.channel for a in attempts)),
            "by_number": dict(Counter(a.number for a in attempts)),
            "answered": sum(answered.values()), "answered_by_channel": dict(answered),
            "reasons": dict(reasons)}



@dataclass(frozen=True)
class ThreadLine:
    """One message of a thread as the follow-up page shows it."""
    direction: str
    channel: str
    sent_at: datetime
    body: str
    author: str
    is_auto: bool
    is_internal: bool


def get_conversation(conversation_id: int) -> Conversation:
    conv = Conversation.get_or_none(Conversation.id == conversation_id)
    if conv is None:
        raise NotFound("no conversation {conversation_id}", conversation_id=conversation_id)
    return conv


def recent_messages(conversation_id: int, limit: int = 30) -> list[ThreadLine]:
    """The newest `limit` messages of a conversation, oldest first."""
    rows = list(Message.select().where(Message.conversation == conversation_id)
                .order_by(Message.sent_at.desc(), Message.id.desc()).limit(limit))
    return [ThreadLine(m.direction, m.channel, m.sent_at, m.body, m.author, m.is_auto,
                       m.is_internal) for m in reversed(rows)]


# A short, clear follow-up (GEN-7) in the buyer's language; English for the others.
FOLLOW_UP_TEXTS = {
    "en": ("Hello {name}, just checking in on my last message{about}. Could you reply with "
           "a quick yes or no, or tell me what you need? Thank you!", " about order {order}"),
    "zh": ("亲，{name}您好，想跟您确认一下之前的消息{about}。方便的话回复一下是否可以，或告诉我"
           "您需要什么，谢谢！", "（订单{order}）"),
    "pt": ("Olá {name}, só para saber da minha última mensagem{about}. Pode responder com um "
           "sim ou não rápido, ou dizer-me do que precisa? Obrigado!", " sobre o pedido {order}"),
    "es": ("Hola {name}, le escribo por mi último mensaje{about}. ¿Puede responder con un sí o "
           "un no, o decirme qué necesita? ¡Gracias!", " sobre el pedido {order}"),
    "ru": ("Здравствуйте, {name}! Напоминаю о моём последнем сообщении{about}. Ответьте, "
           "пожалуйста, коротко «да» или «нет» или напишите, что вам нужно. Спасибо!",
           " по заказу {order}"),
    "fr": ("Bonjour {name}, je reviens vers vous au sujet de mon dernier message{about}. "
           "Pouvez-vous répondre par oui ou non, ou me dire ce dont vous avez besoin ? Merci !",
           " concernant la commande {order}"),
}


def suggested_text(row: AwaitingRow) -> str:
    """A short, clear follow-up the rep can edit (GEN-7), in the buyer's language when
    AfterDesk has one for it, else in English."""
    text, about = FOLLOW_UP_TEXTS.get(row.language, FOLLOW_UP_TEXTS["en"])
    name = row.buyer_name or row.buyer
    return text.format(name=name, about=about.format(order=row.order_no) if row.order_no
                       else "")


def send_suggested(conversation_id: int, body: str, channel: str | None = None, *,
                   author: str = "", actor: str = "rep") -> FollowUpAttempt:
    """The follow-up page's one action: send `body` through `channel` (default suggested)."""
    return send_follow_up(get_conversation(conversation_id), body, channel=channel,
                          author=author, actor=actor)


def set_buyer_zone(conversation_id: int, zone: str, *, actor: str = "rep") -> str:
    """The rep knows where the buyer lives (GEN-7): keep the buyer's IANA zone ("" goes back
    to the country's zone). Returns the zone follow-ups are now timed in."""
    from app.rules.timeconv import buyer_zone
    from app.services.commerce.shops import check_zone
    buyer = get_conversation(conversation_id).buyer
    zone = (zone or "").strip()
    if zone:
        check_zone(zone, f"buyer {buyer.login}")
    with database.atomic():
        before = buyer.timezone
        buyer.timezone = zone or None
        buyer.save()
        audit.record(actor, "buyer", f"{buyer.shop.key}/{buyer.login}", "set_timezone",
                     {"from": before, "to": buyer.timezone})
    return buyer_zone(buyer.country, buyer.timezone)
