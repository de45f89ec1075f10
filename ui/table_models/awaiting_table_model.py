"""Conversations awaiting their buyer (rows of app.services.aftercare.followups.awaiting_buyer), with
the buyer's local time and whether it is daytime there, counting live."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.clock import utcnow
from app.rules.timeconv import to_zone
from app.services.aftercare.followups import AwaitingRow
from ui.formatting import countdown_text, day_name, local_time_text
from ui.labels import CHANNELS, FOLLOW_UP_REASONS, FOLLOW_UP_STATUSES, word
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor



class AwaitingTableModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._now = utcnow()
        self.columns = (
            Column("Buyer", lambda r: r.buyer_name or r.buyer, width=14,
                   bold=lambda r: r.status == "due"),
            Column("Buyer's time", self._buyer_time, width="Tue 23:59 night", tooltip=self._zone,
                   foreground=self._day_colour),
            Column("Status", lambda r: word(FOLLOW_UP_STATUSES, r.status), width=15,
                   foreground=lambda r: qcolor("error") if r.status == "due" else None),
            Column("Next follow-up", self._next, width=TIME_SAMPLE + " (overdue 23 d 23 h)"),
            Column("By", lambda r: word(CHANNELS, r.channel), width=13),
            Column("Sent", lambda r: f"{r.follow_ups_sent}/{r.maximum}", width=4),
            Column("Waiting since", lambda r: local_time_text(r.awaiting_since), width=TIME_SAMPLE),
            Column("Order", lambda r: r.order_no or "", width="8000000000000000"),
            Column("Reason", lambda r: word(FOLLOW_UP_REASONS, r.reason), width=14),
            Column("Subject", lambda r: r.subject, width=30),
        )

    def set_now(self, now) -> None:
        self._now = now
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def awaiting_row(self, row: int) -> AwaitingRow:
        return self._rows[row]

    def _buyer_time(self, r: AwaitingRow) -> str:
        local = to_zone(self._now, r.buyer_zone)
        when = (QCoreApplication.translate("AwaitingTableModel", "day")
                if r.buyer_is_awake(self._now)
                else QCoreApplication.translate("AwaitingTableModel", "night"))
        return f"{day_name(local)} {local:%H:%M} {when}"

    def _zone(self, r: AwaitingRow) -> str:
        return f"{r.buyer_zone} ({r.country or '?'}); daytime {r.day_start}–{r.day_end}"

    def _day_colour(self, r: AwaitingRow):
        return qcolor("ok" if r.buyer_is_awake(self._now) else "muted")

    def _next(self, r: AwaitingRow) -> str:
        if r.due_at is None:
            return ""
        return f"{local_time_text(r.due_at)} ({countdown_text(r.due_at, self._now)})"
