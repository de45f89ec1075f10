"""Small parts the case forms share: the red error line, a required-field label (*),
an amount field in the order's currency, and marking a field that needs attention."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ui.tones import style_text, tone


def required(text: str) -> str:
    """A form label with the required-field star."""
    return f"{text} <span style='color:{tone('error')}'>*</span>"


class ErrorLine(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        style_text(self, "error", "font-weight: bold;")
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def show_missing(self, names: list[str]) -> bool:
        """Say which required fields (marked *) are empty; False when one is."""
        if names:
            self.show_error(self.tr("Fill in the fields marked *: {0}.").format(
                self.tr(", ").join(names)))
        return not names

    def check_required(self, checks, amount: AmountEdit) -> bool:
        """Mark each (widget, empty, name) of `checks` that is empty, then the amount's own
        problem; say the first thing to fix. True when the form may be sent."""
        missing = []
        for widget, empty, name in checks:
            mark(widget, empty)
            if empty:
                missing.append(name)
        if not self.show_missing(missing):
            return False
        if amount.problem():
            mark(amount, True)
            self.show_error(amount.problem())
            return False
        return True

    def show_refusal(self, error: BaseException) -> None:
        """A refused write (ui.write_op's on_refused): a rule's refusal with its rule id,
        any other problem as the message box would say it."""
        from app.errors import RuleRefusal
        from ui.errors import describe
        from ui.words.refusals import refusal_words
        self.show_error(refusal_words(error) if isinstance(error, RuleRefusal)
                        else describe(error))


class AmountEdit(QLineEdit):
    """An amount of money as the rep types it: digits with at most two decimals, the
    decimal point of the rep's locale or a dot. Nothing typed is dropped or changed: what
    is not an amount (a sign, an exponent, a letter, too many decimals, more than the
    limit) is shown as invalid with a message, and `amount()` is None for it (#26.4).
    `signed` admits a minus sign (a profit may be negative)."""

    problem_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, signed: bool = False):
        super().__init__(parent)
        self.signed = signed
        self.limit: Decimal | None = None
        self.limit_text = ""
        self.setMaximumWidth(140)
        self.textChanged.connect(self._check)

    def set_limit(self, limit: Decimal | None, text: str = "") -> None:
        """At most `limit` (e.g. what the buyer paid; `text` says it with its currency)."""
        self.limit, self.limit_text = limit, text or str(limit)
        self._check()

    def amount(self) -> Decimal | None:
        """The amount, or None when the field is empty or not a valid amount."""
        value, problem = self._parse()
        return None if problem else value

    def problem(self) -> str:
        """Why the text is not an amount ('' when it is one, or empty)."""
        return self._parse()[1]

    def _parse(self) -> tuple[Decimal | None, str]:
        text = self.text().strip()
        if not text:
            return None, ""
        point = QLocale().decimalPoint()
        normal = text.replace(point, ".").replace(",", ".")
        if normal.startswith("-") and not self.signed:
            return None, self.tr("An amount cannot be negative.")
        if not _AMOUNT.fullmatch(normal):
            return None, self.tr("“%1” is not an amount: write digits with at most two "
                                 "decimals, e.g. %2.").replace("%1", text).replace(
                "%2", f"12{point}50")
        value = Decimal(normal).quantize(Decimal("0.01"))
        if self.limit is not None and value > self.limit:
            return None, self.tr("At most %1.").replace("%1", self.limit_text)
        return value, ""

    def _check(self, _text: str = "") -> None:
        problem = self.problem()
        mark(self, bool(problem))
        self.setToolTip(problem)
        self.problem_changed.emit(problem)


_AMOUNT = re.compile(r"-?\d{1,12}(?:\.\d{0,2})?")


def mark(widget: QWidget, bad: bool) -> None:
    widget.setStyleSheet(f"border: 2px solid {tone('error')};" if bad else "")
    widget.setProperty("needs_attention", bad)
