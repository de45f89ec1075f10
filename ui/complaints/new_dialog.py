"""Open a complaint case: the shop, the order, the kind and the buyer's own words."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit,
                               QPlainTextEdit, QSpinBox, QWidget)

from app.services.aftercare import complaints as svc
from app.services.commerce.orders import get_order
from app.services.commerce.shops import list_shops
from ui.complaints.words import KINDS
from ui.errors import report_exception


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
        for key, text in KINDS.items():
            self.kind.addItem(self.tr(text), key)
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
        try:
            shop = self.shop.currentData()
            order = get_order(shop, self.order_no.text()) if self.order_no.text().strip() else None
            self.created = svc.open_complaint(
                shop, self.kind.currentData(), self.words.toPlainText(), order=order,
                review_rating=self.rating.value() or None)
        except Exception as error:  # noqa: BLE001 - shown to the rep
            report_exception(error, self)
            return
        self.accept()
