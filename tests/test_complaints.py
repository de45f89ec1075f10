"""Complaints and negative reviews as cases (rules GEN-8, TB-5, TB-6): the seven steps, who
did what when, compensation, outcome; no closing with steps skipped unless the rep says why."""

from datetime import timedelta
from decimal import Decimal

import pytest

from app.models import AuditEntry
from app.models.complaints import COMPLAINT_STEPS, Complaint
from app.services.aftercare import complaints as svc
from app.services.aftercare.complaint_queries import complaint_stats, list_complaints
from app.errors import ForbiddenTransition, InvalidInput, NotFound
from tests.factories import T0, make_buyer, make_order, make_shop, utc

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

OPENED = utc(2026, 3, 10, 3, 0)


@pytest.fixture
def late(db):
    shop = make_shop("tb", "taobao")
    buyer = make_buyer(shop, "xiaoming", country="CN", language="zh")
    # Paid at T0, shipped four days later: later than the 72 hours of TB-5.
    order = make_order(shop, "3900000000000001", buyer=buyer, status="completed",
                       paid=Decimal("800.00"), shipped_at=T0 + timedelta(days=4),
                       completed_at=T0 + timedelta(days=7))
    return svc.open_complaint(shop, "late_shipment", "付款四天才发货，太慢了！", order=order,
                              opened_at=OPENED, actor="lin")


def test_opening_creates_the_seven_steps_in_order(late):
    assert [s.step for s in svc.steps(late)] == list(COMPLAINT_STEPS)
    assert len(COMPLAINT_STEPS) == 7
    assert all(s.state == "open" for s in svc.steps(late))
    assert late.buyer.login == "xiaoming" and late.compensation_currency == "CNY"
    assert svc.get_complaint("C-%d" % late.id).id == late.id
    with pytest.raises(NotFound):
        svc.get_complaint("C-999")


def test_walking_the_seven_steps_records_who_and_when_and_closes(late):
    for hour, step in enumerate(COMPLAINT_STEPS, start=1):
        row = svc.complete_step(late, step, note=f"{step} done", at=OPENED + timedelta(hours=hour),
                                actor="lin")
        assert (row.state, row.done_by, row.done_at) == ("done", "lin",
                                                         OPENED + timedelta(hours=hour))
    closed = svc.close_complaint(late, "complaint_withdrawn", at=OPENED + timedelta(days=2))
    assert (closed.state, closed.outcome, closed.skip_reason) == ("closed", "complaint_withdrawn", "")
    with pytest.raises(ForbiddenTransition):
        svc.complete_step(late, "follow_up")


def test_steps_go_in_order(late):
    with pytest.raises(InvalidInput, match="respond, listen"):
        svc.complete_step(late, "explain")
    svc.complete_step(late, "respond", at=OPENED + timedelta(minutes=10))
    svc.skip_step(late, "listen", "Buyer wrote one line and left")
    assert svc.complete_step(late, "explain", at=OPENED + timedelta(hours=1)).state == "done"


def test_cannot_close_with_steps_skipped_unless_the_rep_says_why(late):
    svc.complete_step(late, "respond", at=OPENED + timedelta(minutes=5))
    before = AuditEntry.select().count()
    with pytest.raises(InvalidInput, match="listen, explain, apologise, propose_compensation, "
                                           "remedy, follow_up"):
        svc.close_complaint(late, "penalty")
    assert Complaint.get_by_id(late.id).state == "open"
    assert AuditEntry.select().count() == before          # nothing written
    closed = svc.close_complaint(late, "penalty", skip_reason="Platform ruled before we could "
                                 "reach the buyer", at=OPENED + timedelta(days=1))
    states = {s.step: (s.state, s.skip_reason) for s in svc.steps(closed)}
    assert states["respond"] == ("done", "")
    assert states["remedy"] == ("skipped", "Platform ruled before we could reach the buyer")


def test_a_single_skip_needs_a_reason(late):
    with pytest.raises(InvalidInput):
        svc.skip_step(late, "listen", "   ")


def test_tb5_compensation_is_computed_and_offered_with_its_cost(late):
    # rule TB-5: 5 % of 800.00 is 40.00, capped at 30 CNY.
    assert svc.suggested_compensation_for(late) == Decimal("30.00")
    svc.offer_compensation(late, "TB-5 late-shipment compensation", Decimal("30.00"),
                           cost=Decimal("30.00"), at=OPENED + timedelta(hours=2))
    c = Complaint.get_by_id(late.id)
    assert (c.compensation_amount, c.compensation_cost, c.compensation_currency) == (
        Decimal("30.00"), Decimal("30.00"), "CNY")
    with pytest.raises(InvalidInput):
        svc.offer_compensation(late, "coupon", 5.5)        # a float loses cents


def test_small_order_gets_five_percent(db):
    shop = make_shop("tb", "taobao")
    order = make_order(shop, "39001", paid=Decimal("99.90"), status="completed",
                       completed_at=T0 + timedelta(days=5))
    c = svc.open_complaint(shop, "late_shipment", "slow", order=order, opened_at=OPENED)
    assert svc.suggested_compensation_for(c) == Decimal("5.00")   # 4.995 rounds half up
    review = svc.open_complaint(shop, "negative_review", "差评：质量一般", order=order,
                                review_rating=1, opened_at=OPENED)
    assert svc.suggested_compensation_for(review) is None
    with pytest.raises(InvalidInput):
        svc.open_complaint(shop, "negative_review", "bad", review_rating=6)
    with pytest.raises(InvalidInput):
        svc.open_complaint(shop, "rude", "bad")


def test_the_list_shows_progress_window_and_next_step(late):
    svc.complete_step(late, "respond", at=OPENED + timedelta(minutes=5))
    row = list_complaints(OPENED + timedelta(hours=1))[0]
    assert (row.id, row.kind, row.steps_done, row.steps_total, row.next_step) == (
        f"C-{late.id}", "late_shipment", 1, 7, "listen")
    # rule TB-5: the buyer may complain until 15 days after the transaction ended.
    assert row.platform_window_end == T0 + timedelta(days=7 + 15)
    # GEN-8 follow-up: 2 days (GEN-7's follow_up_after) after the last contact.
    assert row.next_due_at == OPENED + timedelta(minutes=5, days=2)


def test_stats_count_kinds_outcomes_and_cost(late):
    svc.offer_compensation(late, "TB-5", Decimal("30"), at=OPENED + timedelta(hours=1))
    svc.close_complaint(late, "complaint_withdrawn", skip_reason="resolved by phone",
                        at=OPENED + timedelta(days=1))
    assert complaint_stats() == {"total": 1, "open": 0, "by_kind": {"late_shipment": 1},
                                 "by_outcome": {"complaint_withdrawn": 1},
                                 "compensation_cost": {"CNY": "30.00"}}
