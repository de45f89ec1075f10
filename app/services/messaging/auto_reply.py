"""Automatic replies (AE-12): a buyer who writes for the first time in the window gets the
shop's configured text once, at most once per buyer per window (24 h by default).

AliExpress lets sellers only add or delete these texts; AfterDesk allows editing and keeps
every earlier text as an AutoReplyRevision. The automatic reply is an ordinary message of
the thread, marked `is_auto`; it answers the buyer but leaves the conversation waiting for
a person (see app.services.messaging.conversations).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.clock import utcnow
from app.db import database
from app.models import AutoReplyRevision, AutoReplyRule, Conversation, Message
from app.services.common import audit
from app.services.messaging import placeholders
from app.errors import InvalidInput, NotFound
from app.services.common.input_checks import text
from app.services.commerce.policy import load_profile
from app.services.commerce.shops import get_shop

ENTITY = "auto_reply_rule"
WINDOW_KEY = "auto_reply_window"       # AE-12 in app.rules.policy
AUTHOR = "auto-reply"
# An automatic reply is sent before a rep has looked at the conversation: only what is
# always known may be filled in.
ALLOWED_PLACEHOLDERS = ("buyer_name",)


@dataclass(frozen=True)
class RuleRow:
    """One automatic reply as the editor lists it."""
    id: int
    shop: str                   # shop key
    name: str
    language: str               # '' for any language
    body: str
    enabled: bool
    updated_at: datetime


@dataclass(frozen=True)
class RuleChange:
    """One entry of a rule's history: who changed what, when (earlier texts included)."""
    at: datetime
    actor: str
    action: str                 # add | update
    changes: dict               # field -> (before, after); before is None when added


def _profile(shop):
    return load_profile(shop.platform)


def window_for(shop):
    """The AE-12 window of the shop's profile, or None when its platform has no auto-reply."""
    profile = _profile(shop)
    return profile.duration(WINDOW_KEY) if WINDOW_KEY in profile else None


def _checked(shop, name, body, language, record) -> dict:
    if window_for(shop) is None:
        raise InvalidInput("the rules of platform {platform} have no automatic reply",
                           platform=shop.platform,
                           record=record, field="shop")
    body = text(body, "body", record, max_len=2000)
    found = placeholders.names_in(body)
    wrong = [n for n in found if n not in ALLOWED_PLACEHOLDERS]
    if wrong:
        raise InvalidInput("an automatic reply can only fill in {allowed}; remove {wrong}",
                           allowed=", ".join("{" + n + "}" for n in ALLOWED_PLACEHOLDERS),
                           wrong=", ".join("{" + n + "}" for n in wrong),
                           record=record, field="body")
    return {"name": text(name, "name", record, max_len=200), "body": body,
            "language": text(language, "language", record, max_len=16, required=False)}


def _check_one_per_language(shop, language: str, enabled: bool, record: str,
                            except_id: int | None = None) -> None:
    """One text per language: two enabled rules in one language would leave the buyer's
    reply to chance."""
    if not enabled:
        return
    query = AutoReplyRule.select().where((AutoReplyRule.shop == shop)
                                         & (AutoReplyRule.language == language)
                                         & (AutoReplyRule.enabled == True))  # noqa: E712
    if except_id is not None:
        query = query.where(AutoReplyRule.id != except_id)
    other = query.first()
    if other is not None:
        which = f"language '{language}'" if language else "any language"
        raise InvalidInput("'{name}' already answers in {which} for this shop: edit that "
                           "text, or switch one of them off",
                           name=other.name, which=which, record=record,
                           field="language")


def add_rule(shop, name: str, body: str, *, language: str = "", enabled: bool = True,
             actor: str = "rep", at: datetime | None = None) -> AutoReplyRule:
    shop = get_shop(shop)
    record = f"auto-reply of shop {shop.key}"
    values = _checked(shop, name, body, language, record)
    _check_one_per_language(shop, values["language"], bool(enabled), record)
    at = at or utcnow()
    with database.atomic():
        rule = AutoReplyRule.create(shop=shop, enabled=bool(enabled), created_at=at,
                                    updated_at=at, **values)
        audit.record(actor, ENTITY, rule.id, "add",
                     {"shop": shop.key, **values, "enabled": bool(enabled)}, at=at)
    return rule


def update_rule(rule: AutoReplyRule | int, *, name: str | None = None, body: str | None = None,
                language: str | None = None, enabled: bool | None = None,
                actor: str = "rep", at: datetime | None = None) -> AutoReplyRule:
    """Change a rule; its earlier text is kept in the history."""
    rule = get_rule(rule)
    record = f"auto-reply '{rule.name}'"
    values = _checked(rule.shop, rule.name if name is None else name,
                      rule.body if body is None else body,
                      rule.language if language is None else language, record)
    _check_one_per_language(rule.shop, values["language"],
                            rule.enabled if enabled is None else bool(enabled), record,
                            except_id=rule.id)
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


def delete_rule(rule: AutoReplyRule | int, *, actor: str = "rep") -> None:
    rule = get_rule(rule)
    with database.atomic():
        audit.record(actor, ENTITY, rule.id, "delete", {"name": rule.name, "body": rule.body})
        rule.delete_instance(recursive=True)


def rules(shop=None) -> list[AutoReplyRule]:
    query = AutoReplyRule.select().order_by(AutoReplyRule.shop, AutoReplyRule.id)
    if shop is not None:
        query = query.where(AutoReplyRule.shop == get_shop(shop))
    return list(query)


def get_rule(rule: AutoReplyRule | int) -> AutoReplyRule:
    if isinstance(rule, AutoReplyRule):
        return rule
    found = AutoReplyRule.get_or_none(AutoReplyRule.id == rule)
    if found is None:
        raise NotFound("automatic reply {rule} does not exist (deleted meanwhile?)",
                       rule=rule)
    return found


def rule_rows(shop=None) -> list[RuleRow]:
    """The rules of `shop` (every shop's when None) for the editor."""
    return [RuleRow(r.id, r.shop.key, r.name, r.language, r.body, r.enabled, r.updated_at)
            for r in rules(shop)]


def supports(shop) -> bool:
    """Whether the shop's platform rules have automatic replies (AE-12 is AliExpress's)."""
    return window_for(get_shop(shop)) is not None


def window_rule(shop) -> tuple[int, str]:
    """(hours of the window, rule id) of the shop's profile, for the editor's note."""
    shop = get_shop(shop)
    window = window_for(shop)
    if window is None:
        raise InvalidInput("the rules of platform {platform} have no automatic reply",
                           platform=shop.platform,
                           record=f"shop {shop.key}", field="shop")
    return int(window.total_seconds() // 3600), _profile(shop).rule(WINDOW_KEY)


def changes(rule: AutoReplyRule | int) -> list[RuleChange]:
    """Every change of the rule, the newest first, from the audit trail: when it was added,
    each text it had before (AliExpress only allows adding and deleting; AfterDesk allows
    editing, with this history, AE-12), when it was switched on or off."""
    rule = get_rule(rule)
    out = []
    for entry in audit.entries_for(ENTITY, str(rule.id)):
        detail = entry.detail or {}
        if entry.action == "add":
            fields = {k: (None, detail.get(k)) for k in ("name", "language", "body")}
            fields["enabled"] = (None, detail.get("enabled", True))
        elif entry.action == "update":
            fields = {k: (v.get("from"), v.get("to")) for k, v in detail.items()
                      if isinstance(v, dict)}
            if not fields:
                continue            # saved without a change
        else:
            continue                # 'sent': an automatic reply went out
        out.append(RuleChange(entry.at, entry.actor, entry.action, fields))
    out.reverse()
    return out


def history(rule: AutoReplyRule) -> list[AutoReplyRevision]:
    """Earlier texts of the rule, the newest first."""
    return list(rule.revisions.order_by(AutoReplyRevision.changed_at.desc(),
                                        AutoReplyRevision.id.desc()))


def has_enabled_rule(shop) -> bool:
    """Whether the shop has an automatic reply switched on: without one nothing is due
    (AE-12), and nothing else need be read."""
    return (AutoReplyRule.select(AutoReplyRule.id)
            .where((AutoReplyRule.shop == shop) & (AutoReplyRule.enabled == True))  # noqa: E712
            .exists())


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


@dataclass(frozen=True)
class DueReply:
    """The automatic reply a buyer's message calls for (AE-12): the rule and its text."""
    rule: AutoReplyRule
    body: str


def reply_due(conversation: Conversation, message: Message) -> DueReply | None:
    """The automatic reply to send when `message` is the buyer's first in the window and no
    automatic reply reached the buyer in it (AE-12), or None. Sending it is
    app.services.messaging.conversations.add_message's, inside its transaction."""
    if not has_enabled_rule(conversation.shop_id):
        return None                       # the cheap answer of most shops' messages first
    shop = conversation.shop
    window = window_for(shop)
    if window is None:
        return None
    at = message.sent_at
    recent = _buyer_messages(conversation.buyer_id, at - window, at)
    # Messages stored before it: a batch written at once (a mail sync) holds later ones too.
    earlier_inbound = recent.where((Message.direction == "in") & (Message.id < message.id))
    if earlier_inbound.exists():
        return None                       # not the buyer's first message in the window
    if recent.where(Message.is_auto == True).exists():  # noqa: E712
        return None                       # once per buyer per window
    buyer = conversation.buyer
    rule = choose_rule(shop, conversation.language or buyer.language)
    if rule is None:
        return None
    return DueReply(rule, placeholders.fill(rule.body, {"buyer_name": buyer.name or buyer.login}))


def record_sent(due: DueReply, conversation: Conversation, reply: Message) -> None:
    """The audit entry of an automatic reply sent (AE-12)."""
    audit.record("auto_reply", ENTITY, due.rule.id, "sent",
                 {"conversation": conversation.uid, "message": reply.id,
                  "rule": _profile(conversation.shop).rule(WINDOW_KEY)})
