"""The list at the left of the quick-phrase and automatic-reply editors: a few rows, one
chosen at a time, the first column taking the spare width, sortable by its headers."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.table_models.list_table_model import sort_by_header


def editor_table(model, on_row) -> QTableView:
    """A table over `model`; `on_row(current, previous)` when the chosen row changes."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)   # a few rows only
    table.selectionModel().currentRowChanged.connect(on_row)
    sort_by_header(table)
    return table
