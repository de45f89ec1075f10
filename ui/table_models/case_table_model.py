"""The queue of disputes and after-sales requests (rows of app.services.cases.list_cases)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.models.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
from app.services.cases import CaseRow
from ui.formatting import local_time_text
from ui.labels import CASE_TYPES, PLATFORMS, word
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel

SETTLED_STATES = frozenset(DISPUTE_FINAL_STATES) | frozenset(REQUEST_FINAL_STATES)
SETTLED_COLOUR = "#80868b"


def is_settled(row: CaseRow) -> bool:
    return row.state in SETTLED_STATES


def _muted(row: CaseRow):
    return QColor(SETTLED_COLOUR) if is_settled(row) else None


class CaseTableModel(ListTableModel):
    columns = (
        Column("Case", lambda r: r.id, width=5, foreground=_muted),
        Column("Type", lambda r: word(CASE_TYPES, r.type), width=14, foreground=_muted),
        Column("Platform", lambda r: word(PLATFORMS, r.platform), width=9, foreground=_muted),
        Column("Shop", lambda r: r.shop, width=9, foreground=_muted),
        Column("Order", lambda r: r.order_no, width="8000000000000000", foreground=_muted),
        Column("State", lambda r: word({}, r.state), width=15, foreground=_muted,
               bold=lambda r: not is_settled(r)),
        Column("Next due", lambda r: local_time_text(r.next_due_at), width=TIME_SAMPLE,
               foreground=_muted),
        Column("Opened", lambda r: local_time_text(r.opened_at), width=TIME_SAMPLE,
               foreground=_muted),
        Column("Kind", lambda r: word({}, r.kind), width=12, foreground=_muted),
        Column("Cause", lambda r: word({}, r.cause), width=8, foreground=_muted),
        Column("Reason", lambda r: r.reason, width=30, foreground=_muted),
    )

    def case_row(self, row: int) -> CaseRow:
        return self._rows[row]
