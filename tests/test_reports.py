"""The dispute report: the AE-16 rate of a constructed month matches a hand computation,
with and without the AE-2 reasons; counts by kind, reason, cause, outcome; response times;
refunds paid."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from app.reports import build_report
from app.reports.periods import median, months, percentile
from app.services.casework import disputes
from app.services.commerce.policy import set_value
from tests.factories import make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

UTC = timezone.utc
MARCH = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)       # well inside March in Los Angeles
HOUR = timedelta(hours=1)


@pytest.fixture
def month(db):
    """March 2026 of an AliExpress shop (US Pacific):
    40 orders confirmed received, 8 receipt time-outs (completed, never confirmed),
    6 disputes opened: Quality problem x2 (one cancelled by the buyer), Package lost x2,
    Personal Reasons (cancelled), Easy return (the last two do not count, AE-2).
    Outside the month: 5 orders finished and 1 dispute opened in February."""
    shop = make_shop("ae", "aliexpress")
    placed = datetime(2026, 2, 1, tzinfo=UTC)
    n = 0

    def order(**times):
        nonlocal n
        n += 1
        return make_order(shop, f"80{n:014d}", status="completed", created_at=placed,
                          paid_at=placed, **times)

    for k in range(40):
        at = MARCH + k * HOUR
        order(confirmed_at=at, completed_at=at)
    for k in range(8):
        order(completed_at=MARCH + k * HOUR)
    for _ in range(5):
        at = datetime(2026, 2, 15, tzinfo=UTC)
        order(confirmed_at=at, completed_at=at)

    def dispute(reason, kind="not_as_described", sub="quality", at=MARCH, cause=None):
        d = disputes.open_dispute(order(), kind, sub, reason, "refund", "5.00", at)
        if cause:
            disputes.set_cause(d, cause)
        return d

    q1 = dispute("Quality problem", cause="seller")
    q2 = dispute("Quality problem", cause="seller")
    disputes.buyer_cancel(q2, MARCH + 2 * HOUR)
    lost1 = dispute("Package lost", "not_received", "lost", cause="carrier")
    dispute("Package lost", "not_received", "lost", cause="carrier")
    personal = dispute("Personal Reasons", "not_as_described", "not_as_described", cause="buyer")
    disputes.buyer_cancel(personal, MARCH + HOUR)
    dispute("Easy return", "not_as_described", "not_as_described")
    dispute("Quality problem", at=datetime(2026, 2, 20, tzinfo=UTC))
    # Response times (AE-3 clock): 10 h and 30 h
    disputes.seller_refuse(q1, "photos do not show a defect", MARCH + 10 * HOUR)
    disputes.seller_accept(lost1, MARCH + 30 * HOUR)
    return shop


def test_march_rate_matches_the_hand_computation(month):
    report = build_report(date(2026, 3, 1), date(2026, 3, 31), ["ae"],
                          now=datetime(2026, 4, 1, tzinfo=UTC))
    assert report.zone == "America/Los_Angeles"
    (row,) = report.section("rate_monthly").rows
    label, confirmed, timeouts, opened, cancelled, rate, rate_counted, *_ = row
    assert (label, confirmed, timeouts, opened, cancelled) == ("2026-03", 40, 8, 6, 2)
    # all reasons: (6 - 2) / (40 + 8 + 6) = 4 / 54
    assert rate == (Decimal(4) / Decimal(54) * 100).quantize(Decimal("0.01")) == Decimal("7.41")
    # without AE-2 reasons (Personal Reasons, Easy return): (4 - 1) / (40 + 8 + 4) = 3 / 52
    assert rate_counted == Decimal("5.77")


def test_the_non_counted_reasons_come_from_the_policy_profile(month):
    set_value("aliexpress", "non_counted_reasons", "Personal Reasons")   # rule AE-2 edited
    report = build_report(date(2026, 3, 1), date(2026, 3, 31), ["ae"])
    row = report.section("rate_monthly").rows[0]
    # (5 - 1) / (40 + 8 + 5) = 4 / 53
    assert row[6] == Decimal("7.55")


def test_last_30_days_window_follows_ae16(month):
    now = datetime(2026, 3, 20, tzinfo=UTC)       # window 18 Feb - 20 Mar: Feb dispute counts
    report = build_report(date(2026, 3, 1), date(2026, 3, 31), ["ae"], now=now)
    (row,) = report.section("rate_recent").rows
    assert row[0] == "ae" and row[3] == 7 and row[1] == 40 and row[2] == 8


def test_counts_by_kind_reason_cause_and_outcome(month):
    report = build_report(date(2026, 3, 1), date(2026, 3, 31), ["ae"])
    kinds = {r[0]: r[1] for r in report.section("kind").rows}
    assert kinds == {"Not as described: quality": 2, "Not received: lost": 2,
                     "Not as described: not as described": 2}
    reasons = {r[0]: r[1] for r in report.section("reason").rows}
    assert reasons["Personal Reasons (not counted, AE-2)"] == 1
    assert reasons["Quality problem"] == 2
    causes = {r[0]: r[1] for r in report.section("cause").rows}
    assert causes == {"Seller": 2, "Carrier": 2, "Buyer": 1, "Not set": 1}
    outcomes = {r[0]: r[1] for r in report.section("outcome").rows}
    assert outcomes["Cancelled by buyer"] == 2 and outcomes["Agreed with the buyer"] == 1
    assert outcomes["Still open"] == 3


def test_response_times_and_refunds(month):
    report = build_report(date(2026, 3, 1), date(2026, 3, 31), ["ae"])
    rows = {r[0]: r for r in report.section("response").rows}
    dispute_row = rows["Seller response to a dispute (AE-3)"]
    assert dispute_row[1:4] == [2, 20.0, 30.0]
    (refund,) = report.section("refunds").rows
    assert refund[:4] == ["2026-03", "USD", 1, Decimal("5.00")]


def test_periods_helpers():
    assert [m[0] for m in months(date(2026, 1, 15), date(2026, 3, 2))] == [
        "2026-01", "2026-02", "2026-03"]
    assert median([1, 3, 2, 10]) == 2.5
    assert percentile(list(range(1, 11)), 0.9) == 9 and percentile([5], 0.9) == 5
    assert median([]) is None and percentile([], 0.9) is None


def test_period_that_ends_before_it_starts_is_refused(db):
    from app.errors import InvalidInput
    with pytest.raises(InvalidInput):
        build_report(date(2026, 3, 2), date(2026, 3, 1))
