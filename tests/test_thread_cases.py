"""Beside the thread, as a rep uses it: record the after-sales request a Taobao buyer opened
(TB-1 window, TB-2 one per order) or an AliExpress dispute without leaving the
conversation, and jump to the order's open case on the Requests & Disputes page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.models import AftersalesRequest, Dispute, Order
from app.services.casework import aftersales
from app.services.messaging import conversations
from app.settings import Settings
from tests.cases_ui_helpers import NOW, aliexpress_orders, taobao_order, written
from ui.main_window import MainWindow
from ui.worker import wait_for_background

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def window(qtbot, db, tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))

    def make():
        window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.show_page("conversations")
        return window
    yield make
    wait_for_background()


def talk_about(order, channel="im"):
    conv = conversations.start_conversation(order.shop, order.buyer, channel, order=order,
                                            at=NOW - timedelta(hours=2))
    conversations.add_message(conv, "in", "我要退款", NOW - timedelta(hours=1))
    return conv


def open_thread(qtbot, window, conv):
    page = window.pages["conversations"]
    page.reload()
    qtbot.waitUntil(lambda: conv.id in page.model.ids_set())
    assert page.select_conversation(conv.id)
    panel = page.order_panel
    qtbot.waitUntil(lambda: panel.panel is not None and panel.panel.order is not None)
    return page, panel


def fill_request(form, reason="quality", amount="20.00"):
    assert form.facts is not None                     # the order was looked up already
    form.reason.setCurrentIndex(form.reason.findData(reason))
    form.service_type.setCurrentIndex(form.service_type.findData("refund_only"))
    form.amount.setText(amount)


def test_day_16_the_request_from_the_thread_is_refused_with_tb1s_message(qtbot, window):
    order = taobao_order(completed=NOW - timedelta(days=15, hours=1))      # day 16
    conv = talk_about(order)
    page, panel = open_thread(qtbot, window(), conv)
    assert panel.request_button.isVisible() and not panel.dispute_button.isVisible()
    assert "protection period ended" in panel.request_note.text()          # said beforehand
    assert "TB-1" in panel.request_note.text()
    qtbot.mouseClick(panel.request_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    assert form.isVisible() and form.order_no.text() == order.order_no
    fill_request(form)
    before = written()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert "protection period" in form.error.text() and "(TB-1)" in form.error.text()
    assert form.isVisible()                          # the rep reads why, nothing is written
    assert written() == before
    form.reject()


def test_a_second_request_is_refused_and_the_first_one_opens_on_the_cases_page(qtbot, window):
    order = taobao_order(completed=NOW - timedelta(days=3))
    first = aftersales.open_request(order, "refund_only", "quality", "10.00",
                                    NOW - timedelta(days=2))
    aftersales.cancel(first, NOW - timedelta(days=1))
    conv = talk_about(order)
    win = window()
    page, panel = open_thread(qtbot, win, conv)
    ref = f"A-{first.id}"
    assert list(panel.case_rows) == [ref]
    assert "TB-2" in panel.request_note.text() and ref in panel.request_note.text()
    qtbot.mouseClick(panel.request_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    assert "one after-sales request per order" in form.earlier_text.text()
    fill_request(form)
    before = written()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert "(TB-2)" in form.error.text()
    assert written() == before and AftersalesRequest.select().count() == 1
    form.reject()
    qtbot.mouseClick(panel.case_rows[ref].button, Qt.MouseButton.LeftButton)
    assert win.current_page_key() == "cases"
    cases = win.pages["cases"]
    qtbot.waitUntil(lambda: cases.case_view.ref == ref)


def test_a_request_recorded_from_the_thread_shows_beside_it_and_fills_refund_amount(
        qtbot, window):
    order = taobao_order(completed=NOW - timedelta(days=3))
    conv = talk_about(order)
    page, panel = open_thread(qtbot, window(), conv)
    assert not panel.case_rows and "left to open a request" in panel.request_note.text()
    assert page.thread_panel.composer.values["refund_amount"] == ""
    qtbot.mouseClick(panel.request_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    fill_request(form, amount="12.50")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    request = AftersalesRequest.get()
    assert (request.order_id, str(request.amount), request.state) == (order.id, "12.50",
                                                                      "waiting_seller")
    ref = f"A-{request.id}"
    qtbot.waitUntil(lambda: ref in panel.case_rows)
    assert "waiting seller" in panel.case_rows[ref].label.text()
    qtbot.waitUntil(lambda: page.thread_panel.composer.values["refund_amount"] == "12.50 CNY")


def test_an_aliexpress_order_offers_a_dispute_and_the_open_dispute_opens_its_case(qtbot,
                                                                                  window):
    (order,) = aliexpress_orders(1)
    conv = talk_about(order, "site_message")
    win = window()
    page, panel = open_thread(qtbot, win, conv)
    assert panel.dispute_button.isVisible() and not panel.request_button.isVisible()
    assert panel.request_note.isHidden()
    qtbot.mouseClick(panel.dispute_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    assert form.facts is not None and form.facts.order_no == order.order_no
    form.kind.setCurrentIndex(form.kind.findData("not_received"))
    form.amount.setText("25.00")
    form.at.set_instant(NOW - timedelta(hours=3))
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    dispute = Dispute.get()
    ref = f"D-{dispute.id}"
    qtbot.waitUntil(lambda: ref in panel.case_rows)
    qtbot.mouseClick(panel.case_rows[ref].button, Qt.MouseButton.LeftButton)
    assert win.current_page_key() == "cases"
    qtbot.waitUntil(lambda: win.pages["cases"].case_view.ref == ref)


def test_a_conversation_without_an_order_offers_neither(qtbot, window):
    order = taobao_order()
    conv = conversations.start_conversation(order.shop, order.buyer, "im",
                                            at=NOW - timedelta(hours=2))
    conversations.add_message(conv, "in", "在吗", NOW - timedelta(hours=1))
    page = window().pages["conversations"]
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.select_conversation(conv.id)
    panel = page.order_panel
    qtbot.waitUntil(lambda: panel.panel is not None)
    assert "not about an order" in panel.summary.text()
    assert not panel.request_button.isVisible() and not panel.dispute_button.isVisible()
    assert panel.open_request_form() is None


def test_completion_time_missing_in_the_export_is_said_and_asked_for(qtbot, window):
    # rule TB-1 (issue #21): a 交易成功 order imported without its completion time
    order = taobao_order(completed=NOW - timedelta(days=3))
    completed = order.completed_at
    order.completed_at = order.confirmed_at = None
    order.save()
    conv = talk_about(order)
    page, panel = open_thread(qtbot, window(), conv)
    assert "completion time is missing in the export" in panel.request_note.text()
    assert "TB-1" in panel.request_note.text()
    qtbot.mouseClick(panel.request_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    assert form.completed_at.isVisible()                       # the form asks for it
    assert "missing in the export" in form.window_text.text()
    fill_request(form)
    before = written()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)    # not entered yet
    assert "completion time is missing" in form.error.text() and "(TB-1)" in form.error.text()
    assert written() == before and form.created_ref is None
    form.completed_known.setChecked(True)
    form.completed_at.set_instant(completed)
    assert "left to open a request" in form.window_text.text()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.created_ref is not None
    order = Order.get_by_id(order.id)
    assert order.completed_at == completed
