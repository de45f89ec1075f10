"""The quick phrases as a list model: one row per phrase, its text in the reply language."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from app.services.messaging.quick_phrases import PhraseRow

Role = Qt.ItemDataRole
PHRASE_ROLE = Role.UserRole + 1


class PhraseListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PhraseRow] = []
        self.language = ""

    def set_phrases(self, rows: list[PhraseRow], language: str = "") -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.language = language
        self.endResetModel()

    def phrase(self, row: int) -> PhraseRow:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Role.DisplayRole):
        if not index.isValid() or not self.checkIndex(index):
            return None
        row = self._rows[index.row()]
        if role == Role.DisplayRole:
            number = f"Ctrl+{index.row() + 1}  " if index.row() < 9 else ""
            shortcut = f"  /{row.shortcut}" if row.shortcut else ""
            return f"{number}{row.title}{shortcut}"
        if role == Role.ToolTipRole:
            return row.text_for(self.language)[1]
        if role == PHRASE_ROLE:
            return row
        return None
