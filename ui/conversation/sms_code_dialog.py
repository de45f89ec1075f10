"""The SMS code of a large Taobao refund agreement: the platform refused the agreement and
sent a code to the seller's phone; the rep types it here and the agreement goes again with
it (app.platforms.decisions.retry_with_code: the code is kept in this computer's password
store until that send, never in the database)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from app.platforms import decisions
from ui.cases.form_bits import ErrorLine
from ui.write_op import CASES, CONVERSATIONS, run_write


class SmsCodeDialog(QDialog):
    def __init__(self, item_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.item_id = item_id
        self.setWindowTitle(self.tr("Retry with the SMS code"))
        explanation = QLabel(self.tr(
            "Taobao sent an SMS code to the seller's phone for this refund. Type it here: "
            "the agreement is sent again with it at once."))
        explanation.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("SMS code"))
        self.code.setPlaceholderText("839212")
        form = QFormLayout()
        form.addRow(self.tr("SMS code"), self.code)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(self.tr("Send again"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # wide enough that the explanation reads in a few lines, not a narrow column
        self.setMinimumWidth(440)
        self.resize(460, self.heightForWidth(460) if self.heightForWidth(460) > 0
                    else self.sizeHint().height())

    def submit(self) -> bool:
        code = self.code.text().strip()
        if not code:
            self._say(self.tr("Type the code Taobao sent to the seller's phone."))
            return False
        written = run_write(self, partial(decisions.retry_with_code, self.item_id, code),
                            changes=[CONVERSATIONS, CASES], on_refused=self._refused)
        if not written:
            return False
        self.accept()
        return True

    def _refused(self, error: BaseException) -> None:
        self.error.show_refusal(error)
        self._fit_height()

    def _say(self, text: str) -> None:
        self.error.show_error(text)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show the whole message (a dialog does not grow for a wrapped line)."""
        self.layout().activate()
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
