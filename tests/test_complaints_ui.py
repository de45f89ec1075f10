"""The complaint page: the guided seven-step checklist (GEN-8), TB-5 compensation offered,
no closing with steps left unless the rep says why."""

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from app.models.complaints import Complaint
from app.services.aftercare import complaints as svc
from app.services.aftercare.complaint_queries import list_complaints
from tests.factories import T0, make_buyer, make_order, make_shop
from ui.pages.complaints_page import ComplaintsPage
from ui.table_models.complaint_table_model import ComplaintTableModel


@pytest.fixture
def case(db):
    shop = make_shop("tb", "taobao")
    buyer = make_buyer(shop, "xiaoming", country="CN", language="zh")
    order = make_order(shop, "3900000000000001", buyer=buyer, status="completed",
                       paid=Decimal("800.00"), shipped_at=T0 + timedelta(days=4),
                       completed_at=T0 + timedelta(days=7))
    return svc.open_complaint(shop, "late_shipment", "付款四天才发货，太慢了！", order=order,
                              opened_at=T0 + timedelta(days=8))


def test_checklist_walks_in_order_and_closing_asks_why(qtbot, case, monkeypatch):
    page = ComplaintsPage()
    qtbot.addWidget(page)
    page.show()                 # a rep clicks what is on screen
    page.reload()
    qtbot.waitUntil(lambda: page.panel.detail is not None)
    panel = page.panel
    assert "付款四天才发货" in panel.words.text()
    rows = panel.checklist.rows
    assert rows["respond"][3].isEnabled() and not rows["listen"][3].isEnabled()
    qtbot.mouseClick(rows["respond"][3], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.detail.row.steps_done == 1)
    assert rows["listen"][3].isEnabled() and not rows["respond"][3].isEnabled()
    assert panel.checklist.status_text("respond").startswith("rep, ")

    # rule TB-5: 5 % of 800 CNY is 40, capped at 30.
    assert not panel.suggest.isHidden()
    assert "30.00 CNY" in panel.suggest.text()
    qtbot.mouseClick(panel.suggest, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.save_offer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: Complaint.get_by_id(case.id).compensation_amount == Decimal("30.00"))

    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: (asked.append(a[2]) or ("", False)))
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert asked and "6 step(s) not done" in asked[0]
    assert Complaint.get_by_id(case.id).state == "open"       # cancelled: still open
    monkeypatch.setattr(QInputDialog, "getText",
                        lambda *a, **k: ("Buyer withdrew on the phone", True))
    panel.outcome.setCurrentIndex(panel.outcome.findData("complaint_withdrawn"))
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panel.detail is not None and page.panel.detail.row.state == "closed")
    assert not panel.close_button.isEnabled()
    assert Complaint.get_by_id(case.id).skip_reason == "Buyer withdrew on the phone"


def test_complaint_model_passes_qt_checks(qtmodeltester, case):
    model = ComplaintTableModel()
    model.set_rows(list_complaints())
    qtmodeltester.check(model)
