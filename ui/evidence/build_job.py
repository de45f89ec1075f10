"""A long evidence job (build, prepare to print) on a pool thread, with progress and cancel.

The job function gets `progress(percent, text)` and `cancel()`; progress crosses back to
the window's thread through a queued signal, so the bar moves while the window stays live.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from app.services.common.background import run_read
from ui.worker import run_in_background


class EvidenceJob(QObject):
    progressed = Signal(int, str)
    finished = Signal(object)          # the job's result
    failed = Signal(object)            # the exception (BuildCancelled when cancelled)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self.running = False

    def start(self, fn) -> None:
        """Run `fn(progress, cancel)` off the window's thread."""
        self._cancel.clear()
        self.running = True
        progress = self.progressed.emit
        cancelled = self._cancel.is_set
        run_in_background(lambda: run_read(fn, progress, cancelled), self._done, self._error,
                          context=self)

    def cancel(self) -> None:
        self._cancel.set()

    def _done(self, result) -> None:
        self.running = False
        self.finished.emit(result)

    def _error(self, error) -> None:
        self.running = False
        self.failed.emit(error)
