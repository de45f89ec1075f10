"""Under a case's step buttons: each decision sent to the platform, one line each, coloured
by its own state (a refusal in the error colour, the others muted), so a decision that went
through never looks like the one that failed beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.tones import style_text


class SentDecisions(QWidget):
    # a refusal that waits for the SMS code Taobao sent: its link opens the conversation,
    # whose failed bubble asks for the code (conversation id)
    code_asked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lines: list[QLabel] = []
        self.links: list[QLabel] = []       # "Retry with the SMS code…" of such lines
        self.failed: list[bool] = []        # per line: shown in the error colour
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)
        self.hide()

    def show_lines(self, lines: list[tuple]) -> None:
        """`lines`: (text, failed[, conversation id when it waits for the SMS code]) of
        each decision, oldest first; hidden when empty."""
        for label in (*self.lines, *self.links):
            self.layout_.removeWidget(label)
            label.deleteLater()
        self.lines, self.links = [], []
        self.failed = [line[1] for line in lines]
        for text, failed, *code_in in lines:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            style_text(label, "error" if failed else "muted")
            self.layout_.addWidget(label)
            self.lines.append(label)
            if code_in and code_in[0]:
                link = QLabel('<a href="code:{0}">{1}</a>'.format(
                    code_in[0], self.tr("Retry with the SMS code… (in the conversation)")))
                link.setTextFormat(Qt.TextFormat.RichText)
                link.linkActivated.connect(
                    lambda href: self.code_asked.emit(int(href.split(":", 1)[1])))
                self.layout_.addWidget(link)
                self.links.append(link)
        self.setVisible(bool(lines))

    def text(self) -> str:
        return "\n".join(label.text() for label in self.lines)

    def failed_lines(self) -> list[str]:
        """The lines shown in the error colour."""
        return [label.text() for label, failed in zip(self.lines, self.failed) if failed]
