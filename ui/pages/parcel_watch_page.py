"""Parcel watch (rule AE-11): parcels still moving whose buyer confirmation window ends
soon, with the advice to extend it; recording the extension moves the window."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from app.clock import utcnow
from app.services.commerce.parcel_watch import parcels_near_window, record_extension_by_id
from app.services.common.reps import may_write
from ui.goto import conversation_about_order
from ui.pages.list_page import ListPage
from ui.table_models.parcel_table_model import ParcelTableModel
from ui.write_op import ORDERS, POLICY, SHOPS, run_write

TICK_MS = 30_000


class ParcelWatchPage(ListPage):
    listens_to = frozenset((ORDERS, SHOPS, POLICY))
    def __init__(self, parent: QWidget | None = None):
        super().__init__(ParcelTableModel(), parent)
        self.title.setText(self.tr("Parcel watch"))
        self.empty_text = self.tr("No parcel in transit is near the end of its buyer's "
                                  "confirmation window.")
        self.extend_button = QPushButton(self.tr("Extension recorded"))
        self.extend_button.setToolTip(self.tr("After extending the buyer's confirmation window "
                                              "on the platform, record it here: the window's "
                                              "end moves by the advised days."))
        self.extend_button.clicked.connect(self.record_selected)
        self.tools.addWidget(self.extend_button)
        self._read_at = utcnow()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.model.set_now(utcnow()))
        self.timer.start()
        self.view.activated.connect(self.open_row)      # Enter or a double-click

    def loader(self):
        at = self._read_at = utcnow()
        return lambda: parcels_near_window(at)

    def apply_rows(self, rows) -> None:
        self.extend_button.setEnabled(may_write())      # a viewer's login records nothing
        self.model.set_now(self._read_at)
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)

    def open_row(self, index) -> None:
        """The parcel's order in the buyer's conversation about it."""
        if index.isValid():
            conversation_about_order(self, self.model.parcel_row(index.row()).order_id)

    def record_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        row = self.model.parcel_row(index.row())
        if not may_write():
            return
        run_write(self, partial(record_extension_by_id, row.order_id, row.advice_days),
                  changes=[ORDERS])
