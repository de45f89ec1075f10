"""Logging for the whole process: a rotating file in the log folder plus stderr.

Every logger of AfterDesk is named 'afterdesk.<part>' (afterdesk.db, afterdesk.ui,
afterdesk.qt ...); the handlers hang on the 'afterdesk' parent so a rep can send
one file when something goes wrong.
"""

from __future__ import annotations

import atexit
import faulthandler
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "afterdesk.log"
FAULT_FILE_NAME = "faults.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"

_MARK = "_afterdesk_handler"
PREVIOUS_FAULT_FILE_NAME = "faults.previous.log"
_state: dict = {"log_file": None, "fault_file": None, "previous_crash": None}


def setup_logging(log_dir: str | Path, level: int | str = logging.INFO) -> Path:
    """Send 'afterdesk.*' records to <log_dir>/afterdesk.log (rotating) and stderr.

    Calling it again replaces the handlers it installed before. Returns the log file path.
    """
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / LOG_FILE_NAME
    logger = logging.getLogger("afterdesk")
    teardown_logging()

    formatter = logging.Formatter(FORMAT)
    file_handler = RotatingFileHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                       encoding="utf-8")
    file_handler.rotator = _rotate_file
    stderr_handler = logging.StreamHandler(sys.stderr)
    for handler in (file_handler, stderr_handler):
        handler.setFormatter(formatter)
        setattr(handler, _MARK, True)
        logger.addHandler(handler)
    stderr_handler.setLevel(logging.WARNING)
    logger.setLevel(level)
    _state["log_file"] = log_file
    return log_file


def _rotate_file(source: str, target: str) -> None:
    """The rotation's move of the full log file. When it cannot be moved (Windows: another
    program has it open) the log goes on in the same file, and the move is tried again at
    the next record: nothing is lost."""
    try:
        os.replace(source, target)
    except OSError:
        pass


def teardown_logging() -> None:
    """Remove the handlers `setup_logging` installed (and close the file)."""
    logger = logging.getLogger("afterdesk")
    for handler in list(logger.handlers):
        if getattr(handler, _MARK, False):
            logger.removeHandler(handler)
            handler.close()
    _state["log_file"] = None


def current_log_file() -> Path | None:
    """The file records go to, or None before `setup_logging`."""
    return _state["log_file"]


def install_faulthandler(log_dir: str | Path) -> Path:
    """Write a traceback of every thread to <log_dir>/faults.log on a hard crash.

    What a crash of the previous run wrote there is moved aside first (to
    faults.previous.log, replacing an older one) and kept for `previous_crash()`, so it is
    shown once at this start, and faults.log holds this run's crash alone."""
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / FAULT_FILE_NAME
    close_faulthandler()
    _state["previous_crash"] = _move_aside(path)
    handle = open(path, "w", encoding="utf-8")  # kept open: faulthandler writes to its fd
    faulthandler.enable(file=handle, all_threads=True)
    if not _state.get("closes_at_exit"):
        atexit.register(close_faulthandler)     # a clean exit closes it; a crash needs it
        _state["closes_at_exit"] = True
    _state["fault_file"] = handle
    return path


def close_faulthandler() -> None:
    """Stop writing crash reports and close faults.log (at a clean exit)."""
    if _state["fault_file"] is not None:
        faulthandler.disable()
        _state["fault_file"].close()
        _state["fault_file"] = None


def _move_aside(path: Path) -> tuple[str, Path] | None:
    """The text of a crash report left at `path` and where it now is; None when there is
    none (the file is empty after every run that did not crash)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return None
    if not text:
        return None
    aside = path.with_name(PREVIOUS_FAULT_FILE_NAME)
    try:
        os.replace(path, aside)
    except OSError:
        aside = path            # it stays (and is overwritten by this run's file)
    return text, aside


def previous_crash() -> tuple[str, Path] | None:
    """Once: the report of the hard crash that ended the previous run (its text, and the
    file it was moved to), found by `install_faulthandler`; None when there was none."""
    found, _state["previous_crash"] = _state["previous_crash"], None
    return found
