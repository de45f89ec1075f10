"""A read-only table over a Python list of rows, described by a tuple of `Column`s.

A column has a key (what code finds, hides and sorts it by) apart from its title (what
the rep reads, translated). A header click sorts the rows the model holds by the column's
`sort_value` (its text when it has none); a third click gives back the order the service
chose. A model over ids whose rows are read lazily sorts through its query instead
(ui.table_models.conversation_table_model)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

Role = Qt.ItemDataRole
TIME_SAMPLE = "2026-12-31 23:59"   # widest local time text, sizes time columns
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True)
class Column:
    key: str                  # code's name for the column: never shown, never translated
    title: str                # the header, in English (context "columns" translates it)
    text: Callable[[object], str]                 # what the cell shows for a row
    width: int | str = 12     # preferred width: average characters, or a sample text to fit
    tooltip: Callable[[object], str] | None = None
    foreground: Callable[[object], object] | None = None   # a QColor or None
    bold: Callable[[object], bool] | None = None
    right_aligned: bool = False
    # What the column sorts by (a number, an instant, a text; None sorts last both ways);
    # None: the text shown.
    sort_value: Callable[[object], object] | None = None


class ListTableModel(QAbstractTableModel):
    """Subclasses set `self.columns` and feed rows with `set_rows`."""

    columns: tuple[Column, ...] = ()
    sorted_by_changed = Signal(str, bool)     # column key ("" = the service's order), descending

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._given: list = []              # the rows in the order the service gave them
        self.sort_key: str | None = None    # the rep's sort, kept across reloads
        self.sort_descending = False

    # --- columns ------------------------------------------------------------------
    def column_number(self, key: str) -> int:
        """The position of the column `key` (KeyError for a key the model lacks)."""
        for number, column in enumerate(self.columns):
            if column.key == key:
                return number
        raise KeyError(key)

    def column(self, key: str) -> Column:
        return self.columns[self.column_number(key)]

    # --- contents -----------------------------------------------------------------
    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._in_sort_order(self._given)
        self.endResetModel()

    # --- sorting --------------------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort (a header click): by the column's sort value; column -1 gives the
        service's order back. Selections and current rows follow their rows."""
        key = self.columns[column].key if 0 <= column < len(self.columns) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.sort_descending):
            return
        self.sort_key, self.sort_descending = key, descending
        self._rearrange(self._in_sort_order)
        self.sorted_by_changed.emit(key or "", descending)

    def _rearrange(self, arrange) -> None:
        """Put the rows in a new order in place, moving persistent indexes with them."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        rows_before = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None
                       for i in before]
        self._rows = arrange(self._given)
        where = {id(row): number for number, row in enumerate(self._rows)}
        after = [self.index(where[id(row)], i.column()) if row is not None and id(row) in where
                 else QModelIndex() for i, row in zip(before, rows_before)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _in_sort_order(self, rows: list) -> list:
        """`rows` in the rep's order (the same list, unsorted: no copy of a long list)."""
        if self.sort_key is None:
            return rows
        try:
            column = self.column(self.sort_key)
        except KeyError:
            return rows
        value = column.sort_value or column.text
        keyed = [(value(row), row) for row in rows]
        known = [pair for pair in keyed if pair[0] is not None and pair[0] != ""]
        unknown = [row for v, row in keyed if v is None or v == ""]
        known.sort(key=lambda pair: _sortable(pair[0]), reverse=self.sort_descending)
        return [row for _v, row in known] + unknown

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
        if role == Role.DisplayRole:   # titles are listed for translators in ui/words/catalog.py
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


def sort_by_header(view) -> None:
    """Let the rep sort `view` (a QTableView over one of these models) by clicking its
    headers: ascending, descending, then the service's order again. Nothing moves until
    the first click."""
    header = view.horizontalHeader()
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)


def _sortable(value):
    """Texts compare without regard to case and with their numbers as numbers (D-2 before
    D-10); other values as they are."""
    if not isinstance(value, str):
        return value
    parts = _DIGITS.split(value.casefold())
    return tuple(int(part) if n % 2 else part for n, part in enumerate(parts))


def _bold_font() -> QFont:
    """One bold font for every bold cell (made once a QApplication exists)."""
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]
