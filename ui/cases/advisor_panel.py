"""Refund or resend? (GEN-2) From the order's costs and the proposed refund: both results,
the recommendation and the formula written out. A refund above the goods price is refused
with the service's message. Pure calculation: nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from app.services.casework.advisor import advise
from app.errors import ServiceError
from ui.cases.form_bits import AmountEdit, ErrorLine
from ui.errors import describe
from ui.tones import style_text


def _amount_edit(signed: bool = False) -> AmountEdit:
    edit = AmountEdit(signed=signed)
    edit.setMaximumWidth(120)
    return edit


class AdvisorPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Refund or resend? (GEN-2)"), parent)
        self.product_cost = _amount_edit()
        self.shipping_cost = _amount_edit()
        self.profit = _amount_edit(signed=True)
        self.refund = _amount_edit()
        self.refund_result = QLabel()
        self.resend_result = QLabel()
        self.recommendation = QLabel()
        font = self.recommendation.font()
        font.setBold(True)
        self.recommendation.setFont(font)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        style_text(self.formula, "muted")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = ErrorLine()
        self.advice = None
        form = QFormLayout(self)
        form.addRow(self.tr("Product cost"), self.product_cost)
        form.addRow(self.tr("Shipping cost"), self.shipping_cost)
        form.addRow(self.tr("Profit"), self.profit)
        form.addRow(self.tr("Proposed refund"), self.refund)
        form.addRow(self.tr("If we refund"), self.refund_result)
        form.addRow(self.tr("If we resend"), self.resend_result)
        form.addRow(self.tr("Advice"), self.recommendation)
        form.addRow(self.formula)
        form.addRow(self.note)
        form.addRow(self.error)
        for edit in (self.product_cost, self.shipping_cost, self.profit, self.refund):
            edit.textChanged.connect(lambda _t: self.compute())

    def set_inputs(self, product_cost, shipping_cost, profit, refund) -> None:
        for edit, value in ((self.product_cost, product_cost), (self.shipping_cost, shipping_cost),
                            (self.profit, profit), (self.refund, refund)):
            edit.blockSignals(True)
            edit.setText("" if value is None else str(value))
            edit.blockSignals(False)
        self.compute()

    def compute(self):
        """Advise from the fields; returns the Advice, or None (the reason is shown)."""
        self.advice = None
        for label in (self.refund_result, self.resend_result, self.recommendation,
                      self.formula, self.note):
            label.clear()
        edits = (self.product_cost, self.shipping_cost, self.profit, self.refund)
        problem = next((e.problem() for e in edits if e.problem()), "")
        if problem:
            self.error.show_error(problem)
            return None
        texts = [e.amount() for e in edits]
        if any(value is None for value in texts):
            self.error.show_error(self.tr("Enter the product cost, shipping cost, profit and "
                                          "the proposed refund."))
            return None
        try:
            advice = advise(*texts)
        except ServiceError as error:
            self.error.show_error(describe(error))
            return None
        self.error.show_error("")
        self.advice = advice
        self.refund_result.setText(self._result(advice.refund_result))
        self.resend_result.setText(self._result(advice.resend_result))
        word = self.tr("Refund") if advice.recommendation == "refund" else self.tr("Resend")
        self.recommendation.setText(self.tr("{0} — loses {1} less").format(word, advice.saving)
                                    if advice.saving else self.tr("{0} — both cost the same")
                                    .format(word))
        self.formula.setText(self.tr(
            "goods price = {0} + {1} + {2} = {3}; refund: {2} - {4} = {5}; "
            "resend: {2} - ({0} + {1}) = {6}; the smaller loss: {7}").format(
            advice.product_cost, advice.shipping_cost, advice.profit, advice.goods_price,
            advice.refund_amount, advice.refund_result, advice.resend_result,
            self.tr("refund") if advice.recommendation == "refund" else self.tr("resend")))
        self.note.setText(self.tr("Ask the buyer to place a new order for the resent goods, "
                                  "and to close the dispute once it is placed.")
                          if advice.recommendation == "resend" else
                          self.tr("Refund {0}; the buyer keeps or returns the goods as "
                                  "agreed.").format(advice.refund_amount))
        return advice

    def _result(self, value) -> str:
        sign = "+" if value > 0 else ""
        return self.tr("{0}{1} (profit kept)").format(sign, value) if value >= 0 else \
            self.tr("{0} (loss)").format(value)
