"""A long evidence job (build, prepare to print) on a pool thread, with progress and cancel,
through the window's write helper (ui/write_op.py): its problem is reported as every
write's, and what it wrote is announced.

The job function gets `progress(percent, text)` and `cancel()`; progress crosses back to
the window's thread through a queued signal, so the bar moves while the window stays live.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from app.evidence.pdf import BuildCancelled
from ui.errors import show_expected_error
from ui.write_op import run_write_in_background


class EvidenceJob(QObject):
    progressed = Signal(int, str)
    finished = Signal(object)          # the job's result
    failed = Signal(object)            # the exception (BuildCancelled when cancelled)

    def __init__(self, parent):
        super().__init__(parent)
        self._cancel = threading.Event()
        self.running = False

    def start(self, fn, *, changes, refs=()) -> None:
        """Run `fn(progress, cancel)` off the window's thread; `changes` and `refs` as for
        run_write: what it writes."""
        self._cancel.clear()
        self.running = True
        progress = self.progressed.emit
        cancelled = self._cancel.is_set
        run_write_in_background(self.parent(), lambda: fn(progress, cancelled),
                                changes=changes, refs=refs, on_done=self._done,
                                on_failed=self._error, on_refused=self._refused)

    def cancel(self) -> None:
        self._cancel.set()

    def _done(self, result) -> None:
        self.running = False
        self.finished.emit(result)

    def _error(self, error) -> None:
        self.running = False
        self.failed.emit(error)

    def _refused(self, error) -> None:
        """A cancel is shown on the page's progress line; any other refusal as usual."""
        if not isinstance(error, BuildCancelled):
            show_expected_error(error, self.parent())
