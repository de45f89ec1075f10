"""The items of an evidence pack as a table: position, category, what it is, when, caption."""

from __future__ import annotations

from app.evidence.labels import category_label
from ui.formatting import local_time_text
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel

KIND_LABELS = {"message": "Message", "tracking": "Tracking", "file": "File"}


class EvidenceItemModel(ListTableModel):
    columns = (
        Column("#", lambda r: str(r.position), 4, right_aligned=True),
        Column("Category", lambda r: category_label(r.category), 20),
        Column("Kind", lambda r: KIND_LABELS.get(r.kind, r.kind), 8),
        Column("Evidence", lambda r: r.what.replace("\n", " ")[:200], 40),
        Column("When", lambda r: local_time_text(r.at) if r.at else "", TIME_SAMPLE),
        Column("Caption", lambda r: r.caption, 24),
    )
