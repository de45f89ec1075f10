"""Automatic replies (AE-12): a buyer who writes for the first time in the window gets the
shop's configured text once, at most once per buyer per window (24 h by default).

AliExpress lets sellers only add or delete these texts; AfterDesk allows editing and keeps
every earlier text as an AutoReplyRevision. The automatic reply is an ordinary message of
the thread, marked `is_auto`; it answers the buyer but leaves the conversation waiting for
a person (see app.services.conversations).
"""

from __future__ import annotations

from datetime import datetime

from app.clock import utcnow
from app.db import database
from app.models import AutoReplyRevision, AutoReplyRule, Conversation, Message
from app.services import audit, placeholders
from app.services.errors import InvalidInput
from app.services.input_checks import text

ENTITY = "auto_reply_rule"
WINDOW_KEY = "auto_reply_window"       # AE-12 in app.rules.policy
AUTHOR = "auto-reply"
# An automatic reply is sent before a rep has looked at the conversation: only what is
# always known may be filled in.
ALLOWED_PLACEHOLDERS = ("buyer_name",)


def _profile(shop):
    from app.services.policy import load_profile
    return load_profile(shop.platform)


def window_for(shop):
    """The AE-12 window of the shop's profile, or None when its platform has no auto-reply."""
    profile = _profile(shop)
    return profile.duration(WINDOW_KEY) if WINDOW_KEY in profile else None


def _checked(shop, name, body, language, record) -> dict:
    if window_for(shop) is None:
        raise InvalidInput(f"the rules of platform {shop.platform} have no automatic reply",
                           record=record, field="shop")
    body = text(body, "body", record, max_len=2000)
    found = placeholders.names_in(body)
    wrong = [n for n in found if n not in ALLOWED_PLACEHOLDERS]
    if wrong:
        raise InvalidInput("an automatic reply can only fill in "
                           + ", ".join("{" + n + "}" for n in ALLOWED_PLACEHOLDERS)
                           + "; remove " + ", ".join("{" + n + "}" for n in wrong),
                           record=record, field="body")
    return {"name": text(name, "name", record, max_len=200), "body": body,
            "language": text(language, "language", record, max_len=16, required=False)}


def add_rule(shop, name: str, body: str, *, language: str = "", enabled: bool = True,
             actor: str = "rep", at: datetime | None = None) -> AutoReplyRule:
    from app.services.shops import get_shop
    shop = get_shop(shop)
    values = _checked(shop, name, body, language, f"auto-reply of shop {shop.key}")
    at = at or utcnow()
    with database.atomic():
        rule = AutoReplyRule.create(shop=shop, enabled=bool(enabled), created_at=at,
                                    updated_at=at, **values)
        audit.record(actor, ENTITY, rule.id, "add", {"shop": shop.key, **values})
    return rule


def update_rule(rule: AutoReplyRule, *, name: str | None = None, body: str | None = None,
                language: str | None = None, enabled: bool | None = None,
                actor: str = "rep", at: datetime | None = None) -> AutoReplyRule:
    """Change a rule; its earlier text is kept in the history."""
    record = f"auto-reply '{rule.name}'"
    values = _checked(rule.shop, rule.name if name is None else name,
                      rule.body if body is None else body,
                      rule.language if language is None else language, record)
    at = at or utcnow()
    with database.atomic():
        if values["body"] != rule.body:
            AutoReplyRevision.create(rule=rule, body=rule.body, changed_at=at, changed_by=actor)
        before = {"name": rule.name, "body": rule.body, "language": rule.language,
                  "enabled": rule.enabled}
        for key, value in values.items():
            setattr(rule, key, value)
        if enabled is not None:
            rule.enabled = bool(enabled)
        rule.updated_at = at
        rule.save()
        audit.record(actor, ENTITY, rule.id, "update",
                     {k: {"from": v, "to": getattr(rule, k)} for k, v in before.items()
                      if v != getattr(rule, k)})
    return rule


def delete_rule(rule: AutoReplyRule, *, actor: str = "rep") -> None:
    with database.atomic():
        audit.record(actor, ENTITY, rule.id, "delete", {"name": rule.name, "body": rule.body})
        rule.delete_instance(recursive=True)


def rules(shop=None) -> list[AutoReplyRule]:
    query = AutoReplyRule.select().order_by(AutoReplyRule.shop, AutoReplyRule.id)
    if shop is not None:
        from app.services.shops import get_shop
        query = query.where(AutoReplyRule.shop == get_shop(shop))
    return list(query)


def history(rule: AutoReplyRule) -> list[AutoReplyRevision]:
    """Earlier texts of the rule, the newest first."""
    return list(rule.revisions.order_by(AutoReplyRevision.changed_at.desc(),
                                        AutoReplyRevision.id.desc()))


def choose_rule(shop, language: str) -> AutoReplyRule | None:
    """The enabled rule in the buyer's language, else one for any language, else English."""
    enabled = [r for r in rules(shop) if r.enabled]
    for wanted in (language, "", "en"):
        for rule in enabled:
            if rule.language == wanted:
                return rule
    return enabled[0] if enabled else None


def _buyer_messages(buyer_id: int, since: datetime, until: datetime):
    return (Message.select(Message.id)
            .join(Conversation, on=(Message.conversation == Conversation.id))
            .where((Conversation.buyer == buyer_id) & (Message.sent_at > since)
                   & (Message.sent_at <= until)))


def after_inbound(conversation: Conversation, message: Message) -> Message | None:
    """Send the automatic reply when `message` is the buyer's first in the window and no
    automatic reply reached the buyer in it (AE-12). Runs inside add_message's transaction."""
    shop = conversation.shop
    window = window_for(shop)
    if window is None:
        return None
    at = message.sent_at
    recent = _buyer_messages(conversation.buyer_id, at - window, at)
    earlier_inbound = recent.where((Message.direction == "in") & (Message.id != message.id))
    if earlier_inbound.exists():
        return None                       # not the buyer's first message in the window
    if recent.where(Message.is_auto == True).exists():  # noqa: E712
        return None                       # once per buyer per window
    buyer = conversation.buyer
    rule = choose_rule(shop, conversation.language or buyer.language)
    if rule is None:
        return None
    body = placeholders.fill(rule.body, {"buyer_name": buyer.name or buyer.login})
    from app.services import conversations
    reply = conversations.add_message(conversation, "out", body, at, author=AUTHOR,
                                      is_auto=True, source_lang=rule.language,
                                      actor="auto_reply")
    audit.record("auto_reply", ENTITY, rule.id, "sent",
                 {"conversation": conversation.uid, "message": reply.id,
                  "rule": _profile(shop).rule(WINDOW_KEY)})
    return reply
