"""Invariants of the deadline engine over generated cases, orders and conversations,
evaluated "as of" each instant (app.services.casework.as_of): no deadline falls due before its
trigger instant; the answer at `at` depends only on the facts up to `at` (a world where the
later facts never happened gives the same answer); and for a fixed case a deadline's state
only moves forward in time (pending -> met or missed or gone; met and missed stay)."""

from datetime import timedelta
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from app.vocab import DISPUTE_STATES, ORDER_STATES, REQUEST_STATES, RESOLUTIONS
from app.rules.calendar import WorkingCalendar
from app.rules.engine import (ShopContext, case_deadlines, conversation_deadlines, next_due,
                              order_deadlines)
from app.rules.policy import Profile
from app.services.casework import as_of
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


RESTARTABLE = ("seller_response", "seller_action")


def truncated(record, at):
    """The same record in a world where nothing happened after `at` (the buyer's last change
    and the latest submission fall back to the opening when they came later)."""
    values = {k: (None if hasattr(v, "tzinfo") and v is not None and v > at else v)
              for k, v in vars(record).items()}
    for name in ("buyer_changed_at", "submitted_at"):
        if name in values and values[name] is None:
            values[name] = values["opened_at"]
    return SimpleNamespace(**values)


def assert_invariants(evaluate, ats, world=None, trigger=None, ends_with_order=()):
    """`evaluate(at)` answers from the as-of view; `world(at)` from a record truncated at
    `at`: both must agree (rule of "as of": later facts have not happened). `trigger(at)` is
    the restartable clock's trigger at `at` (the buyer's last change, the last submission)."""
    history: dict[tuple, list[str]] = {}
    for at in ats:
        items = evaluate(at)
        if world is not None:
            assert items == world(at)
        shown = set()
        for d in items:
            if d.state == "unknown":
                # an export without the clock's starting instant (TB-1, TB-5): never an
                # alarm, and it says what is missing
                assert d.informational and d.action
                assert d.due_at is None or d.starts_at is not None
            else:
                assert d.starts_at is not None and d.due_at >= d.starts_at
                assert d.state in ("pending", "met", "missed")
            assert d.state != "pending" or at <= d.due_at
            # a clock is one trigger of one rule: a restart (AE-3, TB-3) is a new clock
            shown.add((d.rule, d.kind, d.starts_at))
            history.setdefault((d.rule, d.kind, d.starts_at), []).append(d.state)
        for key, states in history.items():
            # the buyer's change (AE-3) or resubmission (TB-3) moved this clock's trigger
            restarted = (key[1] in RESTARTABLE and trigger is not None
                         and trigger(at) is not None and trigger(at) > key[2])
            if key not in shown and states[-1] not in ("gone", "replaced"):
                states.append("replaced" if restarted else "gone")
        due = next_due(items)
        assert due is None or due >= at
    for key, states in history.items():
        settled = [s for s in states if s in ("pending", "met", "missed")]
        if "met" in settled:                           # met stays met
            assert set(settled[settled.index("met"):]) == {"met"}
        if "missed" in settled:                        # missed stays missed
            assert set(settled[settled.index("missed"):]) == {"missed"}
        if "met" in states or "missed" in states:      # a settled clock never disappears
            first = min(states.index(s) for s in ("met", "missed") if s in states)
            assert "gone" not in states[first:] or key[0] in ends_with_order  # (unless a
            # restart replaced it, or it is one of the order's clocks that end with the
            # state they belong to)


def dispute_at(dispute, order, ctx):
    return lambda at: [] if dispute.opened_at > at else case_deadlines(
        as_of.dispute_view(dispute, [], at), order, ctx, at)


@given(disputes(), profiles("aliexpress"), moments)
def test_property_dispute_deadlines(dispute, ctx, ats):
    order = SimpleNamespace(order_no="1")
    assert_invariants(dispute_at(dispute, order, ctx), ats,
                      lambda at: [] if dispute.opened_at > at else
                      case_deadlines(truncated(dispute, at), order, ctx, at),
                      lambda at: truncated(dispute, at).buyer_changed_at)
    for d in case_deadlines(dispute, order, ctx, ats[-1]):
        assert d.due_at >= dispute.first_request_at   # nothing due before the dispute began


@given(requests(), orders(), profiles("taobao"), moments)
def test_property_request_deadlines(request, order, ctx, ats):
    def evaluate(at):
        view = as_of.request_view(request, [], at)
        return [] if view is None else case_deadlines(view, as_of.order_view(order, at), ctx, at)

    assert_invariants(evaluate, ats, trigger=lambda at: truncated(request, at).submitted_at)


@given(orders(), st.sampled_from(["aliexpress", "taobao"]).flatmap(profiles), moments,
       st.one_of(st.none(), offsets))
def test_property_order_deadlines(order, ctx, ats, request_opened):
    opened = instant(request_opened)

    def evaluate(at):
        known = opened if opened is not None and opened <= at else None
        return order_deadlines(as_of.order_view(order, at), ctx, at, aftersales_opened_at=known)

    # AE-11's confirmation window (informational: the platform's clock) belongs to a parcel
    # in transit: once the order is confirmed, completed or closed it is no longer listed,
    # also after it ran out (a shop's old orders would otherwise list it for ever).
    assert_invariants(evaluate, ats, ends_with_order=("AE-11",))


@given(st.booleans(), offsets, profiles("taobao"), moments)
def test_property_reply_due(replied, last_in, ctx, ats):
    conv = SimpleNamespace(id=3, is_replied=replied, last_inbound_at=instant(last_in))
    assert_invariants(lambda at: conversation_deadlines(conv, ctx, at), ats)


@given(disputes(), profiles("aliexpress"), moments, offsets)
def test_property_later_facts_do_not_change_the_answer_at_an_instant(dispute, ctx, ats, shift):
    """Moving every fact that came after `at` (to another later instant, or away) leaves
    the deadlines at `at` unchanged."""
    order = SimpleNamespace(order_no="1")
    at = ats[0]
    if dispute.opened_at > at:
        return
    moved = SimpleNamespace(**{k: (v + timedelta(seconds=shift) if hasattr(v, "tzinfo")
                                   and v is not None and v > at else v)
                               for k, v in vars(dispute).items()})
    assert dispute_at(dispute, order, ctx)(at) == dispute_at(moved, order, ctx)(at)
