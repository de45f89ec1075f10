"""Deadlines of the stored cases: what the rep's deadline list and queue order show, loaded
from the database with the shop's policy values and calendar overrides."""

from datetime import date, timedelta

import pytest

from app.db import database
from app.models import AftersalesRequest, CalendarOverride, Conversation, Dispute
from app.services.casework import case_deadlines
from app.services.clocks import deadlines
from app.services.commerce import policy
from app.errors import InvalidInput, NotFound
from tests.factories import T0, make_buyer, make_order, make_shop, utc

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

SEC = timedelta(seconds=1)


def make_dispute(order, **facts) -> Dispute:
    values = dict(order=order, kind="not_received", sub_kind="in_transit",
                  reason="Item not received",
                  state="awaiting_seller", opened_at=T0, first_request_at=T0,
                  buyer_changed_at=T0, currency="USD", created_at=T0, updated_at=T0)
    values.update(facts)
    return Dispute.create(**values)


def make_request(order, **facts) -> AftersalesRequest:
    values = dict(order=order, service_type="refund_only", reason="not_received", amount=10,
                  currency="CNY", state="waiting_seller", opened_at=T0, submitted_at=T0,
                  created_at=T0, updated_at=T0)
    values.update(facts)
    return AftersalesRequest.create(**values)


@pytest.fixture
def shops(db):
    return make_shop("ae", "aliexpress"), make_shop("tb", "taobao")


def test_open_cases_listed_with_all_their_deadlines_earliest_first(shops):
    ae, tb = shops
    d = make_dispute(make_order(ae, "1"))
    r = make_request(make_order(tb, "2", status="completed", completed_at=T0 - timedelta(days=1)))
    items = deadlines.deadlines_at(T0 + timedelta(hours=1))
    assert [i.due_at for i in items] == sorted(i.due_at for i in items)
    by_case = {(i.case_id, i.rule) for i in items}
    assert (f"D-{d.id}", "AE-3") in by_case and (f"A-{r.id}", "TB-3") in by_case
    seller = next(i for i in items if i.rule == "AE-3")
    assert (seller.due_at, seller.state, seller.shop, seller.order_no) == \
        (utc(2026, 3, 7, 2, 0, 0), "pending", "ae", "1")


def test_settled_cases_only_with_include_settled(shops):
    ae, _ = shops
    d = make_dispute(make_order(ae, "1"), state="resolved", seller_responded_at=T0,
                     closed_at=T0 + timedelta(days=1), resolution="negotiation_consensus")
    at = T0 + timedelta(days=2)
    # rule AE-14: of a resolved dispute only the buyer's pending appeal window is listed
    listed = [i for i in deadlines.deadlines_at(at) if i.case_id == f"D-{d.id}"]
    assert [(i.rule, i.state, i.informational) for i in listed] == [("AE-14", "pending", True)]
    after = T0 + timedelta(days=8, seconds=1)
    assert not [i for i in deadlines.deadlines_at(after) if i.case_id == f"D-{d.id}"]
    settled = [i for i in deadlines.deadlines_at(at, include_settled=True)
               if i.case_id == f"D-{d.id}"]
    assert {(i.rule, i.state) for i in settled} >= {("AE-3", "met"), ("AE-14", "pending")}


def test_order_and_conversation_clocks_only_while_pending(shops):
    ae, tb = shops
    make_order(tb, "unshipped", status="awaiting_shipment")            # TB-5 pending
    make_order(tb, "shipped", status="shipped", shipped_at=T0 + timedelta(hours=1))  # TB-5 met
    buyer = make_buyer(tb)
    conv = Conversation.create(shop=tb, buyer=buyer, channel="site_message", created_at=T0,
                               last_inbound_at=T0, is_replied=False,
                               order=make_order(tb, "asked", status="awaiting_shipment"))
    Conversation.create(shop=tb, buyer=buyer, channel="email", created_at=T0,
                        last_inbound_at=T0, is_replied=True)
    at = T0 + timedelta(hours=2)
    items = deadlines.deadlines_at(at)
    assert {i.order_no for i in items if i.kind == "ship_by"} == {"unshipped", "asked"}
    [reply] = [i for i in items if i.rule == "HOUSE-1"]
    assert (reply.conversation_id, reply.order_no, reply.due_at) == \
        (conv.id, "asked", T0 + timedelta(hours=24))
    later = deadlines.deadlines_at(T0 + timedelta(days=4))   # every clock above has passed
    assert not [i for i in later if i.subject in ("order", "conversation")]


def test_recently_completed_taobao_order_shows_its_windows_until_a_request_uses_one(shops):
    _, tb = shops
    o = make_order(tb, "done", status="completed", completed_at=T0)
    kinds = {i.kind for i in deadlines.deadlines_at(T0 + timedelta(days=1)) if i.order_no == "done"}
    assert kinds == {"aftersales_window", "mismatch_complaint_window"}
    make_request(o, opened_at=T0 + timedelta(days=2), submitted_at=T0 + timedelta(days=2))
    kinds = {i.kind for i in deadlines.deadlines_at(T0 + timedelta(days=3))
             if i.order_no == "done" and i.subject == "order"}
    assert kinds == {"mismatch_complaint_window"}


def test_aliexpress_order_in_transit_shows_the_extension_advice(shops):
    ae, _ = shops
    make_order(ae, "moving", promised_days=20)
    make_order(ae, "no-promise")
    items = [i for i in deadlines.deadlines_at(T0) if i.subject == "order"]
    assert {(i.order_no, i.kind) for i in items} == {("moving", "confirmation_window")}
    # rule AE-11: the advice is listed in the last five days of the window, while pending
    items = [i for i in deadlines.deadlines_at(T0 + timedelta(days=16)) if i.subject == "order"]
    assert {(i.order_no, i.kind, i.due_at) for i in items} == \
        {("moving", "confirmation_window", T0 + timedelta(days=20)),
         ("moving", "extension_advice", T0 + timedelta(days=20))}
    assert not [i for i in deadlines.deadlines_at(T0 + timedelta(days=20, seconds=1))
                if i.subject == "order"]


def test_case_deadlines_of_one_case_and_bad_ids(shops):
    ae, _ = shops
    d = make_dispute(make_order(ae, "1"), state="negotiating",
                     seller_responded_at=T0 + timedelta(days=1))
    items = case_deadlines.case_deadlines(f"D-{d.id}", T0 + timedelta(days=20))
    assert {i.case_id for i in items} == {f"D-{d.id}"}
    assert ("AE-3", "met") in {(i.rule, i.state) for i in items}
    with pytest.raises(NotFound):
        case_deadlines.case_deadlines("D-999", T0)
    with pytest.raises(InvalidInput):
        case_deadlines.case_deadlines("X12", T0)


def test_refresh_next_due_follows_the_case(shops):
    ae, tb = shops
    d = make_dispute(make_order(ae, "1"))
    case_deadlines.refresh_next_due(d, T0)
    assert d.next_due_at == utc(2026, 3, 7, 2, 0, 0)          # rule AE-3
    d.state, d.seller_responded_at = "escalated", T0 + timedelta(days=1)
    d.escalated_at, d.escalated_by = T0 + timedelta(days=4), "buyer"
    case_deadlines.refresh_next_due(d, T0 + timedelta(days=4))
    assert d.next_due_at == T0 + timedelta(days=7)              # rule AE-8 proof
    d.state, d.closed_at = "resolved", T0 + timedelta(days=5)
    case_deadlines.refresh_next_due(d, T0 + timedelta(days=5))
    assert d.next_due_at is None
    r = make_request(make_order(tb, "2", status="awaiting_shipment"))
    case_deadlines.refresh_next_due(r, T0)
    assert r.next_due_at == T0 + timedelta(hours=48)             # rule TB-3 unshipped


def test_policy_change_moves_the_due_instant(shops):
    ae, _ = shops
    d = make_dispute(make_order(ae, "1"))
    policy.set_value("aliexpress", "seller_response", "2", actor="test")
    [item] = [i for i in case_deadlines.case_deadlines(f"D-{d.id}", T0) if i.rule == "AE-3"]
    assert item.due_at == T0 + timedelta(days=2)


def test_calendar_override_moves_the_platform_action_due(shops):
    ae, _ = shops
    escalated = utc(2026, 3, 3, 2, 0, 0)   # Tuesday 10:00 China time
    d = make_dispute(make_order(ae, "1"), state="escalated", seller_responded_at=T0,
                     escalated_at=escalated, escalated_by="buyer")

    def ae7():
        return next(i for i in case_deadlines.case_deadlines(f"D-{d.id}", escalated) if i.rule == "AE-7")

    assert ae7().due_at == utc(2026, 3, 5, 2, 0, 0)                 # Thursday
    CalendarOverride.create(calendar="CN", day=date(2026, 3, 4), is_working=False)
    assert ae7().due_at == utc(2026, 3, 6, 2, 0, 0)                 # Friday


def test_loading_takes_a_handful_of_queries_however_many_cases(shops):
    ae, tb = shops
    buyer = make_buyer(tb)

    def add_cases(first, count):
        for n in range(first, first + count):
            make_dispute(make_order(ae, f"ae{n}", promised_days=30))
            make_request(make_order(tb, f"tb{n}", status="completed", completed_at=T0))
            asked = make_order(tb, f"c{n}", status="awaiting_shipment")
            Conversation.create(shop=tb, buyer=buyer, channel="im", created_at=T0,
                                last_inbound_at=T0, is_replied=False, order=asked)

    def queries():
        counted = []
        original = database.execute_sql

        def counting(sql, *args, **kwargs):
            counted.append(sql)
            return original(sql, *args, **kwargs)

        database.execute_sql = counting
        try:
            items = deadlines.deadlines_at(T0 + timedelta(hours=1))
        finally:
            del database.execute_sql
        return items, counted

    add_cases(0, 2)
    _, few = queries()
    add_cases(2, 10)
    items, many = queries()
    assert len(items) > 12 * 4
    # one query per kind of fact (cases, their events, orders, conversations, shops,
    # policy, calendar, the platforms for the follow-up horizon, follow-up and complaint
    # facts), never one per case
    assert len(many) == len(few) and 3 <= len(many) <= 15, many


def test_case_list_orders_by_the_live_next_due_not_the_stored_column(shops):
    from app.services.clocks.case_list import list_cases
    ae, tb = shops
    # stored next_due_at values are stale and in the wrong order on purpose
    answered = make_dispute(make_order(ae, "1"), state="negotiating",
                            seller_responded_at=T0 + timedelta(hours=1),
                            next_due_at=T0 + timedelta(days=1))
    waiting = make_dispute(make_order(ae, "2"), next_due_at=T0 + timedelta(days=30))
    request = make_request(make_order(tb, "3", status="awaiting_shipment"),
                           next_due_at=T0 + timedelta(days=60))
    done = make_dispute(make_order(ae, "4"), state="resolved", closed_at=T0 + timedelta(hours=2),
                        resolution="negotiation_consensus", next_due_at=T0)
    at = T0 + timedelta(hours=3)
    rows = list_cases(at)
    assert [r.id for r in rows] == [f"A-{request.id}", f"D-{waiting.id}", f"D-{answered.id}",
                                    f"D-{done.id}"]                         # rule AE-10
    assert [r.next_due_at for r in rows] == [T0 + timedelta(hours=48),      # rule TB-3
                                             T0 + timedelta(days=5),        # rule AE-3
                                             T0 + timedelta(days=15),       # rule AE-6
                                             None]
