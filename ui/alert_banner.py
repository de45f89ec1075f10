"""The in-app banner above the pages: the latest deadline alert, the start-up summary, or a
problem of the deadline monitor, with a way to the Deadlines page and a close button."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.tones import redraw_on_theme_change, tone


def banner_style(kind: str) -> str:
    """The banner's colours for its kind (info, alert, error) in the current theme."""
    return (f"QFrame#alertBanner {{ background: {tone('banner.' + kind)}; "
            f"border: 1px solid {tone('banner.' + kind + '.border')}; }} "
            f"QFrame#alertBanner QLabel {{ color: {tone('banner.text')}; }}")


class AlertBanner(QFrame):
    open_deadlines = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.more_label = QLabel()
        self.show_button = QPushButton(self.tr("Show deadlines"))
        self.close_button = QPushButton(self.tr("Dismiss"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.more_label)
        layout.addWidget(self.show_button)
        layout.addWidget(self.close_button)
        self.show_button.clicked.connect(self.open_deadlines.emit)
        self.close_button.clicked.connect(self.dismiss)
        self.kind = ""
        self.unseen = 0
        redraw_on_theme_change(self, "_redraw")
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def _redraw(self) -> None:
        if self.kind:
            self.setStyleSheet(banner_style(self.kind))

    def show_alert(self, payload: dict) -> None:
        """A deadline alert; alerts arriving before the rep dismisses add up."""
        from ui.alert_words import alert_words
        self.unseen += 1
        self._show("alert", alert_words(payload))

    def show_summary(self, summary) -> None:
        """The monitor's summary (app.monitor.summary.DueSummary), in the rep's language."""
        if self.kind == "alert" and self.isVisible():
            return   # an alert is more urgent than the summary
        from ui.due_words import summary_text
        self._show("info", summary_text(summary))

    def show_error(self, text: str) -> None:
        self._show("error", text)

    def dismiss(self) -> None:
        self.unseen = 0
        self.kind = ""
        self.hide()

    def _show(self, kind: str, text: str) -> None:
        self.kind = kind
        self.setStyleSheet(banner_style(kind))
        self.label.setText(text)
        more = self.unseen - 1 if kind == "alert" else 0
        self.more_label.setText(self.tr("and {0} more").format(more) if more > 0 else "")
        self.show()
