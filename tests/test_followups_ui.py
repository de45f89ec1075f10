"""The awaiting-buyer page (rule GEN-7): buyer's local time and daytime marker, one-click
follow-up through the suggested channel; the buyer clock widget."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.clock import utcnow
from app.models import Message
from app.models.followups import FollowUpAttempt
from app.services.messaging.conversations import add_message, start_conversation
from app.services.aftercare.followups import awaiting_buyer
from tests.factories import make_buyer, make_order, make_shop, utc
from ui.conversation.buyer_clock import BuyerClock
from ui.pages.followups_page import FollowUpsPage
from ui.table_models.awaiting_table_model import AwaitingTableModel


@pytest.fixture
def waiting(db):
    shop = make_shop("ae", "aliexpress")
    buyer = make_buyer(shop, "maria", country="BR", language="pt")
    buyer.name = "Maria Souza"
    buyer.save()
    order = make_order(shop, "8000000000000001", buyer=buyer)
    wrote = utcnow() - timedelta(days=3)
    conv = start_conversation(shop, buyer, "site_message", order=order, subject="Pedido",
                              at=wrote - timedelta(hours=1))
    add_message(conv, "in", "Onde está meu pedido?", wrote - timedelta(hours=1))
    add_message(conv, "out", "Seu pedido saiu de Shenzhen.", wrote, author="lin")
    return conv


def column(page, key):
    return page.model.column_number(key)


def test_the_page_lists_the_quiet_buyer_and_sends_a_follow_up_in_one_click(qtbot, waiting):
    page = FollowUpsPage()
    qtbot.addWidget(page)
    page.show()                 # a rep clicks what is on screen
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    model = page.model
    assert model.data(model.index(0, column(page, "buyer"))) == "Maria Souza"
    buyer_time = model.data(model.index(0, column(page, "buyer_time")))
    assert buyer_time.endswith(("day", "night"))
    assert model.data(model.index(0, column(page, "channel"))) == "Order message"
    assert model.data(model.index(0, column(page, "sent"))) == "0/3"
    qtbot.waitUntil(lambda: "Seu pedido saiu" in page.panel.thread.toPlainText())
    assert "Buyer's local time" in page.panel.clock.time_label.text()
    assert "Sao Paulo, BR" in page.panel.clock.time_label.text()
    assert page.panel.channel.currentData() == "order_message"
    assert "order 8000000000000001" in page.panel.body.toPlainText()

    qtbot.mouseClick(page.panel.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 1
                    and model.data(model.index(0, column(page, "sent"))) == "1/3")
    attempt = FollowUpAttempt.get()
    assert attempt.channel == "order_message" and attempt.number == 1
    assert Message.get_by_id(attempt.message_id).channel == "order_message"
    # no email or phone known: the next channel wraps to the site message (GEN-5)
    assert model.data(model.index(0, column(page, "channel"))) == "Site message"


def test_awaiting_model_passes_qt_checks(qtmodeltester, waiting):
    model = AwaitingTableModel()
    model.set_rows(awaiting_buyer())
    qtmodeltester.check(model)


def test_buyer_clock_shows_local_time_and_daytime(qtbot):
    now = utc(2026, 3, 4, 2, 0)          # 23:00 on Tuesday in São Paulo, 10:00 in Shenzhen
    clock = BuyerClock(now=lambda: now)
    qtbot.addWidget(clock)
    clock.set_buyer("America/Sao_Paulo", country="BR")
    assert clock.time_label.text() == "Buyer's local time: Tue 23:00 (Sao Paulo, BR, UTC−03:00)"
    assert clock.is_daytime() is False and "night" in clock.marker.text()
    clock.set_buyer("Asia/Tokyo", country="JP")
    assert clock.is_daytime() is True and "daytime" in clock.marker.text()
    clock.set_buyer(None)
    assert clock.time_label.text() == ""


def test_the_rep_sets_the_buyers_zone_from_the_thread(qtbot, waiting, monkeypatch):
    from PySide6.QtWidgets import QInputDialog
    page = FollowUpsPage()
    qtbot.addWidget(page)
    page.show()                 # a rep clicks what is on screen
    page.reload()
    qtbot.waitUntil(lambda: page.panel.row is not None)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("America/Manaus", True))
    qtbot.mouseClick(page.panel.zone_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.panel.row is not None
                    and page.panel.row.buyer_zone == "America/Manaus")
    assert "Manaus, BR" in page.panel.clock.time_label.text()
