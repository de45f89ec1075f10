"""Automatic replies (AE-12): once per buyer per 24 h, on the buyer's first message, shown in
the thread as automatic; rules editable with their history."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.models import AuditEntry, AutoReplyRule, Message
from app.services.commerce import policy
from app.services.messaging import auto_reply, conversations
from app.errors import InvalidInput
from tests.conftest import TEST_REP
from tests.factories import T0, make_buyer, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

HOUR = timedelta(hours=1)


@pytest.fixture
def shop(db):
    shop = make_shop("ae")
    auto_reply.add_rule(shop, "Welcome", "Hi {buyer_name}, we answer within 12 hours.",
                        language="en")
    auto_reply.add_rule(shop, "Bem-vindo", "Olá {buyer_name}, respondemos em 12 horas.",
                        language="pt")
    return shop


def autos():
    return list(Message.select().where(Message.is_auto == True).order_by(Message.id))  # noqa: E712


def write(conv, body, at):
    return conversations.add_message(conv, "in", body, at)


def test_first_message_gets_the_reply_in_the_buyers_language_once_in_24_hours(shop):
    ana = make_buyer(shop, "ana", country="BR", language="pt")
    conv = conversations.start_conversation(shop, ana, "site_message", at=T0)
    write(conv, "Olá, onde está meu pedido?", T0)
    write(conv, "Alô?", T0 + HOUR)                         # same buyer, inside 24 h
    other = conversations.start_conversation(shop, ana, "order_message", at=T0)
    write(other, "E o outro pedido?", T0 + 23 * HOUR)      # another conversation, still 24 h
    sent = autos()
    assert len(sent) == 1                                  # fired once, not twice
    assert sent[0].body == "Olá Ana, respondemos em 12 horas."
    assert sent[0].direction == "out" and sent[0].sent_at == T0
    assert sent[0].conversation_id == conv.id
    conv = type(conv).get_by_id(conv.id)
    assert conv.is_replied is False                        # a person still has to answer


def test_after_24_quiet_hours_the_buyer_gets_it_again(shop):
    li = make_buyer(shop, "li", language="en")
    conv = conversations.start_conversation(shop, li, "site_message", at=T0)
    write(conv, "Hello", T0)
    write(conv, "Hello again", T0 + 24 * HOUR + timedelta(minutes=1))
    assert [m.body for m in autos()] == ["Hi Li, we answer within 12 hours."] * 2


def test_a_buyer_who_wrote_in_the_last_24_hours_gets_none(shop):
    li = make_buyer(shop, "li", language="en")
    conv = conversations.start_conversation(shop, li, "site_message", at=T0)
    write(conv, "first", T0)
    auto_reply.update_rule(auto_reply.choose_rule(shop, "en"), enabled=False)
    write(conv, "second", T0 + 20 * HOUR)
    auto_reply.update_rule(auto_reply.choose_rule(shop, "xx") or AutoReplyRule.get(name="Welcome"),
                           enabled=True)
    write(conv, "third", T0 + 30 * HOUR)   # the 'second' message was 10 h ago: not first
    assert len(autos()) == 1


def test_other_buyers_are_counted_apart(shop):
    for login in ("a1", "a2"):
        buyer = make_buyer(shop, login, language="en")
        conv = conversations.start_conversation(shop, buyer, "site_message", at=T0)
        write(conv, "hi", T0)
    assert len(autos()) == 2


def test_the_window_comes_from_the_policy_profile(shop):
    policy.set_value("aliexpress", "auto_reply_window", "2")       # AE-12, in hours
    li = make_buyer(shop, "li", language="en")
    conv = conversations.start_conversation(shop, li, "site_message", at=T0)
    write(conv, "one", T0)
    write(conv, "two", T0 + 3 * HOUR)
    assert len(autos()) == 2


def test_editing_keeps_the_history(shop):
    rule = auto_reply.choose_rule(shop, "en")
    auto_reply.update_rule(rule, body="Hi {buyer_name}! Back on Monday.", actor="lin")
    auto_reply.update_rule(rule, body="Hi {buyer_name}! We are back.", actor="lin")
    assert [r.body for r in auto_reply.history(rule)] == [
        "Hi {buyer_name}! Back on Monday.", "Hi {buyer_name}, we answer within 12 hours."]
    assert AuditEntry.select().where(AuditEntry.entity == "auto_reply_rule",
                                     AuditEntry.action == "update").count() == 2


@pytest.mark.parametrize("body", ["Your parcel {tracking_no} is coming", "Hi {nom}", "  "])
def test_a_rule_text_the_buyer_could_read_unfilled_is_refused(shop, body):
    before = AutoReplyRule.select().count()
    with pytest.raises(InvalidInput):
        auto_reply.add_rule(shop, "Bad", body)
    assert AutoReplyRule.select().count() == before


def test_platforms_without_the_rule_refuse_auto_replies(db):
    tb = make_shop("tb", platform="taobao")
    with pytest.raises(InvalidInput, match="no automatic reply"):
        auto_reply.add_rule(tb, "欢迎", "亲，在的")
    buyer = make_buyer(tb, "wang", language="zh")
    conv = conversations.start_conversation(tb, buyer, "im", at=T0)
    write(conv, "在吗", T0)
    assert autos() == []


def test_the_change_history_says_who_changed_what_newest_first(shop):
    rule = auto_reply.choose_rule(shop, "en")
    auto_reply.update_rule(rule.id, body="Hi {buyer_name}! Back on Monday.", actor="lin")
    buyer = make_buyer(shop, "en1", language="en")
    write(conversations.start_conversation(shop, buyer, "site_message", at=T0), "Hi", T0)
    assert [m.body for m in autos()] == ["Hi En1! Back on Monday."]   # sent: not a change
    auto_reply.update_rule(rule.id, enabled=False, actor="mei")
    auto_reply.update_rule(rule.id, actor="mei")                  # saved without a change
    history = auto_reply.changes(rule.id)
    assert [(c.actor, c.action) for c in history] == [("mei", "update"), ("lin", "update"),
                                                      (TEST_REP, "add")]
    assert history[0].changes == {"enabled": (True, False)}
    assert history[1].changes == {"body": ("Hi {buyer_name}, we answer within 12 hours.",
                                           "Hi {buyer_name}! Back on Monday.")}
    assert history[2].changes["enabled"] == (None, True)
    assert [r.enabled for r in auto_reply.rule_rows(shop) if r.id == rule.id] == [False]


def test_one_enabled_text_per_language_per_shop(shop):
    before = AutoReplyRule.select().count()
    with pytest.raises(InvalidInput, match="'Welcome' already answers in language 'en'"):
        auto_reply.add_rule(shop, "Hello", "Hello {buyer_name}", language="en")
    assert AutoReplyRule.select().count() == before
    spare = auto_reply.add_rule(shop, "Hello", "Hello {buyer_name}", language="en",
                                enabled=False)                 # kept switched off: allowed
    with pytest.raises(InvalidInput, match="switch one of them off"):
        auto_reply.update_rule(spare, enabled=True)
    auto_reply.update_rule(auto_reply.choose_rule(shop, "en"), enabled=False)
    auto_reply.update_rule(spare, enabled=True)
    assert auto_reply.choose_rule(shop, "en").name == "Hello"
