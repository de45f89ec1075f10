"""The seven GEN-8 steps of one complaint as a guided checklist: each step says who did it
when, or why it was skipped; only the next open step can be ticked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ui.complaints.words import STEP_HINTS, STEPS
from ui.formatting import local_time_text
from ui.tones import style_text

MARKS = {"done": "✔", "skipped": "–", "open": "○"}
TONES = {"done": "ok", "skipped": "warning", "open": "text"}


class StepChecklist(QWidget):
    done_clicked = Signal(str)      # step key
    skip_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(2, 1)
        self.rows: dict[str, tuple] = {}
        for number, (key, title) in enumerate(STEPS.items()):
            mark = QLabel()
            name = QLabel(f"{number + 1}. {self.tr(title)}")
            name.setToolTip(self.tr(STEP_HINTS[key]))
            status = QLabel()
            status.setWordWrap(True)
            done = QPushButton(self.tr("Done"))
            skip = QPushButton(self.tr("Skip…"))
            done.clicked.connect(lambda _=False, k=key: self.done_clicked.emit(k))
            skip.clicked.connect(lambda _=False, k=key: self.skip_clicked.emit(k))
            for column, widget in enumerate((mark, name, status, done, skip)):
                self.grid.addWidget(widget, number, column)
            self.rows[key] = (mark, name, status, done, skip)

    def show_steps(self, steps, case_open: bool) -> None:
        """`steps`: StepView items in order (app.services.aftercare.complaint_queries)."""
        next_open = next((s.step for s in steps if s.state == "open"), None)
        for s in steps:
            mark, name, status, done, skip = self.rows[s.step]
            mark.setText(MARKS[s.state])
            style_text(mark, TONES[s.state], "font-weight: bold;")
            font = name.font()
            font.setBold(s.step == next_open and case_open)
            name.setFont(font)
            if s.state == "done":
                text = self.tr("%1, %2").replace("%1", s.done_by).replace(
                    "%2", local_time_text(s.done_at)) + (f" — {s.note}" if s.note else "")
            elif s.state == "skipped":
                text = self.tr("skipped: %1").replace("%1", s.skip_reason)
            else:
                text = self.tr(STEP_HINTS[s.step]) if s.step == next_open else ""
            status.setText(text)
            done.setEnabled(case_open and s.step == next_open)
            skip.setEnabled(case_open and s.state == "open")

    def status_text(self, step: str) -> str:
        return self.rows[step][2].text()
