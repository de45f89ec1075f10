"""Every deadline the shop has to watch, grouped overdue / due today / this week / later
(the rep's own days), counting down live. Double-click (or Enter) on a row opens its case,
or its conversation; the navigation shows how many are overdue or due today."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from app.clock import utcnow
from app.services.clocks.deadlines import deadlines_at
from app.services.common.change_notice import DEADLINE_KINDS
from ui.pages.list_page import ListPage
from ui.table_models.deadline_table_model import DeadlineTableModel

TICK_MS = 30_000


class DeadlinesPage(ListPage):
    listens_to = DEADLINE_KINDS
    reads_while_hidden = True
    badge_changed = Signal(int)          # overdue + due today, for the navigation
    open_case = Signal(str)              # "D-3" / "A-7" / "C-2"

    def __init__(self, parent: QWidget | None = None, *,
                 warn_within: timedelta = timedelta(hours=24)):
        super().__init__(DeadlineTableModel(warn_within=warn_within, grouped=True), parent)
        self.title.setText(self.tr("Deadlines"))
        self.empty_text = self.tr("No deadlines to watch. Deadlines of open disputes, "
                                  "after-sales requests and orders appear here.")
        # The platform's own clocks (a buyer's window to open a request or to complain,
        # an order's confirmation window…) need nothing from the rep; on a big shop they
        # are tens of thousands of rows, so they are listed only on request.
        self.platform_clocks = QCheckBox(self.tr("Platform clocks"))
        self.platform_clocks.setToolTip(self.tr(
            "Also list the platform's own clocks, which need nothing from you: the buyer's "
            "time to open a request or to complain, an order's confirmation window…"))
        self.platform_clocks.toggled.connect(lambda _on: self.reload())
        self.tools.addWidget(self.platform_clocks)
        self._read_at = utcnow()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.view.activated.connect(lambda index: self.open_row(index.row()))
        self.model.modelReset.connect(self._span_headers)

    def loader(self):
        at = self._read_at = utcnow()
        everything = self.platform_clocks.isChecked()
        return lambda: deadlines_at(at, platform_clocks=everything)

    def apply_rows(self, rows) -> None:
        self.model.set_now(self._read_at)
        self.model.set_rows(rows)
        self.badge_changed.emit(self.model.badge_count())

    def tick(self) -> None:
        """The countdown moves on; groups and badge follow, without reading the database."""
        self.model.set_now(utcnow())
        self.badge_changed.emit(self.model.badge_count())

    def _span_headers(self) -> None:
        self.view.clearSpans()
        for row in self.model.header_rows():
            self.view.setSpan(row, 0, 1, self.model.columnCount())

    def open_row(self, row: int) -> bool:
        """Open what the deadline belongs to: its case, else its conversation."""
        deadline = self.model.deadline(row) if 0 <= row < self.model.rowCount() else None
        if deadline is None:
            return False
        window = self.window()
        pages = getattr(window, "pages", {})
        if deadline.case_id:
            self.open_case.emit(deadline.case_id)
            target = "complaints" if deadline.case_id.startswith("C-") else "cases"
            page = pages.get(target)
            if page is not None:
                window.show_page(target)
                if hasattr(page, "open_case"):
                    page.open_case(deadline.case_id)
                elif hasattr(page, "select_complaint"):
                    page.select_complaint(int(deadline.case_id[2:]))
            return True
        if deadline.conversation_id is not None and "conversations" in pages:
            window.show_page("conversations")
            return pages["conversations"].select_conversation(deadline.conversation_id)
        return False
