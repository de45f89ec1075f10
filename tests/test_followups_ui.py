"""The awaiting-buyer page (rule GEN-7): buyer's local time and daytime marker, one-click
follow-up through the suggested channel; the buyer clock widget."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

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


def test_the_page_lists_the_quiet_buyer_and_sends_a_follow_up_in_one_click(qtbot, waiting,
                                                                         monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",            # whatever the hour in São Paulo
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
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
    assert "sobre o pedido 8000000000000001" in page.panel.body.toPlainText()   # her language

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


def _night_zone() -> str:
    """A fixed-offset zone where it is about 03:00 now."""
    hours = (3 - utcnow().hour) % 24
    if hours > 14:
        hours -= 24
    return f"Etc/GMT{-hours:+d}"


@pytest.fixture
def quiet_taobao_buyer(db):
    """#26.10: a quiet Taobao buyer, at night where they live."""
    shop = make_shop("tb", "taobao")
    buyer = make_buyer(shop, "xiaoming", country="CN", language="zh")
    buyer.timezone = _night_zone()
    buyer.save()
    order = make_order(shop, "3900000000000001", buyer=buyer)
    wrote = utcnow() - timedelta(days=3)
    conv = start_conversation(shop, buyer, "im", order=order, subject="发货",
                              at=wrote - timedelta(hours=1))
    add_message(conv, "in", "什么时候发货？", wrote - timedelta(hours=1))
    add_message(conv, "out", "亲，明天发货。", wrote, author="lin")
    return conv


def test_a_taobao_buyer_gets_chinese_through_taobaos_channels_and_night_asks_first(
        qtbot, quiet_taobao_buyer, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    page = FollowUpsPage()
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    panel = page.panel
    qtbot.waitUntil(lambda: panel.row is not None)
    assert "订单3900000000000001" in panel.body.toPlainText()       # Chinese, not English
    offered = [panel.channel.itemData(i) for i in range(panel.channel.count())]
    assert "email" not in offered and offered[0] == "im"            # GEN-7 on Taobao
    qtbot.mouseClick(panel.send_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1                                          # 03:00 there: asked
    assert not FollowUpAttempt.select().exists()                    # and "No" sent nothing


def test_the_buyer_clock_ends_in_an_ellipsis_when_the_thread_is_narrow(qtbot):
    """#26.14: at 1366×768 in Chinese the clock line did not fit and was cut off mid-word.
    What does not fit ends in "…" and the whole line is the label's tooltip."""
    now = utc(2026, 3, 4, 2, 0)
    clock = BuyerClock(now=lambda: now)
    qtbot.addWidget(clock)
    clock.set_buyer("America/Argentina/Buenos_Aires", country="AR")
    whole = clock.time_label.text()
    clock.resize(1200, 40)
    clock.show()
    qtbot.waitExposed(clock)
    label = clock.time_label
    assert label.shown_text() == whole and label.toolTip() == ""
    clock.resize(220, 40)
    qtbot.waitUntil(lambda: label.width() < label.fontMetrics().horizontalAdvance(whole))
    assert label.shown_text().endswith("…") and len(label.shown_text()) < len(whole)
    assert label.toolTip() == whole and label.text() == whole
    assert clock.marker.shown_text().endswith("…")      # "● night there: outside …"
    clock.resize(1200, 40)
    qtbot.waitUntil(lambda: label.shown_text() == whole)
    assert label.toolTip() == ""



def test_in_chinese_no_column_is_narrower_than_its_title(chinese, qtbot, waiting):
    """#26.14: the awaiting list's 已发送 column was narrower than its title (cut off)."""
    page = FollowUpsPage()
    qtbot.addWidget(page)
    header = page.view.horizontalHeader()
    for number in range(page.model.columnCount() - 1):       # the last one stretches
        title = page.model.headerData(number, Qt.Orientation.Horizontal)
        assert page.view.columnWidth(number) >= header.fontMetrics().horizontalAdvance(title), \
            title
