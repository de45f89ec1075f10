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


def _sort_value(value):
    if isinstance(value, (int, float, Decimal)):
        return (0, value, "")
    return (1, 0, str(value).casefold())


class SectionTableModel(QAbstractTableModel):
    def __init__(self, section=None, parent=None):
        super().__init__(parent)
        self._columns: list = []
        self._rows: list = []
        self._given: list = []
        if section is not None:
            self.set_section(section)

    def set_section(self, section) -> None:
        self.beginResetModel()
        self._columns = list(section.columns)
        self._given = [list(r) for r in section.rows]
        self._rows = list(self._given)
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """A header click: by the column's values (numbers as numbers, empty cells last);
        column -1: the report's own order. A report's columns are its data, so they are
        known by position."""
        self.layoutAboutToBeChanged.emit()
        if not 0 <= column < len(self._columns):
            self._rows = list(self._given)
        else:
            known = [r for r in self._given if r[column] is not None]
            known.sort(key=lambda r: _sort_value(r[column]),
                       reverse=order == Qt.SortOrder.DescendingOrder)
            self._rows = known + [r for r in self._given if r[column] is None]
        self.layoutChanged.emit()

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
