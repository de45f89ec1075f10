"""The row of inbox filters above the list; they combine (AND). Saved views restore a set."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from app.vocab import CHANNELS, ORDER_STATES, STAR_COLOURS
from ui.words.vocabulary import CHANNELS as CHANNEL_WORDS
from ui.words.vocabulary import ORDER_STATES as ORDER_WORDS
from ui.words.vocabulary import STARS, word


class FiltersBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._quiet = False
        self.unreplied = QCheckBox(self.tr("Unreplied"))
        self.unread = QCheckBox(self.tr("Unread"))
        self.open_case = QCheckBox(self.tr("Open request or dispute"))
        self.mine = QCheckBox(self.tr("Assigned to me"))
        # an answer the outbox could not send (docs/channels.md); Tab reaches it like the rest
        self.delivery_failed = QCheckBox(self.tr("Delivery failed"))
        self.star = self._combo(self.tr("Any star"),
                                [(c, word(STARS, c)) for c in STAR_COLOURS if c != "none"])
        self.order_status = self._combo(self.tr("Any order status"),
                                        [(s, word(ORDER_WORDS, s)) for s in ORDER_STATES])
        self.channel = self._combo(self.tr("Any channel"),
                                   [(c, word(CHANNEL_WORDS, c)) for c in CHANNELS])
        self.shop = self._combo(self.tr("Any shop"), [])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.unreplied, self.unread, self.open_case, self.delivery_failed,
                    self.mine):
            box.toggled.connect(self._emit)
            layout.addWidget(box)
        for combo in (self.star, self.order_status, self.channel, self.shop):
            combo.currentIndexChanged.connect(self._emit)
            layout.addWidget(combo)
        layout.addStretch(1)

    @staticmethod
    def _combo(anything: str, choices) -> QComboBox:
        combo = QComboBox()
        combo.addItem(anything, "")
        for value, label in choices:
            combo.addItem(label, value)
        return combo

    def set_shops(self, keys: list[str]) -> None:
        current = self.shop.currentData()
        self._quiet = True
        self.shop.clear()
        self.shop.addItem(self.tr("Any shop"), "")
        for key in keys:
            self.shop.addItem(key, key)
        index = self.shop.findData(current)
        self.shop.setCurrentIndex(max(index, 0))
        self._quiet = False

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self.changed.emit()

    def filters(self, my_name: str) -> dict:
        chosen: dict = {}
        for key, box in (("unreplied", self.unreplied), ("unread", self.unread),
                         ("open_case", self.open_case),
                         ("delivery_failed", self.delivery_failed)):
            if box.isChecked():
                chosen[key] = True
        if self.mine.isChecked():
            chosen["assigned_to"] = my_name
        for key, combo in (("star", self.star), ("order_status", self.order_status),
                           ("channel", self.channel), ("shop", self.shop)):
            if combo.currentData():
                chosen[key] = combo.currentData()
        return chosen

    def set_filters(self, filters: dict) -> None:
        """Show a saved view's filters (one `changed` signal at the end)."""
        self._quiet = True
        try:
            self.unreplied.setChecked(bool(filters.get("unreplied")))
            self.unread.setChecked(bool(filters.get("unread")))
            self.open_case.setChecked(bool(filters.get("open_case")))
            self.delivery_failed.setChecked(bool(filters.get("delivery_failed")))
            self.mine.setChecked(bool(filters.get("assigned_to")))
            for key, combo in (("star", self.star), ("order_status", self.order_status),
                               ("channel", self.channel), ("shop", self.shop)):
                index = combo.findData(filters.get(key) or "")
                if index < 0 and filters.get(key):
                    combo.addItem(str(filters[key]), filters[key])
                    index = combo.count() - 1
                combo.setCurrentIndex(max(index, 0))
        finally:
            self._quiet = False
        self.changed.emit()
