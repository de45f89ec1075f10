"""A read-only table over a Python list of rows, described by a tuple of `Column`s."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont

Role = Qt.ItemDataRole
TIME_SAMPLE = "2026-12-31 23:59"   # widest local time text, sizes time columns


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[object], str]                 # what the cell shows for a row
    width: int | str = 12     # preferred width: average characters, or a sample text to fit
    tooltip: Callable[[object], str] | None = None
    foreground: Callable[[object], object] | None = None   # a QColor or None
    bold: Callable[[object], bool] | None = None
    right_aligned: bool = False


class ListTableModel(QAbstractTableModel):
    """Subclasses set `self.columns` and feed rows with `set_rows`."""

    columns: tuple[Column, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    # --- contents -----------------------------------------------------------------
    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int):
        """The row object behind table row `row` (None when it is not known)."""
        return self._rows[row]

    # --- Qt model interface ------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    # flags(): Qt's own (enabled and selectable cells, none for the invalid index), with no
    # call into Python for each painted cell.

    def headerData(self, section, orientation, role=Role.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Role.DisplayRole:   # titles are listed for translators in ui/i18n_catalog.py
            return QCoreApplication.translate("columns", self.columns[section].title)
        return None

    def data(self, index, role=Role.DisplayRole):
        # Called for every painted cell and several roles (a screen of the inbox: 1,600
        # calls), so roles nobody serves leave first and no call goes back into Qt.
        if role not in _SERVED or not index.isValid():
            return None
        number, row_number = index.column(), index.row()
        if not (0 <= number < len(self.columns) and 0 <= row_number < len(self._rows)):
            return None
        column = self.columns[number]
        row = self.row_object(row_number)
        if row is None:
            return "…" if role == _DISPLAY and number == 0 else None
        if role == _DISPLAY:
            return column.text(row)
        if role == _TOOLTIP:
            return column.tooltip(row) if column.tooltip else (column.text(row) or None)
        if role == _FOREGROUND:
            return column.foreground(row) if column.foreground else None
        if role == _FONT:
            return _bold_font() if column.bold and column.bold(row) else None
        return _RIGHT_ALIGNED if column.right_aligned else None     # _ALIGNMENT


_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _ALIGNMENT = (
    int(Role.DisplayRole), int(Role.ToolTipRole), int(Role.ForegroundRole), int(Role.FontRole),
    int(Role.TextAlignmentRole))
_SERVED = frozenset((_DISPLAY, _TOOLTIP, _FOREGROUND, _FONT, _ALIGNMENT))
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_BOLD: list[QFont] = []


def _bold_font() -> QFont:
    """One bold font for every bold cell (made once a QApplication exists)."""
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]
