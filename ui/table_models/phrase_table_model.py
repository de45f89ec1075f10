"""The quick phrases in the editor: title, /shortcut, category, shop (every shop when none)
and the languages the phrase has a text in (rows of app.services.messaging.quick_phrases)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.messaging.quick_phrases import PhraseRow
from app.services.messaging.translation import LANGUAGES
from ui.table_models.list_table_model import Column, ListTableModel


def _shop(row: PhraseRow) -> str:
    return row.shop or QCoreApplication.translate("PhraseTableModel", "every shop")


def _languages(row: PhraseRow) -> str:
    return ", ".join(LANGUAGES.get(code, code) for code in sorted(row.variants))


class PhraseTableModel(ListTableModel):
    columns = (
        Column("title", "Title", lambda r: r.title, width=22),
        Column("shortcut", "Shortcut", lambda r: f"/{r.shortcut}" if r.shortcut else "", width=8),
        Column("category", "Category", lambda r: r.category, width=10),
        Column("shop", "Shop", _shop, width=8),
        Column("languages", "Languages", _languages, width=14,
               tooltip=lambda r: "\n\n".join(f"[{k}] {v}" for k, v in sorted(r.variants.items()))),
    )

    def row_of(self, phrase_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == phrase_id), -1)
