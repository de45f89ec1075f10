"""The list on the left of the window: one entry per page."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate, QWidget

from ui.tones import qcolor

KEY_ROLE = Qt.ItemDataRole.UserRole
BADGE_ROLE = Qt.ItemDataRole.UserRole + 1     # a count shown as a red badge (0: none)
BADGE_SPACE = 34


class BadgeDelegate(QStyledItemDelegate):
    """Draws the entry, then its count in a red pill at the right edge."""

    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE) or 0
        if count <= 0:
            return
        text = str(count) if count < 100 else "99+"
        metrics = option.fontMetrics
        width = max(metrics.horizontalAdvance(text) + 10, metrics.height())
        rect = QRect(option.rect.right() - width - 6, option.rect.center().y()
                     - metrics.height() // 2, width, metrics.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(qcolor("pill"))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(qcolor("pill.text"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class NavigationList(QListWidget):
    page_chosen = Signal(str)     # the key of the chosen page

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(2)
        self.currentItemChanged.connect(self._changed)
        self.setItemDelegate(BadgeDelegate(self))

    def add_entry(self, key: str, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(KEY_ROLE, key)
        self.addItem(item)
        widest = max(self.fontMetrics().horizontalAdvance(self.item(i).text())
                     for i in range(self.count()))
        self.setFixedWidth(widest + 48 + BADGE_SPACE)

    def set_badge(self, key: str, count: int) -> None:
        """Show `count` (overdue or due soon) beside the entry; 0 hides the badge."""
        item = self.item(self.keys().index(key))
        item.setData(BADGE_ROLE, max(0, int(count)))
        title = item.text()
        item.setToolTip(self.tr("{0}: {1} need attention").format(title, count) if count else "")

    def badge(self, key: str) -> int:
        return self.item(self.keys().index(key)).data(BADGE_ROLE) or 0

    def keys(self) -> list[str]:
        return [self.item(i).data(KEY_ROLE) for i in range(self.count())]

    def titles(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(KEY_ROLE) if item else None

    def select(self, key: str) -> None:
        row = self.keys().index(key)
        self.setCurrentRow(row)

    def _changed(self, current, _previous) -> None:
        if current is not None:
            self.page_chosen.emit(current.data(KEY_ROLE))
