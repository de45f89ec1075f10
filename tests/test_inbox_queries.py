"""The inbox lists: which conversations a rep sees, in which order, and what each row says.
No Qt here: app.services.messaging.inbox is part of the Qt-free core."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.db import database
from app.models import Conversation, Message
from app.services.messaging import inbox
from app.errors import InvalidInput
from tests.factories import T0, make_buyer, make_order, make_shop


def conversation(shop, buyer, *, at=None, order=None, channel="site_message", star="none",
                 read=True, replied=True):
    return Conversation.create(shop=shop, buyer=buyer, order=order, channel=channel, star=star,
                               created_at=T0, last_message_at=at, last_inbound_at=at,
                               is_read=read, is_replied=replied)


def message(conv, body, at, direction="in", internal=False):
    return Message.create(conversation=conv, direction=direction, channel=conv.channel,
                          body=body, sent_at=at, is_internal=internal)


@pytest.fixture
def world(db):
    ae = make_shop("ae")
    tb = make_shop("tb", platform="taobao")
    joao = make_buyer(ae, "joao")
    wang = make_buyer(tb, "wang", country="CN", language="zh")
    return ae, tb, joao, wang


def test_latest_message_first_and_silent_conversations_last(world):
    ae, tb, joao, wang = world
    old = conversation(ae, joao, at=T0)
    silent = conversation(tb, wang, at=None)
    new = conversation(tb, wang, at=T0 + timedelta(hours=3))
    same_time = conversation(ae, joao, at=T0 + timedelta(hours=3))
    assert inbox.conversation_ids() == [same_time.id, new.id, old.id, silent.id]


def test_filters_narrow_the_list(world):
    ae, tb, joao, wang = world
    waiting = conversation(ae, joao, at=T0, replied=False, read=False, star="red")
    unread = conversation(tb, wang, at=T0 + timedelta(hours=1), read=False, channel="im")
    done = conversation(tb, wang, at=T0 + timedelta(hours=2))
    assert inbox.conversation_ids({"unreplied": True}) == [waiting.id]
    assert inbox.conversation_ids({"unread": True}) == [unread.id, waiting.id]
    assert inbox.conversation_ids({"shop": "tb"}) == [done.id, unread.id]
    assert inbox.conversation_ids({"channel": "im"}) == [unread.id]
    assert inbox.conversation_ids({"star": "red"}) == [waiting.id]
    assert inbox.conversation_ids({"unreplied": False}) == [done.id, unread.id, waiting.id]


def test_unknown_filter_is_refused(world):
    with pytest.raises(InvalidInput, match="colour"):
        inbox.conversation_ids({"colour": "red"})


@pytest.mark.parametrize("filters", [None, {"unreplied": True}])
def test_list_order_comes_from_an_index_not_a_sort(world, filters):
    # The inbox must stay quick with a million conversations: no sorting step.
    ae, _tb, joao, _wang = world
    for hour in range(5):
        conversation(ae, joao, at=T0 + timedelta(hours=hour), replied=bool(hour % 2))
    query = Conversation.select(Conversation.id)
    if filters:
        query = query.where(Conversation.is_replied == False)  # noqa: E712
    query = query.order_by(Conversation.last_message_at.desc(), Conversation.id.desc())
    sql, params = query.sql()
    plan = " ".join(str(row) for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
    assert "TEMP B-TREE" not in plan.upper(), plan
    assert "INDEX" in plan.upper(), plan


def test_rows_say_who_what_where(world):
    ae, tb, joao, wang = world
    wang.name = "王小明"
    wang.save()
    order = make_order(tb, "3456789012345678", buyer=wang, status="completed")
    conv = conversation(tb, wang, at=T0 + timedelta(hours=2), order=order, channel="im",
                        star="green", read=False, replied=False)
    message(conv, "你好", T0)
    message(conv, "退款什么时候\n到账？", T0 + timedelta(hours=2))
    message(conv, "internal: check the warehouse", T0 + timedelta(hours=3), "out", internal=True)
    bare = conversation(ae, joao, at=None)

    rows = inbox.conversation_rows([conv.id, bare.id, 9999])
    assert set(rows) == {conv.id, bare.id}
    row = rows[conv.id]
    assert (row.buyer_name, row.buyer_login, row.shop, row.platform) == \
        ("王小明", "wang", "tb", "taobao")
    assert (row.channel, row.star, row.is_read, row.is_replied) == ("im", "green", False, False)
    assert row.snippet == "退款什么时候 到账？"       # the buyer never sees internal notes
    assert row.last_direction == "in"
    assert (row.order_no, row.order_status) == ("3456789012345678", "completed")
    assert row.last_message_at == T0 + timedelta(hours=2)
    assert row.last_message_at.utcoffset() == timedelta(0)

    empty = rows[bare.id]
    assert empty.buyer_name == "Joao"
    assert (empty.snippet, empty.last_direction, empty.order_no) == ("", None, None)


def test_a_page_costs_the_same_few_queries_whatever_its_size(world):
    ae, _tb, joao, _wang = world
    convs = [conversation(ae, joao, at=T0 + timedelta(minutes=i)) for i in range(40)]
    for i, conv in enumerate(convs):
        message(conv, f"message {i}", T0 + timedelta(minutes=i))

    def statements(ids):
        seen = []
        database.connection().set_trace_callback(seen.append)
        try:
            rows = inbox.conversation_rows(ids)
        finally:
            database.connection().set_trace_callback(None)
        return rows, len(seen)

    few, few_count = statements([c.id for c in convs[:3]])
    many, many_count = statements([c.id for c in convs])
    assert len(few) == 3 and len(many) == 40
    assert few_count == many_count <= 3
    assert many[convs[7].id].snippet == "message 7"


@given(st.text(max_size=300), st.integers(min_value=2, max_value=120))
def test_snippet_is_one_short_line(text, length):
    line = inbox.snippet(text, length)
    assert len(line) <= length
    assert "\n" not in line and "\r" not in line and "\t" not in line
    words = " ".join(text.split())
    if len(words) <= length:
        assert line == words
    else:
        assert line.endswith("…") and words.startswith(line[:-1])


def test_a_big_list_keeps_its_order_when_sqlite_joins_the_ids(world):
    """The ids come back as one joined text (app.services.messaging.inbox.ids_in_order): the newest
    first, ties by the higher id, silent conversations last."""
    import random
    ae, tb, joao, wang = world
    pick = random.Random(7)
    made = []
    for n in range(600):
        at = None if n % 23 == 0 else T0 + timedelta(minutes=pick.randrange(40))
        made.append(conversation(pick.choice((ae, tb)), pick.choice((joao, wang)), at=at,
                                 replied=pick.random() < 0.5))
    expected = sorted(made, key=lambda c: (c.last_message_at is not None,
                                           c.last_message_at or T0, c.id), reverse=True)
    assert inbox.conversation_ids() == [c.id for c in expected]
    assert inbox.conversation_ids({"unreplied": True}) == [
        c.id for c in expected if not c.is_replied]
    assert inbox.conversation_ids({"star": "red"}) == []
    assert inbox.conversation_ids(limit=7) == [c.id for c in expected][:7]
    assert inbox.conversation_ids({"unreplied": True}, limit=3) == [
        c.id for c in expected if not c.is_replied][:3]


def test_the_joined_ids_keep_the_list_order_on_a_newer_sqlite_too():
    """The Windows builds carry a newer SQLite than this machine may have; the same
    statement runs here on the newer SQLite that apsw brings."""
    import random

    import apsw
    assert apsw.sqlite_lib_version() >= "3.44"
    db = apsw.Connection(":memory:")
    db.execute('CREATE TABLE "conversation" ("id" INTEGER PRIMARY KEY, "last_message_at" TEXT, '
               '"is_replied" INTEGER)')
    db.execute('CREATE INDEX "by_latest" ON "conversation" ("last_message_at")')
    pick = random.Random(11)
    rows = [(n, None if n % 17 == 0 else f"2026-11-{pick.randrange(1, 9):02d}", n % 2)
            for n in range(1, 501)]
    db.executemany('INSERT INTO "conversation" VALUES (?, ?, ?)', rows)
    for where in ("", ' WHERE "is_replied" = 0'):
        plain = [row[0] for row in db.execute(inbox._IDS + where + inbox._ORDER)]
        (joined,), = db.execute(inbox.joined_ids_sql(where)).fetchall()
        assert [int(n) for n in joined.split(",")] == plain
        assert plain[-1] in (17, 34) and plain[0] != 500   # silent ones last, not id order


def test_the_unreplied_list_opens_with_the_most_overdue_first(world):
    """HOUSE-1: the reply is due a platform's reply target after the buyer's last message;
    sorted by that due instant the longest-waiting buyers come first, replied ones last."""
    ae, tb, joao, wang = world
    fresh = conversation(ae, joao, at=T0 + timedelta(hours=20), replied=False)
    oldest = conversation(ae, joao, at=T0, replied=False)
    middle = conversation(tb, wang, at=T0 + timedelta(hours=5), replied=False)
    answered = conversation(tb, wang, at=T0 + timedelta(hours=30))
    unreplied = {"unreplied": True}
    assert inbox.default_sort(unreplied) == ("reply_within", False)
    assert inbox.default_sort({}) is None
    assert inbox.conversation_ids(unreplied, sort=inbox.default_sort(unreplied)) == [
        oldest.id, middle.id, fresh.id]
    assert inbox.conversation_ids(sort=("reply_within", False)) == [
        oldest.id, middle.id, fresh.id, answered.id]        # no reply due: last
    assert inbox.conversation_ids(sort=("reply_within", True)) == [
        fresh.id, middle.id, oldest.id, answered.id]        # last in both directions
    assert inbox.conversation_ids(unreplied, sort=("reply_within", False), limit=2) == [
        oldest.id, middle.id]
    assert inbox.conversation_ids() == [answered.id, fresh.id, middle.id, oldest.id]


@pytest.mark.parametrize("key", sorted(inbox.SORT_KEYS))
def test_every_column_key_sorts_the_list_in_sqlite(world, key):
    ae, tb, joao, wang = world
    wang.name = "王小明"
    wang.save()
    first = conversation(ae, joao, at=T0, star="red", channel="im", replied=False)
    message(first, "Where is it?", T0)
    order = make_order(tb, "3000000000000009", buyer=wang)
    second = conversation(tb, wang, at=T0 + timedelta(hours=1), order=order, read=False)
    message(second, "好的", T0 + timedelta(hours=1))
    up = inbox.conversation_ids(sort=(key, False))
    down = inbox.conversation_ids(sort=(key, True))
    assert sorted(up) == sorted(down) == sorted([first.id, second.id])
    rows = inbox.conversation_rows(up)
    values = {
        "star": lambda r: r.star, "buyer": lambda r: r.buyer_name, "shop": lambda r: r.shop,
        "channel": lambda r: r.channel, "last_message_at": lambda r: r.last_message_at,
        "last_message": lambda r: r.snippet,
        "status": lambda r: (r.is_replied, r.is_read),
    }
    if key in values:
        shown = [values[key](rows[i]) for i in up]
        assert shown == sorted(shown)
    elif key == "order":
        assert up[-1] == first.id and down[-1] == first.id      # no order: last both ways
    elif key == "reply_within":
        assert up == down == [first.id, second.id]              # only one is due


def test_an_unknown_sort_key_is_refused(world):
    with pytest.raises(InvalidInput, match="Buyer"):
        inbox.conversation_ids(sort=("Buyer", False))
