"""The deadline monitor seen from the window: a QObject on the GUI thread whose signals the
monitor thread emits.

The monitor thread only emits; Qt queues each emission to the GUI thread because the
bridge lives there, so every slot connected to `alert`, `error` and `summary` runs on the
GUI thread, where touching widgets is safe.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from app.monitor import make_monitor
from app.monitor.schedule import PLATFORM

log = logging.getLogger("afterdesk.ui.monitor")


class MonitorBridge(QObject):
    alert = Signal(dict)        # one alert (app.monitor.summary.alert_payload)
    error = Signal(str)         # a problem inside the monitor, for the rep
    summary = Signal(object)    # app.monitor.summary.DueSummary (a str with its counts)
    cases_changed = Signal()    # the monitor recorded what the platform did

    def __init__(self, settings=None, parent: QObject | None = None, **options):
        super().__init__(parent)
        self._settings = settings
        self._options = options
        self.monitor = None
        self.alert.connect(self._after_alert, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        """Start the monitor thread (the database must be open)."""
        if self.monitor is not None and self.monitor.is_alive():
            return
        self.monitor = make_monitor(self._settings, on_alert=self.alert.emit,
                                    on_error=self.error.emit, on_summary=self.summary.emit,
                                    **self._options)
        self.monitor.start()
        app = QGuiApplication.instance()
        if app is not None:
            # Back from sleep or another program: read the clock again at once.
            app.applicationStateChanged.connect(self._state_changed)
        log.info("deadline monitor started")

    @property
    def started(self) -> bool:
        return self.monitor is not None

    def stop(self, timeout: float = 1.0) -> bool:
        """End the monitor thread; True when it has ended within `timeout` seconds."""
        if self.monitor is None:
            return True
        app = QGuiApplication.instance()
        if app is not None:
            try:
                app.applicationStateChanged.disconnect(self._state_changed)
            except (RuntimeError, TypeError):
                pass
        ended = self.monitor.stop(timeout)
        if not ended:
            log.warning("deadline monitor still busy after %.1f s; left to end with the app",
                        timeout)
        return ended

    def notify_changed(self) -> None:
        if self.monitor is not None:
            self.monitor.notify_changed()

    def wake(self) -> None:
        if self.monitor is not None:
            self.monitor.wake()

    def _state_changed(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.wake()

    def _after_alert(self, payload: dict) -> None:
        if payload.get("step") == PLATFORM and payload.get("applied"):
            self.cases_changed.emit()
