"""Shops, buyers, orders with items and tracking, conversations with their inbox flags:
checked input, nothing written on refusal, every write audited."""

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.models import AuditEntry, Conversation, Order, OrderItem, Shop
from app.services.commerce import orders, shops
from app.services.messaging import conversations
from app.services.common.audit import entries_for
from app.errors import InvalidInput, NotFound
from tests.factories import T0, make_buyer, make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

HOUR = timedelta(hours=1)


# --- shops -------------------------------------------------------------------------------

def test_add_shop_with_default_currency_and_audit(db):
    shop = shops.add_shop("tb-main", "taobao", "淘宝小店", "Asia/Shanghai")
    assert (shop.platform, shop.currency, shop.timezone) == ("taobao", "CNY", "Asia/Shanghai")
    assert shops.add_shop("ae1", "aliexpress", "AE", "America/Los_Angeles").currency == "USD"
    assert [s.key for s in shops.list_shops()] == ["ae1", "tb-main"]
    assert shops.get_shop("tb-main").name == "淘宝小店"
    assert entries_for("shop", "tb-main")[0].action == "add"


@pytest.mark.parametrize("args, words", [
    (("bad key", "taobao", "x", "Asia/Shanghai"), "key"),
    (("", "taobao", "x", "Asia/Shanghai"), "key"),
    (("k", "ebay", "x", "Asia/Shanghai"), "platform"),
    (("k", "taobao", "x", "China/Beijing"), "not a known time zone"),
    (("k", "taobao", "x", "../etc/passwd"), "not a known time zone"),
    (("k", "taobao", " ", "Asia/Shanghai"), "name"),
    (("k", "taobao", "x", "Asia/Shanghai", "yuan"), "currency"),
])
def test_bad_shops_are_refused_and_write_nothing(db, args, words):
    with pytest.raises(InvalidInput, match=words):
        shops.add_shop(*args)
    assert Shop.select().count() == 0 and AuditEntry.select().count() == 0


def test_duplicate_shop_key_and_unknown_shop(db):
    shops.add_shop("s", "taobao", "S", "Asia/Shanghai")
    with pytest.raises(InvalidInput, match="already exists"):
        shops.add_shop("s", "aliexpress", "S2", "UTC")
    with pytest.raises(NotFound, match="nope"):
        shops.get_shop("nope")


def test_buyers_are_unique_per_shop(db):
    shop = make_shop("ae")
    buyer = shops.add_buyer(shop, "br_joao", country="br", timezone="America/Sao_Paulo")
    assert buyer.country == "BR"
    assert shops.get_or_add_buyer(shop, "br_joao").id == buyer.id
    with pytest.raises(InvalidInput, match="already has a buyer"):
        shops.add_buyer(shop, "br_joao")
    with pytest.raises(InvalidInput, match="country"):
        shops.add_buyer(shop, "x", country="Brazil")


# --- orders --------------------------------------------------------------------------------

def test_add_order_with_items_computes_totals(db):
    shop = make_shop("ae")
    order = orders.add_order(shop, "8000000000000000123", status="shipped", created_at=T0,
                             paid_at=T0 + HOUR, shipped_at=T0 + 2 * HOUR,
                             goods_amount="20.00", shipping_amount="3.50",
                             items=[{"title": "Phone case", "quantity": 2,
                                     "unit_price": "10.00"}], tracking_no="LP1")
    stored = Order.get_by_id(order.id)
    assert stored.order_no == "8000000000000000123"       # long numbers stay exact text
    assert (stored.total_amount, stored.paid_amount, stored.currency) == (
        Decimal("23.50"), Decimal("23.50"), "USD")
    assert [(i.position, i.title, i.quantity) for i in stored.items] == [(1, "Phone case", 2)]
    assert entries_for("order", "ae/8000000000000000123")[0].detail["items"] == 1


@pytest.mark.parametrize("changes, words", [
    (dict(goods_amount="-1"), "negative"),
    (dict(paid_amount=9.99), "float"),
    (dict(status="lost"), "status"),
    (dict(paid_at=T0 - HOUR), "before created at"),
    (dict(paid_at=T0 + 2 * HOUR, shipped_at=T0 + HOUR), "before paid at"),
    (dict(shipped_at=T0 + HOUR, delivered_at=T0), "before"),
    (dict(created_at=T0.replace(tzinfo=None)), "time zone"),
    (dict(items=[{"title": "x", "quantity": 0}]), "quantity"),
    (dict(items=[{"title": " "}]), "title"),
    (dict(promised_days=-3), "days"),
    (dict(colour="red"), "unknown order fields"),
])
def test_bad_orders_are_refused_and_write_nothing(db, changes, words):
    shop = make_shop("ae")
    values = dict(status="shipped", created_at=T0)
    values.update(changes)
    with pytest.raises(InvalidInput, match=words):
        orders.add_order(shop, "1", **values)
    assert Order.select().count() == OrderItem.select().count() == 0
    assert AuditEntry.select().count() == 0


def test_duplicate_order_number_in_a_shop(db):
    shop = make_shop("ae")
    orders.add_order(shop, "1", status="shipped", created_at=T0)
    with pytest.raises(InvalidInput, match="already has order 1"):
        orders.add_order(shop, "1", status="shipped", created_at=T0)


def test_update_order_checks_times_and_audits_the_change(db):
    order = make_order(make_shop("ae"), "5", status="shipped")
    with pytest.raises(InvalidInput, match="before shipped at"):
        orders.update_order(order, shipped_at=T0 + 5 * HOUR, delivered_at=T0 + HOUR)
    orders.update_order(order, status="completed", delivered_at=T0 + 48 * HOUR,
                        completed_at=T0 + 50 * HOUR)
    stored = Order.get_by_id(order.id)
    assert stored.status == "completed" and stored.delivered_at == T0 + 48 * HOUR
    change = entries_for("order", "ae/5")[-1].detail
    assert change["status"] == {"from": "shipped", "to": "completed"}
    with pytest.raises(InvalidInput, match="cannot be changed"):
        orders.update_order(order, order_no="6")


def test_tracking_events_are_kept_once_in_order(db):
    order = make_order(make_shop("ae"), "5", status="shipped")
    orders.add_tracking_event(order, T0 + 2 * HOUR, "Arrived at sorting centre", location="SZ")
    orders.add_tracking_event(order, T0 + HOUR, "Accepted by carrier")
    orders.add_tracking_event(order, T0 + HOUR, "Accepted by carrier")
    assert [e.description for e in orders.tracking(order)] == [
        "Accepted by carrier", "Arrived at sorting centre"]
    with pytest.raises(InvalidInput, match="before the order was placed"):
        orders.add_tracking_event(order, T0 - HOUR, "Too early")
    assert len(entries_for("order", "ae/5")) == 2


# --- conversations -----------------------------------------------------------------------------

@pytest.fixture
def convo(db):
    shop = make_shop("ae")
    buyer = make_buyer(shop)
    order = make_order(shop, "77", buyer=buyer)
    return conversations.start_conversation(shop, buyer, "site_message", order=order,
                                            subject="Where is my parcel?", at=T0)


def fresh(conversation):
    return Conversation.get_by_id(conversation.id)


def test_inbound_makes_unreplied_and_unread_and_a_reply_fixes_both(convo):
    assert (convo.is_replied, convo.is_read, convo.last_message_at) == (True, True, None)
    conversations.add_message(convo, "in", "Olá, onde está?", T0 + HOUR)
    c = fresh(convo)
    assert (c.is_replied, c.is_read) == (False, False)
    assert c.last_message_at == c.last_inbound_at == T0 + HOUR
    conversations.add_message(convo, "out", "It is on its way", T0 + 2 * HOUR,
                              translation="Está a caminho", translation_lang="pt")
    c = fresh(convo)
    assert (c.is_replied, c.is_read, c.last_message_at, c.last_inbound_at) == (
        True, True, T0 + 2 * HOUR, T0 + HOUR)


def test_internal_notes_and_auto_replies_leave_the_flags(convo):
    conversations.add_message(convo, "in", "Hello?", T0 + HOUR)
    conversations.add_message(convo, "out", "Check with the carrier", T0 + 2 * HOUR,
                              is_internal=True)
    c = fresh(convo)
    assert (c.is_replied, c.is_read, c.last_message_at) == (False, False, T0 + HOUR)
    conversations.add_message(convo, "out", "We will answer soon", T0 + 3 * HOUR,
                              is_auto=True)                                    # rule AE-12
    c = fresh(convo)
    assert (c.is_replied, c.last_message_at) == (False, T0 + 3 * HOUR)


def test_an_older_message_pasted_later_changes_no_flag(convo):
    conversations.add_message(convo, "in", "Hello?", T0 + HOUR)
    conversations.add_message(convo, "out", "Hi!", T0 + 2 * HOUR)
    conversations.add_message(convo, "in", "(earlier) are you there?", T0 + HOUR / 2)
    c = fresh(convo)
    assert c.is_replied and c.last_message_at == T0 + 2 * HOUR and c.last_inbound_at == T0 + HOUR


@given(st.lists(st.tuples(st.sampled_from(["in", "out", "note", "auto"]),
                          st.integers(min_value=0, max_value=50)), min_size=1, max_size=12))
def test_replied_flag_matches_the_newest_person_written_message(steps):
    from app.db import close_database, open_database
    open_database(":memory:")
    try:
        shop = make_shop("ae")
        convo = conversations.start_conversation(shop, make_buyer(shop), "im", at=T0)
        for kind, minutes in steps:
            direction = "in" if kind == "in" else "out"
            conversations.add_message(convo, direction, kind, T0 + timedelta(minutes=minutes),
                                      is_internal=kind == "note", is_auto=kind == "auto")
        people = [(m, i) for i, (k, m) in enumerate(steps) if k in ("in", "out")]
        visible = [m for k, m in steps if k != "note"]
        c = fresh(convo)
        if people:
            newest = max(people)            # latest time, then latest added
            assert c.is_replied == (steps[newest[1]][0] == "out")
        assert c.last_message_at == (T0 + timedelta(minutes=max(visible)) if visible else None)
    finally:
        close_database()


@pytest.mark.parametrize("kwargs, words", [
    (dict(direction="sideways"), "direction"),
    (dict(body="  "), "body"),
    (dict(channel="fax"), "channel"),
    (dict(direction="in", is_internal=True), "internal note"),
    (dict(at=T0.replace(tzinfo=None)), "time zone"),
])
def test_bad_messages_are_refused_and_write_nothing(convo, kwargs, words):
    values = dict(direction="in", body="hi", at=T0 + HOUR)
    values.update(kwargs)
    before = AuditEntry.select().count()
    with pytest.raises(InvalidInput, match=words):
        conversations.add_message(convo, **values)
    assert convo.messages.count() == 0 and AuditEntry.select().count() == before


def test_star_replied_flags_and_assignment_are_audited(convo):
    conversations.set_star(convo, "red")
    conversations.mark_unreplied(convo)
    conversations.assign(convo, "li.na")
    c = fresh(convo)
    assert (c.star, c.is_replied, c.assigned_to) == ("red", False, "li.na")
    conversations.mark_replied(convo)
    assert fresh(convo).is_replied
    with pytest.raises(InvalidInput, match="star"):
        conversations.set_star(convo, "gold")
    assert [a.action for a in entries_for("conversation", convo.uid)] == [
        "start", "set_star", "mark_unreplied", "assign", "mark_replied"]


def test_conversation_must_match_shop_and_order_buyer(db):
    shop, other = make_shop("ae"), make_shop("ae2")
    buyer, stranger = make_buyer(shop), make_buyer(shop, "someone")
    order = make_order(shop, "1", buyer=buyer)
    with pytest.raises(InvalidInput, match="another buyer"):
        conversations.start_conversation(shop, stranger, "im", order=order, at=T0)
    with pytest.raises(InvalidInput, match="not a buyer of shop ae2"):
        conversations.start_conversation(other, buyer, "im", at=T0)
    assert Conversation.select().count() == 0
