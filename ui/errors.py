"""What the rep sees when something goes wrong.

Expected problems (a service refusing bad input, a locked or read-only database)
get a plain message box that says what to do. Anything else is a bug: its
traceback goes to the log file and a crash dialog points at that file. The
excepthook catches exceptions escaping Qt slots and callbacks.
"""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.db import DatabaseError
from app.logging_setup import current_log_file
from app.migrations import SchemaTooNew
from app.services.errors import ServiceError
from ui.crash_dialog import CrashDialog

log = logging.getLogger("afterdesk.ui.errors")

EXPECTED_ERRORS = (ServiceError, DatabaseError, SchemaTooNew)

_showing = {"crash": False}   # one crash dialog at a time; a crash inside it only logs


class ExpectedErrorBox(QMessageBox):
    """A refusal or a problem the rep can act on: the message itself says what to do."""

    def __init__(self, error: BaseException, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("AfterDesk")
        self.setText(str(error) or type(error).__name__)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


def is_expected(error: BaseException) -> bool:
    return isinstance(error, EXPECTED_ERRORS)


def show_expected_error(error: BaseException, parent: QWidget | None = None) -> None:
    log.warning("shown to the rep: %s: %s", type(error).__name__, error)
    if QApplication.instance() is None:
        print(f"AfterDesk: {error}", file=sys.stderr)
        return
    ExpectedErrorBox(error, parent or QApplication.activeWindow()).exec()


def show_crash(exc_type, exc, tb, parent: QWidget | None = None) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.critical("unexpected error\n%s", details.rstrip())
    if QApplication.instance() is None or _showing["crash"]:
        return
    _showing["crash"] = True
    try:
        CrashDialog(details, current_log_file(), parent or QApplication.activeWindow()).exec()
    finally:
        _showing["crash"] = False


def report_exception(error: BaseException, parent: QWidget | None = None) -> None:
    """Show `error` the way its kind deserves (message box or crash dialog)."""
    if is_expected(error):
        show_expected_error(error, parent)
    else:
        show_crash(type(error), error, error.__traceback__, parent)


def excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        log.info("interrupted")
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return
    try:
        if exc is not None and is_expected(exc):
            show_expected_error(exc)
        else:
            show_crash(exc_type, exc, tb)
    except Exception:  # noqa: BLE001 - the hook must never raise
        log.exception("the error report itself failed")
        sys.__excepthook__(exc_type, exc, tb)


def install_excepthook():
    """Route uncaught exceptions to `excepthook`; returns the hook it replaced."""
    previous = sys.excepthook
    sys.excepthook = excepthook
    return previous
