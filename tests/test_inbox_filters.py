"""Inbox filters that combine, time left to reply, saved views, and the migration that
brings a version-1 database forward with its messages searchable."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app import migrations
from app.db import close_database, open_database
from app.services.casework import aftersales
from app.services.messaging import conversations, inbox, saved_views, search
from app.errors import InvalidInput
from tests.factories import T0, make_buyer, make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server


@pytest.fixture
def world(db):
    tb = make_shop("tb", platform="taobao")
    wang = make_buyer(tb, "wang", country="CN", language="zh")
    done = make_order(tb, "1001", buyer=wang, status="completed", completed_at=T0)
    waiting = make_order(tb, "1002", buyer=wang, status="shipped")
    a = conversations.start_conversation(tb, wang, "im", order=done, at=T0)
    conversations.add_message(a, "in", "我要退款", T0)
    b = conversations.start_conversation(tb, wang, "sms", order=waiting, at=T0)
    conversations.add_message(b, "in", "什么时候到", T0 + timedelta(hours=1))
    conversations.add_message(b, "out", "明天到", T0 + timedelta(hours=2))
    aftersales.open_request(done, "refund_only", "quality", Decimal("10.00"),
                            T0 + timedelta(hours=3))
    return a, b


def test_filters_combine(world):
    a, b = world
    assert inbox.conversation_ids({"order_status": "completed"}) == [a.id]
    assert inbox.conversation_ids({"open_case": True}) == [a.id]
    assert inbox.conversation_ids({"open_case": True, "unreplied": True}) == [a.id]
    assert inbox.conversation_ids({"open_case": True, "channel": "sms"}) == []
    conversations.assign(b, "lin")
    assert inbox.conversation_ids({"assigned_to": "lin"}) == [b.id]


def test_rows_show_time_left_to_reply_and_open_cases(world):
    a, b = world
    rows = inbox.conversation_rows([a.id, b.id])
    assert rows[a.id].reply_due_at == T0 + timedelta(hours=24)       # HOUSE-1 default
    assert rows[b.id].reply_due_at is None                           # answered
    assert rows[a.id].has_open_case and not rows[b.id].has_open_case


def test_saved_views(world):
    a, _b = world
    saved_views.save_view("Refunds waiting", {"unreplied": True, "text": "退款"})
    saved_views.save_view("Refunds waiting", {"unreplied": True, "text": "退款", "shop": "tb"})
    assert saved_views.views() == [("Refunds waiting",
                                    {"unreplied": True, "text": "退款", "shop": "tb"})]
    assert inbox.conversation_ids(saved_views.views()[0][1]) == [a.id]
    with pytest.raises(InvalidInput):
        saved_views.save_view("Bad", {"colour": "red"})
    saved_views.delete_view("Refunds waiting")
    assert saved_views.views() == []


def test_a_version_1_database_is_migrated_with_its_messages_searchable(tmp_path):
    path = tmp_path / "old.db"
    db = open_database(path, migrate=False)
    migrations.current_version(db)
    with db.atomic():
        migrations.MIGRATIONS[0].apply(db)
        db.execute_sql("INSERT INTO schema_version VALUES (1, 'initial schema', 'x')")
        db.execute_sql("INSERT INTO shop VALUES (1, 'tb', 'taobao', 'T', 'Asia/Shanghai', "
                       "'CNY', '2026-01-01 00:00:00')")
        db.execute_sql("INSERT INTO buyer (id, shop_id, login, name, country, language, email, "
                       "phone, note) VALUES (1, 1, 'wang', '王', 'CN', 'zh', '', '', '')")
        db.execute_sql("INSERT INTO conversation (id, uid, shop_id, buyer_id, channel, subject, "
                       "language, star, assigned_to, created_at, last_message_at, is_read, "
                       "is_replied) VALUES (1, 'u1', 1, 1, 'im', '', 'zh', 'red', '', "
                       "'2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, 0)")
        db.execute_sql("INSERT INTO message (id, conversation_id, direction, channel, body, "
                       "source_lang, translation_lang, sent_at, author, is_auto, is_internal) "
                       "VALUES (7, 1, 'in', 'im', '请问退款到账了吗', 'zh', '', "
                       "'2026-01-01 00:00:00', '', 0, 0)")
    close_database()
    db = open_database(path)
    try:
        assert migrations.current_version(db) >= 2
        assert [h.message_id for h in search.search_messages("退款")] == [7]
        assert inbox.conversation_ids({"unreplied": True, "star": "red"}) == [1]
        assert db.execute_sql("SELECT body FROM message").fetchone()[0] == "请问退款到账了吗"
    finally:
        close_database()
