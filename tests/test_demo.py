"""The demo shops as a rep sees them on first start: every state of both case machines, a
year of history, live deadlines, the documented check at 2026-03-01, and the same data for
the same seed and anchor."""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db import close_database, open_database
from app.demo import CHECK_INSTANT, load_demo
from app.interchange import export_document
from app.models import (AftersalesRequest, AuditEntry, Conversation, Dispute, DisputeEvent,
                        Message, Order, RequestEvent, Shop, TrackingEvent)
from app.models.complaints import Complaint
from app.models.followups import FollowUpAttempt, FollowUpState
from app.vocab import (DISPUTE_FINAL_STATES, DISPUTE_STATES, REQUEST_FINAL_STATES,
                              REQUEST_STATES)
from app.rules.followup import EXHAUSTED
from app.services.commerce import policy
from app.services.clocks.deadlines import deadlines_at
from app.errors import InvalidInput
from app.services.aftercare.followups import awaiting_buyer

ANCHOR = datetime(2026, 11, 22, tzinfo=timezone.utc)
ORDERS = 80
MACHINES = ((Dispute, DISPUTE_FINAL_STATES), (AftersalesRequest, REQUEST_FINAL_STATES))


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    open_database(path)
    load_demo(seed=7, orders_per_shop=ORDERS, anchor=ANCHOR)
    close_database()
    return path


@pytest.fixture
def demo(demo_file, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    yield open_database(path)
    close_database()


def _fresh(tmp_path, name: str):
    return open_database(tmp_path / name)


def _states(model) -> set[str]:
    return {row.state for row in model.select(model.state)}


def test_every_state_of_both_machines_is_on_show_at_the_anchor(demo):
    assert _states(Dispute) == set(DISPUTE_STATES)
    assert _states(AftersalesRequest) == set(REQUEST_STATES)
    # three live cases in each open state
    for model, final in MACHINES:
        counts = Counter(row.state for row in model.select() if row.state not in final)
        assert set(counts.values()) == {3}


def test_each_shop_has_the_orders_asked_for_over_a_year(demo):
    for shop in Shop.select():
        orders = list(Order.select().where(Order.shop == shop))
        assert len(orders) == ORDERS
        months = {o.created_at.strftime("%Y-%m") for o in orders}
        assert len(months) >= 12
        assert min(o.created_at for o in orders) >= ANCHOR - timedelta(days=366)


def test_settled_cases_are_spread_over_the_year(demo):
    for model, final in MACHINES:
        settled = [c for c in model.select() if c.state in final]
        months = {c.opened_at.strftime("%Y-%m") for c in settled}
        assert len(months) >= 10, months


def test_nothing_happened_after_the_anchor(demo):
    instants = [e.at for e in TrackingEvent.select()] + [m.sent_at for m in Message.select()]
    instants += [e.at for e in DisputeEvent.select()] + [e.at for e in RequestEvent.select()]
    for order in Order.select():
        instants += [t for t in (order.created_at, order.paid_at, order.shipped_at,
                                 order.delivered_at, order.confirmed_at, order.completed_at,
                                 order.closed_at) if t is not None]
    assert instants and max(instants) <= ANCHOR


def test_live_cases_wait_for_the_seller_with_the_clock_running(demo):
    items = [d for d in deadlines_at(ANCHOR) if d.case_id and d.state == "pending"]
    waiting = {f"D-{d.id}" for d in Dispute.select().where(Dispute.state == "awaiting_seller")}
    waiting |= {f"A-{r.id}" for r in
                AftersalesRequest.select().where(AftersalesRequest.state == "waiting_seller")}
    # rules AE-3 and TB-3: the seller's time to respond is still running at the anchor
    running = {d.case_id for d in items if d.rule in ("AE-3", "TB-3") and d.due_at > ANCHOR}
    assert waiting and waiting <= running


def test_the_check_at_2026_03_01_finds_open_cases_on_both_platforms(demo):
    # as of CHECK_INSTANT: cases opened before it and settled after it were open then
    def open_then(opened, settled):
        return opened < CHECK_INSTANT and (settled is None or settled > CHECK_INSTANT)

    disputes = [d for d in Dispute.select() if open_then(d.opened_at, d.closed_at)]
    requests = [r for r in AftersalesRequest.select() if open_then(r.opened_at, r.resolved_at)]
    assert len(disputes) >= 2 and len(requests) >= 2
    items = [d for d in deadlines_at(CHECK_INSTANT) if d.case_id]
    assert {d.platform for d in items} == {"aliexpress", "taobao"}
    pending = {d.rule for d in items if d.state == "pending"}
    assert {"AE-3", "TB-3"} <= pending
    opened = {f"D-{d.id}": d.opened_at for d in Dispute.select()}
    opened |= {f"A-{r.id}": r.opened_at for r in AftersalesRequest.select()}
    assert all(opened[d.case_id] <= CHECK_INSTANT for d in items)   # later ones did not exist


def test_machines_show_the_platform_and_buyer_steps(demo):
    dispute_actions = {e.action for e in DisputeEvent.select()}
    assert {"buyer_modify", "staff_join", "buyer_accept", "return_timeout", "platform_propose",
            "seller_response_timeout", "auto_escalate", "buyer_escalate", "platform_rule",
            "appeal", "seller_refuse", "buyer_cancel"} <= dispute_actions
    request_actions = {e.action for e in RequestEvent.select()}
    assert {"auto_agree", "revise", "rule_for_buyer", "rule_for_seller", "refuse",
            "revise_window_expired", "request_platform", "cancel"} <= request_actions
    refusals = [e.detail["reason"]
                for e in RequestEvent.select().where(RequestEvent.action == "refuse")]
    assert refusals and all(refusals)
    rulings = {e.detail["in_favour_of"] for e in
               DisputeEvent.select().where(DisputeEvent.action == "platform_rule")}
    assert rulings == {"buyer", "seller"}


def test_non_counted_reasons_and_causes_are_set(demo):
    non_counted = set(policy.load_profile("aliexpress").items("non_counted_reasons"))  # AE-2
    reasons = {d.reason for d in Dispute.select()}
    assert non_counted <= reasons and reasons - non_counted
    for model, final in MACHINES:
        causes = {c.cause for c in model.select() if c.state in final}         # GEN-1
        assert "unknown" not in causes and {"seller", "carrier", "buyer"} <= causes


def test_conversations_in_chinese_and_english_some_waiting_for_an_answer(demo):
    convs = list(Conversation.select())
    assert any(not c.is_replied for c in convs)
    assert sum(c.is_replied for c in convs) > len(convs) / 2
    assert any(c.star != "none" for c in convs)
    messages = list(Message.select())
    assert any(m.is_internal for m in messages)
    ae_shop = Shop.get(Shop.platform == "aliexpress")
    ae_in = [m for m in messages
             if m.direction == "in" and m.conversation.shop_id == ae_shop.id]   # rule AE-13
    assert ae_in and all(m.translation and m.translation_lang == "zh" for m in ae_in)
    assert any("退款" in (m.body + (m.translation or "")) for m in messages)
    sizes = Counter(m.conversation_id for m in messages if not m.is_internal)
    assert any(5 <= n <= 10 for n in sizes.values())
    recent = [c for c in convs if c.created_at > ANCHOR - timedelta(days=30)]
    assert len(recent) > len(convs) / 4


def _normalised(doc: dict) -> str:
    """The export without what the wall clock and random uids decide."""
    doc = copy.deepcopy(doc)
    doc.pop("exported_at")
    for entry in doc["audit"]:
        entry.pop("at")
    for shop in doc["shops"]:
        shop.pop("created_at")
        for order in shop["orders"]:
            cases = order["disputes"] + [r for r in [order["aftersales_request"]] if r]
            for case in cases:
                case.pop("created_at"), case.pop("updated_at")
                for event in case["events"]:
                    event.pop("recorded_at")
        for complaint in shop["complaints"]:
            complaint.pop("created_at"), complaint.pop("updated_at")
        for conversation in shop["conversations"]:
            if conversation["follow_up_state"]:
                conversation["follow_up_state"].pop("updated_at")
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False)
    for index, uid in enumerate(dict.fromkeys(re.findall(r'"uid": "(\w+)"', text))):
        text = text.replace(uid, f"uid-{index}")
    return text


def test_same_seed_and_anchor_give_the_same_data(demo_file, tmp_path):
    open_database(demo_file)
    first = _normalised(export_document())
    for name, seed, same in (("again.db", 7, True), ("other.db", 8, False)):
        _fresh(tmp_path, name)
        load_demo(seed=seed, orders_per_shop=ORDERS, anchor=ANCHOR)
        assert (_normalised(export_document()) == first) is same
    close_database()


def test_a_second_demo_in_the_same_database_is_refused_writing_nothing(demo):
    before = (AuditEntry.select().count(), Order.select().count(), Shop.select().count())
    with pytest.raises(InvalidInput, match="exists already"):
        load_demo(seed=3, orders_per_shop=60, anchor=ANCHOR)
    assert (AuditEntry.select().count(), Order.select().count(), Shop.select().count()) == before


def test_too_few_orders_are_refused(tmp_path):
    _fresh(tmp_path, "few.db")
    with pytest.raises(InvalidInput):
        load_demo(orders_per_shop=59, anchor=ANCHOR)
    assert Shop.select().count() == 0
    close_database()


def test_rule_offsets_follow_the_shops_policy(tmp_path):
    # longer rules than the defaults: a demo with the defaults written in would be refused
    _fresh(tmp_path, "policy.db")
    changed = {("aliexpress", "seller_response"): 6, ("aliexpress", "return_shipment"): 12,
               ("aliexpress", "auto_escalation"): 17, ("taobao", "seller_timeout_shipped"): 7,
               ("taobao", "buyer_revise_window"): 6}
    for (profile, key), days in changed.items():
        policy.set_value(profile, key, str(days))
    load_demo(seed=5, orders_per_shop=60, anchor=ANCHOR)
    assert _states(Dispute) == set(DISPUTE_STATES)
    assert _states(AftersalesRequest) == set(REQUEST_STATES)
    timeouts = DisputeEvent.select().where(DisputeEvent.action == "seller_response_timeout")
    late = {e.at - e.dispute.buyer_changed_at for e in timeouts}   # rule AE-3
    assert late and min(late) == timedelta(days=6, seconds=1)
    agreed = RequestEvent.select().where(RequestEvent.action == "auto_agree")
    late = {e.at - e.request.submitted_at for e in agreed}          # rule TB-3
    assert late and min(late) == timedelta(days=7, seconds=1)
    closed = RequestEvent.select().where(RequestEvent.action == "revise_window_expired")
    assert {e.at - e.request.refused_at for e in closed} == {timedelta(days=6, seconds=1)}
    close_database()


@settings(max_examples=3, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(anchor=st.datetimes(min_value=datetime(2026, 3, 15), max_value=datetime(2027, 12, 31),
                           timezones=st.just(timezone.utc)),
       seed=st.integers(0, 10_000))
def test_any_anchor_shows_every_state_and_the_check_instant(tmp_path_factory, anchor, seed):
    open_database(tmp_path_factory.mktemp("anchor") / "demo.db")
    try:
        load_demo(seed=seed, orders_per_shop=60, anchor=anchor)
        assert _states(Dispute) == set(DISPUTE_STATES)
        assert _states(AftersalesRequest) == set(REQUEST_STATES)
        items = [d for d in deadlines_at(CHECK_INSTANT) if d.case_id and d.state == "pending"]
        assert {"AE-3", "TB-3"} <= {d.rule for d in items}
    finally:
        close_database()


def test_complaints_and_quiet_buyers_are_on_show_in_both_shops(demo):
    for shop in Shop.select():
        cases = list(Complaint.select().where(Complaint.shop == shop))
        assert {c.state for c in cases} == {"open", "closed"}          # GEN-8
        part_done = [c for c in cases if c.state == "open" and c.compensation_offer]
        assert part_done and {s.state for s in part_done[0].steps} == {"done", "open"}
        closed = next(c for c in cases if c.state == "closed")
        assert closed.outcome and all(s.state == "done" for s in closed.steps)
    rows = awaiting_buyer(ANCHOR)                                       # GEN-7
    assert {r.status for r in rows} >= {EXHAUSTED, "stopped"}
    assert {r.platform for r in rows if r.follow_ups_sent} == {"aliexpress", "taobao"}
    assert FollowUpState.select().where(FollowUpState.reason == "time_zone").count() == 2
    assert all(a.sent_at <= ANCHOR and a.message is not None for a in FollowUpAttempt.select())


def test_the_demo_has_quick_phrases_in_three_languages_and_an_automatic_reply(demo):
    """#26.13: Ctrl+K is not empty on a first look, and an AE-12 automatic reply is set."""
    from app.models import AutoReplyRule, QuickPhrase, Shop
    from app.services.messaging.quick_phrases import find_phrases
    titles = {p.title for p in QuickPhrase.select()}
    assert {"Shipped: tracking", "Refund agreed"} <= titles
    shipped = next(p for p in find_phrases("ship") if p.title == "Shipped: tracking")
    assert {"zh", "en", "pt"} <= set(shipped.variants)
    ae = Shop.get(Shop.key == "ae-demo")
    assert {r.language for r in AutoReplyRule.select().where(AutoReplyRule.shop == ae)} == {
        "en", "pt"}
