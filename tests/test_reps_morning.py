"""A rep's morning, through the real main window (#26's acceptance test): open the most
overdue unreplied conversation, answer it with a quick phrase, send and move to the next,
save a view and reuse it, switch to the dark theme and back, record a dispute from its
conversation, build its evidence pack and open the print preview."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from app.models import Dispute, Message
from app.services.messaging import conversations, quick_phrases
from app.settings import Settings
from tests.cases_ui_helpers import NOW, aliexpress_orders
from tests.factories import make_buyer
from ui import theme, tones
from ui.conversation.thread_panel import ThreadPanel
from ui.main_window import MainWindow
from ui.worker import wait_for_background

pytestmark = [pytest.mark.gui, pytest.mark.slow,
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def morning(db, tmp_path, monkeypatch):
    """Three AliExpress buyers waiting for an answer, the longest for 20 hours."""
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(ThreadPanel, "open_url", lambda self, url: None)   # no browser
    orders = aliexpress_orders(3)
    waiting = []
    for n, (order, hours) in enumerate(zip(orders, (2, 20, 9))):
        buyer = make_buyer(order.shop, f"buyer{n}", country="BR", language="en")
        order.buyer = buyer
        order.save()
        conv = conversations.start_conversation(order.shop, buyer, "site_message", order=order,
                                                language="en",
                                                at=NOW - timedelta(hours=hours + 1))
        conversations.add_message(conv, "in", f"Where is order {order.order_no}?",
                                  NOW - timedelta(hours=hours))
        waiting.append(conv)
    quick_phrases.add_phrase("Thanks", {"en": "Thank you for waiting, {buyer_name}."},
                             shortcut="thx")
    return waiting


def test_a_reps_morning(qtbot, morning, tmp_path):
    app = QApplication.instance()
    window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.reload_all()
    page = window.pages["conversations"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    # The Unreplied view opens with the most overdue buyer first.
    page.unreplied_only.setChecked(True)
    most_overdue = morning[1].id
    qtbot.waitUntil(lambda: page.model.rowCount() == 3
                    and page.model.conversation_id(0) == most_overdue)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 1))
    composer = page.thread_panel.composer
    qtbot.waitUntil(lambda: composer.isEnabled() and composer.conversation_id == most_overdue)

    # Enter: to the reply box; a quick phrase by its shortcut; send and move to the next.
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(composer.edit.hasFocus)
    qtbot.keyClicks(composer.edit, "/thx")
    QTest.keyClick(composer.edit, Qt.Key.Key_Tab)
    assert composer.edit.toPlainText() == "Thank you for waiting, Buyer1."
    QTest.keyClick(composer.edit, Qt.Key.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: composer.conversation_id not in (None, most_overdue))
    answer = Message.select().where(Message.direction == "out").get()
    assert answer.conversation_id == most_overdue
    assert answer.body == "Thank you for waiting, Buyer1."

    # Save the view, clear the filters, and bring the view back.
    qtbot.mouseClick(page.save_view_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.findChild(QInputDialog, "save_view_dialog") is not None)
    dialog = page.findChild(QInputDialog, "save_view_dialog")
    dialog.setTextValue("Morning queue")
    dialog.accept()
    qtbot.waitUntil(lambda: page.views.findText("Morning queue") >= 0)
    page.clear_filters()
    qtbot.waitUntil(lambda: not page.unreplied_only.isChecked())
    index = page.views.findText("Morning queue")
    page.views.setCurrentIndex(index)
    page.views.activated.emit(index)
    qtbot.waitUntil(page.unreplied_only.isChecked)

    # Dark theme and back: the thread is drawn in the theme's tones.
    theme.apply_theme(app, "dark")
    assert tones.DARK["bubble.in"] in page.thread_panel.view.toHtml()
    theme.apply_theme(app, "light")
    assert tones.LIGHT["bubble.in"] in page.thread_panel.view.toHtml()

    # A buyer says the parcel never came: record the dispute from the conversation.
    third = morning[2]
    page.clear_filters()
    qtbot.waitUntil(lambda: third.id in page.model.ids_set())
    assert page.select_conversation(third.id)
    panel = page.order_panel
    qtbot.waitUntil(lambda: panel.panel is not None and panel.panel.order is not None
                    and panel.dispute_button.isVisible())
    qtbot.mouseClick(panel.dispute_button, Qt.MouseButton.LeftButton)
    form = panel.dialog
    form.kind.setCurrentIndex(form.kind.findData("not_received"))
    qtbot.keyClicks(form.amount, "25.00")
    form.at.set_instant(NOW - timedelta(hours=1))
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    dispute = Dispute.get()
    ref = f"D-{dispute.id}"
    qtbot.waitUntil(lambda: ref in panel.case_rows)

    # Its evidence pack: built off the window's thread, then the print preview.
    window.show_page("evidence")
    evidence = window.pages["evidence"]
    with qtbot.waitSignal(evidence.loaded, timeout=20_000):
        evidence.show_case(ref)
    out = tmp_path / "pack.pdf"
    with qtbot.waitSignal(evidence.built, timeout=60_000):
        evidence.build(".pdf", str(out), confirm=lambda text: True)
    assert out.stat().st_size > 0
    evidence.print_pack()
    qtbot.waitUntil(lambda: getattr(evidence, "preview", None) is not None, timeout=30_000)
    evidence.preview.reject()
    window.close()
    wait_for_background()
