"""The queue of disputes, after-sales requests and complaints (AE-10: remaining response
time, least first; overdue on top in red, due within a day in amber), with filters by type,
state, platform, shop, kind and cause, and the chosen case below it: a dispute or request
in the case view, a complaint in the complaint panel of the Complaints & Reviews page
(ui.complaints.panel, the same widget). New requests and disputes are recorded from here."""

from __future__ import annotations

from bisect import bisect_right

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QPushButton, QScrollArea,
                               QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from app.clock import utcnow
from app.services.common.change_notice import CASES, COMPLAINTS, ORDERS, POLICY, SHOPS
from app.services.clocks import queue as q
from ui.cases.case_view import CaseView
from app.services.common.reps import may_write
from ui.cases.dispute_form import DisputeForm
from ui.cases.request_form import RequestForm
from ui.words.cases import CASE_TYPES, CAUSES, COMPLAINT_KINDS, STATES, w
from ui.complaints.panel import ComplaintPanel
from ui.words.vocabulary import PLATFORMS, word
from ui.pages.list_page import ListPage
from ui.table_models.case_table_model import CaseTableModel

TICK_MS = 30_000
FILTER_TITLES = {"type": QT_TRANSLATE_NOOP("CasesPage", "All types"),
                 "state": QT_TRANSLATE_NOOP("CasesPage", "All states"),
                 "platform": QT_TRANSLATE_NOOP("CasesPage", "All platforms"),
                 "shop": QT_TRANSLATE_NOOP("CasesPage", "All shops"),
                 "kind": QT_TRANSLATE_NOOP("CasesPage", "All kinds"),
                 "cause": QT_TRANSLATE_NOOP("CasesPage", "All causes")}


class CasesPage(ListPage):
    badge_changed = Signal(int)      # overdue + due within the warning span
    listens_to = frozenset((CASES, COMPLAINTS, ORDERS, POLICY, SHOPS))
    reads_while_hidden = True

    def __init__(self, parent: QWidget | None = None, *,
                 warn_within: timedelta = q.DEFAULT_WARN):
        super().__init__(CaseTableModel(warn_within=warn_within), parent)
        self.warn_within = warn_within
        self.title.setText(self.tr("Requests & Disputes"))
        self.empty_text = self.tr("No disputes, after-sales requests or complaints yet.")
        self.filters: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        for name, title in FILTER_TITLES.items():
            box = QComboBox()
            box.addItem(self.tr(title), None)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(4)
            box.activated.connect(lambda _i: self.reload())
            self.filters[name] = box
            filter_row.addWidget(box, 1)
        self.open_only = QCheckBox(self.tr("Open only"))
        self.open_only.toggled.connect(lambda _c: self.reload())
        filter_row.addWidget(self.open_only)
        self.new_request_button = QPushButton(self.tr("New request…"))
        self.new_dispute_button = QPushButton(self.tr("Record dispute…"))
        self.new_request_button.clicked.connect(self.new_request)
        self.new_dispute_button.clicked.connect(self.new_dispute)
        self.tools.addWidget(self.new_request_button)
        self.tools.addWidget(self.new_dispute_button)
        self.case_view = CaseView()           # reloads itself after a change of its case
        self.case_view.open_conversation.connect(self._open_conversation)
        self.case_view.write_to_buyer.connect(self._write_to_buyer)
        self.complaint = ComplaintPanel()      # so does the complaint panel
        self.to_complaints = QPushButton(self.tr("Show on the Complaints && Reviews page"))
        self.to_complaints.clicked.connect(self._show_on_complaints_page)
        complaint_box = QWidget()
        complaint_layout = QVBoxLayout(complaint_box)
        complaint_layout.addWidget(self.to_complaints, 0, Qt.AlignmentFlag.AlignRight)
        complaint_layout.addWidget(self.complaint, 1)
        self.complaint_view = QScrollArea()
        self.complaint_view.setWidgetResizable(True)
        self.complaint_view.setWidget(complaint_box)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.case_view)
        self.detail_stack.addWidget(self.complaint_view)
        self.dialog = None

        layout: QVBoxLayout = self.layout()
        layout.insertLayout(1, filter_row)
        layout.removeWidget(self.body)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([320, 480])
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self._read_at = utcnow()
        self._want: str | None = None
        self._complaint_ref: str | None = None
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.view.doubleClicked.connect(lambda index: self._show_row(index.row()))
        self.view.activated.connect(lambda index: self._show_row(index.row()))   # Enter
        self._dues: list | None = None     # open cases' next dues, sorted (see _emit_badge)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    # --- loading ---------------------------------------------------------------------------
    def chosen_filters(self) -> q.QueueFilters:
        values = {name: box.currentData() for name, box in self.filters.items()}
        return q.QueueFilters(open_only=self.open_only.isChecked(), **values)

    def loader(self):
        filters = self.chosen_filters()
        return lambda: q.queue(filters)        # disputes, requests and complaints

    @property
    def shown_ref(self) -> str | None:
        """The case shown below the queue: "D-3", "A-7", "C-2" or None."""
        if self.detail_stack.currentWidget() is self.complaint_view:
            return self._complaint_ref
        return self.case_view.ref

    def apply_rows(self, found) -> None:
        for button in (self.new_request_button, self.new_dispute_button):
            button.setEnabled(may_write())      # a viewer's login records no case
        self._read_at = found.read_at
        self.case_view.refresh_if_sending()     # a decision sent to the platform went?
        self.empty_text = (self.tr("No case matches the filters.") if found.total
                           else self.tr("No disputes, after-sales requests or complaints yet."))
        self._fill_filters(found.choices)
        keep = self._want or self.shown_ref
        self._want = None
        self.model.set_now(utcnow())
        self.model.set_rows(found.rows)
        self._dues = None               # sorted again for the new rows
        self._emit_badge()
        if keep is not None and self.model.row_of(keep) >= 0:
            self.view.setCurrentIndex(self.model.index(self.model.row_of(keep), 0))
            if self.shown_ref != keep:
                self.show_ref(keep)

    def _fill_filters(self, choices: dict) -> None:
        def words(name: str, value: str) -> str:
            if name == "type":
                return w(CASE_TYPES, value)
            if name == "platform":
                return word(PLATFORMS, value)
            if name == "cause":
                return w(CAUSES, value)
            if name == "kind" and value in COMPLAINT_KINDS:
                return w(COMPLAINT_KINDS, value)
            if name == "state" and value == "open":       # a complaint's
                return w(STATES, value)
            return word({}, value) if name in ("state", "kind") else value

        for name, box in self.filters.items():
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr(FILTER_TITLES[name]), None)
            for value in choices.get(name, ()):
                box.addItem(words(name, value), value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def set_filter(self, name: str, value) -> None:
        """Choose a filter value (as the rep would) and reload."""
        box = self.filters[name]
        index = box.findData(value)
        if index < 0:
            box.addItem(str(value), value)
            index = box.count() - 1
        box.setCurrentIndex(index)
        self.reload()

    # --- countdown, badge -------------------------------------------------------------------
    def tick(self) -> None:
        self.model.set_now(utcnow())
        self._emit_badge()

    def _emit_badge(self) -> None:
        """Overdue + due soon (queue.urgency): the open cases due by now + warn_within.
        The dues are sorted once per load, so the tick of a long queue is one bisect."""
        if self._dues is None:
            self._dues = sorted(
                r.next_due_at for r in (self.model.case_row(n)
                                        for n in range(self.model.rowCount()))
                if r.next_due_at is not None and not q.is_settled(r))
        self.badge_changed.emit(bisect_right(self._dues, self.model.now + self.warn_within))

    # --- the chosen case ---------------------------------------------------------------------
    def _row_chosen(self, current, _previous) -> None:
        if current.isValid():
            self._show_row(current.row())

    def _show_row(self, row: int) -> None:
        ref = self.model.case_row(row).id
        if ref != self.shown_ref:
            self.show_ref(ref)

    def show_ref(self, ref: str) -> None:
        """Show case `ref` below the queue: a complaint ("C-n") in the complaint panel, a
        dispute or request in the case view."""
        if ref.startswith("C-"):
            self._complaint_ref = ref
            self.detail_stack.setCurrentWidget(self.complaint_view)
            self.complaint.load(int(ref[2:]))
            return
        self._complaint_ref = None
        self.detail_stack.setCurrentWidget(self.case_view)
        if ref != self.case_view.ref:
            self.case_view.show_case(ref)

    def open_case(self, ref: str) -> None:
        """Show case `ref` (from the Deadlines page, a conversation…)."""
        row = self.model.row_of(ref)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        else:
            self._want = ref
        if self.shown_ref != ref:
            self.show_ref(ref)

    # --- complaints ------------------------------------------------------------------------
    def _show_on_complaints_page(self) -> None:
        ref = self.shown_ref
        window = self.window()
        page = getattr(window, "pages", {}).get("complaints")
        if page is None or not ref or not ref.startswith("C-"):
            return
        window.show_page("complaints")
        page.select_complaint(int(ref[2:]))

    def new_request(self) -> RequestForm:
        self.dialog = RequestForm(self)
        self.dialog.accepted.connect(lambda: self.open_case(self.dialog.created_ref))
        self.dialog.open()
        return self.dialog

    def new_dispute(self) -> DisputeForm:
        self.dialog = DisputeForm(self)
        self.dialog.accepted.connect(lambda: self.open_case(self.dialog.created_ref))
        self.dialog.open()
        return self.dialog

    # --- to the conversations ----------------------------------------------------------------
    def _open_conversation(self, conv_id: int, order_id: int) -> None:
        window = self.window()
        page = getattr(window, "pages", {}).get("conversations")
        if page is None:
            return
        window.show_page("conversations")
        if not page.select_conversation(conv_id):
            page.write_about_order(order_id)     # lists it (filters cleared) and selects it

    def _write_to_buyer(self, order_id: int) -> None:
        window = self.window()
        page = getattr(window, "pages", {}).get("conversations")
        if page is not None:
            window.show_page("conversations")
            page.write_about_order(order_id)
