"""The list on the left of the window: one entry per page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

KEY_ROLE = Qt.ItemDataRole.UserRole


class NavigationList(QListWidget):
    page_chosen = Signal(str)     # the key of the chosen page

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)
        self.currentItemChanged.connect(self._changed)

    def add_entry(self, key: str, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(KEY_ROLE, key)
        self.addItem(item)
        widest = max(self.fontMetrics().horizontalAdvance(self.item(i).text())
                     for i in range(self.count()))
        self.setFixedWidth(widest + 48)

    def keys(self) -> list[str]:
        return [self.item(i).data(KEY_ROLE) for i in range(self.count())]

    def titles(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item else None

    def select(self, key: str) -> None:
        row = self.keys().index(key)
        self.setCurrentRow(row)

    def _changed(self, current, _previous) -> None:
        if current is not None:
            self.page_chosen.emit(current.data(KEY_ROLE))
