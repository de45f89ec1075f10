"""Logging for the whole process: a rotating file in the log folder plus stderr.

Every logger of AfterDesk is named 'afterdesk.<part>' (afterdesk.db, afterdesk.ui,
afterdesk.qt ...); the handlers hang on the 'afterdesk' parent so a rep can send
one file when something goes wrong.
"""

from __future__ import annotations

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
_state: dict = {"log_file": None, "fault_file": None}


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
    file_handler.rotator = _move_aside
    stderr_handler = logging.StreamHandler(sys.stderr)
    for handler in (file_handler, stderr_handler):
        handler.setFormatter(formatter)
        setattr(handler, _MARK, True)
        logger.addHandler(handler)
    stderr_handler.setLevel(logging.WARNING)
    logger.setLevel(level)
    _state["log_file"] = log_file
    return log_file


def _move_aside(source: str, target: str) -> None:
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
    """Write a traceback of every thread to <log_dir>/faults.log on a hard crash."""
    log_dir = Path(log_dir)
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / FAULT_FILE_NAME
    if _state["fault_file"] is not None:
        faulthandler.disable()
        _state["fault_file"].close()
    handle = open(path, "a", encoding="utf-8")  # kept open: faulthandler writes to its fd
    faulthandler.enable(file=handle, all_threads=True)
    _state["fault_file"] = handle
    return path
