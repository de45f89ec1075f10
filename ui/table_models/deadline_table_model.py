"""Deadlines of open cases, orders and conversations, with a live countdown.

Rows are `app.rules.deadline.Deadline`s; `set_now` moves the countdown column on. With
`grouped=True` the rows come under headers "Overdue (n)", "Due today", "This week",
"Later" (app.services.clocks.deadline_groups, in the rep's time zone); a header row is a
`GroupHeader` and the view spans it over the whole width.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from app.clock import utcnow
from app.rules.deadline import Deadline
from app.services.clocks import deadline_groups
from ui.cases.words import deadline_words
from ui.formatting import countdown_text, local_time_text
from ui.labels import DEADLINE_STATES, word
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor



@dataclass(frozen=True)
class GroupHeader:
    key: str            # deadline_groups.GROUPS
    count: int


# The group titles of app.services.clocks.deadline_groups.TITLES, for translators.
GROUP_TITLES = {
    "overdue": QT_TRANSLATE_NOOP("DeadlineTableModel", "Overdue"),
    "today": QT_TRANSLATE_NOOP("DeadlineTableModel", "Due today"),
    "week": QT_TRANSLATE_NOOP("DeadlineTableModel", "This week"),
    "later": QT_TRANSLATE_NOOP("DeadlineTableModel", "Later"),
    "unknown": QT_TRANSLATE_NOOP("DeadlineTableModel", "Time unknown"),
}


def _subject(d: Deadline) -> str:
    if d.case_id:
        return d.case_id
    if d.order_no:
        return QCoreApplication.translate("DeadlineTableModel", "Order {0}").format(d.order_no)
    if d.conversation_id is not None:
        return QCoreApplication.translate("DeadlineTableModel",
                                          "Conversation {0}").format(d.conversation_id)
    return ""


class DeadlineTableModel(ListTableModel):
    """`warn_within`: a pending deadline due within this span shows in the warning colour."""

    COUNTDOWN_COLUMN = 1

    def __init__(self, parent=None, *, now: datetime | None = None,
                 warn_within: timedelta = timedelta(hours=24), grouped: bool = False,
                 zone: tzinfo | None = None):
        super().__init__(parent)
        self._now = now or utcnow()
        self._warn_within = warn_within
        self.grouped = grouped
        self.zone = zone                  # the rep's zone; None: the computer's
        self._deadlines: list[Deadline] = []
        self._membership: tuple = ()
        # What the groups and the badge depend on besides the rows: the day and week
        # boundaries, and which pending deadlines are past. A tick that changes neither
        # (nearly every one) only repaints the countdowns.
        self._pending_dues: list[datetime] = []
        self._bounds = None
        self._badge: int | None = None
        self.columns = (
            Column("Due", lambda d: local_time_text(d.due_at), width=TIME_SAMPLE,
                   foreground=self._colour),
            Column("Time left", self._countdown, width=16, foreground=self._colour,
                   bold=self._is_urgent),
            Column("Case / order", _subject, width=16),
            Column("Shop", lambda d: d.shop, width=10),
            Column("Rule", lambda d: d.rule, width=7,
                   tooltip=lambda d: f"Rule {d.rule} ({d.kind})"),
            Column("What", lambda d: deadline_words(d.label), width=48, foreground=self._colour),
            Column("To do", lambda d: deadline_words(d.action), width=40, foreground=self._colour),
        )

    @property
    def now(self) -> datetime:
        return self._now

    def set_rows(self, rows) -> None:
        self._deadlines = list(rows)
        self._pending_dues = sorted(d.due_at for d in self._deadlines if d.state == "pending")
        self._bounds = deadline_groups.boundaries(self._now, self.zone)
        self._badge = None
        if not self.grouped:
            super().set_rows(self._deadlines)
            return
        groups = deadline_groups.grouped(self._deadlines, self._now, self.zone)
        self._membership = tuple((k, tuple(id(d) for d in v)) for k, v in groups.items())
        flat: list = []
        for key, items in groups.items():
            if items:
                flat.append(GroupHeader(key, len(items)))
                flat.extend(items)
        super().set_rows(flat)

    def header_rows(self) -> list[int]:
        return [n for n, r in enumerate(self._rows) if isinstance(r, GroupHeader)]

    def group_counts(self) -> dict[str, int]:
        return {r.key: r.count for r in self._rows if isinstance(r, GroupHeader)}

    def badge_count(self) -> int:
        """Deadlines to act on that are overdue or due today (the navigation badge)."""
        if self._badge is None:
            self._badge = deadline_groups.badge_count(self._deadlines, self._now, self.zone)
        return self._badge

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and 0 <= index.row() < len(self._rows):
            row = self._rows[index.row()]
            if isinstance(row, GroupHeader):
                return self._header_data(row, index.column(), role)
        return super().data(index, role)

    def _header_data(self, header: GroupHeader, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            if column != 0:
                return ""
            title = GROUP_TITLES.get(header.key) or deadline_groups.TITLES[header.key]
            return f"{QCoreApplication.translate('DeadlineTableModel', title)} ({header.count})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and header.key == "overdue":
            return qcolor("error")
        return None

    def set_now(self, now: datetime) -> None:
        """Move the clock: the countdown and the colours change, nothing else (grouped: a
        deadline that moved to another group, e.g. became overdue, is regrouped in memory)."""
        before, self._now = self._now, now
        bounds = deadline_groups.boundaries(now, self.zone)
        moved = (bounds != self._bounds
                 or bisect_left(self._pending_dues, now) != bisect_left(self._pending_dues,
                                                                       before))
        self._bounds = bounds
        if moved:
            self._badge = None
        if self.grouped and self._deadlines and moved:
            groups = deadline_groups.grouped(self._deadlines, now, self.zone)
            membership = tuple((k, tuple(id(d) for d in v)) for k, v in groups.items())
            if membership != self._membership:
                self.set_rows(self._deadlines)
                return
        if self._rows:
            last = self.index(len(self._rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last,
                                  [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                   Qt.ItemDataRole.FontRole])

    def deadline(self, row: int) -> Deadline | None:
        """The deadline of table row `row` (None for a group header)."""
        found = self._rows[row]
        return None if isinstance(found, GroupHeader) else found

    def _countdown(self, d: Deadline) -> str:
        if d.state != "pending":
            return word(DEADLINE_STATES, d.state)
        return countdown_text(d.due_at, self._now)

    def _is_overdue(self, d: Deadline) -> bool:
        if d.due_at is None:
            return False
        # Met by an action at or before the due instant; missed from due + 1 s.
        return d.state == "missed" or (d.state == "pending" and self._now > d.due_at)

    def _is_urgent(self, d: Deadline) -> bool:
        if d.informational or d.state != "pending":
            return False
        return self._is_overdue(d) or d.due_at - self._now <= self._warn_within

    def _colour(self, d: Deadline):
        if d.informational or d.state == "met":
            return qcolor("muted")
        if self._is_overdue(d):
            return qcolor("error")
        if self._is_urgent(d):
            return qcolor("warning")
        return None
