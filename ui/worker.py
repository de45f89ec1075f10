"""Run slow work off the window's thread and hand the outcome back to it.

`run_in_background(fn, on_result, on_error)` calls `fn()` on a pool thread; the
result (or the exception) travels back through a queued signal, so both callbacks
run on the GUI thread, where touching widgets is safe. Nothing here touches a
widget from the pool thread.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from ui.errors import report_exception

log = logging.getLogger("afterdesk.ui.worker")

_pending: set["_Relay"] = set()   # relays waiting for delivery (keeps them alive)


class _Relay(QObject):
    """Lives on the GUI thread; its signal crosses from the pool thread to it."""

    finished = Signal(object, object)   # (result, exception)

    def __init__(self, on_result, on_error, context):
        super().__init__()
        self._on_result = on_result
        self._on_error = on_error
        self._context = context
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _deliver(self, result, error) -> None:
        _pending.discard(self)
        self.deleteLater()
        if self._context is not None and not shiboken6.isValid(self._context):
            log.debug("background result dropped: its window part is gone")
            return
        if error is None:
            if self._on_result is not None:
                self._on_result(result)
        elif self._on_error is not None:
            self._on_error(error)
        else:
            report_exception(error)


class _Job(QRunnable):
    def __init__(self, fn, relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as is
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


def run_in_background(fn, on_result=None, on_error=None, *, context: QObject | None = None) -> None:
    """Call `fn()` on a pool thread; then `on_result(result)` or `on_error(exception)` on the
    GUI thread. Without `on_error` the exception goes to the usual error report. When
    `context` (a widget) has been destroyed meanwhile, neither callback is called.
    Must be called from the GUI thread."""
    relay = _Relay(on_result, on_error, context)
    _pending.add(relay)
    QThreadPool.globalInstance().start(_Job(fn, relay))


def wait_for_background(msecs: int = 10_000) -> bool:
    """Block until every started job has finished (closing the app, tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
