"""The queue of disputes, after-sales requests and complaints (rows of app.services.clocks.queue):
the time left to each case's next due counts down with `set_now`; overdue rows red, rows
due within the warning span amber, settled ones grey."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from app.clock import utcnow
from app.services.clocks import queue as q
from app.services.casework.cases import CaseRow
from ui.cases.words import CASE_TYPES, CAUSES, COMPLAINT_KINDS, STATES, reason_words, w
from ui.formatting import countdown_text, local_time_text
from ui.labels import PLATFORMS, word
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor

TONES = {q.OVERDUE: "error", q.SOON: "warning", q.SETTLED: "muted"}
BACKGROUNDS = {q.OVERDUE: "row.overdue", q.SOON: "row.soon"}


def is_settled(row: CaseRow) -> bool:
    return q.is_settled(row)


def state_words(row: CaseRow) -> str:
    return w(STATES, row.state) if row.type == "complaint" else word({}, row.state)


def reason_text(row: CaseRow) -> str:
    """A request's reason code in the rep's words; a dispute's reason and a complaint's
    buyer words as they are."""
    if row.type == "aftersales":
        return reason_words(row.reason)
    return row.reason.replace("\n", " ")


def kind_words(row: CaseRow) -> str:
    return w(COMPLAINT_KINDS, row.kind) if row.type == "complaint" else word({}, row.kind)


class CaseTableModel(ListTableModel):
    def __init__(self, parent=None, *, now: datetime | None = None,
                 warn_within: timedelta = q.DEFAULT_WARN):
        super().__init__(parent)
        self._now = now or utcnow()
        self._warn = warn_within
        fg = self._colour
        self.columns = (
            Column("Case", lambda r: r.id, width=6, foreground=fg, bold=self._urgent),
            Column("Time left", self._left, width=18, foreground=fg, bold=self._urgent),
            Column("Next due", lambda r: local_time_text(r.next_due_at), width=TIME_SAMPLE,
                   foreground=fg),
            Column("Type", lambda r: w(CASE_TYPES, r.type), width=12, foreground=fg),
            Column("Platform", lambda r: word(PLATFORMS, r.platform), width=9, foreground=fg),
            Column("Shop", lambda r: r.shop, width=9, foreground=fg),
            Column("Order", lambda r: r.order_no, width="8000000000000000", foreground=fg),
            Column("State", state_words, width=16, foreground=fg),
            Column("Kind", kind_words, width=14, foreground=fg),
            Column("Cause", lambda r: w(CAUSES, r.cause), width=11, foreground=fg),
            Column("Opened", lambda r: local_time_text(r.opened_at), width=TIME_SAMPLE,
                   foreground=fg),
            Column("Reason", reason_text, width=30, foreground=fg),
        )

    @property
    def now(self) -> datetime:
        return self._now

    def set_now(self, now: datetime) -> None:
        """Move the countdown on: texts and colours change, the rows stay where they are."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                   Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole])

    def case_row(self, row: int) -> CaseRow:
        return self._rows[row]

    def row_of(self, ref: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == ref), -1)

    def urgency(self, row: CaseRow) -> str:
        return q.urgency(row, self._now, self._warn)

    def _left(self, row: CaseRow) -> str:
        if q.is_settled(row):
            return self.tr("settled")
        if row.next_due_at is None:
            return self.tr("nothing due")
        return countdown_text(row.next_due_at, self._now)

    def _urgent(self, row: CaseRow) -> bool:
        return self.urgency(row) in (q.OVERDUE, q.SOON)

    def _colour(self, row: CaseRow):
        colour = TONES.get(self.urgency(row))
        return qcolor(colour) if colour else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.BackgroundRole and index.isValid()
                and 0 <= index.row() < len(self._rows)):
            colour = BACKGROUNDS.get(self.urgency(self._rows[index.row()]))
            return qcolor(colour) if colour else None
        return super().data(index, role)
