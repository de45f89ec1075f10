"""The line above the pages while the shop server cannot be reached: what happened, that
what is shown stays readable and an unsent answer is kept, and that AfterDesk reconnects
by itself. It goes away when the server is back (ui/server_state.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from ui.alert_banner import banner_style
from ui.tones import redraw_on_theme_change


class ServerBanner(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alertBanner")           # the banners' look (ui/alert_banner.py)
        self.label = QLabel(self.tr(
            "The shop server cannot be reached. What is on screen stays as it was and an "
            "unsent answer stays in its box; nothing can be saved until the server is back. "
            "AfterDesk reconnects by itself."))
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        redraw_on_theme_change(self, "_redraw")
        self._redraw()
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def _redraw(self) -> None:
        self.setStyleSheet(banner_style("error"))
