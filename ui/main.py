"""Start AfterDesk's window: logging, crash reporting, fonts, database, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from app import paths
from app.services.common.database_file import (close_database, is_server_address, location,
                                               ready_as_is)
from app.logging_setup import install_faulthandler, setup_logging
from app.settings import Settings
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.errors import install_excepthook
from ui.fonts import load_cjk_font
from ui.qt_logging import install_qt_message_handler, restore_qt_message_handler
from ui.worker import wait_for_background
from ui.damaged_start import open_at_start
from ui.main_window import MainWindow
from ui.daily_backup import start_daily_backup
from ui.app_icon import app_icon
from ui.i18n import install_translator, resolve_language
from ui.theme import apply_theme
from ui.first_run.needed import needs_first_run
from ui.single_instance import SingleInstance, bring_forward

log = logging.getLogger("afterdesk.ui")

APPLICATION_NAME = "AfterDesk"
ORGANISATION_NAME = "AfterDesk"
EXIT_DATABASE_PROBLEM = 2
LISTEN_AFTER_MS = 500
RESTORE_RETRY_MS = 500


def application(argv) -> QApplication:
    """The process's QApplication (an existing one is reused), named for AfterDesk."""
    app = QApplication.instance() or QApplication(list(argv or [sys.argv[0]]))
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationDisplayName("AfterDesk 售后工作台")
    return app


def resolve_db_path(db_path, settings: Settings) -> Path:
    """The command line's choice, else the settings', else the default data folder."""
    chosen = db_path or settings.get("data.db_path")
    if chosen and is_server_address(chosen):       # a shop database on a server
        return chosen
    return Path(chosen).expanduser() if chosen else paths.default_db_path()


def open_window(app: QApplication, db_path, settings: Settings):
    """Load the font, open the database and show the window; None when the database
    cannot be opened (the rep has been told why)."""
    load_cjk_font(app)
    path = resolve_db_path(db_path, settings)
    if not ready_as_is(path):   # usable as it is: peewee loads after the first paint
        if not open_at_start(path):     # a damaged file: offers a backup
            return None
    window = MainWindow(location(path), settings)
    window.front_shown.connect(lambda: _after_first_list(window, settings, path))
    window.show()
    window.reload_all()
    return window


def _after_first_list(window, settings: Settings, path: Path) -> None:
    """The deadline monitor (it starts after the lists anyway) and the day's backup (a copy
    of the whole file) once the first list is on screen; not in the middle of a restore
    (the window is disabled then, the database closed): once it is over."""
    if not window.isEnabled():
        QTimer.singleShot(RESTORE_RETRY_MS, window,
                          lambda: _after_first_list(window, settings, path))
        return
    window.start_monitor()
    start_daily_backup(window, settings, path)


def prepare(app: QApplication, settings: Settings) -> str:
    """Language, colours and icon from the settings, before any window; the language used."""
    language = install_translator(app, resolve_language(settings.get("ui.language")))
    apply_theme(app, settings.get("ui.theme"))
    app.setWindowIcon(app_icon())
    return language


def run_window(app: QApplication, db_path, settings: Settings) -> int:
    """The normal start: one instance, the first-run wizard if needed, then the window."""
    language = prepare(app, settings)
    instance = SingleInstance()
    if not instance.claim():
        return 0                      # the running AfterDesk comes forward instead
    # Later launches are answered from shortly after the start (after the first paint of a
    # normal start, or in the wizard or the upgrade); until then they wait for this one.
    QTimer.singleShot(LISTEN_AFTER_MS, instance, instance.listen)
    app.aboutToQuit.connect(instance.stop_listening)
    try:
        if needs_first_run(settings, db_path):
            load_cjk_font(app)
            from ui.first_run.run import run_first_run  # the wizard: docs/start.md
            db_path = run_first_run(settings, language)
            if db_path is None:
                return 0
            install_translator(app, resolve_language(settings.get("ui.language")))
        window = open_window(app, db_path, settings)
        if window is None:
            return EXIT_DATABASE_PROBLEM
        instance.show_requested.connect(lambda: bring_forward(window))
        QTimer.singleShot(0, window, lambda: show_previous_crash(window))
        code = app.exec()
        wait_for_background()
        close_database()
        log.info("AfterDesk closed (%s)", code)
        return code
    finally:
        instance.release()


def show_previous_crash(parent) -> None:
    """The report of a hard crash that ended the previous run, once (install_faulthandler
    moved it aside: the next start does not show it again)."""
    from app.logging_setup import previous_crash
    found = previous_crash()
    if found is None:
        return
    text, where = found
    log.warning("the previous run ended in a hard crash; its report: %s", where)
    from ui.crash_dialog import CrashDialog
    CrashDialog(text, where, parent, previous_run=True).exec()


def main(argv=None, db_path=None, smoke: bool = False) -> int:
    """Run the window until it is closed; the process exit code.
    With `smoke`, a self-test on a temporary demo database (see ui.smoke)."""
    log_dir = paths.log_dir()
    log_file = setup_logging(log_dir, logging.INFO)
    install_faulthandler(log_dir)
    previous_hook = install_excepthook()
    previous_qt_handler = install_qt_message_handler()
    log.info("AfterDesk starting; log %s", log_file)
    try:
        app = application(argv)
        if smoke:
            from ui.smoke import run_smoke  # docs/start.md
            prepare(app, Settings())
            return run_smoke(app, open_window)
        return run_window(app, db_path, Settings())
    finally:
        restore_qt_message_handler(previous_qt_handler)
        sys.excepthook = previous_hook
