"""A read-only table over one report section (a few dozen rows at most)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

Role = Qt.ItemDataRole


def cell_text(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class SectionTableModel(QAbstractTableModel):
    def __init__(self, section=None, parent=None):
        super().__init__(parent)
        self._columns: list = []
        self._rows: list = []
        if section is not None:
            self.set_section(section)

    def set_section(self, section) -> None:
        self.beginResetModel()
        self._columns = list(section.columns)
        self._rows = [list(r) for r in section.rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Role.DisplayRole):
        if (role == Role.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._columns)):
            return self._columns[section]
        return None

    def data(self, index, role=Role.DisplayRole):
        if not index.isValid() or not self.checkIndex(index):
            return None
        value = self._rows[index.row()][index.column()]
        if role in (Role.DisplayRole, Role.ToolTipRole):
            return cell_text(value)
        if role == Role.TextAlignmentRole and isinstance(value, (int, float, Decimal)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
