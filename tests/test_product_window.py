"""The product around the main window: File menu (settings, backup, restore) with shortcuts,
restore from the menu, problems of the computer shown as clear messages, accessible names."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtWidgets import QMessageBox

from app import backup
from app.services.commerce import shops
from app.settings import Settings
from tests.sqlite_errors import busy_error, full_error
from ui import errors
from ui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def window(qtbot, db, tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


def test_file_menu_offers_settings_backup_and_restore_with_shortcuts(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts == ["&Settings…", "&Back up now", "&Restore from backup…", "&Quit"]
    assert window.file_actions["settings"].shortcut().toString() == "Ctrl+,"
    assert window.file_actions["backup"].shortcut().toString() == "Ctrl+Shift+B"


def test_restore_from_the_menu_brings_the_data_back(window, qtbot, tmp_path, monkeypatch):
    shops.add_shop("before", "taobao", "备份前的店", "Asia/Shanghai")
    saved = backup.create_backup(window.db_path, tmp_path / "saved.db")
    shops.add_shop("after", "taobao", "备份后的店", "Asia/Shanghai")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    from ui.backup_actions import restore_from_backup
    restore_from_backup(window, window.db_path, saved, confirm=False)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=10_000)
    assert window.isEnabled()
    assert [s.key for s in shops.list_shops()] == ["before"]
    assert "before-restore" in told[0]          # where the replaced data went


def test_a_file_that_is_no_backup_is_refused_and_the_window_stays(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec", lambda self: shown.append(self.text()) or 0)
    junk = tmp_path / "photo.db"
    junk.write_bytes(b"\x89PNG not a database")
    from ui.backup_actions import restore_from_backup
    restore_from_backup(window, window.db_path, junk, confirm=False)
    assert window.isEnabled() and len(shown) == 1 and "not an AfterDesk backup" in shown[0]


@pytest.mark.parametrize("error, words", [
    (OSError(errno.ENOSPC, "No space left on device", "C:/x/report.xlsx"), "disk is full"),
    (PermissionError(errno.EACCES, "Permission denied", "C:/x/a.csv"), "not open in another"),
    (FileNotFoundError(errno.ENOENT, "No such file", "C:/x/orders.csv"), "does not exist"),
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "Save it again as UTF-8"),
    (busy_error(), "AfterDesk is busy writing: try again"),
    (full_error(), "is full: free space and try again"),
    (errors.NoPrinterError(), "No printer is set up"),
])
def test_problems_of_the_computer_are_expected_and_say_what_to_do(error, words):
    assert errors.is_expected(error)
    assert words in errors.describe(error)


def test_a_bug_goes_to_the_crash_dialog_with_the_log_path(monkeypatch, tmp_path):
    from app.logging_setup import setup_logging, teardown_logging
    from ui.crash_dialog import CrashDialog
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    log_file = setup_logging(tmp_path / "logs")
    try:
        errors.report_exception(KeyError("row"))
    finally:
        teardown_logging()
    assert not errors.is_expected(KeyError("row"))
    assert len(shown) == 1 and str(log_file) in shown[0].message.text()


def test_main_controls_have_accessible_names(window):
    assert window.navigation.accessibleName() == "Pages"
    page = window.pages["cases"]
    assert page.view.accessibleName() == "Requests & Disputes list"
    assert page.refresh_button.accessibleName() == "Refresh Requests & Disputes"
