"""Record one step on a case: the step's own inputs (a refusal's reason, a new proposal, a
tracking number…) and when it happened on the platform (the rep's local time, default
now). The step goes through app.services.casework.case_actions.perform; a refusal stays in the
dialog and nothing is written.

For a case the shop's connected platform account brought in, a decision the platform
takes from AfterDesk (accept, counter-propose or send pictures on an AliExpress dispute;
agree to a Taobao refund or return, or refuse it with an optional proof picture) is also
sent there: "Send it to AliExpress/Taobao" is ticked, and the step is recorded and queued in
the outbox together (app.platforms.decisions.send_step); the case view shows how the
sending goes."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from app.platforms import decisions as platform_decisions
from app.services.casework import case_actions
from app.services.casework.aftersales_rules import REQUEST_REASONS
from ui.cases.form_bits import AmountEdit, ErrorLine, mark, required
from ui.cases.instant_edit import InstantEdit
from ui.words.cases import ACTIONS, SERVICE_TYPES, SOLUTIONS, w
from ui.write_op import CASES, CONVERSATIONS, run_write

# action -> ((argument, kind, label, required), ...); kinds: text, money, solution,
# service_type, request_reason, party
TRACKING = (("tracking_no", "text", QT_TRANSLATE_NOOP("ActionDialog", "Tracking number"), True),
            ("carrier", "text", QT_TRANSLATE_NOOP("ActionDialog", "Carrier"), False))
REFUSAL = (("reason", "text", QT_TRANSLATE_NOOP("ActionDialog", "Reason for refusing"), True),)
AMOUNT = QT_TRANSLATE_NOOP("ActionDialog", "Refund amount")
NOTE = ("note", "text", QT_TRANSLATE_NOOP("ActionDialog", "Note"), False)
FIELDS = {
    "refuse": REFUSAL,
    "seller_refuse": REFUSAL,
    "ship_return": TRACKING,
    "buyer_ship_return": TRACKING,
    "revise": (
        ("service_type", "service_type", QT_TRANSLATE_NOOP("ActionDialog", "Service type"), False),
        ("reason", "request_reason", QT_TRANSLATE_NOOP("ActionDialog", "Reason"), False),
        ("amount", "money", AMOUNT, False),
        ("description", "text", QT_TRANSLATE_NOOP("ActionDialog", "Description"), False)),
    "rule_for_buyer": (
        ("amount", "money",
         QT_TRANSLATE_NOOP("ActionDialog", "Refund amount (empty: as requested)"), False),),
    "buyer_modify": (
        ("solution_type", "solution", QT_TRANSLATE_NOOP("ActionDialog", "Buyer's new proposal"),
         False),
        ("refund_amount", "money", AMOUNT, False),
        ("reason", "text", QT_TRANSLATE_NOOP("ActionDialog", "New reason (empty: unchanged)"),
         False)),
    "seller_counter_propose": (
        ("solution_type", "solution", QT_TRANSLATE_NOOP("ActionDialog", "Seller's proposal"), True),
        ("refund_amount", "money", AMOUNT, True), NOTE),
    "platform_propose": (
        ("solution_type", "solution", QT_TRANSLATE_NOOP("ActionDialog", "Platform's proposal"),
         True),
        ("refund_amount", "money", AMOUNT, True), NOTE),
    "platform_rule": (
        ("in_favour_of", "party", QT_TRANSLATE_NOOP("ActionDialog", "In favour of"), True),
        ("solution_type", "solution", QT_TRANSLATE_NOOP("ActionDialog", "Solution"), True),
        ("refund_amount", "money",
         QT_TRANSLATE_NOOP("ActionDialog", "Refund amount (empty: the proposal's)"), False),
        NOTE),
    "appeal": (("reason", "text", QT_TRANSLATE_NOOP("ActionDialog", "Reason"), False),),
    "submit_proof": (("note", "text", QT_TRANSLATE_NOOP("ActionDialog", "What was submitted"),
                      False),),
}
PLATFORM_NAMES = {"aliexpress": QT_TRANSLATE_NOOP("ActionDialog", "AliExpress"),
                  "taobao": QT_TRANSLATE_NOOP("ActionDialog", "Taobao")}
PICTURE_FILTER = QT_TRANSLATE_NOOP("ActionDialog", "Pictures (*.jpg *.jpeg *.png *.gif)")


class ActionDialog(QDialog):
    def __init__(self, ref: str, action: str, parent: QWidget | None = None, *,
                 currency: str = "", state_text: str = "", version: int | None = None,
                 send_to: str = ""):
        super().__init__(parent)
        self.ref, self.action = ref, action
        self.version = version          # the case as the view showed it (StaleEdit)
        self.done_ok = False
        self.files: list[str] = []      # pictures sent with the step (AliExpress evidence)
        self.sent_item = None           # the outbox item of a decision sent
        self.setWindowTitle(self.tr("{0} · {1}").format(ref, w(ACTIONS, action)))
        self.inputs: dict[str, tuple[QWidget, str, bool, str]] = {}
        form = QFormLayout()
        if state_text:
            form.addRow(self.tr("Now"), QLabel(state_text))
        for name, kind, label, needed in FIELDS.get(action, ()):
            widget = self._make(kind)
            if kind == "money" and currency:
                widget.setPlaceholderText(currency)
            self.inputs[name] = (widget, kind, needed, self.tr(label))
            form.addRow(required(self.tr(label)) if needed else self.tr(label), widget)
        self.at = InstantEdit()
        form.addRow(required(self.tr("When on the platform")), self.at)
        self.send: QCheckBox | None = None
        self.choose: QPushButton | None = None
        self.files_text: QLabel | None = None
        self.one_picture = False        # a Taobao refusal's proof: one picture
        if send_to:
            platform = self.tr(PLATFORM_NAMES.get(send_to, send_to))
            self.send = QCheckBox(self.tr("Send it to {0} now").format(platform))
            self.send.setChecked(True)
            self.send.setToolTip(self.tr("Recorded here and sent to {0} through the outbox; "
                                         "the case shows whether {0} took it.").format(
                                             platform))
            form.addRow(self.send)
            self.one_picture = action == "refuse" and send_to == "taobao"
            if action == "submit_proof" or self.one_picture:
                self.choose = QPushButton(self.tr("Choose a picture…") if self.one_picture
                                          else self.tr("Choose pictures…"))
                self.choose.clicked.connect(self._choose_files)
                self.files_text = QLabel(self.tr("No picture chosen"))
                self.files_text.setWordWrap(True)
                row = QHBoxLayout()
                row.addWidget(self.choose)
                row.addWidget(self.files_text, 1)
                # the pictures go only with the send: unticked, the picker is off and
                # says so (a step only recorded keeps no picture)
                self.send.toggled.connect(self._sending_changed)
                form.addRow(self.tr("Proof picture (optional; GIF, JPEG or PNG, at most "
                                    "130 KB)") if self.one_picture else self.tr("Pictures"),
                            row)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Record"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _choose_files(self) -> None:
        if self.one_picture:
            path, _chosen = QFileDialog.getOpenFileName(self, self.tr("Choose a picture"), "",
                                                        self.tr(PICTURE_FILTER))
            if path:
                self.set_files([path])
            return
        paths, _chosen = QFileDialog.getOpenFileNames(self, self.tr("Choose pictures"), "",
                                                      self.tr(PICTURE_FILTER))
        if paths:
            self.set_files(paths)

    def _sending_changed(self, sending: bool) -> None:
        assert self.choose is not None and self.files_text is not None
        self.choose.setEnabled(sending)
        self.files_text.setEnabled(sending)
        self.choose.setToolTip("" if sending else self.tr(
            "Pictures go only with the step sent to the platform: tick “{0}” to send "
            "them.").format(self.send.text() if self.send is not None else ""))

    def set_files(self, paths) -> None:
        from pathlib import Path
        self.files = [str(p) for p in paths]
        if self.files_text is not None:
            self.files_text.setText(self.tr(", ").join(Path(p).name for p in self.files)
                                    or self.tr("No picture chosen"))
            self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every line of the chosen pictures' names (a top-level window does
        not grow by itself when a wrapped text needs more lines)."""
        layout = self.layout()
        layout.activate()
        needed = self.heightForWidth(self.width())
        if needed < 0:
            needed = self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    @property
    def sending(self) -> bool:
        return self.send is not None and self.send.isChecked()

    def _make(self, kind: str) -> QWidget:
        if kind == "money":
            return AmountEdit()
        if kind in ("solution", "service_type", "request_reason", "party"):
            box = QComboBox()
            if kind == "solution":
                items = ((code, w(SOLUTIONS, code)) for code in SOLUTIONS)
            elif kind == "service_type":
                items = ((code, w(SERVICE_TYPES, code)) for code in SERVICE_TYPES)
            elif kind == "party":
                items = (("buyer", self.tr("Buyer")), ("seller", self.tr("Seller")))
            else:
                items = ((code, f"{zh} {en}") for code, zh, en in REQUEST_REASONS)
            box.addItem(self.tr("— unchanged —") if kind != "party" else "", None)
            for code, label in items:
                box.addItem(label, code)
            if kind == "party":
                box.removeItem(0)
            return box
        return QLineEdit()

    def field(self, name: str) -> QWidget:
        return self.inputs[name][0]

    def values(self) -> tuple[dict, list[str]]:
        values, missing = {}, []
        for name, (widget, kind, needed, label) in self.inputs.items():
            if kind == "money":
                value = widget.amount()
            elif isinstance(widget, QComboBox):
                value = widget.currentData()
            else:
                value = widget.text().strip() or None
            mark(widget, needed and value is None)
            if value is None:
                if needed:
                    missing.append(label)
                continue
            values[name] = value
        return values, missing

    def submit(self) -> bool:
        for widget, kind, _needed, _label in self.inputs.values():
            if kind == "money" and widget.problem():
                mark(widget, True)
                self.error.show_error(widget.problem())
                return False
        values, missing = self.values()
        if not self.error.show_missing(missing):
            return False
        if self.sending:
            if self.action == "submit_proof" and not self.files:
                self.error.show_error(self.tr("Choose the pictures to send."))
                return False
            write = partial(platform_decisions.send_step, self.ref, self.action,
                            self.at.instant(), shown_version=self.version,
                            files=self.files, **values)
        else:
            write = partial(case_actions.perform, self.ref, self.action, self.at.instant(),
                            shown_version=self.version, **values)
        written = run_write(self, write, changes=[CASES, CONVERSATIONS], refs=[self.ref],
                            on_refused=self.error.show_refusal)
        if not written:
            return False
        if self.sending:
            self.sent_item = written.result
            self.version = None          # the view reads the case again (the notice)
        else:
            self.version = getattr(written.result, "version", None)  # the case as it is now
        self.done_ok = True
        self.accept()
        return True
