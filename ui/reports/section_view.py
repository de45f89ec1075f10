"""One report section on screen: its chart beside the table behind it, and how the figures
are computed."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QTableView, QVBoxLayout, QWidget)

from ui.reports.chart import make_chart
from ui.reports.section_table_model import SectionTableModel
from ui.table_models.list_table_model import sort_by_header


class SectionView(QGroupBox):
    def __init__(self, section, parent: QWidget | None = None):
        super().__init__(section.title, parent)
        self.section = section
        self.model = SectionTableModel(section, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        sort_by_header(self.table)
        rows = max(1, min(self.model.rowCount(), 12))
        height = (self.table.verticalHeader().defaultSectionSize() * rows
                  + header.sizeHint().height() + 6)
        self.table.setMinimumHeight(min(height, 300))
        self.table.setMaximumHeight(300)
        empty_text = self.tr("Nothing in this period.")
        self.chart = make_chart(section, empty_text=empty_text) if section.chart else None
        body = QHBoxLayout()
        if self.chart is not None:
            body.addWidget(self.chart, 2)
        body.addWidget(self.table, 3)
        layout = QVBoxLayout(self)
        if not section.rows and self.chart is None:
            layout.addWidget(QLabel(empty_text))
        layout.addLayout(body)
        if section.note:
            note = QLabel(section.note)
            note.setWordWrap(True)
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)   # grey, light or dark
            layout.addWidget(note)
