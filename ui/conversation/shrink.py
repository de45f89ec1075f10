"""Rows of controls that may become narrower than their contents (a small window): they
scroll sideways instead of forcing the whole window wider."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class ShrinkableRow(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumWidth(120)

    def sizeHint(self):
        return self.widget().sizeHint()

    def minimumSizeHint(self):
        hint = self.widget().minimumSizeHint()
        hint.setWidth(120)
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # maximumViewportSize, not viewport(): asking Qt for the viewport widget makes the
        # binding load every widget class the first time (docs/start.md).
        needs_bar = self.widget().minimumSizeHint().width() > self.maximumViewportSize().width()
        bar = self.horizontalScrollBar().sizeHint().height() if needs_bar else 0
        self.setFixedHeight(self.widget().minimumSizeHint().height() + bar)
