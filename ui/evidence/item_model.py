"""The items of an evidence pack as a table: position, category, what it is, when, caption."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.evidence.labels import category_label
from ui.formatting import local_time_text
from ui.i18n import window_language
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel

KIND_LABELS = {"message": QT_TRANSLATE_NOOP("EvidenceItemModel", "Message"),
               "tracking": QT_TRANSLATE_NOOP("EvidenceItemModel", "Tracking"),
               "file": QT_TRANSLATE_NOOP("EvidenceItemModel", "File")}


def _kind(row) -> str:
    known = KIND_LABELS.get(row.kind)
    return QCoreApplication.translate("EvidenceItemModel", known) if known else row.kind


class EvidenceItemModel(ListTableModel):
    columns = (
        Column("position", "#", lambda r: str(r.position), 4, right_aligned=True,
               sort_value=lambda r: r.position),
        Column("category", "Category", lambda r: category_label(r.category, window_language()), 20),
        Column("kind", "Kind", _kind, 8),
        Column("evidence", "Evidence", lambda r: r.what.replace("\n", " ")[:200], 40),
        Column("when", "When", lambda r: local_time_text(r.at) if r.at else "", TIME_SAMPLE,
               sort_value=lambda r: r.at),
        Column("caption", "Caption", lambda r: r.caption, 24),
    )
