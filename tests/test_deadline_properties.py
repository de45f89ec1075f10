"""Invariants of the deadline engine over generated cases, orders and conversations:
no deadline falls due before its trigger instant, and for a fixed case a deadline's state
only moves forward in time (pending -> missed; met stays met; nothing comes back)."""

from datetime import timedelta
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from app.models.vocab import DISPUTE_STATES, ORDER_STATES, REQUEST_STATES, RESOLUTIONS
from app.rules.calendar import WorkingCalendar
from app.rules.engine import (ShopContext, case_deadlines, conversation_deadlines, next_due,
                              order_deadlines)
from app.rules.policy import Profile
from tests.factories import utc

T0 = utc(2026, 1, 20, 3, 0, 0)
HORIZON = 60 * 24 * 3600   # seconds: two months of case life

offsets = st.integers(min_value=0, max_value=HORIZON)
maybe = st.one_of(st.none(), offsets)


def instant(seconds):
    return None if seconds is None else T0 + timedelta(seconds=seconds)


@st.composite
def profiles(draw, name):
    keys = {"aliexpress": ["seller_response", "staff_intervene", "auto_escalation",
                           "platform_action", "proof_of_delivery", "return_shipment",
                           "extension_advice_lead", "reply_due"],
            "taobao": ["seller_timeout_unshipped", "seller_timeout_shipped",
                       "buyer_revise_window", "ship_within", "aftersales_window", "reply_due"]}
    chosen = draw(st.dictionaries(st.sampled_from(keys[name]),
                                  st.integers(min_value=0, max_value=20).map(str), max_size=3))
    return ShopContext("s", name, Profile(name, chosen), WorkingCalendar())


@st.composite
def disputes(draw):
    first = draw(st.integers(min_value=0, max_value=HORIZON // 4))
    later = st.one_of(st.none(), offsets.map(lambda x: x + first))
    facts = {k: instant(draw(later)) for k in (
        "seller_responded_at", "staff_joined_at", "escalated_at", "proof_submitted_at",
        "return_agreed_at", "return_shipped_at", "closed_at", "appealed_at")}
    return SimpleNamespace(   # every fact happens at or after the first refund request
        id=1, state=draw(st.sampled_from(DISPUTE_STATES)), opened_at=instant(first),
        first_request_at=instant(first),
        buyer_changed_at=instant(first + draw(st.integers(0, HORIZON // 4))),
        escalated_by=draw(st.sampled_from([None, "buyer", "system"])),
        resolution=draw(st.one_of(st.none(), st.sampled_from(RESOLUTIONS))), **facts)


@st.composite
def orders(draw):
    return SimpleNamespace(
        id=1, order_no="1", status=draw(st.sampled_from(ORDER_STATES)),
        is_virtual=draw(st.booleans()), paid_at=instant(draw(maybe)),
        shipped_at=instant(draw(maybe)), confirmed_at=instant(draw(maybe)),
        completed_at=instant(draw(maybe)), closed_at=instant(draw(maybe)),
        promised_days=draw(st.one_of(st.none(), st.integers(0, 120))),
        confirm_extension_days=draw(st.integers(0, 60)))


@st.composite
def requests(draw):
    submitted = draw(offsets)
    return SimpleNamespace(
        id=1, service_type="refund_only", state=draw(st.sampled_from(REQUEST_STATES)),
        opened_at=instant(submitted), submitted_at=instant(submitted),
        refused_at=instant(draw(maybe)), return_agreed_at=instant(draw(maybe)),
        return_shipped_at=instant(draw(maybe)), platform_requested_at=instant(draw(maybe)),
        resolved_at=instant(draw(maybe)))


moments = st.lists(st.integers(min_value=-3600, max_value=3 * HORIZON), min_size=2,
                   max_size=8).map(lambda xs: sorted(instant(x) if x >= 0 else
                                                     T0 - timedelta(seconds=-x) for x in xs))


def assert_invariants(evaluate, ats):
    history: dict[tuple, list[str]] = {}
    kinds_seen = None
    for at in ats:
        items = evaluate(at)
        kinds = sorted((d.rule, d.kind) for d in items)
        # which clocks apply depends on the facts, never on `at`
        assert kinds_seen is None or kinds == kinds_seen
        kinds_seen = kinds
        for d in items:
            assert d.starts_at is not None and d.due_at >= d.starts_at
            assert d.state in ("pending", "met", "missed")
            assert d.state != "pending" or at <= d.due_at
            history.setdefault((d.rule, d.kind), []).append(d.state)
        due = next_due(items)
        assert due is None or due >= at
    for states in history.values():
        if "met" in states:
            assert set(states) == {"met"}
        if "missed" in states:
            assert "pending" not in states[states.index("missed"):]


@given(disputes(), profiles("aliexpress"), moments)
def test_property_dispute_deadlines(dispute, ctx, ats):
    order = SimpleNamespace(order_no="1")
    assert_invariants(lambda at: case_deadlines(dispute, order, ctx, at), ats)
    for d in case_deadlines(dispute, order, ctx, ats[0]):
        assert d.due_at >= dispute.first_request_at   # nothing due before the dispute began


@given(requests(), orders(), profiles("taobao"), moments)
def test_property_request_deadlines(request, order, ctx, ats):
    assert_invariants(lambda at: case_deadlines(request, order, ctx, at), ats)


@given(orders(), st.sampled_from(["aliexpress", "taobao"]).flatmap(profiles), moments,
       st.one_of(st.none(), offsets))
def test_property_order_deadlines(order, ctx, ats, request_opened):
    opened = instant(request_opened)
    assert_invariants(lambda at: order_deadlines(order, ctx, at, aftersales_opened_at=opened), ats)


@given(st.booleans(), offsets, profiles("taobao"), moments)
def test_property_reply_due(replied, last_in, ctx, ats):
    conv = SimpleNamespace(id=3, is_replied=replied, last_inbound_at=instant(last_in))
    assert_invariants(lambda at: conversation_deadlines(conv, ctx, at), ats)
