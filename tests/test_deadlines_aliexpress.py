"""Dispute deadlines (rules AE-3 to AE-8, AE-14, AE-15) at their edges: exactly at the due
instant, one second before and one second after."""

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from app.rules.calendar import WorkingCalendar
from app.rules.engine import ShopContext, case_deadlines, next_due
from app.rules.policy import Profile
from tests.factories import utc

T0 = utc(2026, 3, 2, 2, 0, 0)
SEC = timedelta(seconds=1)
ORDER = SimpleNamespace(order_no="8000000000000001")


def ctx(**overrides) -> ShopContext:
    return ShopContext("ae", "aliexpress", Profile("aliexpress", overrides), WorkingCalendar())


def dispute(**facts):
    base = dict(id=12, state="awaiting_seller", opened_at=T0, first_request_at=T0,
                buyer_changed_at=T0, seller_responded_at=None, staff_joined_at=None,
                escalated_at=None, escalated_by=None, proof_submitted_at=None,
                return_agreed_at=None, return_shipped_at=None, closed_at=None,
                resolution=None, appealed_at=None)
    base.update(facts)
    return SimpleNamespace(**base)


def item(d, kind, at, context=None):
    found = [x for x in case_deadlines(d, ORDER, context or ctx(), at) if x.kind == kind]
    assert len(found) <= 1
    return found[0] if found else None


def state(d, kind, at):
    found = item(d, kind, at)
    return found.state if found else None


# rule AE-3 ---------------------------------------------------------------------------------

DUE3 = utc(2026, 3, 7, 2, 0, 0)   # 5 x 24 h after T0


def test_ae3_seller_response_due_five_days_after_the_buyer_opened():
    d = item(dispute(), "seller_response", T0)
    assert (d.rule, d.due_at, d.starts_at, d.informational) == ("AE-3", DUE3, T0, False)
    assert (d.case_id, d.order_no, d.subject, d.platform, d.shop) == \
        ("D-12", ORDER.order_no, "dispute", "aliexpress", "ae")
    assert d.action


def test_ae3_without_response_pending_up_to_due_and_missed_one_second_after():
    assert state(dispute(), "seller_response", DUE3 - SEC) == "pending"
    assert state(dispute(), "seller_response", DUE3) == "pending"
    assert state(dispute(), "seller_response", DUE3 + SEC) == "missed"


def test_ae3_response_exactly_at_due_is_met_one_second_late_is_missed():
    later = DUE3 + timedelta(days=3)
    assert state(dispute(state="negotiating", seller_responded_at=DUE3 - SEC),
                 "seller_response", later) == "met"
    assert state(dispute(state="negotiating", seller_responded_at=DUE3),
                 "seller_response", later) == "met"
    assert state(dispute(state="negotiating", seller_responded_at=DUE3 + SEC),
                 "seller_response", later) == "missed"


def test_ae3_buyer_modification_restarts_the_clock():
    changed = T0 + timedelta(days=3)
    d = dispute(buyer_changed_at=changed, seller_responded_at=T0 + timedelta(days=1))
    found = item(d, "seller_response", DUE3 + SEC)   # past the first clock's due
    assert found.due_at == utc(2026, 3, 10, 2, 0, 0)
    assert found.starts_at == changed
    assert found.state == "pending"   # the earlier answer does not answer the new proposal


def test_ae3_platform_refund_on_seller_timeout_is_missed():
    d = dispute(state="resolved", resolution="seller_response_timeout",
                closed_at=DUE3 + timedelta(hours=1))
    assert state(d, "seller_response", DUE3 + timedelta(days=1)) == "missed"


def test_ae3_not_shown_when_the_buyer_cancelled_before_it_fell_due():
    d = dispute(state="cancelled", closed_at=T0 + timedelta(days=2), resolution="buyer_cancelled")
    assert item(d, "seller_response", DUE3 + timedelta(days=30)) is None


def test_ae3_value_comes_from_the_profile():
    d = item(dispute(), "seller_response", T0, ctx(seller_response="3"))
    assert (d.rule, d.due_at) == ("AE-3", T0 + timedelta(days=3))


# rule AE-4 ---------------------------------------------------------------------------------

DUE4 = utc(2026, 3, 9, 2, 0, 0)


def test_ae4_staff_step_in_within_seven_days_informational():
    d = item(dispute(), "staff_intervene", T0)
    assert (d.rule, d.due_at, d.informational) == ("AE-4", DUE4, True)
    assert state(dispute(), "staff_intervene", DUE4) == "pending"
    assert state(dispute(), "staff_intervene", DUE4 + SEC) == "missed"
    assert state(dispute(staff_joined_at=DUE4), "staff_intervene", DUE4 + SEC) == "met"
    assert state(dispute(staff_joined_at=DUE4 + SEC), "staff_intervene", DUE4 + SEC) == "missed"


# rule AE-5 and AE-6 ------------------------------------------------------------------------

DUE15 = utc(2026, 3, 17, 2, 0, 0)


def test_ae5_escalation_window_opens_day_4_closes_day_15():
    d = item(dispute(), "buyer_escalation_window", T0)
    assert (d.rule, d.starts_at, d.due_at, d.informational) == \
        ("AE-5", utc(2026, 3, 5, 2, 0, 0), DUE15, True)
    assert d.state == "pending"
    assert state(dispute(), "buyer_escalation_window", DUE15 + SEC) == "missed"
    used = dispute(state="escalated", escalated_at=DUE15, escalated_by="buyer")
    assert state(used, "buyer_escalation_window", DUE15 + SEC) == "met"


def test_ae5_not_shown_after_an_agreement():
    d = dispute(state="awaiting_return", seller_responded_at=T0 + timedelta(days=1),
                return_agreed_at=T0 + timedelta(days=1))
    assert item(d, "buyer_escalation_window", T0 + timedelta(days=2)) is None


def test_ae6_auto_escalation_on_day_16_unless_agreed_before():
    d = item(dispute(), "auto_escalation", T0)
    assert (d.rule, d.due_at, d.informational) == ("AE-6", DUE15, False)
    assert state(dispute(), "auto_escalation", DUE15) == "pending"
    assert state(dispute(), "auto_escalation", DUE15 + SEC) == "missed"
    agreed_at_due = dispute(state="resolved", closed_at=DUE15, resolution="negotiation_consensus")
    assert state(agreed_at_due, "auto_escalation", DUE15 + SEC) == "met"
    agreed_late = dispute(state="resolved", closed_at=DUE15 + SEC)
    assert state(agreed_late, "auto_escalation", DUE15 + SEC) == "missed"
    system = dispute(state="escalated", escalated_at=DUE15, escalated_by="system")
    assert state(system, "auto_escalation", DUE15 + SEC) == "missed"


def test_ae6_met_only_by_an_agreement():
    at = DUE15 + timedelta(days=5)
    returned = dispute(state="awaiting_return", seller_responded_at=T0 + timedelta(days=1),
                       return_agreed_at=T0 + timedelta(days=2), resolution="negotiation_consensus")
    assert state(returned, "auto_escalation", at) == "met"
    # the seller's time-out or a platform ruling closed it without agreement: missed
    timeout = dispute(state="resolved", closed_at=T0 + timedelta(days=5, seconds=1),
                      resolution="seller_response_timeout")
    assert state(timeout, "auto_escalation", at) == "missed"
    assert state(timeout, "auto_escalation", T0 + timedelta(days=6)) == "missed"
    assert state(timeout, "auto_escalation", T0 + timedelta(days=4)) == "pending"  # not yet
    ruled = dispute(state="resolved", escalated_at=T0 + timedelta(days=4), escalated_by="buyer",
                    closed_at=T0 + timedelta(days=6), resolution="platform_arbitrate")
    assert item(ruled, "auto_escalation", at) is None          # the buyer escalated first


def test_ae6_gone_when_the_buyer_cancelled_first_missed_once_the_system_escalated():
    cancelled = dispute(state="cancelled", closed_at=T0 + timedelta(days=3),
                        resolution="buyer_cancelled")
    assert item(cancelled, "auto_escalation", DUE15 + SEC) is None
    system = dispute(state="escalated", escalated_at=DUE15 + SEC, escalated_by="system")
    assert state(system, "auto_escalation", DUE15 + SEC) == "missed"
    assert state(system, "auto_escalation", DUE15 + timedelta(days=9)) == "missed"
    assert state(system, "auto_escalation", DUE15) == "pending"   # before it happened


def test_ae6_an_agreement_appealed_and_ruled_later_stays_met():
    # the as-of view carries the first resolution; the ruling after the appeal replaced it
    d = dispute(state="resolved", closed_at=T0 + timedelta(days=2), resolution="platform_arbitrate",
                appealed_at=T0 + timedelta(days=3), first_resolution="negotiation_consensus")
    assert state(d, "auto_escalation", DUE15 + SEC) == "met"


def test_ae4_not_missed_when_the_parties_agreed_before_staff_were_needed():
    agreed = dispute(state="awaiting_return", seller_responded_at=T0 + timedelta(days=1),
                     return_agreed_at=T0 + timedelta(days=1))
    assert item(agreed, "staff_intervene", DUE4 + timedelta(days=5)) is None
    closed = dispute(state="resolved", closed_at=T0 + timedelta(days=2),
                     resolution="negotiation_consensus")
    assert item(closed, "staff_intervene", DUE4 + SEC) is None
    assert state(agreed, "staff_intervene", T0) == "pending"      # before the agreement


def test_ae6_gone_once_the_buyer_escalated_first():
    d = dispute(state="escalated", escalated_at=T0 + timedelta(days=5), escalated_by="buyer")
    assert item(d, "auto_escalation", T0 + timedelta(days=6)) is None


# rule AE-7 ---------------------------------------------------------------------------------

def test_ae7_platform_acts_within_two_working_days_across_spring_festival():
    # Friday 13 Feb 2026 10:00 China time: +1 is the make-up Saturday, +2 is Tue 24 Feb.
    esc = datetime(2026, 2, 13, 2, 0, tzinfo=timezone.utc)
    d = dispute(first_request_at=esc - timedelta(days=10), opened_at=esc - timedelta(days=10),
                buyer_changed_at=esc - timedelta(days=10), state="escalated",
                seller_responded_at=esc - timedelta(days=9), escalated_at=esc,
                escalated_by="buyer")
    due = utc(2026, 2, 24, 2, 0, 0)
    found = item(d, "platform_action", esc)
    assert (found.rule, found.due_at, found.informational) == ("AE-7", due, True)
    assert state(d, "platform_action", due) == "pending"
    assert state(d, "platform_action", due + SEC) == "missed"
    d.staff_joined_at = due
    assert state(d, "platform_action", due + SEC) == "met"


# rule AE-8 ---------------------------------------------------------------------------------

ESC = T0 + timedelta(days=6)
PROOF_DUE = ESC + timedelta(days=3)


def escalated(**facts):
    return dispute(state="escalated", seller_responded_at=T0 + timedelta(days=1),
                   escalated_at=ESC, escalated_by="buyer", **facts)


def test_ae8_proof_of_delivery_within_three_days_of_escalation():
    found = item(escalated(), "proof_of_delivery", ESC)
    assert (found.rule, found.due_at, found.informational) == ("AE-8", PROOF_DUE, False)
    assert state(escalated(), "proof_of_delivery", PROOF_DUE) == "pending"
    assert state(escalated(), "proof_of_delivery", PROOF_DUE + SEC) == "missed"
    on_time = escalated(proof_submitted_at=PROOF_DUE)
    assert state(on_time, "proof_of_delivery", PROOF_DUE + SEC) == "met"
    late = escalated(proof_submitted_at=PROOF_DUE + SEC)
    assert state(late, "proof_of_delivery", PROOF_DUE + SEC) == "missed"


def test_ae8_without_proof_negotiation_then_arbitration_follow():
    at = PROOF_DUE + SEC
    talk = item(escalated(), "compensation_negotiation", at)
    ruling = item(escalated(), "arbitration", at)
    assert (talk.starts_at, talk.due_at, talk.informational) == \
        (PROOF_DUE, PROOF_DUE + timedelta(days=3), True)
    assert (ruling.starts_at, ruling.due_at, ruling.rule) == \
        (talk.due_at, talk.due_at + timedelta(days=5), "AE-8")
    assert "3 to 5 days" in ruling.label
    with_proof = escalated(proof_submitted_at=ESC + timedelta(days=1))
    assert item(with_proof, "compensation_negotiation", at) is None
    assert item(with_proof, "arbitration", at) is None


# rule AE-14 and AE-15 ----------------------------------------------------------------------

CLOSED = T0 + timedelta(days=4)
APPEAL_DUE = CLOSED + timedelta(days=7)


def test_ae14_appeal_window_after_a_resolved_dispute():
    d = dispute(state="resolved", seller_responded_at=T0, closed_at=CLOSED,
                resolution="negotiation_consensus")
    found = item(d, "appeal_window", CLOSED)
    assert (found.rule, found.due_at, found.informational, found.state) == \
        ("AE-14", APPEAL_DUE, True, "pending")
    assert state(d, "appeal_window", APPEAL_DUE + SEC) == "missed"
    d.appealed_at, d.state = APPEAL_DUE, "appealed"
    assert state(d, "appeal_window", APPEAL_DUE + SEC) == "met"
    d.appealed_at = APPEAL_DUE + SEC
    assert state(d, "appeal_window", APPEAL_DUE + SEC) == "missed"


def test_ae14_no_new_window_once_appealed():
    d = dispute(state="resolved", seller_responded_at=T0, closed_at=CLOSED,
                resolution="platform_arbitrate", appealed_at=CLOSED + timedelta(days=2))
    windows = [x for x in case_deadlines(d, ORDER, ctx(), APPEAL_DUE + timedelta(days=5))
               if x.rule == "AE-14"]
    assert [(w.starts_at, w.state) for w in windows] == [(CLOSED, "met")]


def test_ae14_no_appeal_window_for_a_cancelled_dispute():
    d = dispute(state="cancelled", closed_at=CLOSED, resolution="buyer_cancelled")
    assert item(d, "appeal_window", CLOSED) is None


def test_ae15_buyer_ships_the_return_within_ten_days():
    agreed = T0 + timedelta(days=2)
    due = agreed + timedelta(days=10)
    d = dispute(state="awaiting_return", seller_responded_at=agreed, return_agreed_at=agreed)
    found = item(d, "return_shipment", agreed)
    assert (found.rule, found.due_at, found.informational) == ("AE-15", due, True)
    assert state(d, "return_shipment", due) == "pending"
    assert state(d, "return_shipment", due + SEC) == "missed"
    d.return_shipped_at = due
    assert state(d, "return_shipment", due + SEC) == "met"
    d.return_shipped_at = due + SEC
    assert state(d, "return_shipment", due + SEC) == "missed"


# what the rep's queue is ordered by --------------------------------------------------------

def test_next_due_is_the_earliest_pending_deadline_the_shop_acts_on():
    context = ctx()
    assert next_due(case_deadlines(dispute(), ORDER, context, T0)) == DUE3
    answered = dispute(state="negotiating", seller_responded_at=T0 + timedelta(hours=1))
    assert next_due(case_deadlines(answered, ORDER, context, T0 + timedelta(hours=1))) == \
        DUE15  # AE-6
    # an answer given after `at` has not happened at `at`: AE-3 is still pending then
    assert next_due(case_deadlines(answered, ORDER, context, T0)) == DUE3
    assert next_due(case_deadlines(escalated(), ORDER, context, ESC)) == PROOF_DUE
    done = dispute(state="resolved", seller_responded_at=T0, closed_at=CLOSED)
    assert next_due(case_deadlines(done, ORDER, context, CLOSED)) is None


def test_deadlines_of_a_case_come_earliest_first():
    items = case_deadlines(dispute(), ORDER, ctx(), T0)
    assert [d.due_at for d in items] == sorted(d.due_at for d in items)
    assert {d.rule for d in items} == {"AE-3", "AE-4", "AE-5", "AE-6"}
