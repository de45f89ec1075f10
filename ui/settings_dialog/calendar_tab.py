"""Settings › Working days: the rep's corrections to China's working-day calendar
(through app.services.commerce.calendar_overrides, audited)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.services.commerce import calendar_overrides
from ui.write_op import POLICY, run_write


class CalendarTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Declared as"),
                                              self.tr("Note")])
        self.table.setAccessibleName(self.tr("Working-day corrections"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)

        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setAccessibleName(self.tr("Day"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Working day"), True)
        self.kind.addItem(self.tr("Day off"), False)
        self.kind.setAccessibleName(self.tr("Declared as"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. make-up Saturday after Spring Festival"))
        self.note.setAccessibleName(self.tr("Note"))
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Re&move selected"))
        self.remove_button.clicked.connect(self.remove_selected)

        entry = QHBoxLayout()
        for widget in (self.day, self.kind):
            entry.addWidget(widget)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "Platform deadlines in working days follow China's official calendar. When a "
            "holiday or a make-up working day is announced late, declare it here."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)
        self.load()

    def load(self) -> None:
        days = calendar_overrides.list_days()
        self.table.setRowCount(len(days))
        for row, override in enumerate(days):
            kind = self.tr("Working day") if override.is_working else self.tr("Day off")
            for column, text in enumerate((override.day.isoformat(), kind, override.note or "")):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, override.day)
                self.table.setItem(row, column, item)

    def add(self) -> None:
        if run_write(self, partial(calendar_overrides.set_day, self.day.date().toPython(),
                                   self.kind.currentData(), note=self.note.text().strip()),
                     changes=[POLICY]):
            self.note.clear()
            self.load()

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        days = [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in sorted(rows)]

        def clear() -> None:
            for day in days:
                calendar_overrides.clear_day(day)
        run_write(self, clear, changes=[POLICY])
        self.load()
