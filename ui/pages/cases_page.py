"""Disputes and after-sales requests: the most urgent first, settled ones last."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.cases import list_cases
from ui.pages.list_page import ListPage
from ui.table_models.case_table_model import CaseTableModel


class CasesPage(ListPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(CaseTableModel(), parent)
        self.title.setText(self.tr("Requests & Disputes"))
        self.empty_text = self.tr("No disputes or after-sales requests yet.")

    def loader(self):
        return list_cases
