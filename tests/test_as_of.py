""""As of" evaluation: the deadline list at an instant shows the world as it stood then:
cases opened later do not exist yet, later facts have not happened, settled cases that were
open then are listed with their state of that instant; at "now" nothing differs."""

from datetime import timedelta
from types import SimpleNamespace

import pytest

from app.models import Conversation, Dispute, DisputeEvent, Order
from app.rules import engine
from app.rules.engine_common import judge
from app.services.casework import aftersales, as_of, disputes
from app.services.casework import case_deadlines
from app.services.clocks import deadlines
from app.services.commerce.shop_contexts import ShopContexts
from tests.factories import T0, make_buyer, make_order, make_shop

DAY, HOUR, SEC = timedelta(days=1), timedelta(hours=1), timedelta(seconds=1)
OPEN = T0 + 10 * DAY


@pytest.fixture
def shops(db):
    return make_shop("ae", "aliexpress"), make_shop("tb", "taobao")


def ruled(ae):
    """A dispute opened at OPEN, refused, escalated on day 5 and ruled on day 7."""
    d = disputes.open_dispute(make_order(ae, "8001"), "not_as_described", "quality",
                              "Quality problem", "refund", "12.00", OPEN)
    disputes.seller_refuse(d, "no", OPEN + DAY)
    disputes.buyer_escalate(d, OPEN + 4 * DAY)
    disputes.platform_rule(d, "seller", OPEN + 6 * DAY)
    return d


def of(items, case):
    return {(i.rule, i.kind): i for i in items if i.case_id == case}


def test_a_case_opened_later_does_not_exist_yet(shops):
    d = ruled(shops[0])
    assert not of(deadlines.deadlines_at(OPEN - SEC), f"D-{d.id}")
    assert case_deadlines.case_deadlines(f"D-{d.id}", OPEN - SEC) == []


def test_a_case_settled_now_is_listed_as_it_stood_then(shops):
    d = ruled(shops[0])
    assert Dispute.get_by_id(d.id).state == "resolved"
    then = of(deadlines.deadlines_at(OPEN + 12 * HOUR), f"D-{d.id}")
    # rule AE-3: the seller had not answered yet at that instant
    assert then[("AE-3", "seller_response")].state == "pending"
    assert ("AE-7", "platform_action") not in then          # the escalation came later
    escalated = {i.kind: i.state for i in case_deadlines.case_deadlines(f"D-{d.id}", OPEN + 5 * DAY)}
    assert escalated["seller_response"] == "met"
    assert escalated["platform_action"] == "pending" and escalated["proof_of_delivery"] == \
        "pending"
    assert "appeal_window" not in escalated                 # not closed yet
    stored = Dispute.get_by_id(d.id)                        # nothing was changed or saved
    assert (stored.state, stored.escalated_at, stored.closed_at) == \
        ("resolved", OPEN + 4 * DAY, OPEN + 6 * DAY)


def test_a_later_buyer_change_has_not_restarted_the_clock_yet(shops):
    d = disputes.open_dispute(make_order(shops[0], "8002"), "not_as_described", "quality",
                              "Quality problem", "refund", "12.00", OPEN)
    disputes.buyer_modify(d, OPEN + 2 * DAY, refund_amount="10.00")
    [before] = [i for i in case_deadlines.case_deadlines(f"D-{d.id}", OPEN + DAY) if i.rule == "AE-3"]
    [after] = [i for i in case_deadlines.case_deadlines(f"D-{d.id}", OPEN + 3 * DAY)
               if i.rule == "AE-3"]
    assert (before.starts_at, before.due_at) == (OPEN, OPEN + 5 * DAY)        # rule AE-3
    assert (after.starts_at, after.due_at) == (OPEN + 2 * DAY, OPEN + 7 * DAY)


def test_a_request_refused_and_revised_later(shops):
    order = make_order(shops[1], "3001", status="completed", completed_at=T0)
    r = aftersales.open_request(order, "refund_only", "quality", "10.00", T0 + DAY)
    aftersales.refuse(r, "used", T0 + 2 * DAY)
    aftersales.revise(r, T0 + 4 * DAY, amount="8.00")
    then = {i.kind: i for i in case_deadlines.case_deadlines(f"A-{r.id}", T0 + 3 * DAY)}
    assert then["seller_action"].state == "met"                              # rule TB-3
    assert (then["buyer_revise_window"].state, then["buyer_revise_window"].due_at) == \
        ("pending", T0 + 7 * DAY)
    now = {i.kind: i for i in case_deadlines.case_deadlines(f"A-{r.id}", T0 + 5 * DAY)}
    assert "buyer_revise_window" not in now       # the revision answered the refusal
    assert (now["seller_action"].starts_at, now["seller_action"].state) == \
        (T0 + 4 * DAY, "pending")


def test_orders_as_they_stood(shops):
    _, tb = shops
    make_order(tb, "shipped-later", status="shipped", shipped_at=T0 + 10 * HOUR)
    make_order(tb, "placed-later", status="awaiting_shipment", created_at=T0 + DAY,
               paid_at=T0 + DAY)
    at = T0 + HOUR
    ship_by = {i.order_no: i.state for i in deadlines.deadlines_at(at) if i.kind == "ship_by"}
    assert ship_by == {"shipped-later": "pending"}                           # rule TB-5
    assert "placed-later" in {i.order_no for i in deadlines.deadlines_at(T0 + 2 * DAY)
                              if i.kind == "ship_by"}


def test_order_view_derives_the_status_of_that_instant(shops):
    order = make_order(shops[1], "9", status="completed", shipped_at=T0 + DAY,
                       completed_at=T0 + 5 * DAY)
    assert as_of.order_view(order, T0 + HOUR).status == "awaiting_shipment"
    assert as_of.order_view(order, T0 + 2 * DAY).status == "shipped"
    assert as_of.order_view(order, T0 + 6 * DAY).status == "completed"
    assert as_of.order_view(order, T0 - SEC) is None
    assert Order.get_by_id(order.id).status == "completed"


def test_a_conversation_counts_only_up_to_its_last_message(shops):
    _, tb = shops
    conv = Conversation.create(shop=tb, buyer=make_buyer(tb), channel="im", created_at=T0,
                               last_inbound_at=T0, last_message_at=T0 + 2 * HOUR,
                               is_replied=False)
    assert not [i for i in deadlines.deadlines_at(T0 + HOUR) if i.rule == "HOUSE-1"]
    [reply] = [i for i in deadlines.deadlines_at(T0 + 3 * HOUR) if i.rule == "HOUSE-1"]
    assert reply.conversation_id == conv.id


def test_the_view_is_a_copy_with_the_state_of_its_instant(shops):
    d = ruled(shops[0])
    events = list(DisputeEvent.select().where(DisputeEvent.dispute == d)
                  .order_by(DisputeEvent.at, DisputeEvent.id))
    view = as_of.dispute_view(d, events, OPEN + 5 * DAY)
    assert isinstance(view, SimpleNamespace)
    assert (view.state, view.escalated_by, view.closed_at, view.resolution) == \
        ("escalated", "buyer", None, None)
    assert (d.state, d.resolution) == ("resolved", "platform_arbitrate")
    assert as_of.dispute_view(d, events, OPEN + 7 * DAY).state == "resolved"


def test_at_now_nothing_changes(shops):
    ae, tb = shops
    ruled(ae)
    open_one = disputes.open_dispute(make_order(ae, "8003"), "not_received", "lost",
                                     "Item not received", "refund", "5.00", OPEN + DAY)
    disputes.seller_refuse(open_one, "no", OPEN + 2 * DAY)
    order = make_order(tb, "3002", status="completed", completed_at=T0)
    aftersales.open_request(order, "refund_only", "quality", "10.00", T0 + DAY)
    now = OPEN + 30 * DAY            # after every fact above
    ctxs = ShopContexts()
    live = []
    for model in (Dispute, aftersales.AftersalesRequest):
        for case in model.select():
            live += engine.case_deadlines(case, case.order, ctxs.for_shop(case.order.shop_id),
                                          now)
    listed = deadlines.deadlines_at(now, include_settled=True)
    assert [i for i in listed if i.case_id] == engine.by_due(live)


def test_judge_ignores_facts_after_at():
    due, at = T0 + DAY, T0
    assert judge(due, at, done_at=at + SEC) == "pending"       # not done yet at `at`
    assert judge(due, at, done_at=at) == "met"
    assert judge(due, at, stopped_at=at + SEC) == "pending"    # not stopped yet
    assert judge(due, due + SEC, done_at=due + 2 * SEC) == "missed"
    assert judge(due, due + SEC, stopped_at=due) is None
