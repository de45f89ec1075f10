"""Deadline alerts as system-tray notifications, where the desktop has a tray.

Alerts arriving together (after a resume, or many deadlines at one instant) become one
notification, so the rep is not flooded.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon
from ui.alert_words import alert_words

GATHER_MS = 300


class TrayNotifier(QObject):
    activated = Signal()       # the rep clicked the icon or a notification

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("AfterDesk")
        self.icon.activated.connect(lambda _reason: self.activated.emit())
        self.icon.messageClicked.connect(self.activated.emit)
        self.icon.show()
        self._waiting: list[str] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._flush)

    def show_alert(self, payload: dict) -> None:
        self._waiting.append(alert_words(payload))
        self._timer.start()

    def _flush(self) -> None:
        texts, self._waiting = self._waiting, []
        if not texts:
            return
        title = self.tr("Deadline") if len(texts) == 1 else \
            self.tr("{0} deadlines need attention").format(len(texts))
        body = texts[0] if len(texts) == 1 else "\n".join(texts[:3]) + (
            "\n…" if len(texts) > 3 else "")
        self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning)

    def hide(self) -> None:
        self.icon.hide()


def make_tray(parent: QObject | None = None) -> TrayNotifier | None:
    """A tray notifier, or None when the desktop has no system tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    return TrayNotifier(parent)
