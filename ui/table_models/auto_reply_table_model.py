"""A shop's automatic replies (AE-12) in the editor: name, language (or any language),
whether it is on, when it last changed (rows of app.services.messaging.auto_reply)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.messaging.auto_reply import RuleRow
from app.services.messaging.translation import LANGUAGES
from ui.formatting import local_time_text
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor



def _language(row: RuleRow) -> str:
    if row.language:
        return LANGUAGES.get(row.language, row.language)
    return QCoreApplication.translate("AutoReplyTableModel", "any language")


def _on(row: RuleRow) -> str:
    return (QCoreApplication.translate("AutoReplyTableModel", "on") if row.enabled
            else QCoreApplication.translate("AutoReplyTableModel", "off"))


def _off(row: RuleRow):
    return None if row.enabled else qcolor("muted")


class AutoReplyTableModel(ListTableModel):
    columns = (
        Column("Name", lambda r: r.name, width=16, foreground=_off),
        Column("Language", _language, width=10, foreground=_off),
        Column("On", _on, width=4, foreground=_off),
        Column("Changed", lambda r: local_time_text(r.updated_at), width=TIME_SAMPLE,
               foreground=_off),
    )

    def row_of(self, rule_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == rule_id), -1)
