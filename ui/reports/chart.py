"""A chart of one report section, drawn with pyqtgraph from the section's own table.

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

pyqtgraph (and numpy) load with this module (ui.reports.pyqtgraph_import); only the
reports page imports it, on the pool thread that builds its first report.

Zooming, panning, pyqtgraph's context menu and legend clicks are off: the wheel scrolls the
page, and a chart always shows the whole table it stands for.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ui.reports.chart_data import Series, chart_labels, nice_scale, number, tick_text
from ui.reports.pyqtgraph_import import pyqtgraph as pg
from ui.reports.section_table_model import cell_text
from ui.tones import tones

MAX_BARS = 12          # longer tables (many reasons) chart their first, biggest rows
MIN_HEIGHT, MAX_HEIGHT = 200, 420
LABEL_SHARE = 0.38     # bar labels take at most this part of the width, longer ones are cut
HIT_PIXELS = 8         # how near a point the pointer must be to show its figure
EDGE = 0.004           # the value axis starts a hair before 0: its 0 is never rounded away
TEXT_ROOM = 8          # pixels a figure needs beyond its text (the text item's margins)


class ReportChart(pg.GraphicsLayoutWidget):
    """The chart of one report section (`section.chart` must be set): a legend row over
    one pyqtgraph plot."""

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

        self.legend = pg.LegendItem(colCount=max(1, len(self.series)), frame=False)
        self.legend.setAcceptedMouseButtons(Qt.MouseButton.NoButton)   # not draggable
        self.legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.addItem(self.legend, row=0, col=0)
        self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignRight)
        self.plot = self.addPlot(row=1, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        for name in ("left", "bottom"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        self.plot.vb.sigResized.connect(self._fit)
        self.scene().sigMouseMoved.connect(self._hover)
        self.bars: list = []            # one BarGraphItem per series (bar charts)
        self.curves: list = []          # one PlotDataItem per series (line charts)
        self.figures: list = []         # the TextItems writing the table's figures
        self.message = None             # the TextItem of an empty chart
        self._hits: list = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(section.title)
        self.setAccessibleDescription(self.summary())
        self._draw()

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

    # --- drawing ---------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange,
                            QEvent.Type.FontChange) and self._alive():
            self._draw()

    def _alive(self) -> bool:
        """Built and not closed (closing a pyqtgraph view empties its scene)."""
        return hasattr(self, "figures") and not getattr(self, "closed", False)

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Text)

    def _muted_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.PlaceholderText)

    def _draw(self) -> None:
        """(Re)build every item from the figures in the current palette and font."""
        self.setBackground(self.palette().color(QPalette.ColorRole.Base))
        self.plot.clear()
        self.legend.clear()
        self.bars, self.curves, self.figures, self._hits = [], [], [], []
        self.message = None
        text = self._text_colour()
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(text)
            axis.setTextPen(text)
            axis.setTickFont(self.font())
        self.legend.setLabelTextColor(text)
        if not self.has_data:
            self._draw_empty()
        elif self.kind == "line":
            self._draw_lines()
        else:
            self._draw_bars()
        for sample, _label in self.legend.items:     # a click does not hide a series
            sample.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._fit()

    def _draw_empty(self) -> None:
        self.legend.hide()
        for name in ("left", "bottom"):
            self.plot.hideAxis(name)
        self.message = pg.TextItem(self.empty_text, color=self._muted_colour(),
                                   anchor=(0.5, 0.5))
        self.message.setFont(self.font())
        self.plot.addItem(self.message)
        self.plot.setRange(xRange=(-1, 1), yRange=(-1, 1), padding=0)

    def _figure(self, text: str, x: float, y: float, colour: QColor, anchor) -> None:
        item = pg.TextItem(text, color=colour, anchor=anchor)
        item.setFont(self._small_font())
        item.setPos(x, y)
        self.plot.addItem(item)
        self.figures.append(item)

    def _tip(self, label: str, series: Series, n: int) -> str:
        return f"{label}\n{series.name}: {series.texts[n]} {self.unit}".rstrip()

    def _grid(self, angle: int) -> None:
        """Faint lines at the value ticks (items of the plot: the axes' own grid would
        hide the first and last tick numbers)."""
        colour = QColor(self._text_colour())
        colour.setAlpha(50)
        for value, _text in self.value_ticks():
            line = pg.InfiniteLine(pos=value, angle=angle, movable=False, pen=pg.mkPen(colour))
            line.setZValue(-10)
            self.plot.addItem(line, ignoreBounds=True)

    def _draw_bars(self) -> None:
        self.legend.show()
        colours = self.colours()
        rows = len(self.labels)
        slot = 0.8 / len(self.series)
        thickness = slot * 0.82
        for n, series in enumerate(self.series):
            colour = colours[n % len(colours)]
            ys, widths = [], []
            for row, value in enumerate(series.values):
                if value is None:
                    continue
                y = rows - 1 - row + 0.4 - slot * (n + 0.5)
                ys.append(y)
                widths.append(value)
                self._hits.append(("bar", min(0.0, value), max(0.0, value), y - slot / 2,
                                   y + slot / 2, self._tip(self.labels[row], series, row),
                                   series.texts[row]))
                if value or not self.integers:
                    # a zero has no bar: a zero rate or amount is written in grey, a zero
                    # count not at all (the table beside it has it)
                    self._figure(series.texts[row], max(0.0, value), y,
                                 self._text_colour() if value else self._muted_colour(),
                                 (0, 0.5))
            bars = pg.BarGraphItem(x0=0, y=ys, height=thickness, width=widths,
                                   brush=colour, pen=pg.mkPen(None))
            self.plot.addItem(bars)
            self.bars.append(bars)
            self.legend.addItem(pg.PlotDataItem([], [], pen=pg.mkPen(colour, width=8)),
                                series.name)
        left, bottom = self.plot.getAxis("left"), self.plot.getAxis("bottom")
        left.setStyle(tickLength=0)
        bottom.setStyle(tickLength=-5, hideOverlappingLabels=False)   # 0 at the very edge
        bottom.setTicks([self.value_ticks()])
        bottom.setLabel(self.unit or None)
        self.plot.showAxis("left")
        self.plot.showAxis("bottom")
        self._grid(angle=90)
        self.plot.setYRange(-0.5, rows - 0.5, padding=0)

    def _draw_lines(self) -> None:
        self.legend.show()
        colours = self.colours()
        xs = list(range(len(self.labels)))
        for n, series in enumerate(self.series):
            colour = colours[n % len(colours)]
            ys = [math.nan if v is None else v for v in series.values]
            curve = pg.PlotDataItem(xs, ys, connect="finite", pen=pg.mkPen(colour, width=2),
                                    symbol="o", symbolSize=7, symbolBrush=colour,
                                    symbolPen=pg.mkPen(colour))
            self.plot.addItem(curve)
            self.curves.append(curve)
            self.legend.addItem(curve, series.name)
            for index, value in enumerate(series.values):
                if value is not None:
                    self._hits.append(("point", index, value,
                                       self._tip(self.labels[index], series, index)))
        # the figures by the points: the highest series above its point, the lowest below;
        # one figure when all series show the same
        for index in xs:
            shown = sorted(((s.values[index], s.texts[index], n)
                            for n, s in enumerate(self.series) if s.values[index] is not None),
                           key=lambda item: item[0])
            if not shown:
                continue
            single = len({text for _, text, _ in shown}) == 1
            placed = [(shown[-1], (0.5, 1.0))] + ([] if single else [(shown[0], (0.5, 0.0))])
            for (value, text, n), anchor in placed:
                colour = self._text_colour() if single else colours[n % len(colours)]
                self._figure(text, index, value, colour, anchor)
        left, bottom = self.plot.getAxis("left"), self.plot.getAxis("bottom")
        left.setStyle(tickLength=-5)
        bottom.setStyle(tickLength=-5)
        left.setTicks([self.value_ticks()])
        left.setLabel(self.unit or None)
        self.plot.showAxis("left")
        self.plot.showAxis("bottom")
        self._grid(angle=0)
        self.plot.setXRange(-0.5, len(xs) - 0.5, padding=0)

    def _fit(self, *_args) -> None:
        """What depends on the chart's size in pixels: bar labels cut to fit, room on the
        right for the figures at the ends of the bars, month labels and point figures
        thinned where they would overlap."""
        if not self.has_data:
            return
        view = self.plot.vb
        pixels = max(1.0, view.width())
        metrics = QFontMetricsF(self.font())
        small = QFontMetricsF(self._small_font())
        if self.kind == "bar":
            limit = max(40.0, self.width() * LABEL_SHARE)
            rows = len(self.labels)
            shown = [metrics.elidedText(label, Qt.TextElideMode.ElideRight, limit)
                     for label in self.labels]
            axis = self.plot.getAxis("left")
            axis.setTicks([[(rows - 1 - row, text) for row, text in enumerate(shown)]])
            # as wide as its labels from the start (pyqtgraph would widen it only after
            # a first paint without them)
            axis.setWidth(int(max(metrics.horizontalAdvance(t) for t in shown)) + 12)
            low, high, _step = self.scale()
            right = high
            for item in self.figures:
                room = small.horizontalAdvance(item.toPlainText()) + TEXT_ROOM
                if room < pixels:
                    right = max(right, low + (item.pos().x() - low) * pixels / (pixels - room))
            self.plot.setXRange(low - (right - low) * EDGE, right, padding=0)
            return
        slot = pixels / len(self.labels)
        widest = max(metrics.horizontalAdvance(t) for t in self.labels) + 10
        every = max(1, math.ceil(widest / slot))
        self.plot.getAxis("bottom").setTicks([[
            (index, self.labels[index]) for index in range(0, len(self.labels), every)]])
        fits = max((small.horizontalAdvance(i.toPlainText()) for i in self.figures),
                   default=0) + 4 <= slot
        for item in self.figures:
            item.setVisible(fits)
        # room above the last tick for a figure over the highest point, and below the
        # first for one under the lowest
        low, high, _step = self.scale()
        room = small.height() + TEXT_ROOM if fits else HIT_PIXELS
        pixels_high = max(1.0, view.height())
        per_pixel = (high - low) / max(pixels_high - 2 * room, pixels_high / 2)
        self.plot.setYRange(low - room * per_pixel, high + room * per_pixel, padding=0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._alive():
            self._fit()

    # --- hover -----------------------------------------------------------------------
    def figure_at(self, position: QPointF) -> str | None:
        """The tooltip text of the bar or point at `position` (widget coordinates)."""
        view = self.plot.vb
        scene = self.mapToScene(position.toPoint())
        if not self._hits or not view.sceneBoundingRect().contains(scene):
            return None
        here = view.mapSceneToView(scene)
        x_pixel, y_pixel = view.viewPixelSize()
        small = QFontMetricsF(self._small_font())
        for hit in self._hits:
            if hit[0] == "bar":
                _, low, high, bottom, top, tip, text = hit
                reach = high + (small.horizontalAdvance(text) + TEXT_ROOM) * x_pixel
                if low <= here.x() <= reach and bottom <= here.y() <= top:
                    return tip
            else:
                _, x, y, tip = hit
                if (abs(here.x() - x) / x_pixel <= HIT_PIXELS
                        and abs(here.y() - y) / y_pixel <= HIT_PIXELS):
                    return tip
        return None

    def _hover(self, scene_position) -> None:
        """The pointer moved over the chart (pyqtgraph's scene reports it)."""
        if not self._alive():
            return
        text = self.figure_at(QPointF(self.mapFromScene(scene_position)))
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()


def make_chart(section, parent: QWidget | None = None, *, empty_text: str = "–") -> ReportChart:
    return ReportChart(section, parent, empty_text=empty_text)
