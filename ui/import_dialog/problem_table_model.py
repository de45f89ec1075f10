"""The problems of an import preview, one per row: severity, row, column, what is wrong."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ui.tones import qcolor

Role = Qt.ItemDataRole
COLUMNS = ("Kind", "Row", "Column", "Problem")


class ProblemTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._problems: list = []

    def set_problems(self, problems) -> None:
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Role.DisplayRole):
        if (role == Role.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index, role=Role.DisplayRole):
        if not index.isValid() or not self.checkIndex(index):
            return None
        problem = self._problems[index.row()]
        if role in (Role.DisplayRole, Role.ToolTipRole):
            column = index.column()
            if column == 0:
                return self.tr("Error") if problem.is_error else self.tr("Warning")
            if column == 1:
                return "" if problem.row is None else str(problem.row)
            if column == 2:
                if not problem.column:
                    return ""
                return problem.column + (f" ({problem.letter})" if problem.letter else "")
            return problem.message
        if role == Role.ForegroundRole and index.column() == 0:
            return qcolor("error" if problem.is_error else "warning")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
