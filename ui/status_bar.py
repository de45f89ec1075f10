"""The window's status bar: which database is open, how long each list is, and the mail
sync's last word (its last sync or what went wrong)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget


class ShellStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.database_label = QLabel()
        self.counts_label = QLabel()
        self.database_label.setMinimumWidth(120)   # the counts win when space is short
        # The counts never widen the window: with many pages the text is cut, the tooltip
        # keeps it whole (each page's count also shows on its navigation entry).
        self.counts_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counts_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.sync_label = QLabel()
        self.addWidget(self.database_label, 1)
        self.addWidget(self.counts_label, 2)
        self.addPermanentWidget(self.sync_label)
        self._counts: dict[str, int] = {}
        self._titles: dict[str, str] = {}

    def set_database(self, path: str | Path) -> None:
        self.database_label.setText(self.tr("Database: {0}").format(path))
        self.database_label.setToolTip(str(path))

    def set_sync(self, text: str, detail: str = "") -> None:
        self.sync_label.setText(text)
        self.sync_label.setToolTip(detail)

    def declare_count(self, key: str, title: str) -> None:
        """Reserve a place for a list's count (shown in the order declared)."""
        self._titles[key] = title

    def set_count(self, key: str, count: int) -> None:
        self._counts[key] = count
        text = "  ·  ".join(f"{title}: {self._counts[k]}" for k, title in self._titles.items()
                            if k in self._counts)
        self.counts_label.setText(text)
        self.counts_label.setToolTip(text)

    def count(self, key: str) -> int | None:
        return self._counts.get(key)
