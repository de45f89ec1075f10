"""The case view: the three proposals side by side (AE-9), the timeline (who, when, what),
the live countdown that reads nothing, the cause (GEN-1), the refund-or-resend advisor
(GEN-2) and the checklists (GEN-3)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app.models import AuditEntry
from app.services.casework import disputes
from app.services.casework.case_view import case_detail
from tests.cases_ui_helpers import NOW, aliexpress_orders, written
from ui.cases.advisor_panel import AdvisorPanel
from ui.cases.case_view import CaseView

pytestmark = pytest.mark.gui


@pytest.fixture
def dispute(db):
    [order] = aliexpress_orders(1)
    d = disputes.open_dispute(order, "not_as_described", "short_quantity", "Short quantity",
                              "refund", "20.00", NOW - timedelta(days=5))
    disputes.seller_counter_propose(d, "refund", "8.00", NOW - timedelta(days=4),
                                    note="Half the pieces were sent")
    disputes.buyer_escalate(d, NOW - timedelta(hours=20))          # day 5: rule AE-5
    disputes.platform_propose(d, "refund", "12.00", NOW - timedelta(hours=10))
    return d


@pytest.fixture
def view(qtbot, dispute):
    widget = CaseView()
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    with qtbot.waitSignal(widget.loaded, timeout=5000):
        widget.show_case(f"D-{dispute.id}")
    return widget


def test_three_proposals_side_by_side_and_the_timeline(view, dispute):
    assert view.proposals.text_of("buyer") == "Refund · 20.00 USD"
    assert view.proposals.text_of("seller") == "Refund · 8.00 USD"
    assert view.proposals.text_of("platform") == "Refund · 12.00 USD"
    assert view.timeline.rowCount() == 4
    whos = [view.timeline.item(r, 1).text() for r in range(4)]
    assert whos == ["Buyer", "Seller", "Buyer", "Platform"]
    assert view.timeline.item(1, 2).text() == "Counter-proposed: solution Refund, refund 8.00"
    assert "Escalated" in view.title.text()
    # the next deadline of an escalated dispute: the post-office proof of delivery (AE-8)
    assert view.next_due.text().startswith("Next:")
    assert "seller_accept" in view.action_buttons and "platform_rule" in view.action_buttons


def test_the_countdown_moves_on_without_reading_the_database(view, monkeypatch):
    before = view.next_due.text()
    pending = next(n for n, d in enumerate(view.deadlines.deadlines) if d.state == "pending")
    table_before = view.deadlines.time_left(pending)

    def no_reads(*_a, **_k):
        raise AssertionError("the countdown read the database")

    monkeypatch.setattr("app.db.database.execute_sql", no_reads)
    monkeypatch.setattr("ui.cases.case_view.utcnow", lambda: NOW + timedelta(days=1, hours=3))
    view.tick()
    assert view.next_due.text() != before
    monkeypatch.setattr("ui.cases.case_parts.local_time_text", lambda v: "x")
    view.deadlines.tick(NOW + timedelta(days=1, hours=3))
    assert view.deadlines.time_left(pending) != table_before


def test_setting_the_cause_goes_through_the_service_with_an_audit_entry(view, dispute, qtbot):
    audits = AuditEntry.select().count()
    view.cause.setCurrentIndex(view.cause.findData("seller"))
    with qtbot.waitSignal(view.changed):
        view.cause.activated.emit(view.cause.currentIndex())
    assert type(dispute).get_by_id(dispute.id).cause == "seller"
    assert AuditEntry.select().count() == audits + 1
    assert "wrong or missing items" in view.cause_hint.text()


def test_a_forbidden_or_refused_step_stays_in_the_dialog_and_writes_nothing(view, qtbot):
    dialog = view.open_action("seller_refuse")       # escalated: refusing is over
    before = written()
    assert not dialog.submit()                       # the reason is required
    assert "Fill in the fields marked *" in dialog.error.text()
    dialog.field("reason").setText("We sent all pieces")
    assert not dialog.submit()
    assert "'escalated': 'seller_refuse' is not possible" in dialog.error.text()
    dialog = view.open_action("submit_proof")
    dialog.at.set_instant(NOW - timedelta(days=3))   # before the dispute's last step
    assert not dialog.submit()
    assert "before the dispute's last step" in dialog.error.text()
    assert written() == before


def test_the_short_shipment_checklist_is_offered(view):
    # rule GEN-3: a short-quantity dispute gets the short-shipment checklist
    assert view.guide.choice.currentData() == "short_shipment"
    assert len(view.guide.boxes) == 5
    view.guide.boxes[0].setChecked(True)
    assert view.guide.progress.text() == "1 of 5 done"


def test_the_advisor_starts_from_the_order_and_the_buyers_proposal(view):
    # the factory's order: paid 25.00, cost 10.00, shipping 3.00 -> profit 12.00
    advice = view.advisor.advice
    assert (advice.product_cost, advice.shipping_cost, advice.profit,
            advice.refund_amount) == (Decimal("10.00"), Decimal("3.00"), Decimal("12.00"),
                                      Decimal("20.00"))
    assert advice.recommendation == "resend"


@pytest.mark.parametrize("cost, shipping, profit, refund, refund_result, resend_result, advice", [
    ("10", "3", "12", "20", "-8.00", "-1.00", "resend"),     # resending loses less
    ("10", "3", "12", "5", "7.00", "-1.00", "refund"),       # a small refund keeps profit
    ("10", "3", "12", "13", "-1.00", "-1.00", "refund"),     # a tie ends the case at once
    ("40", "15", "-5", "50", "-55.00", "-60.00", "refund"),  # sold below cost
])
def test_the_advisor_matches_gen2(qtbot, cost, shipping, profit, refund, refund_result,
                                  resend_result, advice):
    # rule GEN-2: refund result = profit - refund; resend result = profit - (cost + shipping)
    panel = AdvisorPanel()
    qtbot.addWidget(panel)
    panel.set_inputs(cost, shipping, profit, refund)
    assert panel.advice.recommendation == advice
    assert str(panel.advice.refund_result) == refund_result
    assert str(panel.advice.resend_result) == resend_result
    assert panel.recommendation.text().startswith(advice.title())
    assert f"refund: {panel.advice.profit} - {panel.advice.refund_amount}" in panel.formula.text()
    assert panel.error.isHidden()


def test_a_refund_above_the_goods_price_is_refused(qtbot):
    panel = AdvisorPanel()
    qtbot.addWidget(panel)
    panel.set_inputs("10", "3", "12", "25.01")        # goods price 25.00
    assert panel.advice is None
    assert "more than the goods price 25.00" in panel.error.text()
    assert panel.recommendation.text() == ""
    panel.refund.setText("25")                         # the rep corrects it
    assert panel.advice is not None and panel.advice.goods_price == Decimal("25.00")


def test_case_detail_reads_a_request_with_its_window(db):
    from app.services.casework import aftersales
    from tests.cases_ui_helpers import taobao_order
    order = taobao_order(completed=NOW - timedelta(days=2, hours=20))
    request = aftersales.open_request(order, "refund_only", "not_received", "5.00",
                                      NOW - timedelta(days=1))
    detail = case_detail(f"A-{request.id}", NOW)
    assert detail.window.text.startswith("12 days 4 h left to open a request for this order")
    assert detail.guide.key == "lost_parcel"
    # rule TB-3: the platform agrees by itself only after the seller's 5 days
    assert detail.actions == ("agree", "refuse", "revise", "cancel")
    [auto] = [o for o in detail.offers if o.action == "auto_agree"]
    assert auto.status == "later"
    assert auto.opens_at == request.submitted_at + timedelta(days=5, seconds=1)


def test_the_step_dialog_asks_for_what_the_service_checks():
    """The CLI's `case act` and the window's step dialog take the same inputs, required
    alike (app.services.casework.case_actions.ACTION_INPUTS)."""
    from app.services.casework.case_actions import ACTION_INPUTS
    from ui.cases.action_dialog import FIELDS
    dialog = {action: tuple((name, needed) for name, _kind, _label, needed in fields)
              for action, fields in FIELDS.items()}
    assert dialog == ACTION_INPUTS
