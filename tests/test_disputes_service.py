"""AliExpress disputes through the service: AE-3 restart, AE-5/AE-6/AE-17 escalation,
AE-9 proposals, AE-14 appeal, AE-15 return, AE-2 counting; refusals write nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest

from app.models import AuditEntry, Dispute, DisputeEvent, DisputeProposal
from app.rules.policy import Profile
from app.services.casework import disputes
from app.services.common.audit import entries_for
from app.services.casework.dispute_rules import counts_toward_rate, rate_counts
from app.errors import ForbiddenTransition, InvalidInput, RuleRefusal
from tests.factories import T0, make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

DAY = timedelta(days=1)
SECOND = timedelta(seconds=1)
OPEN = T0 + 10 * DAY        # the buyer's first refund request and the dispute


@pytest.fixture
def shop(db):
    return make_shop("ae")


@pytest.fixture
def order(shop):
    return make_order(shop, "8001", status="shipped")


def counts():
    return (Dispute.select().count(), DisputeEvent.select().count(),
            DisputeProposal.select().count(), AuditEntry.select().count())


def open_on(order, at=OPEN, **kw):
    values = dict(kind="not_as_described", sub_kind="quality", reason="Quality problem",
                  solution_type="refund", refund_amount="12.00")
    values.update(kw)
    return disputes.open_dispute(order, values.pop("kind"), values.pop("sub_kind"),
                                 values.pop("reason"), values.pop("solution_type"),
                                 values.pop("refund_amount"), at, **values)


def statuses(dispute):
    return {p.party: p.status for p in dispute.proposals}


# --- opening ---------------------------------------------------------------------------------

def test_open_records_the_buyers_proposal_and_starts_the_ae3_clock(order):
    dispute = open_on(order, issue_id="5001")
    assert dispute.state == "awaiting_seller"
    assert dispute.buyer_changed_at == dispute.opened_at == dispute.first_request_at == OPEN
    buyer = disputes.proposal(dispute, "buyer")
    assert (buyer.solution_type, buyer.refund_amount, buyer.status) == (
        "refund", Decimal("12.00"), "wait_seller_accept")
    assert [a.action for a in entries_for("dispute", dispute.uid)] == ["open_dispute"]


@pytest.mark.parametrize("changes, words", [
    (dict(kind="not_received", sub_kind="quality"), "sub_kind"),
    (dict(kind="lost"), "kind"),
    (dict(refund_amount="25.01"), "more than the buyer paid"),
    (dict(refund_amount="0"), "more than 0"),
    (dict(solution_type="exchange"), "solution_type"),
    (dict(reason=" "), "reason"),
    (dict(first_request_at=OPEN + SECOND), "first refund request"),
])
def test_bad_openings_are_refused_and_write_nothing(order, changes, words):
    with pytest.raises(InvalidInput, match=words):
        open_on(order, **changes)
    assert counts() == (0, 0, 0, 0)


def test_one_open_dispute_per_order_and_unique_issue_ids(order, shop):
    first = open_on(order, issue_id="77")
    with pytest.raises(InvalidInput, match=f"D-{first.id}"):
        open_on(order)
    other = make_order(shop, "8002", status="shipped")
    with pytest.raises(InvalidInput, match="issue id 77"):
        open_on(other, issue_id="77")


def test_taobao_orders_take_aftersales_requests(db):
    tb = make_shop("tb", platform="taobao")
    with pytest.raises(InvalidInput, match="after-sales request"):
        open_on(make_order(tb, "1", status="shipped"))


# --- AE-3: the seller's five days, restarted by every buyer change ----------------------------

def test_ae3_buyer_modify_restarts_the_sellers_clock(order):
    dispute = open_on(order)
    disputes.seller_counter_propose(dispute, "refund", "5.00", OPEN + DAY)
    assert dispute.seller_responded_at == OPEN + DAY
    disputes.buyer_modify(dispute, OPEN + 2 * DAY, refund_amount="10.00")
    assert dispute.state == "awaiting_seller"
    assert dispute.buyer_changed_at == OPEN + 2 * DAY and dispute.seller_responded_at is None
    assert statuses(dispute) == {"buyer": "wait_seller_accept", "seller": "buyer_refused"}
    # the old deadline (OPEN + 5 d) no longer counts: the new one is OPEN + 2 d + 5 d
    with pytest.raises(RuleRefusal) as info:
        disputes.seller_response_timeout(dispute, OPEN + 5 * DAY + SECOND)
    assert info.value.rule == "AE-3"
    disputes.seller_refuse(dispute, "photos show no defect", OPEN + 7 * DAY)
    assert dispute.state == "negotiating"
    assert Dispute.get_by_id(dispute.id).buyer_changed_at == OPEN + 2 * DAY


def test_ae3_timeout_carries_out_the_buyers_proposal(order):
    dispute = open_on(order)
    with pytest.raises(RuleRefusal, match="may respond until"):
        disputes.seller_response_timeout(dispute, OPEN + 5 * DAY)
    before = counts()
    with pytest.raises(RuleRefusal, match="seller_response_timeout"):
        disputes.seller_accept(dispute, OPEN + 5 * DAY + SECOND)
    assert counts() == before
    disputes.seller_response_timeout(dispute, OPEN + 5 * DAY + SECOND)
    assert (dispute.state, dispute.resolution, dispute.refund_amount) == (
        "resolved", "seller_response_timeout", Decimal("12.00"))
    event = dispute.events.order_by(DisputeEvent.id.desc()).first()
    assert (event.actor, event.by_rule) == ("platform", "AE-3")


def test_buyer_modify_needs_a_change(order):
    with pytest.raises(InvalidInput, match="nothing changed"):
        disputes.buyer_modify(open_on(order), OPEN + DAY)


# --- agreements ---------------------------------------------------------------------------------

def test_seller_accepts_a_refund(order):
    dispute = disputes.seller_accept(open_on(order), OPEN + DAY)
    assert (dispute.state, dispute.resolution, dispute.closed_at) == (
        "resolved", "negotiation_consensus", OPEN + DAY)
    assert statuses(dispute) == {"buyer": "reached"}


def test_buyer_accepts_the_sellers_counter_proposal(order):
    dispute = open_on(order)
    disputes.seller_refuse(dispute, "no", OPEN + DAY)
    with pytest.raises(InvalidInput, match="no proposal"):
        disputes.buyer_accept(dispute, OPEN + DAY)
    disputes.seller_counter_propose(dispute, "refund", "6.00", OPEN + DAY, note="half")
    disputes.buyer_accept(dispute, OPEN + 2 * DAY)
    assert dispute.state == "resolved" and dispute.refund_amount == Decimal("6.00")
    assert statuses(dispute)["seller"] == "reached"


def test_return_path_and_ae15(order):
    dispute = disputes.seller_accept(open_on(order, solution_type="return_and_refund"),
                                     OPEN + DAY)
    assert dispute.state == "awaiting_return" and dispute.return_agreed_at == OPEN + DAY
    disputes.buyer_ship_return(dispute, OPEN + 3 * DAY, tracking_no="LP001", carrier="Cainiao")
    disputes.seller_confirm_return(dispute, OPEN + 9 * DAY)
    assert (dispute.state, dispute.refund_amount) == ("resolved", Decimal("12.00"))
    assert statuses(dispute) == {"buyer": "perform"}


def test_ae15_buyer_who_does_not_ship_back_gets_nothing(order):
    dispute = disputes.seller_accept(open_on(order, solution_type="return_and_refund"),
                                     OPEN + DAY)
    due = OPEN + DAY + 10 * DAY
    with pytest.raises(RuleRefusal, match="may ship the goods back until"):
        disputes.return_timeout(dispute, due)
    with pytest.raises(RuleRefusal, match="return_timeout") as info:
        disputes.buyer_ship_return(dispute, due + SECOND, tracking_no="LATE")
    assert info.value.rule == "AE-15"
    disputes.return_timeout(dispute, due + SECOND)
    assert (dispute.state, dispute.resolution, dispute.refund_amount) == (
        "resolved", "return_timeout", Decimal("0.00"))


# --- AE-5 / AE-6 / AE-17: escalation ---------------------------------------------------------

def test_ae5_escalation_opens_on_day_four(order):
    dispute = disputes.seller_refuse(open_on(order), "no", OPEN + DAY)
    before = counts()
    with pytest.raises(RuleRefusal, match="day 4 to day 15") as info:
        disputes.buyer_escalate(dispute, OPEN + 3 * DAY - SECOND)
    assert info.value.rule == "AE-5" and counts() == before
    disputes.buyer_escalate(dispute, OPEN + 3 * DAY)
    assert (dispute.state, dispute.escalated_at, dispute.escalated_by) == (
        "escalated", OPEN + 3 * DAY, "buyer")


@pytest.mark.parametrize("offset, allowed", [(15 * DAY, True), (15 * DAY + SECOND, False)])
def test_ae5_escalation_closes_after_day_fifteen(order, offset, allowed):
    dispute = open_on(order, first_request_at=OPEN - 9 * DAY)
    disputes.seller_counter_propose(dispute, "refund", "1.00", OPEN)
    at = OPEN - 9 * DAY + offset
    if allowed:
        assert disputes.buyer_escalate(dispute, at).state == "escalated"
    else:
        with pytest.raises(RuleRefusal, match="time to escalate ended"):
            disputes.buyer_escalate(dispute, at)


def test_ae17_no_escalation_while_the_parcel_is_in_transit(shop):
    order = make_order(shop, "9100", status="shipped", promised_days=20,
                       confirm_extension_days=2)
    dispute = open_on(order, kind="not_received", sub_kind="in_transit")
    disputes.seller_refuse(dispute, "still moving", OPEN + DAY)
    with pytest.raises(RuleRefusal, match="in transit") as info:
        disputes.buyer_escalate(dispute, OPEN + 5 * DAY)      # T0 + 15 d < T0 + 22 d
    assert info.value.rule == "AE-17"
    with pytest.raises(RuleRefusal, match="in transit"):
        disputes.buyer_escalate(dispute, T0 + 22 * DAY - SECOND)
    disputes.buyer_escalate(dispute, T0 + 22 * DAY)
    assert dispute.state == "escalated"


def test_ae17_does_not_hold_a_buyer_who_has_the_goods(shop):
    order = make_order(shop, "9200", status="shipped", promised_days=60)
    dispute = disputes.seller_refuse(open_on(order), "no", OPEN + DAY)
    assert disputes.buyer_escalate(dispute, OPEN + 4 * DAY).state == "escalated"


def test_ae6_system_escalates_only_after_the_due_instant(order):
    dispute = disputes.seller_refuse(open_on(order), "no", OPEN + DAY)
    before = counts()
    for early in (OPEN + 15 * DAY - SECOND, OPEN + 15 * DAY):   # t0 + 15 days is still in time
        with pytest.raises(RuleRefusal, match="not before") as info:
            disputes.auto_escalate(dispute, early)
        assert info.value.rule == "AE-6"
    assert counts() == before
    disputes.auto_escalate(dispute, OPEN + 15 * DAY + SECOND)
    event = dispute.events.order_by(DisputeEvent.id.desc()).first()
    assert (dispute.escalated_by, event.actor, event.by_rule) == ("system", "system", "AE-6")


def test_ae5_ae6_the_buyer_may_escalate_at_the_due_instant_the_system_only_after(order):
    dispute = disputes.seller_refuse(open_on(order), "no", OPEN + DAY)
    with pytest.raises(RuleRefusal):
        disputes.auto_escalate(dispute, OPEN + 15 * DAY)
    disputes.buyer_escalate(dispute, OPEN + 15 * DAY)            # rule AE-5, day 15 included
    assert (dispute.state, dispute.escalated_by) == ("escalated", "buyer")


# --- escalated: three proposals, the ruling, AE-14 appeal ------------------------------------

def escalated(order):
    dispute = disputes.seller_refuse(open_on(order), "no", OPEN + DAY)
    disputes.seller_counter_propose(dispute, "refund", "4.00", OPEN + 2 * DAY)
    return disputes.buyer_escalate(dispute, OPEN + 4 * DAY)


def test_ae9_three_proposals_side_by_side(order):
    dispute = disputes.platform_propose(escalated(order), "refund", "8.00", OPEN + 5 * DAY)
    assert dispute.state == "escalated"
    side = disputes.proposals(dispute)
    assert {p: side[p].refund_amount for p in side} == {
        "buyer": Decimal("12.00"), "seller": Decimal("4.00"), "platform": Decimal("8.00")}
    assert side["platform"].status == "wait_buyer_and_seller_accept"
    disputes.platform_rule(dispute, "buyer", OPEN + 6 * DAY)
    assert (dispute.state, dispute.resolution, dispute.refund_amount) == (
        "resolved", "platform_arbitrate", Decimal("8.00"))


def test_platform_rules_for_the_seller(order):
    dispute = disputes.platform_rule(escalated(order), "seller", OPEN + 6 * DAY)
    assert dispute.state == "resolved" and dispute.refund_amount == Decimal("0.00")


def test_ae14_appeal_within_seven_days_once(order):
    dispute = disputes.platform_rule(escalated(order), "seller", OPEN + 6 * DAY)
    closed = dispute.closed_at
    with pytest.raises(RuleRefusal, match="time to appeal ended") as info:
        disputes.appeal(dispute, closed + 7 * DAY + SECOND)
    assert info.value.rule == "AE-14"
    disputes.appeal(dispute, closed + 7 * DAY, reason="new photos")
    assert dispute.state == "appealed" and dispute.appealed_at == closed + 7 * DAY
    disputes.platform_rule(dispute, "buyer", closed + 9 * DAY, refund_amount="12.00")
    assert dispute.state == "resolved"
    before = counts()
    with pytest.raises(RuleRefusal, match="only once"):
        disputes.appeal(dispute, closed + 10 * DAY)
    assert counts() == before


def test_cancelled_dispute_cannot_be_appealed_or_changed(order):
    dispute = disputes.buyer_cancel(open_on(order), OPEN + DAY)
    assert (dispute.state, dispute.resolution) == ("cancelled", "buyer_cancelled")
    assert statuses(dispute) == {"buyer": "reach_cancle"}
    with pytest.raises(ForbiddenTransition):
        disputes.appeal(dispute, OPEN + 2 * DAY)
    assert disputes.available_actions(dispute) == ()


FINAL_ATTEMPTS = {
    "buyer_modify": lambda d, at: disputes.buyer_modify(d, at, refund_amount="1.00"),
    "seller_accept": disputes.seller_accept,
    "seller_refuse": lambda d, at: disputes.seller_refuse(d, "no", at),
    "seller_counter_propose": lambda d, at: disputes.seller_counter_propose(d, "refund", "1", at),
    "buyer_accept": disputes.buyer_accept,
    "buyer_escalate": disputes.buyer_escalate,
    "auto_escalate": disputes.auto_escalate,
    "seller_response_timeout": disputes.seller_response_timeout,
    "platform_propose": lambda d, at: disputes.platform_propose(d, "refund", "1", at),
    "platform_rule": lambda d, at: disputes.platform_rule(d, "buyer", at),
    "buyer_cancel": disputes.buyer_cancel,
    "buyer_ship_return": lambda d, at: disputes.buyer_ship_return(d, at, tracking_no="X"),
    "return_timeout": disputes.return_timeout,
    "seller_confirm_return": disputes.seller_confirm_return,
    "submit_proof": disputes.submit_proof,
    "staff_join": disputes.staff_join,
}


@pytest.mark.parametrize("action", sorted(FINAL_ATTEMPTS))
def test_nothing_but_appeal_after_resolution(order, action):
    dispute = disputes.seller_accept(open_on(order), OPEN + DAY)
    before = counts()
    with pytest.raises(ForbiddenTransition) as info:
        FINAL_ATTEMPTS[action](dispute, OPEN + 2 * DAY)
    assert f"D-{dispute.id} is 'resolved'" in str(info.value) and "appeal" in str(info.value)
    assert counts() == before
    assert Dispute.get_by_id(dispute.id).state == "resolved"


def test_proof_and_staff_change_no_state(order):
    dispute = escalated(order)
    disputes.staff_join(dispute, OPEN + 5 * DAY)
    disputes.submit_proof(dispute, OPEN + 6 * DAY, note="post-office proof")   # rule AE-8
    disputes.submit_proof(dispute, OPEN + 7 * DAY)
    assert dispute.state == "escalated"
    assert dispute.staff_joined_at == OPEN + 5 * DAY
    assert dispute.proof_submitted_at == OPEN + 6 * DAY


def test_every_change_is_audited(order):
    dispute = escalated(order)
    disputes.platform_rule(dispute, "buyer", OPEN + 6 * DAY, refund_amount="9.00")
    actions = [e.action for e in dispute.events.order_by(DisputeEvent.id)]
    assert actions == ["open_dispute", "seller_refuse", "seller_counter_propose",
                       "buyer_escalate", "platform_rule"]
    assert [a.action for a in entries_for("dispute", dispute.uid)] == actions


def test_set_cause(order):
    dispute = disputes.set_cause(open_on(order), "seller")          # rule GEN-1
    assert Dispute.get_by_id(dispute.id).cause == "seller"
    with pytest.raises(InvalidInput):
        disputes.set_cause(dispute, "fate")


# --- AE-2 ------------------------------------------------------------------------------------

def test_ae2_some_reasons_do_not_count_toward_the_rate():
    profile = Profile("aliexpress")
    assert not counts_toward_rate("Personal Reasons", profile)
    assert not counts_toward_rate("easy return", profile)
    assert counts_toward_rate("Quality problem", profile)
    reasons = ["Quality problem", "Easy return", "Shipping method was not as described",
               "Item not received"]
    assert rate_counts(reasons, profile) == (4, 2)


# --- fixes: AE-3 proof, AE-14 first closure --------------------------------------------------

def test_ae3_a_proof_is_not_a_response_to_the_buyer(order):
    from app.services.casework import case_deadlines
    dispute = disputes.submit_proof(open_on(order), OPEN + DAY, note="tracking")
    assert dispute.seller_responded_at is None
    [item] = [d for d in case_deadlines.case_deadlines(f"D-{dispute.id}", OPEN + 2 * DAY)
              if d.rule == "AE-3"]
    assert item.state == "pending"
    with pytest.raises(RuleRefusal, match="may respond until"):
        disputes.seller_response_timeout(dispute, OPEN + 5 * DAY)
    disputes.seller_refuse(dispute, "no", OPEN + 2 * DAY)
    assert dispute.seller_responded_at == OPEN + 2 * DAY


def test_ae14_the_ruling_on_an_appeal_keeps_the_first_closure_and_opens_no_new_window(order):
    from app.services.casework import case_deadlines
    from app.services.clocks import deadlines
    dispute = disputes.platform_rule(escalated(order), "seller", OPEN + 6 * DAY)
    first = dispute.closed_at
    disputes.appeal(dispute, first + 2 * DAY)
    disputes.platform_rule(dispute, "buyer", first + 4 * DAY, refund_amount="12.00")
    stored = Dispute.get_by_id(dispute.id)
    assert (stored.state, stored.closed_at, stored.resolution) == \
        ("resolved", first, "platform_arbitrate")
    last = dispute.events.order_by(DisputeEvent.id.desc()).first()
    assert last.detail["closed_at"] == (first + 4 * DAY).strftime("%Y-%m-%dT%H:%M:%SZ")
    later = first + 9 * DAY        # inside a window that a new closure would have opened
    windows = [d for d in case_deadlines.case_deadlines(f"D-{dispute.id}", later)
               if d.rule == "AE-14"]
    assert [(d.starts_at, d.state) for d in windows] == [(first, "met")]
    assert not [d for d in deadlines.deadlines_at(later) if d.case_id == f"D-{dispute.id}"]
