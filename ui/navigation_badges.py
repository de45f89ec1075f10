"""The red count pill drawn at the right edge of a navigation entry (ui/navigation.py).

Its own module: the navigation draws with Qt's delegate until a page first has a count,
so a start neither loads this nor makes Qt's painter and style-option types for it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyledItemDelegate

from ui.navigation import BADGE_ROLE
from ui.tones import qcolor


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
