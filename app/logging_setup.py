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
    file_handler = RotatingLog(log_file, MAX_BYTES, BACKUP_COUNT)
    stderr_handler = logging.StreamHandler(sys.stderr)
    for handler in (file_handler, stderr_handler):
        handler.setFormatter(formatter)
        setattr(handler, _MARK, True)
        logger.addHandler(handler)
    stderr_handler.setLevel(logging.WARNING)
    logger.setLevel(level)
    _state["log_file"] = log_file
    return log_file


class RotatingLog(logging.FileHandler):
    """The log file, kept under `max_bytes`: a record that would take it past that first
    turns it into afterdesk.log.1 (the older ones move up to .2 … .`backups`, the oldest
    goes) and starts a new file. With no backups (or no size) the file just grows. When
    the file cannot be moved (Windows: another program has it open), it keeps growing
    and the next try comes after another tenth of `max_bytes`. (logging.handlers has a
    similar handler; loading that module costs a window start about 3 ms.)"""

    def __init__(self, path: str | Path, max_bytes: int, backups: int):
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups
        self._next_try = 0      # the size from which a failed move is tried again
        # Windows writes a line end as two bytes.
        self._line_end_bytes = len(os.linesep.encode("ascii"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = self.format(record) + self.terminator
            if self.stream is None:
                self.stream = self._open()
            if self._rotation_due(text):
                self._rotate()
            self.stream.write(text)
            self.flush()
        except RecursionError:
            raise
        except Exception:       # as every logging handler does: never fail the caller
            self.handleError(record)

    def _rotation_due(self, text: str) -> bool:
        if self.backups <= 0 or self.max_bytes <= 0:
            return False
        written = self.stream.tell()
        size = len(text.encode("utf-8", "replace")) + \
            text.count("\n") * (self._line_end_bytes - 1)
        return written > 0 and written + size > self.max_bytes and written >= self._next_try

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None
        base = self.baseFilename
        moving = f"{base}.moving"
        try:
            os.replace(base, moving)            # first the file itself: it may be held open
        except OSError:
            self._next_try = os.path.getsize(base) + self.max_bytes // 10
            self.stream = self._open()
            return
        for number in range(self.backups - 1, 0, -1):
            older = f"{base}.{number}"
            if os.path.exists(older):
                try:
                    os.replace(older, f"{base}.{number + 1}")
                except OSError:
                    pass                        # that older file stays where it is
        try:
            os.replace(moving, f"{base}.1")
        except OSError:
            pass            # left as afterdesk.log.moving (replaced at the next rotation)
        self._next_try = 0
        self.stream = self._open()


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
    if _state["fault_file"] is not None:
        faulthandler.disable()
        _state["fault_file"].close()
        _state["fault_file"] = None
    _state["previous_crash"] = _move_aside(path)
    handle = open(path, "w", encoding="utf-8")  # kept open: faulthandler writes to its fd
    faulthandler.enable(file=handle, all_threads=True)
    _state["fault_file"] = handle
    return path


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
