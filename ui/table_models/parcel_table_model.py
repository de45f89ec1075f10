"""Parcels still moving near the end of the buyer's confirmation window (rows of
app.services.commerce.parcel_watch.parcels_near_window), counting down live."""

from __future__ import annotations


from app.clock import utcnow
from app.services.commerce.parcel_watch import ParcelRow
from ui.formatting import countdown_text, local_time_text
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor



class ParcelTableModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._now = utcnow()
        self.columns = (
            Column("Order", lambda r: r.order_no, width="8000000000000000", bold=lambda r: True),
            Column("Window ends", lambda r: local_time_text(r.window_end), width=TIME_SAMPLE),
            Column("Left", lambda r: countdown_text(r.window_end, self._now), width=14,
                   foreground=lambda r: qcolor("error")),
            Column("Advice", lambda r: f"Extend by {r.advice_days} days", width=17),
            Column("To", lambda r: r.destination, width=3),
            Column("Promised", lambda r: f"{r.promised_days} d"
                   + (f" +{r.extension_days_granted}" if r.extension_days_granted else ""),
                   width=9),
            Column("Shipped", lambda r: local_time_text(r.shipped_at), width=TIME_SAMPLE),
            Column("Last scan", lambda r: (f"{local_time_text(r.last_scan_at)} {r.last_scan}"
                                           if r.last_scan_at else "no tracking yet"), width=34),
            Column("Buyer", lambda r: r.buyer, width=12),
            Column("Tracking", lambda r: f"{r.carrier} {r.tracking_no}".strip(), width=18),
        )

    def set_now(self, now) -> None:
        self._now = now
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def parcel_row(self, row: int) -> ParcelRow:
        return self._rows[row]
