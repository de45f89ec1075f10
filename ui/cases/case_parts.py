"""Parts of the case view: the three proposals side by side (AE-9), the deadlines with
their countdown and the timeline. Each is filled from app.services.casework.case_view.CaseDetail;
the countdown moves on with `tick(now)`, which only changes texts."""

from __future__ import annotations

from datetime import datetime, timedelta


from PySide6.QtWidgets import (QAbstractItemView, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget)

from ui.cases.words import (ACTORS, PARTIES, PROPOSAL_STATUSES, SOLUTIONS, STATES,
                            deadline_words, event_words, w)
from ui.formatting import countdown_text, local_time_text
from ui.tones import qcolor, style_text

OVERDUE, SOON, MUTED = "error", "warning", "muted"      # tones
WARN_WITHIN = timedelta(hours=24)


def small_table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ProposalsRow(QWidget):
    """Buyer's, seller's and platform's proposals side by side (AE-9)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, tuple[QGroupBox, QLabel, QLabel, QLabel]] = {}
        for party in ("buyer", "seller", "platform"):
            box = QGroupBox(w(PARTIES, party))
            form = QFormLayout(box)
            solution, status, note = QLabel(), QLabel(), QLabel()
            for label in (solution, status, note):
                label.setWordWrap(True)
            font = solution.font()
            font.setBold(True)
            solution.setFont(font)
            form.addRow(solution)
            form.addRow(status)
            form.addRow(note)
            layout.addWidget(box, 1)
            self.boxes[party] = (box, solution, status, note)

    def show_proposals(self, proposals: dict) -> None:
        for party, (box, solution, status, note) in self.boxes.items():
            p = proposals.get(party)
            if p is None:
                solution.setText(self.tr("No proposal"))
                style_text(solution, MUTED)
                status.clear()
                note.clear()
                continue
            solution.setStyleSheet("")
            solution.setText(self.tr("{0} · {1} {2}").format(w(SOLUTIONS, p.solution_type),
                                                             p.amount, p.currency))
            status.setText(self.tr("{0} · {1}").format(w(PROPOSAL_STATUSES, p.status),
                                                       local_time_text(p.updated_at)))
            note.setText(p.note)

    def text_of(self, party: str) -> str:
        return self.boxes[party][1].text()


class DeadlinesTable(QTableWidget):
    """Every deadline of the case from the engine; the Time left column counts down."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        headers = [self.tr("Due (your time)"), self.tr("Time left"), self.tr("Rule"),
                   self.tr("What"), self.tr("To do")]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.deadlines: list = []

    def show_deadlines(self, deadlines, now: datetime) -> None:
        self.deadlines = sorted(deadlines, key=lambda d: d.due_at)
        self.setRowCount(len(self.deadlines))
        for row, d in enumerate(self.deadlines):
            label, action = deadline_words(d.label), deadline_words(d.action)
            for column, text in enumerate((local_time_text(d.due_at), "", d.rule, label,
                                           action)):
                item = QTableWidgetItem(text)
                item.setToolTip(self.tr("{0}: {1}").format(d.rule, label))
                self.setItem(row, column, item)
        self.tick(now)
        self.setFixedHeight(self.horizontalHeader().height() + 6
                            + self.verticalHeader().defaultSectionSize() * max(1, len(self.deadlines)))

    def tick(self, now: datetime) -> None:
        for row, d in enumerate(self.deadlines):
            if d.state != "pending":
                text, colour = (self.tr("met") if d.state == "met" else self.tr("missed")), (
                    MUTED if d.state == "met" else OVERDUE)
            else:
                text = countdown_text(d.due_at, now)
                left = d.due_at - now
                colour = (MUTED if d.informational else OVERDUE if left < timedelta(0)
                          else SOON if left <= WARN_WITHIN else None)
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if column == 1:
                    item.setText(text)
                item.setForeground(qcolor(colour) if colour else self.palette().text())

    def time_left(self, row: int) -> str:
        return self.item(row, 1).text()


class TimelineTable(QTableWidget):
    """Every event of the case: when (your time), who, what, the state change, the rule
    when the platform acted by itself, and who recorded it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        headers = [self.tr("When (your time)"), self.tr("Who"), self.tr("What"),
                   self.tr("State"), self.tr("By rule"), self.tr("Recorded by")]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_timeline(self, entries) -> None:
        self.setRowCount(len(entries))
        for row, e in enumerate(entries):
            change = (self.tr("{0} → {1}").format(w(STATES, e.from_state), w(STATES, e.to_state))
                      if e.from_state and e.to_state and e.from_state != e.to_state
                      else w(STATES, e.to_state))
            texts = (local_time_text(e.at), w(ACTORS, e.actor), event_words(e.action, e.detail),
                     change, e.by_rule or "",
                     self.tr("{0} · {1}").format(e.recorded_by, local_time_text(e.recorded_at)))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if e.by_rule:
                    item.setForeground(qcolor("info"))
                self.setItem(row, column, item)
