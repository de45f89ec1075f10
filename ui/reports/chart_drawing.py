"""Where everything of a report chart goes at a given size: bars, points, lines, figures,
axis texts, grid lines and legend, in widget pixels. ui.reports.chart paints this and finds
the figure under the pointer in it; nothing here paints."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF

MARGIN = 6.0
LABEL_SHARE = 0.38     # bar labels take at most this part of the width, longer ones are cut
HIT_PIXELS = 8         # how near a point the pointer must be to show its figure
FIGURE_GAP = 4.0       # pixels between a bar's end (or a point) and its figure
SWATCH = 12.0          # the width of a legend's colour sample
POINT_RADIUS = 3.5
BAR_LINES = 2.2        # a bar's slot is at most this many lines of the figures' font

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Text:
    text: str
    rect: QRectF
    colour: QColor
    align: Qt.AlignmentFlag = CENTRE
    small: bool = False         # in the chart's smaller font (the figures)


@dataclass(frozen=True)
class Bar:
    series: int
    row: int
    rect: QRectF
    colour: QColor
    tip: str
    reach: QRectF               # the bar with its figure: where hovering shows the tip


@dataclass(frozen=True)
class Point:
    series: int
    index: int
    centre: QPointF
    colour: QColor
    tip: str


@dataclass(frozen=True)
class LegendEntry:
    name: str
    colour: QColor
    swatch: QRectF
    label: Text


@dataclass
class Drawing:
    """A chart at one size, in widget pixels."""
    plot: QRectF = field(default_factory=QRectF)
    legend: list[LegendEntry] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    lines: list[tuple[QColor, list[list[QPointF]]]] = field(default_factory=list)
    figures: list[Text] = field(default_factory=list)
    labels: list[Text] = field(default_factory=list)      # rows (bars) or months (lines)
    ticks: list[Text] = field(default_factory=list)       # the value axis
    grid: list[QLineF] = field(default_factory=list)
    axes: list[QLineF] = field(default_factory=list)
    unit: Text | None = None
    message: Text | None = None                           # an empty chart's text


class Pens:
    """The colours and fonts a drawing is laid out with."""

    def __init__(self, *, series, text, muted, font, small_font):
        self.series, self.text, self.muted = tuple(series), QColor(text), QColor(muted)
        self.metrics, self.small = QFontMetricsF(font), QFontMetricsF(small_font)

    def of(self, n: int) -> QColor:
        return self.series[n % len(self.series)]


def lay_out(chart, width: float, height: float, pens: Pens) -> Drawing:
    drawing = Drawing()
    if not chart.has_data:
        drawing.message = Text(chart.empty_text, QRectF(0, 0, width, height), pens.muted)
        return drawing
    line = pens.metrics.height()
    drawing.legend = _legend(chart, width, pens)
    top = MARGIN + line + 6
    if chart.kind == "bar":
        _bars(chart, drawing, QRectF(0, top, width, height - top), pens)
    else:
        _lines(chart, drawing, QRectF(0, top, width, height - top), pens)
    return drawing


def _legend(chart, width: float, pens: Pens) -> list[LegendEntry]:
    """The series' names in a row at the top right, each after its colour."""
    line = pens.metrics.height()
    widths = [SWATCH + 4 + pens.metrics.horizontalAdvance(s.name) for s in chart.series]
    x = max(MARGIN, width - MARGIN - sum(widths) - 12 * (len(widths) - 1))
    entries = []
    for n, (series, used) in enumerate(zip(chart.series, widths)):
        swatch = QRectF(x, MARGIN + line / 2 - 4, SWATCH, 8)
        label = QRectF(x + SWATCH + 4, MARGIN, used - SWATCH - 4 + 1, line)
        entries.append(LegendEntry(series.name, pens.of(n), swatch,
                                   Text(series.name, label, pens.text, LEFT)))
        x += used + 12
    return entries


def _tip(chart, n: int, index: int) -> str:
    series = chart.series[n]
    return f"{chart.labels[index]}\n{series.name}: {series.texts[index]} {chart.unit}".rstrip()


def _faint(colour: QColor) -> QColor:
    faint = QColor(colour)
    faint.setAlpha(50)
    return faint


def _bars(chart, drawing: Drawing, area: QRectF, pens: Pens) -> None:
    """Horizontal bars grouped per label, the first row on top; the value axis below with
    its unit; room on the right for the figure at the end of the longest bar."""
    metrics, small, line = pens.metrics, pens.small, pens.metrics.height()
    limit = max(40.0, area.width() * LABEL_SHARE)
    shown = [metrics.elidedText(label, Qt.TextElideMode.ElideRight, limit)
             for label in chart.labels]
    label_width = max(metrics.horizontalAdvance(t) for t in shown) + 1
    ticks = chart.value_ticks()
    half_tick = max(metrics.horizontalAdvance(t) for _v, t in ticks) / 2
    left = MARGIN + label_width + 8
    right = area.right() - MARGIN - half_tick
    bottom = area.bottom() - MARGIN - line - (line if chart.unit else 0) - 4
    plot = QRectF(QPointF(max(left, half_tick + MARGIN), area.top()), QPointF(right, bottom))
    drawing.plot = plot
    low, high, _step = chart.scale()
    # the value at the plot's right edge: far enough that every figure fits after its bar
    pixels = max(1.0, plot.width())
    end = high
    for series in chart.series:
        for value, text in zip(series.values, series.texts):
            if value is None:
                continue
            room = small.horizontalAdvance(text) + FIGURE_GAP + 2 - half_tick
            if 0 < room < pixels:
                end = max(end, low + (max(0.0, value) - low) * pixels / (pixels - room))

    def x_of(value: float) -> float:
        return plot.left() + (value - low) / (end - low) * plot.width()

    rows = len(chart.labels)
    band = plot.height() / rows
    # each series' bar in its slot of the row, no thicker than a few lines of figures
    slot = min(band * 0.8 / len(chart.series), small.height() * BAR_LINES)
    group = slot * len(chart.series)
    for row, text in enumerate(shown):
        centre = plot.top() + band * (row + 0.5)
        drawing.labels.append(Text(text, QRectF(MARGIN, centre - line / 2, label_width, line),
                                   pens.text, RIGHT))
    for n, series in enumerate(chart.series):
        for row, value in enumerate(series.values):
            if value is None:
                continue
            centre = plot.top() + band * row + (band - group) / 2 + slot * (n + 0.5)
            thickness = slot * 0.82
            start, stop = x_of(min(0.0, value)), x_of(max(0.0, value))
            rect = QRectF(start, centre - thickness / 2, stop - start, thickness)
            reach = QRectF(start, centre - slot / 2,
                           stop - start + FIGURE_GAP + small.horizontalAdvance(series.texts[row]),
                           slot)
            if value:
                drawing.bars.append(Bar(n, row, rect, pens.of(n), _tip(chart, n, row), reach))
            else:     # a zero has no bar, but hovering where it would be still tells it
                drawing.bars.append(Bar(n, row, QRectF(start, rect.top(), 0, thickness),
                                        pens.of(n), _tip(chart, n, row), reach))
            if value or not chart.integers:
                # a zero rate or amount is written in grey, a zero count not at all (the
                # table beside it has it)
                figure = QRectF(stop + FIGURE_GAP, centre - small.height() / 2,
                                small.horizontalAdvance(series.texts[row]) + 1, small.height())
                drawing.figures.append(Text(series.texts[row], figure,
                                            pens.text if value else pens.muted, LEFT, True))
    for value, text in ticks:
        x = x_of(value)
        drawing.grid.append(QLineF(x, plot.top(), x, plot.bottom()))
        width = metrics.horizontalAdvance(text) + 1
        drawing.ticks.append(Text(text, QRectF(x - width / 2, plot.bottom() + 4, width, line),
                                  pens.text))
    drawing.axes = [QLineF(plot.bottomLeft(), plot.bottomRight()),
                    QLineF(plot.topLeft(), plot.bottomLeft())]
    if chart.unit:
        drawing.unit = Text(chart.unit, QRectF(plot.left(), plot.bottom() + 4 + line,
                                               plot.width(), line), pens.text)


def _lines(chart, drawing: Drawing, area: QRectF, pens: Pens) -> None:
    """One point per row (month), a line per series broken where a month has no figure;
    the figures by the points where they fit; the value axis on the left, its unit above."""
    metrics, small, line = pens.metrics, pens.small, pens.metrics.height()
    ticks = chart.value_ticks()
    tick_width = max(metrics.horizontalAdvance(t) for _v, t in ticks) + 1
    count = len(chart.labels)
    plot = QRectF(QPointF(MARGIN + tick_width + 6, area.top()),
                  QPointF(area.right() - MARGIN, area.bottom() - MARGIN - line - 4))
    drawing.plot = plot
    slot = plot.width() / count
    fits = max((small.horizontalAdvance(t) for s in chart.series for t in s.texts),
               default=0) + 4 <= slot
    room = small.height() + FIGURE_GAP + 2 if fits else HIT_PIXELS
    low, high, _step = chart.scale()
    inner_top, inner_bottom = plot.top() + room, plot.bottom() - room
    if inner_bottom - inner_top < plot.height() / 2:
        inner_top, inner_bottom = (plot.top() + plot.height() / 4,
                                   plot.bottom() - plot.height() / 4)

    def x_of(index: int) -> float:
        return plot.left() + slot * (index + 0.5)

    def y_of(value: float) -> float:
        return inner_bottom - (value - low) / (high - low) * (inner_bottom - inner_top)

    for n, series in enumerate(chart.series):
        pieces: list[list[QPointF]] = [[]]
        for index, value in enumerate(series.values):
            if value is None:
                if pieces[-1]:
                    pieces.append([])
                continue
            centre = QPointF(x_of(index), y_of(value))
            pieces[-1].append(centre)
            drawing.points.append(Point(n, index, centre, pens.of(n), _tip(chart, n, index)))
        drawing.lines.append((pens.of(n), [p for p in pieces if p]))
    if fits:
        # the highest series above its point, the lowest below; one figure when all agree
        for index in range(count):
            shown = sorted(((s.values[index], s.texts[index], n)
                            for n, s in enumerate(chart.series) if s.values[index] is not None),
                           key=lambda item: item[0])
            if not shown:
                continue
            single = len({text for _, text, _ in shown}) == 1
            placed = [(shown[-1], True)] + ([] if single else [(shown[0], False)])
            for (value, text, n), above in placed:
                width, y = small.horizontalAdvance(text) + 1, y_of(value)
                top = y - FIGURE_GAP - small.height() if above else y + FIGURE_GAP
                drawing.figures.append(Text(text, QRectF(x_of(index) - width / 2, top, width,
                                                         small.height()),
                                            pens.text if single else pens.of(n), CENTRE, True))
    widest = max(metrics.horizontalAdvance(t) for t in chart.labels) + 10
    every = max(1, math.ceil(widest / slot))
    for index in range(0, count, every):
        width = metrics.horizontalAdvance(chart.labels[index]) + 1
        drawing.labels.append(Text(chart.labels[index],
                                   QRectF(x_of(index) - width / 2, plot.bottom() + 4, width,
                                          line), pens.text))
    for value, text in ticks:
        y = y_of(value)
        drawing.grid.append(QLineF(plot.left(), y, plot.right(), y))
        drawing.ticks.append(Text(text, QRectF(MARGIN, y - line / 2, tick_width, line),
                                  pens.text, RIGHT))
    drawing.axes = [QLineF(plot.bottomLeft(), plot.bottomRight()),
                    QLineF(plot.topLeft(), plot.bottomLeft())]
    if chart.unit:
        drawing.unit = Text(chart.unit, QRectF(MARGIN, MARGIN, tick_width, line), pens.text,
                            RIGHT)


def figure_at(drawing: Drawing, position: QPointF) -> str | None:
    """The tip of the bar (with its figure) or point under `position`."""
    for bar in drawing.bars:
        if bar.reach.contains(position):
            return bar.tip
    for point in drawing.points:
        if (abs(point.centre.x() - position.x()) <= HIT_PIXELS
                and abs(point.centre.y() - position.y()) <= HIT_PIXELS):
            return point.tip
    return None
