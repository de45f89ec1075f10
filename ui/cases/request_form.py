"""The after-sales request form (Taobao 售后): the order, its window (TB-1), the earlier
request if any (TB-2), service type, reason with free text, amount in the order's currency
(not above what was paid), description, photos and files. Fields marked * are required.

Submitting goes through app.services.casework.case_actions.open_request: a refusal (TB-1 window
passed, TB-2 second request, TB-4, TB-7) is shown in the form and nothing is written.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from app.services.casework import case_actions, case_forms
from app.errors import InvalidInput, ServiceError
from app.services.commerce.shops import list_shops
from ui.cases.form_bits import AmountEdit, ErrorLine, mark, required
from ui.cases.instant_edit import InstantEdit
from ui.words.cases import SERVICE_TYPES, w, window_words
from ui.errors import describe
from ui.tones import style_text
from ui.write_op import CASES, run_write

NOT_RECEIVED, NO_REASON = "not_received", "seven_day_no_reason"


class RequestForm(QDialog):
    def __init__(self, parent: QWidget | None = None, *, shop: str = "", order_no: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New after-sales request · 售后申请"))
        self.facts: case_forms.RequestFormFacts | None = None
        self.created_ref: str | None = None

        self.shop = QComboBox()
        for s in list_shops():
            if s.platform == "taobao":
                self.shop.addItem(self.tr("{0} ({1})").format(s.name, s.key), s.key)
        self.order_no = QLineEdit(order_no)
        self.order_no.setPlaceholderText(self.tr("order number, e.g. 3612345678901234567"))
        self.look_up = QPushButton(self.tr("Look up"))
        order_row = QHBoxLayout()
        order_row.addWidget(self.order_no, 1)
        order_row.addWidget(self.look_up)
        self.order_info = QLabel()
        self.window_text = QLabel()
        self.window_text.setWordWrap(True)
        self.earlier_text = QLabel()
        self.earlier_text.setWordWrap(True)
        style_text(self.earlier_text, "warning")
        self.earlier_text.hide()

        self.service_type = QComboBox()
        for code in SERVICE_TYPES:
            self.service_type.addItem(w(SERVICE_TYPES, code), code)
        self.reason = QComboBox()
        self.reason.addItem(self.tr("— choose —"), None)
        self.reason_text = QLineEdit()
        self.reason_text.setPlaceholderText(self.tr("in the buyer's words (optional)"))
        self.rule_hint = QLabel()
        self.rule_hint.setWordWrap(True)
        style_text(self.rule_hint, "info")
        self.goods_intact = QCheckBox(self.tr("Goods intact: tags on, unused, unwashed"))
        self.amount = AmountEdit()
        self.currency = QLabel()
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount)
        amount_row.addWidget(self.currency, 1)
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(self.tr("What the buyer says happened"))
        self.description.setFixedHeight(70)
        self.files = QListWidget()
        self.files.setFixedHeight(self.fontMetrics().height() * 3 + 10)
        self.add_file = QPushButton(self.tr("Add photos or files…"))
        self.remove_file = QPushButton(self.tr("Remove"))
        files_row = QVBoxLayout()
        files_row.addWidget(self.files)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_file)
        buttons_row.addWidget(self.remove_file)
        buttons_row.addStretch(1)
        files_row.addLayout(buttons_row)
        self.at = InstantEdit()
        # rule TB-1: asked for only when the order's export did not carry its completion time
        self.completed_known = QCheckBox(self.tr("I have it:"))
        self.completed_at = InstantEdit()
        self.completed_at.setEnabled(False)
        self.completed_known.toggled.connect(self.completed_at.setEnabled)
        self.completed_row = QWidget()
        completed_layout = QHBoxLayout(self.completed_row)
        completed_layout.setContentsMargins(0, 0, 0, 0)
        completed_layout.addWidget(self.completed_known)
        completed_layout.addWidget(self.completed_at, 1)
        self.completed_label = QLabel(required(self.tr("Transaction succeeded on")))
        self.error = ErrorLine()

        form = QFormLayout()
        form.addRow(required(self.tr("Shop")), self.shop)
        form.addRow(required(self.tr("Order")), order_row)
        form.addRow("", self.order_info)
        form.addRow(self.tr("Window"), self.window_text)
        form.addRow(self.completed_label, self.completed_row)
        form.addRow("", self.earlier_text)
        form.addRow(required(self.tr("Service type")), self.service_type)
        form.addRow(required(self.tr("Reason")), self.reason)
        form.addRow(self.tr("Reason details"), self.reason_text)
        form.addRow("", self.goods_intact)
        form.addRow("", self.rule_hint)
        form.addRow(required(self.tr("Refund amount")), amount_row)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Photos and files"), files_row)
        form.addRow(required(self.tr("Opened on the platform")), self.at)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = self.buttons.addButton(self.tr("Record request"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 700)

        if shop:
            self.shop.setCurrentIndex(max(0, self.shop.findData(shop)))
        self.look_up.clicked.connect(self.load_order)
        self.order_no.returnPressed.connect(self.load_order)
        self.shop.currentIndexChanged.connect(lambda _i: self.load_order(quiet=True))
        self.reason.currentIndexChanged.connect(self._reason_changed)
        self.service_type.currentIndexChanged.connect(self._reason_changed)
        self.at.changed.connect(self._refresh_window)
        self.completed_at.changed.connect(self._refresh_window)
        self.completed_known.toggled.connect(lambda _on: self._refresh_window())
        self._show_completion(False)
        self.add_file.clicked.connect(self.choose_files)
        self.remove_file.clicked.connect(lambda: self.files.takeItem(self.files.currentRow()))
        self.buttons.rejected.connect(self.reject)
        self.submit_button.clicked.connect(self.submit)
        self._reason_changed()
        if order_no:
            self.load_order()

    # --- the order ------------------------------------------------------------------------
    def load_order(self, quiet: bool = False) -> bool:
        self.facts = None
        self.order_info.clear()
        self.window_text.clear()
        self.earlier_text.clear()
        if not self.order_no.text().strip():
            return False
        try:
            facts = case_forms.request_form_facts(self.shop.currentData() or "",
                                                  self.order_no.text(), self.at.instant())
        except ServiceError as error:
            if not quiet:
                self.error.show_error(describe(error))
            return False
        self.facts = facts
        self.error.show_error("")
        state = self.tr("transaction succeeded") if facts.received else facts.status
        self.order_info.setText(self.tr("Order {0} · {1} · paid {2} {3}").format(
            facts.order_no, state, facts.paid_amount, facts.currency))
        self.currency.setText(self.tr("{0} (at most {1} paid)").format(facts.currency,
                                                                       facts.paid_amount))
        if self.reason.count() == 1:
            for code, zh, en in facts.reasons:
                self.reason.addItem(f"{zh} {en}", code)
        self.earlier_text.setText(facts.earlier_message)
        self.earlier_text.setVisible(bool(facts.earlier_message))
        self._show_completion(facts.completion_unknown)
        self._refresh_window()
        return True

    def _show_completion(self, shown: bool) -> None:
        self.completed_label.setVisible(shown)
        self.completed_row.setVisible(shown)

    def completion_entered(self):
        """The completion time the rep entered (TB-1), when the form asked for it."""
        if (self.facts is None or not self.facts.completion_unknown
                or not self.completed_known.isChecked()):
            return None
        return self.completed_at.instant()

    def _refresh_window(self) -> None:
        if self.facts is None:
            return
        order = case_forms.order_by_id(self.facts.order_id)
        window = case_forms.request_window(order, self.at.instant(),
                                           completed_at=self.completion_entered())
        self.window_text.setText(window_words(window))
        style_text(self.window_text, "error" if not window.is_open else "ok")

    def _reason_changed(self) -> None:
        """TB-4: not received means refund only; TB-7: no-reason returns need intact goods."""
        reason = self.reason.currentData()
        allowed = self.facts.not_received_services if self.facts else ("refund_only",)
        model = self.service_type.model()
        for row in range(self.service_type.count()):
            code = self.service_type.itemData(row)
            model.item(row).setEnabled(reason != NOT_RECEIVED or code in allowed)
        hint = ""
        if reason == NOT_RECEIVED:
            if self.service_type.currentData() not in allowed:
                self.service_type.setCurrentIndex(self.service_type.findData(allowed[0]))
            rule = self.facts.not_received_rule if self.facts else ""
            hint = self.tr("Goods not received: refund only ({0}).").format(rule)
        self.goods_intact.setVisible(reason == NO_REASON)
        if reason == NO_REASON:
            rule = self.facts.no_reason_rule if self.facts else ""
            hint = self.tr("Seven-day no-reason return: only for intact goods ({0}).").format(rule)
        self.rule_hint.setText(hint)
        self.rule_hint.setVisible(bool(hint))

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos and files"), "",
                                                self.tr("Photos and PDF (*.jpg *.jpeg *.png "
                                                        "*.gif *.webp *.bmp *.pdf)"))
        for path in paths:
            self.add_path(path)

    def add_path(self, path: str) -> None:
        self.files.addItem(path)

    # --- submitting -------------------------------------------------------------------------
    def submit(self) -> bool:
        if not self.error.check_required((
                (self.order_no, not self.order_no.text().strip(), self.tr("order")),
                (self.reason, self.reason.currentData() is None, self.tr("reason")),
                (self.amount, not self.amount.text().strip(), self.tr("refund amount"))),
                self.amount):
            return False
        if self.facts is None and not self.load_order():
            return False
        amount = self.amount.amount()
        if amount > self.facts.paid_amount or amount <= 0:
            mark(self.amount, True)
            self.error.show_error(self.tr("The refund amount must be more than 0 and at most "
                                          "what the buyer paid: {0} {1}.").format(
                self.facts.paid_amount, self.facts.currency))
            return False
        reason = self.reason.currentData()
        intact = True if self.goods_intact.isChecked() else (False if reason == NO_REASON
                                                             else None)
        written = run_write(self, partial(
            case_actions.open_request,
            self.facts.shop, self.facts.order_no, self.service_type.currentData(), reason,
            amount, self.at.instant(), description=self.description.toPlainText(),
            reason_text=self.reason_text.text(), goods_intact=intact,
            files=[self.files.item(i).text() for i in range(self.files.count())],
            completed_at=self.completion_entered()),
            changes=[CASES], refs=lambda request: [f"A-{request.id}"],
            on_refused=self._refused)
        if not written:
            return False
        self.created_ref = f"A-{written.result.id}"
        self.accept()
        return True

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, InvalidInput) and error.field == "amount":
            mark(self.amount, True)
        self.error.show_refusal(error)
