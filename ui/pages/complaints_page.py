"""Complaints and negative reviews (GEN-8, TB-5, TB-6): the cases, open ones by next due,
and the selected case's guided seven-step checklist."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QSplitter, QWidget

from app.services.aftercare.complaint_queries import list_complaints
from app.services.common.reps import may_write
from ui.complaints.new_dialog import NewComplaintDialog
from ui.complaints.panel import ComplaintPanel
from app.services.common.change_notice import COMPLAINTS, ORDERS, SHOPS
from ui.pages.list_page import ListPage
from ui.table_models.complaint_table_model import ComplaintTableModel


class ComplaintsPage(ListPage):
    listens_to = frozenset((COMPLAINTS, ORDERS, SHOPS))
    def __init__(self, parent: QWidget | None = None):
        super().__init__(ComplaintTableModel(), parent)
        self.title.setText(self.tr("Complaints & Reviews"))
        self.empty_text = self.tr("No complaints or negative reviews. Press New complaint "
                                  "when a buyer complains or leaves a bad review.")
        self.new_button = QPushButton(self.tr("New complaint…"))
        self.new_button.clicked.connect(self.new_complaint)
        self.tools.addWidget(self.new_button)
        self.panel = ComplaintPanel()          # shows its complaint again after a write
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        layout = self.layout()
        layout.removeWidget(self.body)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.body)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 480])
        layout.addWidget(splitter, 1)
        self.view.selectionModel().currentRowChanged.connect(self._selected)

    def loader(self):
        return list_complaints

    def apply_rows(self, rows) -> None:
        self.new_button.setEnabled(may_write())      # a viewer's login opens no complaint
        keep = self.panel.detail.row.complaint_id if self.panel.detail else None
        self.model.set_rows(rows)
        ids = [r.complaint_id for r in rows]
        if keep in ids:
            self.view.selectRow(ids.index(keep))
        elif rows:
            self.view.selectRow(0)
        else:
            self.panel.load(None)

    def _selected(self, current, previous) -> None:
        if current.isValid():
            self.panel.load(self.model.complaint_row(current.row()).complaint_id)

    def select_complaint(self, complaint_id: int) -> None:
        ids = [self.model.complaint_row(i).complaint_id for i in range(self.model.rowCount())]
        if complaint_id in ids:
            self.view.selectRow(ids.index(complaint_id))

    def new_complaint(self) -> None:
        dialog = NewComplaintDialog(self)
        if dialog.exec() and dialog.created is not None:
            self.panel.detail = None        # the list (reloading: its write said so) opens
                                            # on its first row
