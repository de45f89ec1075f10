"""Open a complaint case: the shop, the order, the kind and the buyer's own words."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QPlainTextEdit, QSpinBox, QWidget)

from app.services.aftercare import complaints as svc
from app.services.commerce.orders import get_order
from app.services.commerce.shops import list_shops
from ui.words.complaints import KINDS, say
from ui.write_op import COMPLAINTS, run_write


class NewComplaintDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New complaint or negative review"))
        self.created = None
        self.shop = QComboBox()
        for shop in list_shops():
            self.shop.addItem(f"{shop.name} ({shop.key})", shop.key)
        self.order_no = QLineEdit()
        self.kind = QComboBox()
        for key in KINDS:
            self.kind.addItem(say(KINDS, key), key)
        self.words = QPlainTextEdit()
        self.words.setPlaceholderText(self.tr("The buyer's own words"))
        self.rating = QSpinBox()
        self.rating.setRange(0, 5)
        self.rating.setSpecialValueText(self.tr("no review"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Shop"), self.shop)
        form.addRow(self.tr("Order number"), self.order_no)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Buyer's words"), self.words)
        form.addRow(self.tr("Review stars"), self.rating)
        form.addRow(buttons)

    def submit(self) -> None:
        shop, order_no = self.shop.currentData(), self.order_no.text()
        kind, words, rating = (self.kind.currentData(), self.words.toPlainText(),
                               self.rating.value() or None)

        def write():
            order = get_order(shop, order_no) if order_no.strip() else None
            return svc.open_complaint(shop, kind, words, order=order, review_rating=rating)
        written = run_write(self, write, changes=[COMPLAINTS],
                            refs=lambda complaint: [f"C-{complaint.id}"])
        if written:
            self.created = written.result
            self.accept()
