"""Small parts the case forms share: the red error line, a required-field label (*),
an amount field in the order's currency, and marking a field that needs attention."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtCore import QRegularExpression
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

ERROR_STYLE = "color: #c5221f; font-weight: bold;"
BAD_FIELD = "border: 2px solid #c5221f;"


def required(text: str) -> str:
    """A form label with the required-field star."""
    return f"{text} <span style='color:#c5221f'>*</span>"


class ErrorLine(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def show_refusal(self, error: BaseException) -> None:
        """A refused write (ui.write_op's on_refused): a rule's refusal with its rule id,
        any other problem as the message box would say it."""
        from app.errors import RuleRefusal
        from ui.errors import describe
        from ui.words.refusals import refusal_words
        self.show_error(refusal_words(error) if isinstance(error, RuleRefusal)
                        else describe(error))


class AmountEdit(QLineEdit):
    """Digits with at most two decimals; `amount()` is a Decimal or None when empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,9}([.,]\d{0,2})?"),
                                                      self))
        self.setMaximumWidth(140)

    def amount(self) -> Decimal | None:
        text = self.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return Decimal(text).quantize(Decimal("0.01"))
        except InvalidOperation:
            return None


def mark(widget: QWidget, bad: bool) -> None:
    widget.setStyleSheet(BAD_FIELD if bad else "")
    widget.setProperty("needs_attention", bad)
