"""Message search: two-character Chinese words (退款) are found, as are single characters,
English word beginnings and order numbers; the index follows every write."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models import Message
from app.services.messaging import conversations, inbox, search, translation
from tests.factories import T0, make_buyer, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server


@pytest.fixture
def conv(db):
    shop = make_shop("tb", platform="taobao")
    buyer = make_buyer(shop, "wang", country="CN", language="zh")
    return conversations.start_conversation(shop, buyer, "im", at=T0)


def say(conv, body, minutes=0, direction="in", **extra):
    return conversations.add_message(conv, direction, body, T0 + timedelta(minutes=minutes),
                                     **extra)


def found(query):
    return [hit.message_id for hit in search.search_messages(query)]


def test_index_terms_are_bigrams_of_cjk_and_words_of_latin():
    assert search.index_terms("退款了吗？Refunded 3 items") == (
        "退款 款了 了吗 吗 ref refu refun refund refunde refunded 3 ite item items")
    assert search.index_terms("好") == "好"
    assert search.match_expression("退款") == '"退款"'
    assert search.match_expression("退款了") == '"退款 款了"'
    assert search.match_expression("款 refund ok") == '"款"* AND "refund" AND "ok"'
    # a word longer than the indexed beginnings falls back to FTS5's prefix query
    assert search.match_expression("internationally") == '"internationally"*'
    assert search.match_expression(" ，。!? ") is None


def test_a_two_character_chinese_word_is_found(conv):
    refund = say(conv, "请问退款什么时候到账？")
    say(conv, "亲，今天发货。", 1, "out")
    assert found("退款") == [refund.id]
    assert found("退款什么") == [refund.id]
    assert found("到账") == [refund.id]
    assert found("款到") == []              # not next to each other in the text


def test_single_characters_anywhere_in_a_word_are_found(conv):
    refund = say(conv, "退款")
    assert found("退") == [refund.id]
    assert found("款") == [refund.id]       # the last character of a run is indexed alone


def test_english_words_match_their_beginning_and_numbers_exactly(conv):
    english = say(conv, "I was REFUNDED for order 8000000000000001, tracking RR123456785CN")
    assert found("refund") == [english.id]
    assert found("rr123456785cn") == [english.id]
    assert found("8000000000000001") == [english.id]
    assert found("refund 退款") == []        # all words must be there


def test_a_word_is_found_by_any_beginning_of_three_letters_or_more(conv):
    """A rep types the start of a word: every beginning finds it, a longer word too, and
    two letters only find the two-letter word itself."""
    long = say(conv, "Shipped internationally, ok?")
    other = say(conv, "ship it today", 1)
    assert found("shi") == [other.id, long.id]
    assert found("shipped") == [long.id]
    assert found("shipping") == []
    assert found("internationa") == [long.id]          # 12 letters: an indexed beginning
    assert found("internationall") == [long.id]        # longer: FTS5's prefix query
    assert found("internationalist") == []
    assert found("sh") == [] and found("ok") == [long.id]


def test_newest_first_and_notes_are_searchable(conv):
    first = say(conv, "物流到哪了")
    note = say(conv, "内部备注：物流异常", 5, "out", is_internal=True)
    assert found("物流") == [note.id, first.id]


def test_messages_written_around_the_service_are_caught_up(conv):
    direct = Message.create(conversation=conv, direction="in", channel="im",
                            body="发票开好了吗", sent_at=T0)     # e.g. an import
    assert found("发票") == [direct.id]


def test_a_translation_is_searchable_too(conv):
    message = say(conv, "The earbuds do not charge", source_lang="en")
    translation.set_translation(message.id, "耳机无法充电", "zh", "en")
    assert found("充电") == [message.id]
    assert found("earbuds") == [message.id]


def test_inbox_text_filter_combines_with_the_others(conv):
    say(conv, "退款还没到")
    other = conversations.start_conversation(conv.shop, conv.buyer, "im", at=T0)
    say(other, "退款收到了，谢谢", 3)
    say(other, "不客气", 4, "out")
    assert inbox.conversation_ids({"text": "退款"}) == [other.id, conv.id]
    assert inbox.conversation_ids({"text": "退款", "unreplied": True}) == [conv.id]
    assert inbox.conversation_ids({"text": "？！"}) == []


def test_rebuild_gives_the_same_answers(conv):
    say(conv, "退款")
    say(conv, "refund please", 1)
    before = (found("退款"), found("refund"))
    assert search.backend().rebuild() == 2
    assert (found("退款"), found("refund")) == before


@given(st.text(alphabet="退款物流发票到账了吗问 ", min_size=1, max_size=12))
def test_any_chinese_piece_of_a_message_finds_it(piece):
    # Whatever Chinese a rep types is found when each typed run is in the message, and
    # only then (short Latin words match whole words: "a" is no search).
    text = "请问退款到账了吗 物流发票 abc"
    terms = search.index_terms(text)
    expression = search.match_expression(piece)
    if expression is None:
        return
    import sqlite3
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(terms, tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t (rowid, terms) VALUES (1, ?)", (terms,))
    hit = db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    words = [w for w in piece.split() if w]
    assert (hit == [(1,)]) == all(w in text for w in words), (piece, expression, terms)


def test_search_command_prints_json(tmp_path, capsys):
    from app.cli import main
    from app.db import close_database, open_database
    path = tmp_path / "cli.db"
    open_database(path)
    shop = make_shop("tb", platform="taobao")
    buyer = make_buyer(shop, "wang", country="CN", language="zh")
    conv = conversations.start_conversation(shop, buyer, "im", at=T0)
    message = conversations.add_message(conv, "in", "退款什么时候到账", T0)
    close_database()
    assert main(["--db", str(path), "search", "退款", "--json"]) == 0
    import json
    rows = json.loads(capsys.readouterr().out)
    assert [(r["message"], r["text"]) for r in rows] == [(message.id, "退款什么时候到账")]
