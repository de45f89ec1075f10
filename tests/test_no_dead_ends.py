"""No dead ends (#26.11): a Parcel watch row opens its order's conversation (Enter or a
double-click), a complaint's Contact the buyer opens (or starts) the conversation."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.clock import utcnow
from app.models import Conversation
from app.services.aftercare import complaints
from app.settings import Settings
from tests.factories import make_buyer, make_order, make_shop
from ui.main_window import MainWindow
from ui.worker import wait_for_background

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def make_window(qtbot, db, tmp_path):
    made = []

    def make():
        window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.reload_all()
        made.append(window)
        return window
    yield make
    for window in made:
        window.close()
    wait_for_background()
    QApplication.processEvents()


def _conversation_shown(window, order_id: int) -> bool:
    page = window.pages["conversations"]
    conv = Conversation.get_or_none(Conversation.order == order_id)
    return (window.current_page_key() == "conversations" and conv is not None
            and page.selected_conversation() == conv.id)


def test_enter_on_a_parcel_opens_the_buyers_conversation_about_it(make_window, qtbot):
    shop = make_shop("ae", "aliexpress")
    buyer = make_buyer(shop, "joao", country="BR")
    order = make_order(shop, "8000000000000009", buyer=buyer, destination_country="BR",
                       promised_days=90, shipped_at=utcnow() - timedelta(days=87))
    window = make_window()
    window.show_page("parcel_watch")
    page = window.pages["parcel_watch"]
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 1))
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _conversation_shown(window, order.id), timeout=10_000)


def test_contact_the_buyer_of_a_complaint_opens_the_conversation(make_window, qtbot):
    shop = make_shop("tb", "taobao")
    buyer = make_buyer(shop, "xiaoming", country="CN", language="zh")
    order = make_order(shop, "3900000000000001", buyer=buyer, status="completed",
                       paid=Decimal("80.00"), shipped_at=utcnow() - timedelta(days=6),
                       completed_at=utcnow() - timedelta(days=3))
    complaints.open_complaint(shop, "late_shipment", "发货太慢了", order=order,
                              opened_at=utcnow() - timedelta(days=1))
    window = make_window()
    window.show_page("complaints")
    page = window.pages["complaints"]
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.setCurrentIndex(page.model.index(0, 1))
    panel = page.panel
    qtbot.waitUntil(lambda: panel.detail is not None and panel.write_button.isEnabled())
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _conversation_shown(window, order.id), timeout=10_000)
