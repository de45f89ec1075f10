"""Parcels still moving near the end of the buyer's confirmation window (rows of
app.services.commerce.parcel_watch.parcels_near_window), counting down live."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.clock import utcnow
from app.services.commerce.parcel_watch import ParcelRow
from ui.formatting import countdown_text, local_time_text
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor

translate = QCoreApplication.translate     # lupdate finds translate("context", "…")


def _advice(row: ParcelRow) -> str:
    return translate("ParcelTableModel", "Extend by {0} days").format(row.advice_days)


def _promised(row: ParcelRow) -> str:
    extra = (translate("ParcelTableModel", " +{0}").format(row.extension_days_granted)
             if row.extension_days_granted else "")
    return translate("ParcelTableModel", "{0} d").format(row.promised_days) + extra


def _last_scan(row: ParcelRow) -> str:
    if not row.last_scan_at:
        return translate("ParcelTableModel", "no tracking yet")
    return f"{local_time_text(row.last_scan_at)} {row.last_scan}"


class ParcelTableModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._now = utcnow()
        self.columns = (
            Column("order", "Order", lambda r: r.order_no, width="8000000000000000",
                   bold=lambda r: True),
            Column("window_ends", "Window ends", lambda r: local_time_text(r.window_end),
                   width=TIME_SAMPLE, sort_value=lambda r: r.window_end),
            Column("left", "Left", lambda r: countdown_text(r.window_end, self._now), width=14,
                   foreground=lambda r: qcolor("error"), sort_value=lambda r: r.window_end),
            Column("advice", "Advice", _advice, width=17, sort_value=lambda r: r.advice_days),
            Column("to", "To", lambda r: r.destination, width=3),
            Column("promised", "Promised", _promised, width=9,
                   sort_value=lambda r: r.promised_days + (r.extension_days_granted or 0)),
            Column("shipped", "Shipped", lambda r: local_time_text(r.shipped_at), width=TIME_SAMPLE,
                   sort_value=lambda r: r.shipped_at),
            Column("last_scan", "Last scan", _last_scan, width=34,
                   sort_value=lambda r: r.last_scan_at),
            Column("buyer", "Buyer", lambda r: r.buyer, width=12),
            Column("tracking", "Tracking", lambda r: f"{r.carrier} {r.tracking_no}".strip(),
                   width=18),
        )

    def set_now(self, now) -> None:
        self._now = now
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def parcel_row(self, row: int) -> ParcelRow:
        return self._rows[row]
