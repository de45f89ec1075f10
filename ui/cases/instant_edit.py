"""When something happened on the platform: entered in the rep's own time zone, by default
now; handed to the services as a UTC instant."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QDateTimeEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from app.clock import UTC, utcnow

from ui.tones import style_text


def local_zone_name() -> str:
    now = datetime.now().astimezone()
    offset = now.strftime("%z")
    return f"{now.tzname()} (UTC{offset[:3]}:{offset[3:]})"


class InstantEdit(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QDateTimeEdit()
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.edit.setCalendarPopup(True)
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.clicked.connect(self.set_now)
        self.zone = QLabel(self.tr("your time, {0}").format(local_zone_name()))
        style_text(self.zone, "muted")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.now_button)
        layout.addWidget(self.zone, 1)
        self.edit.dateTimeChanged.connect(lambda _v: self.changed.emit())
        self.set_now()

    def set_now(self) -> None:
        self.set_instant(utcnow())

    def set_instant(self, value: datetime) -> None:
        """Show the aware instant `value` in the rep's local time."""
        local = value.astimezone().replace(tzinfo=None)
        self.edit.setDateTime(QDateTime(local.date(), local.time()))

    def instant(self) -> datetime:
        """The entered local time as an aware UTC instant."""
        local: datetime = self.edit.dateTime().toPython().replace(microsecond=0)
        return local.astimezone().astimezone(UTC)
