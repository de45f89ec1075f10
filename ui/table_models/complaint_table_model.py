"""Complaint cases (rows of app.services.aftercare.complaint_queries.list_complaints)."""

from __future__ import annotations


from app.services.aftercare.complaint_queries import ComplaintRow
from ui.complaints.words import KINDS, STATES, STEPS
from ui.formatting import local_time_text
from ui.labels import word
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor



def _muted(r: ComplaintRow):
    return qcolor("muted") if r.state != "open" else None


class ComplaintTableModel(ListTableModel):
    columns = (
        Column("Case", lambda r: r.id, width=5, foreground=_muted),
        Column("Kind", lambda r: word(KINDS, r.kind), width=18, foreground=_muted,
               bold=lambda r: r.state == "open"),
        Column("Steps", lambda r: f"{r.steps_done}/{r.steps_total}", width=5, foreground=_muted),
        Column("Next step", lambda r: word(STEPS, r.next_step) if r.state == "open" else
               word(STATES, r.state), width=22, foreground=_muted),
        Column("Next due", lambda r: local_time_text(r.next_due_at), width=TIME_SAMPLE,
               foreground=_muted),
        Column("Shop", lambda r: r.shop, width=8, foreground=_muted),
        Column("Order", lambda r: r.order_no or "", width="8000000000000000", foreground=_muted),
        Column("Opened", lambda r: local_time_text(r.opened_at), width=TIME_SAMPLE,
               foreground=_muted),
        Column("Buyer's words", lambda r: r.buyer_words.replace("\n", " "), width=30,
               foreground=_muted),
    )

    def complaint_row(self, row: int) -> ComplaintRow:
        return self._rows[row]
