"""A rep answers a queue without the mouse (#26.3, #26.5): one keymap without clashes, listed
under Help › Keyboard shortcuts; Ctrl+1…9 insert quick phrases in the reply box, Alt+1…9
switch pages; Enter on a row goes to the reply box, Esc back, Ctrl+F to the search, and
Ctrl+Shift+Enter sends and opens the next conversation."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.clock import utcnow
from app.models import Message
from app.services.messaging import conversations, quick_phrases
from app.settings import Settings
from tests.factories import make_buyer, make_order, make_shop
from ui import keymap
from ui.main_window import MainWindow
from ui.shortcuts_dialog import ShortcutsDialog
from ui.worker import wait_for_background

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def queue(db):
    """Three unreplied buyers, the longest waiting first in the list's order."""
    now = utcnow()
    shop = make_shop("ae")
    ids = []
    for n, (name, country) in enumerate((("ana", "BR"), ("bruno", "CN"), ("carla", "BR"))):
        buyer = make_buyer(shop, name, country=country, language="en")
        order = make_order(shop, f"800000000000000{n}", buyer=buyer)
        conv = conversations.start_conversation(shop, buyer, "site_message", order=order,
                                                language="en", at=now - timedelta(hours=9))
        conversations.add_message(conv, "in", f"Question from {name}",
                                  now - timedelta(hours=3 + n))
        ids.append(conv.id)
    quick_phrases.add_phrase("Thanks", {"en": "Thank you for waiting."}, shortcut="thx")
    quick_phrases.add_phrase("Tracking", {"en": "Your parcel is on its way."}, shortcut="trk")
    return ids


@pytest.fixture
def window(qtbot, queue, tmp_path):
    window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.reload_all()
    page = window.pages["conversations"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    yield window
    window.close()
    wait_for_background()
    QApplication.processEvents()


def _press(qtbot, widget, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as a rep presses it: through the window, so shortcuts see it."""
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(widget, key, modifiers)


def test_no_two_shortcuts_of_the_window_share_a_key(window):
    keys = Counter()
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys[sequence.toString()] += 1
    for shortcut in window.findChildren(QShortcut):
        keys[shortcut.key().toString()] += 1
    keys.pop("", None)
    assert [k for k, n in keys.items() if n > 1] == []
    assert keymap.clashes() == []


def test_ctrl_digit_in_the_reply_box_inserts_that_quick_phrase(window, qtbot):
    page = window.pages["conversations"]
    page.view.setCurrentIndex(page.model.index(0, 1))
    composer = page.thread_panel.composer
    qtbot.waitUntil(composer.isEnabled)
    _press(qtbot, composer.edit, Qt.Key.Key_2, CTRL)
    assert composer.edit.toPlainText() == "Your parcel is on its way."      # not a page switch
    assert window.current_page_key() == "conversations"


def test_alt_digit_switches_pages(window, qtbot):
    page = window.pages["conversations"]
    _press(qtbot, page.view, Qt.Key.Key_3, ALT)
    assert window.current_page_key() == "deadlines"
    _press(qtbot, window.navigation, Qt.Key.Key_1, ALT)
    assert window.current_page_key() == "conversations"


def test_enter_on_a_row_goes_to_the_reply_box_and_esc_comes_back(window, qtbot):
    page = window.pages["conversations"]
    page.view.setCurrentIndex(page.model.index(1, 1))
    composer = page.thread_panel.composer
    qtbot.waitUntil(composer.isEnabled)
    _press(qtbot, page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(composer.edit.hasFocus)
    QTest.keyClick(composer.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(page.view.hasFocus)
    _press(qtbot, page.view, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(page.search.hasFocus)
    _press(qtbot, page.search, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(composer.edit.hasFocus)


def test_send_and_next_answers_the_queue_without_the_mouse(window, qtbot, queue):
    page = window.pages["conversations"]
    page.view.setCurrentIndex(page.model.index(0, 1))
    first = page.model.conversation_id(0)
    following = page.model.conversation_id(1)
    composer = page.thread_panel.composer
    page.thread_panel.open_url = lambda url: None    # copy & open: no browser in a test
    qtbot.waitUntil(lambda: composer.isEnabled() and composer.conversation_id == first)
    _press(qtbot, composer.edit, Qt.Key.Key_1, CTRL)
    QTest.keyClick(composer.edit, Qt.Key.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: composer.conversation_id == following)
    answer = Message.select().where(Message.direction == "out").get()
    assert answer.conversation_id == first and answer.body == "Thank you for waiting."
    assert page.selected_conversation() == following
    assert composer.edit.hasFocus()                      # ready for the next answer


def test_an_empty_reply_does_not_move_on(window, qtbot):
    page = window.pages["conversations"]
    page.view.setCurrentIndex(page.model.index(0, 1))
    first = page.model.conversation_id(0)
    composer = page.thread_panel.composer
    qtbot.waitUntil(lambda: composer.isEnabled() and composer.conversation_id == first)
    _press(qtbot, composer.edit, Qt.Key.Key_Return, CTRL | SHIFT)
    assert composer.problem.isVisibleTo(composer)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.selected_conversation() == first


def test_help_lists_every_shortcut_in_words(qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    assert len(rows) == len(keymap.SHORTCUTS)
    native = QKeySequence("Ctrl+K").toString(QKeySequence.SequenceFormat.NativeText)
    assert rows[native] == "Choose a quick phrase"
    assert any(what == "Go to page 3" for what in rows.values())


def test_the_splitters_stay_put_from_one_conversation_to_the_next(window, qtbot):
    """#26.7: a longer place name or the buyer's night marker moved the panels."""
    page = window.pages["conversations"]
    window.resize(1024, 700)           # narrow enough that a label's width would push
    wait_for_background()
    QApplication.processEvents()
    widths = []
    for row in range(3):
        page.view.setCurrentIndex(page.model.index(row, 1))
        conv = page.model.conversation_id(row)
        qtbot.waitUntil(lambda conv=conv: page.thread_panel.header is not None
                        and page.thread_panel.header.id == conv)
        wait_for_background()
        QApplication.processEvents()
        widths.append(page.splitter.sizes())
    assert widths[0] == widths[1] == widths[2]
