"""A step is offered only when the state machine and the rule clocks allow it: the buyer
escalates from day 4 to day 15 (AE-5) and not while the parcel is in transit (AE-17), the
system after AE-6's day, an appeal within AE-14's days, the seller answers within AE-3's
days and the platform carries out the buyer's proposal only after them, AE-15's return
days, TB-3's seller time and the buyer's days to revise. Before its time a step's button
is greyed out and says from when (your time); after it the button is gone."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.services.casework import aftersales, case_steps, disputes
from app.services.casework.case_view import case_detail
from app.errors import RuleRefusal
from tests.cases_ui_helpers import NOW, aliexpress_orders, taobao_order
from ui.cases.case_view import CaseView
from ui.formatting import local_time_text

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

SECOND = timedelta(seconds=1)
DAY = timedelta(days=1)


def offers(case, at) -> dict:
    return {o.action: o for o in case_steps.step_offers(type(case).get_by_id(case.id), at)}


def dispute(order, opened_at, kind="not_as_described", sub_kind="quality",
            solution="refund"):
    return disputes.open_dispute(order, kind, sub_kind, "Quality problem", solution, "20.00",
                                 opened_at)


@pytest.fixture
def t0():
    return NOW - timedelta(days=30)


def test_buyer_escalation_from_day_4_to_day_15_then_the_systems(db, t0):
    # rules AE-5 (t0 + 3 d .. t0 + 15 d) and AE-6 (after t0 + 15 d)
    [order] = aliexpress_orders(1)
    d = dispute(order, t0)
    disputes.seller_refuse(d, "The photos show normal wear", t0 + DAY)      # negotiating
    early = offers(d, t0 + 3 * DAY - SECOND)["buyer_escalate"]
    assert (early.status, early.opens_at, early.until, early.rule) == (
        "later", t0 + 3 * DAY, t0 + 15 * DAY, "AE-5")
    assert offers(d, t0 + 3 * DAY - SECOND)["auto_escalate"].opens_at == t0 + 15 * DAY + SECOND
    assert offers(d, t0 + 3 * DAY)["buyer_escalate"].available
    assert offers(d, t0 + 15 * DAY)["buyer_escalate"].available
    assert not offers(d, t0 + 15 * DAY)["auto_escalate"].available
    late = offers(d, t0 + 15 * DAY + SECOND)
    assert late["buyer_escalate"].status == "over"
    assert late["auto_escalate"].available and late["auto_escalate"].rule == "AE-6"
    # the service agrees with what was offered
    with pytest.raises(RuleRefusal):
        disputes.buyer_escalate(d, t0 + 3 * DAY - SECOND)
    assert disputes.buyer_escalate(d, t0 + 3 * DAY).state == "escalated"


def test_no_escalation_while_the_parcel_is_within_its_promised_time(db, t0):
    # rule AE-17: the buyer escalates only when the promised delivery time has ended
    [order] = aliexpress_orders(1)                  # shipped 39 days ago
    order.promised_days = 25                        # in transit until 14 days ago
    order.save()
    d = dispute(order, t0 + 5 * DAY, kind="not_received", sub_kind="in_transit")
    end = order.shipped_at + timedelta(days=25)
    at = t0 + 9 * DAY                               # day 5 of the dispute: AE-5 is open
    escalate = offers(d, at)["buyer_escalate"]
    assert (escalate.status, escalate.opens_at) == ("later", end)
    assert offers(d, end)["buyer_escalate"].available
    order.promised_days = 60                        # in transit past the buyer's day 15
    order.save()
    assert offers(d, at)["buyer_escalate"].status == "over"


def test_an_appeal_only_within_the_seven_days_after_closing_and_once(db, t0):
    # rule AE-14
    [order] = aliexpress_orders(1)
    d = dispute(order, t0)
    disputes.seller_accept(d, t0 + DAY)              # resolved: closed at t0 + 1 d
    closed = t0 + DAY
    appeal = offers(d, closed + 7 * DAY)["appeal"]
    assert (appeal.status, appeal.until, appeal.rule) == ("now", closed + 7 * DAY, "AE-14")
    assert offers(d, closed + 7 * DAY + SECOND)["appeal"].status == "over"
    detail = case_detail(f"D-{d.id}", closed + 7 * DAY + SECOND)
    assert detail.actions == () and detail.offers == ()
    with pytest.raises(RuleRefusal):
        disputes.appeal(d, closed + 7 * DAY + SECOND)
    disputes.appeal(d, closed + 2 * DAY)
    disputes.platform_rule(d, "seller", closed + 3 * DAY)
    assert "appeal" not in offers(d, closed + 4 * DAY)          # once per dispute


def test_the_seller_answers_within_five_days_then_the_platform_acts(db, t0):
    # rule AE-3
    [order] = aliexpress_orders(1)
    d = dispute(order, t0)
    due = t0 + 5 * DAY
    at_due = offers(d, due)
    assert at_due["seller_accept"].available and at_due["seller_accept"].until == due
    assert (at_due["seller_response_timeout"].status,
            at_due["seller_response_timeout"].opens_at) == ("later", due + SECOND)
    after = offers(d, due + SECOND)
    assert {after[a].status for a in disputes.rules.SELLER_RESPONSES} == {"over"}
    assert after["seller_response_timeout"].available


def test_the_return_ships_within_ten_days_and_is_confirmed_once_shipped(db, t0):
    # rule AE-15; "confirm return received" only once the buyer shipped it back
    [order] = aliexpress_orders(1)
    d = dispute(order, t0, solution="return_and_refund")
    disputes.seller_accept(d, t0 + DAY)               # awaiting the return
    due = t0 + 11 * DAY
    before = offers(d, due)
    assert before["buyer_ship_return"].until == due and before["buyer_ship_return"].available
    assert before["return_timeout"].opens_at == due + SECOND
    assert "seller_confirm_return" not in before
    assert offers(d, due + SECOND)["return_timeout"].available
    disputes.buyer_ship_return(d, t0 + 3 * DAY, tracking_no="LP123")
    assert offers(d, t0 + 4 * DAY)["seller_confirm_return"].available


def test_taobao_seller_time_and_the_buyers_days_to_revise(db):
    # rule TB-3: 5 days for the seller on a completed order; then 5 days to revise
    order = taobao_order(completed=NOW - timedelta(days=12))
    opened = NOW - timedelta(days=10)
    request = aftersales.open_request(order, "refund_only", "quality", "5.00", opened)
    due = opened + 5 * DAY
    now = offers(request, due)
    assert now["agree"].available and now["agree"].until == due and now["agree"].rule == "TB-3"
    assert (now["auto_agree"].status, now["auto_agree"].opens_at) == ("later", due + SECOND)
    after = offers(request, due + SECOND)
    assert after["agree"].status == "over" and after["auto_agree"].available
    aftersales.refuse(request, "Used", opened + DAY)
    refused = offers(request, opened + 6 * DAY)
    assert refused["revise"].until == opened + 6 * DAY and refused["revise"].available
    assert refused["revise_window_expired"].opens_at == opened + 6 * DAY + SECOND


# --- the case view ------------------------------------------------------------------------

@pytest.fixture
def view(qtbot):
    widget = CaseView()
    qtbot.addWidget(widget)
    widget.resize(1400, 900)

    def show(ref: str):
        with qtbot.waitSignal(widget.loaded, timeout=5000):
            widget.show_case(ref)
        return widget
    return show


def test_a_step_not_yet_due_is_greyed_out_and_says_from_when(db, view, monkeypatch):
    [order] = aliexpress_orders(1)
    opened = NOW - DAY
    d = dispute(order, opened)
    widget = view(f"D-{d.id}")
    buttons = widget.action_buttons
    timeout = buttons["seller_response_timeout"]
    assert not timeout.isEnabled() and not timeout.isHidden()
    assert timeout.toolTip() == (f"Available from {local_time_text(opened + 5 * DAY + SECOND)}"
                                 " (AE-3)")
    escalate = buttons["buyer_escalate"]
    assert not escalate.isEnabled()
    assert escalate.toolTip() == f"Available from {local_time_text(opened + 3 * DAY)} (AE-5)"
    accept = buttons["seller_accept"]
    assert accept.isEnabled()
    assert accept.toolTip() == f"Possible until {local_time_text(opened + 5 * DAY)} (AE-3)"
    # the clock moves past AE-3's due: the countdown re-times the buttons (no reload)
    monkeypatch.setattr("ui.cases.case_view.utcnow", lambda: opened + 5 * DAY + 2 * SECOND)
    widget.tick()
    assert timeout.isEnabled()
    assert accept.isHidden() and buttons["seller_refuse"].isHidden()
    assert escalate.isEnabled()                      # day 6: AE-5's window is open


def test_no_appeal_button_once_the_seven_days_are_over(db, view):
    [old, recent] = aliexpress_orders(2)
    gone = dispute(old, NOW - 10 * DAY)
    disputes.seller_accept(gone, NOW - 8 * DAY)
    widget = view(f"D-{gone.id}")
    assert "appeal" not in widget.action_buttons
    assert widget.actions_box.title() == "Nothing more can be recorded: the case is over"
    fresh = dispute(recent, NOW - 4 * DAY)
    disputes.seller_accept(fresh, NOW - 2 * DAY)
    widget = view(f"D-{fresh.id}")
    assert widget.action_buttons["appeal"].isEnabled()
    assert widget.action_buttons["appeal"].toolTip() == (
        f"Possible until {local_time_text(NOW + 5 * DAY)} (AE-14)")
