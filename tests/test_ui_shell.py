"""The window shell: navigation, lists loaded off the GUI thread, Chinese text, errors, start-up."""

from __future__ import annotations

import faulthandler
import os
import subprocess
import sys
import textwrap
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication

from app.db import DatabaseError
from app.logging_setup import setup_logging, teardown_logging
from app.models import Conversation, Message
from app.errors import InvalidInput
from app.settings import Settings
from tests.factories import T0, make_buyer, make_order, make_shop
from ui import errors, fonts
from ui.crash_dialog import CrashDialog
from ui.errors import ExpectedErrorBox
from ui.main_window import MainWindow
from ui.worker import run_in_background, wait_for_background

# Qt's offscreen platform (tests only) warns that it cannot pass size hints to a window.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
ROOT = Path(__file__).resolve().parent.parent
NAV_TITLES = ["Conversations", "Requests & Disputes", "Deadlines", "Awaiting buyer",
              "Complaints & Reviews", "Parcel watch", "Evidence", "Reports"]


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def shown_dialogs(monkeypatch):
    """Dialogs that would have been shown: ('crash', dialog) or ('expected', box)."""
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(("crash", self)) or 0)
    monkeypatch.setattr(ExpectedErrorBox, "exec",
                        lambda self: shown.append(("expected", self)) or 0)
    return shown


@pytest.fixture
def make_window(qtbot, db, tmp_path):
    windows = []

    def make():
        window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
        qtbot.addWidget(window)
        window.show()
        window.reload_all()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    wait_for_background()
    QApplication.processEvents()


def add_conversation(shop, buyer, body, at, replied=True):
    order = make_order(shop, f"80000000{at:%H%M%S}", buyer=buyer)
    conv = Conversation.create(shop=shop, buyer=buyer, order=order, channel="site_message",
                               created_at=at, last_message_at=at, is_replied=replied,
                               is_read=replied)
    Message.create(conversation=conv, direction="in", channel="site_message", body=body,
                   sent_at=at)
    return conv


def text(page, row, key):
    column = page.model.column_number(key)
    return page.model.data(page.model.index(row, column))


def loaded(page):
    return not page.is_loading


# --- the window -------------------------------------------------------------------------

def test_window_offers_every_page_and_switches_between_them(make_window, qtbot):
    window = make_window()
    assert window.navigation.titles() == NAV_TITLES
    assert window.current_page_key() == "conversations"
    for key in ("cases", "deadlines", "followups", "complaints", "parcel_watch", "evidence",
                "reports", "conversations"):
        window.navigation.select(key)
        assert window.current_page_key() == key
        assert window.stack.currentWidget() is window.pages[key]


def test_conversations_page_lists_the_conversations_latest_first(make_window, qtbot, db):
    shop = make_shop("tb", platform="taobao")
    wang = make_buyer(shop, "wang", country="CN")
    wang.name = "王小明"
    wang.save()
    li = make_buyer(shop, "li", country="CN")
    add_conversation(shop, wang, "在吗", T0)
    add_conversation(shop, li, "收到了，谢谢", T0 + timedelta(hours=1))
    add_conversation(shop, wang, "退款什么时候到账？", T0 + timedelta(hours=2), replied=False)

    window = make_window()
    page = window.pages["conversations"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    snippets = [text(page, r, "last_message") for r in range(3)]
    assert snippets == ["退款什么时候到账？", "收到了，谢谢", "在吗"]
    assert text(page, 0, "buyer") == "王小明"
    assert page.body.currentWidget() is page.view
    qtbot.waitUntil(lambda: window.status.count("conversations") == 3)
    assert "Conversations: 3" in window.status.counts_label.text()
    assert str(Path(db.database)) in window.status.database_label.text()

    page.unreplied_only.setChecked(True)                   # reloads with the filter
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert text(page, 0, "last_message") == "退款什么时候到账？"


def test_the_list_in_front_loads_before_the_others(make_window, qtbot):
    window = make_window()
    front, cases = window.pages["conversations"], window.pages["cases"]
    order = []
    front.loaded.connect(lambda: order.append("front"))
    cases.loaded.connect(lambda: order.append("cases"))
    qtbot.waitUntil(lambda: len(order) == 2)
    assert order == ["front", "cases"]


def test_only_the_page_in_front_is_built_at_start_and_the_rest_once_it_has_painted(
        make_window, qtbot):
    window = make_window()
    assert list(window.pages.built()) == ["conversations"]
    front = window.pages["conversations"]
    assert front._thread_panel is None, "the thread panel waits for the list's first paint"
    qtbot.waitUntil(lambda: not window.pages.unbuilt())
    qtbot.waitUntil(lambda: front._thread_panel is not None)
    assert front.splitter.widget(1) is front.thread_panel
    assert not front.is_loading, "the others came after the list in front"
    cases = window.pages.built()["cases"]
    qtbot.waitUntil(lambda: loaded(cases))
    assert cases.message.text().startswith("No ")


def test_the_monitor_starts_after_the_pages_behind_the_front_one(make_window, qtbot):
    window = make_window()
    window.start_monitor()
    assert window.pages.unbuilt() and not window.monitor.started
    qtbot.waitUntil(lambda: window.monitor.started)
    assert not window.pages.unbuilt()


def test_empty_lists_say_so(make_window, qtbot):
    window = make_window()
    for key in ("conversations", "cases", "deadlines"):
        page = window.pages[key]
        qtbot.waitUntil(lambda page=page: loaded(page))
        assert page.body.currentWidget() is page.message
        assert page.message.text().startswith("No ")
    assert window.status.count("deadlines") == 0


def test_chinese_in_a_row_is_drawn_with_a_font_that_has_the_glyphs(make_window, qtbot, db):
    family = fonts.load_cjk_font(QApplication.instance())
    assert family == "WenQuanYi Micro Hei"
    assert family in QApplication.font().families()
    shop = make_shop("tb", platform="taobao")
    add_conversation(shop, make_buyer(shop, "wang"), "退款", T0)
    window = make_window()
    page = window.pages["conversations"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    shown = text(page, 0, "last_message")
    assert shown == "退款"

    layout = QTextLayout(shown, page.view.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs and all(run.rawFont().familyName() == family for run in runs)
    assert all(run.rawFont().supportsCharacter(ord(ch)) for run in runs for ch in "退款")
    assert all(index != 0 for run in runs for index in run.glyphIndexes())


def test_shipped_font_renders_chinese_on_a_machine_without_any_font(tmp_path):
    # A fresh Windows/Linux install may lack CJK fonts: hide every system font from Qt.
    (tmp_path / "fonts.conf").write_text(
        f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    script = textwrap.dedent("""
        from PySide6.QtGui import QFontDatabase, QTextLayout
        from PySide6.QtWidgets import QApplication
        from ui.fonts import load_cjk_font
        app = QApplication([])
        def families():
            layout = QTextLayout("退", app.font()); layout.beginLayout(); layout.createLine()
            layout.endLayout()
            return [r.rawFont().familyName() for r in layout.glyphRuns()]
        before = QFontDatabase.families()   # laying out text with no font at all is not safe
        load_cjk_font(app)
        print(before, families())
    """)
    env = dict(os.environ, FONTCONFIG_FILE=str(tmp_path / "fonts.conf"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    before, after = out.stdout.strip().split("] [")
    assert "WenQuanYi" not in before                     # really no font to fall back on
    assert "WenQuanYi Micro Hei" in after


def test_window_size_is_remembered(make_window, tmp_path):
    window = make_window()
    hint = window.minimumSizeHint()   # may exceed the 800 px offscreen screen: stay at it
    size = (max(window.minimumWidth(), hint.width()), max(hint.height(), 500) + 11)
    window.resize(*size)
    window.close()
    saved = Settings(tmp_path / "settings.json").get("ui.window_geometry")
    assert saved
    again = make_window()
    assert (again.width(), again.height()) == size


# --- errors -----------------------------------------------------------------------------

def raised(error):
    try:
        raise error
    except type(error) as caught:
        return type(caught), caught, caught.__traceback__


def test_a_crash_is_logged_and_the_dialog_points_to_the_log(qapp, tmp_path, shown_dialogs):
    log_file = setup_logging(tmp_path / "logs")
    try:
        errors.excepthook(*raised(ZeroDivisionError("pallet count went to zero")))
    finally:
        teardown_logging()
    written = log_file.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in written
    assert "ZeroDivisionError: pallet count went to zero" in written
    assert [kind for kind, _ in shown_dialogs] == ["crash"]
    dialog = shown_dialogs[0][1]
    assert dialog.log_file == log_file
    assert str(log_file) in dialog.message.text()
    assert "pallet count went to zero" in dialog.details_view.toPlainText()


@pytest.mark.parametrize("error", [
    InvalidInput("must be 0.01 or more", record="refund", field="amount"),
    DatabaseError("The database x.db is locked by another program. Close the other window."),
])
def test_an_expected_error_is_a_plain_message_not_a_crash(qapp, error, shown_dialogs):
    errors.excepthook(*raised(error))
    assert [kind for kind, _ in shown_dialogs] == ["expected"]
    assert shown_dialogs[0][1].text() == str(error)


def test_a_failed_background_load_reports_the_error(make_window, qtbot, monkeypatch,
                                                    shown_dialogs):
    from app.services.clocks import queue

    def broken(*_args, **_kwargs):
        raise DatabaseError("The database is read-only. Check that the file may be written.")

    monkeypatch.setattr(queue, "queue", broken)
    window = make_window()
    page = window.pages["cases"]
    qtbot.waitUntil(lambda: loaded(page))
    assert [kind for kind, _ in shown_dialogs] == ["expected"]
    assert "could not be read" in page.message.text()


# --- worker -------------------------------------------------------------------------------

def test_worker_delivers_a_result_on_the_gui_thread(qtbot):
    main_thread = threading.get_ident()
    got = []
    run_in_background(threading.get_ident,
                      on_result=lambda worker_thread: got.append((worker_thread,
                                                                  threading.get_ident())))
    qtbot.waitUntil(lambda: bool(got))
    worker_thread, callback_thread = got[0]
    assert worker_thread != main_thread
    assert callback_thread == main_thread


def test_worker_delivers_an_exception_on_the_gui_thread(qtbot):
    got = []

    def fail():
        raise InvalidInput("no such shop", field="shop")

    run_in_background(fail, on_result=lambda r: got.append(("result", r)),
                      on_error=lambda e: got.append(("error", e, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(got))
    kind, error, thread = got[0]
    assert kind == "error" and isinstance(error, InvalidInput)
    assert thread == threading.get_ident()


def test_worker_forgets_callbacks_of_a_destroyed_widget(qtbot):
    gate = threading.Event()
    owner = QObject()
    got = []
    run_in_background(lambda: gate.wait(5) and 1, on_result=got.append, context=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
    gate.set()
    wait_for_background()
    QApplication.processEvents()
    QApplication.processEvents()
    assert got == []


# --- start-up -----------------------------------------------------------------------------

def test_main_starts_logs_and_opens_the_default_database(qapp, home, monkeypatch, shown_dialogs):
    from ui import main as main_module

    seen = {}

    def fake_exec():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["titles"] = window.navigation.titles()
        wait_for_background()
        window.close()
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    Settings(home / "config" / "settings.json").set("ui.first_run_done", True)  # no wizard
    hook = sys.excepthook
    try:
        code = main_module.main([], None)
    finally:
        teardown_logging()
        faulthandler.enable(file=sys.__stderr__)
    assert code == 0
    assert sys.excepthook is hook                     # put back when the window closed
    assert seen["titles"] == NAV_TITLES
    assert (home / "data" / "afterdesk.db").exists()
    assert "AfterDesk starting" in (home / "logs" / "afterdesk.log").read_text(encoding="utf-8")
    assert (home / "logs" / "faults.log").exists()
    assert Settings(home / "config" / "settings.json").get("ui.window_geometry")
    assert QApplication.applicationName() == "AfterDesk"
    assert shown_dialogs == []


def test_a_database_that_cannot_be_opened_is_explained(qapp, home, tmp_path, shown_dialogs):
    from ui.main import open_window

    folder = tmp_path / "not-a-file.db"
    folder.mkdir()                                     # a folder where the file should be
    window = open_window(qapp, folder, Settings(tmp_path / "settings.json"))
    assert window is None
    assert [kind for kind, _ in shown_dialogs] == ["expected"]
    assert "not-a-file.db" in shown_dialogs[0][1].text()
