"""A chart of one report section, painted with Qt's own painter from the section's table.

The chart keeps no figures of its own: its labels and series are read from the table's label
column and value columns (app.reports.model.Chart, ui.reports.chart_data), and every figure
written on it is the table's own text, so chart and table never disagree. Two kinds:

- "bar": horizontal bars grouped per label (the first table row on top, so every label can
  be read), the figure at the end of each bar, a value axis in round steps with its unit;
- "line": one point per row (months), a line per series, the figures by the points when
  they fit; a month without a figure ("–") has no point and breaks the line.

Colours follow the window's palette (light or dark theme, also when it changes); text uses
the widget's font, which has the bundled Chinese font behind it (ui.fonts). Hovering a bar
or point shows its figure. A section without figures shows `empty_text` instead.

Where each part goes at the present size is computed in ui.reports.chart_drawing; this
widget paints it. No charting library (and so no numpy) is needed: the Windows build stays
small. The wheel is left to the page (it scrolls), and a chart always shows the whole table
it stands for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.reports import chart_drawing
from ui.reports.chart_data import Series, chart_labels, nice_scale, number, tick_text
from ui.reports.chart_drawing import Drawing, Pens, Text
from ui.reports.section_table_model import cell_text
from ui.tones import tones

MAX_BARS = 12          # longer tables (many reasons) chart their first, biggest rows
MIN_HEIGHT, MAX_HEIGHT = 200, 420


class ReportChart(QWidget):
    """The chart of one report section (`section.chart` must be set)."""

    def __init__(self, section, parent: QWidget | None = None, *, empty_text: str = "–"):
        super().__init__(parent)
        chart = section.chart
        rows = section.rows[:MAX_BARS] if chart.kind == "bar" else list(section.rows)
        self.kind = chart.kind
        self.unit = chart.unit or ""
        self.empty_text = empty_text
        self.labels = chart_labels(section.columns, rows, chart)
        self.series = [Series(str(section.columns[column]),
                              tuple(number(row[column]) for row in rows),
                              tuple(cell_text(row[column]) for row in rows))
                       for column in chart.value_columns]
        self.left_out = len(section.rows) - len(rows)
        self.integers = all(isinstance(row[c], int) for row in rows for c in chart.value_columns)
        self.has_data = any(v is not None for s in self.series for v in s.values)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(section.title)
        self.setAccessibleDescription(self.summary())

    # --- what it shows ---------------------------------------------------------------
    def summary(self) -> str:
        """The figures as one line of text (screen readers)."""
        parts = []
        for n, label in enumerate(self.labels):
            figures = ", ".join(f"{s.name} {s.texts[n]}{self.unit}" for s in self.series)
            parts.append(f"{label}: {figures}")
        return "; ".join(parts) or self.empty_text

    def colours(self) -> tuple[QColor, ...]:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return tuple(QColor(tones(dark)[f"chart.{n}"]) for n in range(1, 5))

    def scale(self) -> tuple[float, float, float]:
        """The value axis: first tick, last tick, step (counts in whole steps)."""
        values = [v for s in self.series for v in s.values if v is not None]
        return nice_scale(min([0.0] + values), max([0.0] + values), integers=self.integers)

    def value_ticks(self) -> list[tuple[float, str]]:
        low, high, step = self.scale()
        count = int(round((high - low) / step))
        return [(low + k * step, tick_text(low + k * step, step)) for k in range(count + 1)]

    def drawing(self) -> Drawing:
        """Where every bar, point, figure and text goes at the present size, palette and
        font (what paintEvent paints and hovering looks up)."""
        palette = self.palette()
        pens = Pens(series=self.colours(), text=palette.color(QPalette.ColorRole.Text),
                    muted=palette.color(QPalette.ColorRole.PlaceholderText),
                    font=self.font(), small_font=self._small_font())
        return chart_drawing.lay_out(self, self.width(), self.height(), pens)

    # --- size ------------------------------------------------------------------------
    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        return font

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        if self.kind == "bar":
            per_row = max(line, len(self.series) * QFontMetricsF(self._small_font()).height()) + 6
            height = 5 * line + 16 + per_row * max(1, len(self.labels))
        else:
            height = 260
        return QSize(380, int(min(MAX_HEIGHT, max(MIN_HEIGHT, height))))

    def minimumSizeHint(self) -> QSize:
        return QSize(240, MIN_HEIGHT)

    # --- painting --------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.FontChange):
            self.update()

    def paintEvent(self, event) -> None:
        drawing = self.drawing()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self._paint(painter, drawing)
        finally:
            painter.end()

    def _paint(self, painter: QPainter, drawing: Drawing) -> None:
        text = self.palette().color(QPalette.ColorRole.Text)
        faint = QColor(text)
        faint.setAlpha(50)
        painter.setPen(QPen(faint, 1))
        painter.drawLines(drawing.grid)
        painter.setPen(QPen(text, 1))
        painter.drawLines(drawing.axes)
        painter.setPen(Qt.PenStyle.NoPen)
        for bar in drawing.bars:
            if bar.rect.width() > 0:
                painter.fillRect(bar.rect, bar.colour)
        for colour, pieces in drawing.lines:
            painter.setPen(QPen(colour, 2))
            for piece in pieces:
                painter.drawPolyline(piece)
        painter.setPen(Qt.PenStyle.NoPen)
        for point in drawing.points:
            painter.setBrush(point.colour)
            painter.drawEllipse(point.centre, chart_drawing.POINT_RADIUS,
                                chart_drawing.POINT_RADIUS)
        for entry in drawing.legend:
            painter.fillRect(entry.swatch, entry.colour)
        texts = [e.label for e in drawing.legend] + drawing.labels + drawing.ticks + \
            drawing.figures + [t for t in (drawing.unit, drawing.message) if t is not None]
        small = self._small_font()
        for item in texts:
            self._write(painter, item, small)

    def _write(self, painter: QPainter, item: Text, small: QFont) -> None:
        painter.setFont(small if item.small else self.font())
        painter.setPen(item.colour)
        painter.drawText(item.rect, int(item.align), item.text)

    # --- hover -----------------------------------------------------------------------
    def figure_at(self, position: QPointF) -> str | None:
        """The tooltip text of the bar or point at `position` (widget coordinates)."""
        return chart_drawing.figure_at(self.drawing(), QPointF(position))

    def mouseMoveEvent(self, event) -> None:
        text = self.figure_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        QToolTip.hideText()
        super().leaveEvent(event)


def make_chart(section, parent: QWidget | None = None, *, empty_text: str = "–") -> ReportChart:
    return ReportChart(section, parent, empty_text=empty_text)
