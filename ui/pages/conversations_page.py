"""The inbox: every conversation with a buyer, the latest first."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from app.services.inbox import conversation_ids
from ui.pages.list_page import ListPage
from ui.table_models.conversation_table_model import ConversationTableModel


class ConversationsPage(ListPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(ConversationTableModel(), parent)
        self.title.setText(self.tr("Conversations"))
        self.empty_text = self.tr("No conversations yet. Conversations appear here once "
                                  "messages are imported or written.")
        self.unreplied_only = QCheckBox(self.tr("Unreplied only"))
        self.unread_only = QCheckBox(self.tr("Unread only"))
        for box in (self.unreplied_only, self.unread_only):
            box.toggled.connect(self.reload)
            self.tools.addWidget(box)

    def filters(self) -> dict:
        chosen = {}
        if self.unreplied_only.isChecked():
            chosen["unreplied"] = True
        if self.unread_only.isChecked():
            chosen["unread"] = True
        return chosen

    def loader(self):
        filters = self.filters()
        return lambda: conversation_ids(filters)

    def apply_rows(self, ids) -> None:
        self.model.set_ids(ids)
