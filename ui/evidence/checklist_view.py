"""What the pack has and what is missing, with a completeness bar (GEN-4)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout, QWidget

from app.evidence.labels import category_label
from ui.i18n import window_language
from ui.tones import qcolor


class ChecklistView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat(self.tr("Complete: %p%"))
        self.list = QListWidget()
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("<b>Checklist</b>"))
        layout.addWidget(heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.missing)

    def show_checklist(self, checklist) -> None:
        self.bar.setValue(checklist.score)
        self.list.clear()
        for entry in checklist.entries:
            mark = "✔" if entry.present else "✘"
            label = category_label(entry.category, window_language())
            item = QListWidgetItem(f"{mark}  {label}  ({entry.count})")
            item.setForeground(qcolor("ok" if entry.present else "error"))
            self.list.addItem(item)
        self.missing.setText(self.tr("Missing: {0}").format(self.tr(", ").join(
            category_label(c, window_language()) for c in checklist.missing_categories))
                             if checklist.missing else self.tr("Nothing missing."))
