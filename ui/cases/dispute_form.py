"""Record a dispute an AliExpress buyer opened: the order, the kind and sub-kind (AE-1), the
reason (the three that do not count toward the dispute rate marked, AE-2), the buyer's
proposal (refund amount, or return and refund) and when it happened on the platform.
Fields marked * are required; a refusal is shown in the form and nothing is written."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app.services.casework import case_actions, case_forms
from app.errors import ServiceError
from app.services.commerce.shops import list_shops
from ui.cases.form_bits import AmountEdit, ErrorLine, required
from ui.cases.instant_edit import InstantEdit
from ui.words.cases import KINDS, SOLUTIONS, SUB_KIND_REASONS, SUB_KINDS, w
from ui.errors import describe
from ui.tones import style_text
from ui.write_op import CASES, run_write


class DisputeForm(QDialog):
    def __init__(self, parent: QWidget | None = None, *, shop: str = "", order_no: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a dispute · 纠纷"))
        self.facts: case_forms.DisputeFormFacts | None = None
        self.created_ref: str | None = None
        self.shop = QComboBox()
        for s in list_shops():
            if s.platform == "aliexpress":
                self.shop.addItem(self.tr("{0} ({1})").format(s.name, s.key), s.key)
        self.order_no = QLineEdit(order_no)
        self.look_up = QPushButton(self.tr("Look up"))
        order_row = QHBoxLayout()
        order_row.addWidget(self.order_no, 1)
        order_row.addWidget(self.look_up)
        self.order_info = QLabel()
        self.issue_id = QLineEdit()
        self.issue_id.setPlaceholderText(self.tr("the platform's dispute id (optional)"))
        self.kind = QComboBox()
        self.sub_kind = QComboBox()
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.rate_note = QLabel()
        style_text(self.rate_note, "info")
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText(self.tr("the buyer's words (optional)"))
        self.solution = QComboBox()
        for code in SOLUTIONS:
            self.solution.addItem(w(SOLUTIONS, code), code)
        self.amount = AmountEdit()
        self.currency = QLabel()
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.currency, 1)
        self.note = QLineEdit()
        self.at = InstantEdit()
        self.earlier = QCheckBox(self.tr("The buyer's first refund request was earlier:"))
        self.first_at = InstantEdit()
        self.first_at.setEnabled(False)
        self.earlier.toggled.connect(self.first_at.setEnabled)
        self.error = ErrorLine()

        form = QFormLayout()
        form.addRow(required(self.tr("Shop")), self.shop)
        form.addRow(required(self.tr("Order")), order_row)
        form.addRow("", self.order_info)
        form.addRow(self.tr("Dispute id"), self.issue_id)
        form.addRow(required(self.tr("Kind")), self.kind)
        form.addRow(required(self.tr("Sub-kind")), self.sub_kind)
        form.addRow(required(self.tr("Reason")), self.reason)
        form.addRow("", self.rate_note)
        form.addRow(self.tr("Buyer's words"), self.reason_text)
        form.addRow(required(self.tr("Buyer's proposal")), self.solution)
        form.addRow(required(self.tr("Refund amount")), amount_row)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(required(self.tr("Opened on the platform")), self.at)
        form.addRow(self.earlier, self.first_at)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(self.tr("Record dispute"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

        if shop:
            self.shop.setCurrentIndex(max(0, self.shop.findData(shop)))
        self.look_up.clicked.connect(self.load_order)
        self.order_no.returnPressed.connect(self.load_order)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.sub_kind.currentIndexChanged.connect(self._sub_kind_changed)
        self.reason.currentTextChanged.connect(self._reason_changed)
        self.buttons.rejected.connect(self.reject)
        self.submit_button.clicked.connect(self.submit)
        if order_no:
            self.load_order()

    def load_order(self) -> bool:
        try:
            facts = case_forms.dispute_form_facts(self.shop.currentData() or "",
                                                  self.order_no.text())
        except ServiceError as error:
            self.error.show_error(describe(error))
            return False
        self.facts = facts
        self.error.show_error("")
        self.order_info.setText(self.tr("Order {0} · paid {1} {2}").format(
            facts.order_no, facts.paid_amount, facts.currency))
        self.currency.setText(self.tr("{0} (at most {1} paid)").format(facts.currency,
                                                                       facts.paid_amount))
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in facts.kinds:
            self.kind.addItem(w(KINDS, kind), kind)
        self.kind.blockSignals(False)
        self._kind_changed()
        return True

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.sub_kind.blockSignals(True)
        self.sub_kind.clear()
        for sub in (self.facts.sub_kinds.get(kind, ()) if self.facts else ()):
            self.sub_kind.addItem(w(SUB_KINDS, sub), sub)
        self.sub_kind.blockSignals(False)
        self._sub_kind_changed()

    def _sub_kind_changed(self) -> None:
        """The reason list: the sub-kind's own reason, then the three AE-2 reasons."""
        self.reason.blockSignals(True)
        self.reason.clear()
        sub = self.sub_kind.currentData()
        if sub:
            self.reason.addItem(SUB_KIND_REASONS.get(sub, sub))
        for reason in (self.facts.non_counted_reasons if self.facts else ()):
            self.reason.addItem(reason)
        self.reason.blockSignals(False)
        self._reason_changed(self.reason.currentText())

    def _reason_changed(self, text: str) -> None:
        if self.facts and text.strip().casefold() in {r.casefold() for r in
                                                      self.facts.non_counted_reasons}:
            self.rate_note.setText(self.tr("Does not count toward the dispute rate ({0}).")
                                   .format(self.facts.non_counted_rule))
        else:
            self.rate_note.setText("")

    def submit(self) -> bool:
        if not self.error.check_required((
                (self.order_no, not self.order_no.text().strip(), self.tr("order")),
                (self.reason, not self.reason.currentText().strip(), self.tr("reason")),
                (self.amount, not self.amount.text().strip(), self.tr("refund amount"))),
                self.amount):
            return False
        if self.facts is None and not self.load_order():
            return False
        written = run_write(self, partial(
            case_actions.record_dispute,
            self.facts.shop, self.facts.order_no, self.kind.currentData(),
            self.sub_kind.currentData(), self.reason.currentText(),
            self.solution.currentData(), self.amount.amount(), self.at.instant(),
            first_request_at=self.first_at.instant() if self.earlier.isChecked() else None,
            issue_id=self.issue_id.text().strip() or None,
            reason_text=self.reason_text.text(), note=self.note.text()),
            changes=[CASES], refs=lambda dispute: [f"D-{dispute.id}"],
            on_refused=self.error.show_refusal)
        if not written:
            return False
        self.created_ref = f"D-{written.result.id}"
        self.accept()
        return True
