"""Every deadline the shop has to watch, by due instant, counting down live."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from app.clock import utcnow
from app.services.deadlines import deadlines_at
from ui.pages.list_page import ListPage
from ui.table_models.deadline_table_model import DeadlineTableModel

TICK_MS = 30_000


class DeadlinesPage(ListPage):
    def __init__(self, parent: QWidget | None = None, *,
                 warn_within: timedelta = timedelta(hours=24)):
        super().__init__(DeadlineTableModel(warn_within=warn_within), parent)
        self.title.setText(self.tr("Deadlines"))
        self.empty_text = self.tr("No deadlines to watch. Deadlines of open disputes, "
                                  "after-sales requests and orders appear here.")
        self._read_at = utcnow()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def loader(self):
        at = self._read_at = utcnow()
        return lambda: deadlines_at(at)

    def apply_rows(self, rows) -> None:
        self.model.set_now(self._read_at)
        self.model.set_rows(rows)

    def tick(self) -> None:
        self.model.set_now(utcnow())
