"""The buyer's local time for a thread header (rule GEN-7): what time it is where the buyer
lives and whether it is daytime there (09:00-20:00 by default), so a rep in Shenzhen does
not write to São Paulo at 3 in the morning.

    clock = BuyerClock()
    clock.set_buyer("America/Sao_Paulo", country="BR", day=("09:00", "20:00"))

A standalone widget: the thread view embeds it in its header. It updates itself every
30 seconds; `now` can be replaced (tests).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.clock import utcnow
from app.rules.followup import clock_of, is_daytime
from app.rules.timeconv import to_zone
from ui.elided_label import ElidedLabel
from ui.formatting import day_name
from ui.tones import style_text

TICK_MS = 30_000


def zone_place(zone_name: str) -> str:
    """'America/Sao_Paulo' -> 'Sao Paulo'."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


def offset_text(local: datetime) -> str:
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "−"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{mins:02d}"


class BuyerClock(QWidget):
    def __init__(self, parent: QWidget | None = None, *, now=utcnow):
        super().__init__(parent)
        self.now = now
        self.zone: str | None = None
        self.country = ""
        self.day = ("09:00", "20:00")
        # the text never sets the panel's width (a longer place name or the night marker
        # would move the splitters from one conversation to the next): what does not fit
        # ends in "…", the whole line in its tooltip
        self.time_label = ElidedLabel()
        self.marker = ElidedLabel()
        self.time_label.setObjectName("buyerLocalTime")
        self.marker.setObjectName("buyerDaytime")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.time_label)
        layout.addWidget(self.marker)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def set_buyer(self, zone: str | None, *, country: str = "",
                  day: tuple[str, str] = ("09:00", "20:00")) -> None:
        """Show the time in `zone` (None: no buyer selected); `day` is the buyer's daytime
        from the policy profile (follow_up_day_start, follow_up_day_end)."""
        self.zone, self.country, self.day = zone, country, day
        self.refresh()

    def is_daytime(self) -> bool | None:
        if not self.zone:
            return None
        return is_daytime(self.now(), self.zone, clock_of(self.day[0]), clock_of(self.day[1]))

    def refresh(self) -> None:
        if not self.zone:
            self.time_label.setText("")
            self.marker.setText("")
            return
        local = to_zone(self.now(), self.zone)
        where = zone_place(self.zone) + (f", {self.country}" if self.country else "")
        self.time_label.setText(self.tr("Buyer's local time: %1 %2 (%3, %4)")
                                .replace("%1", day_name(local))
                                .replace("%2", local.strftime("%H:%M"))
                                .replace("%3", where).replace("%4", offset_text(local)))
        awake = self.is_daytime()
        if awake:
            text, colour = self.tr("● daytime there"), "ok"
        else:
            text, colour = self.tr("● night there: outside %1–%2").replace(
                "%1", self.day[0]).replace("%2", self.day[1]), "muted"
        self.marker.setText(text)
        style_text(self.marker, colour, "font-weight: bold;")
        self.setToolTip(self.tr("Follow-ups go out inside the buyer's daytime, %1–%2 their "
                                "time.").replace("%1", self.day[0])
                        .replace("%2", self.day[1]))
