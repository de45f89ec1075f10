"""The problems of an import preview, one per row: severity, row, column, what is wrong."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.table_models.list_table_model import Column, ListTableModel
from ui.tones import qcolor

translate = QCoreApplication.translate     # lupdate finds translate("context", "…")


def _kind(problem) -> str:
    if problem.is_error:
        return translate("ProblemTableModel", "Error")
    return translate("ProblemTableModel", "Warning")


def _column(problem) -> str:
    if not problem.column:
        return ""
    return problem.column + (f" ({problem.letter})" if problem.letter else "")


class ProblemTableModel(ListTableModel):
    columns = (
        Column("kind", "Kind", _kind, width=8,
               foreground=lambda p: qcolor("error" if p.is_error else "warning"),
               sort_value=lambda p: 0 if p.is_error else 1),
        Column("row", "Row", lambda p: "" if p.row is None else str(p.row), width=6,
               sort_value=lambda p: p.row),
        Column("column", "Column", _column, width=14),
        Column("problem", "Problem", lambda p: p.message, width=50),
    )

    def set_problems(self, problems) -> None:
        self.set_rows(problems)
