"""What the rep sees when something goes wrong.

Expected problems (a service refusing bad input, a locked or read-only database)
get a plain message box that says what to do. Anything else is a bug: its
traceback goes to the log file and a crash dialog points at that file. The
excepthook catches exceptions escaping Qt slots and callbacks.
"""

from __future__ import annotations

import errno
import logging
import sys
import traceback

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.services.common.database_file import DatabaseError, SchemaTooNew, expected_problem
from app.logging_setup import current_log_file
from app.errors import RuleRefusal, ServiceError

log = logging.getLogger("afterdesk.ui.errors")

EXPECTED_ERRORS = (ServiceError, DatabaseError, SchemaTooNew)


NO_PRINTER = QT_TRANSLATE_NOOP(
    "problems", "No printer is set up on this computer. Add one in Windows Settings › "
                "Bluetooth & devices › Printers & scanners, or save the document as PDF instead.")
NOT_TEXT = QT_TRANSLATE_NOOP(
    "problems", "The file could not be read: it is not text in a format AfterDesk knows "
                "(UTF-8). Save it again as UTF-8, or choose another file.")


class NoPrinterError(Exception):
    """Printing was asked for but Windows knows no printer."""

    def __init__(self, message: str = ""):
        super().__init__(message or NO_PRINTER)


# Problems of the computer, not of AfterDesk: the rep (or whoever looks after the PC) can fix them.
_OS_PROBLEMS = {
    errno.ENOSPC: QT_TRANSLATE_NOOP(
        "problems", "The disk is full, so {what} could not be written. Free some space (empty "
                    "the Recycle Bin, delete large downloads), then try again."),
    errno.EACCES: QT_TRANSLATE_NOOP(
        "problems", "AfterDesk may not use {what}. Check that the file is not open in another "
                    "program and not marked read-only, or choose another place."),
    errno.EROFS: QT_TRANSLATE_NOOP(
        "problems", "{what} is on a read-only drive. Choose a place on a writable drive."),
    errno.ENOENT: QT_TRANSLATE_NOOP(
        "problems", "{what} does not exist (any more). Check the name, or choose the file again."),
    errno.EISDIR: QT_TRANSLATE_NOOP("problems", "{what} is a folder, not a file. Choose a file."),
}
_OS_PROBLEMS[errno.EPERM] = _OS_PROBLEMS[errno.EACCES]


def _t(text: str) -> str:
    return QCoreApplication.translate("problems", text)


def describe(error: BaseException) -> str:
    """What the rep reads for an expected problem, in the interface language."""
    if isinstance(error, NoPrinterError):
        return _t(str(error))
    if isinstance(error, RuleRefusal) and getattr(error, "key", None):
        from ui.words.refusals import refusal_words
        return refusal_words(error)          # a rule's refusal, in the rep's language
    if getattr(error, "template", None):
        from ui.words.problems import error_words
        return error_words(error)            # input checks, a case's state, the database
    if isinstance(error, UnicodeDecodeError):
        return _t(NOT_TEXT)
    problem = expected_problem(error)       # SQLite's busy, full, read-only… by code
    if problem is not None:
        from ui.words.problems import error_words
        return error_words(problem)
    if isinstance(error, OSError) and error.errno in _OS_PROBLEMS:
        what = QCoreApplication.translate("problems", "the file {0}").format(error.filename) if error.filename else QCoreApplication.translate("problems", "the file")
        text = _t(_OS_PROBLEMS[error.errno]).format(what=what)
        return text[0].upper() + text[1:]
    return str(error) or type(error).__name__


_showing = {"crash": False}   # one crash dialog at a time; a crash inside it only logs


class ExpectedErrorBox(QMessageBox):
    """A refusal or a problem the rep can act on: the message itself says what to do."""

    def __init__(self, error: BaseException, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("AfterDesk")
        self.setText(describe(error))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


def is_expected(error: BaseException) -> bool:
    if isinstance(error, (*EXPECTED_ERRORS, NoPrinterError, UnicodeDecodeError)):
        return True
    if expected_problem(error) is not None:
        return True
    return isinstance(error, OSError) and error.errno in _OS_PROBLEMS


def show_expected_error(error: BaseException, parent: QWidget | None = None) -> None:
    log.warning("shown to the rep: %s: %s", type(error).__name__, error)
    if QApplication.instance() is None:
        print(f"AfterDesk: {describe(error)}", file=sys.stderr)
        return
    ExpectedErrorBox(error, parent or QApplication.activeWindow()).exec()


def show_crash(exc_type, exc, tb, parent: QWidget | None = None) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.critical("unexpected error\n%s", details.rstrip())
    if QApplication.instance() is None or _showing["crash"]:
        return
    _showing["crash"] = True
    try:
        from ui.crash_dialog import CrashDialog     # loaded when first needed
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
