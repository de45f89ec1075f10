"""A chart of one report section, drawn with pyqtgraph from the section's own table.

pyqtgraph (pure Python, needs numpy) is imported only when the reports page is first shown,
so starting AfterDesk does not pay for it. Bars are grouped per label; lines join the points
of each series (months).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QWidget

COLOURS = ("#3b7dd8", "#e8833a", "#4caf50", "#c0504d")
MAX_BARS = 12          # longer tables (many reasons) chart their first, biggest rows


def _number(value) -> float:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return float(value)
    return 0.0


def _short(label, limit: int = 14) -> str:
    text = str(label)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def make_chart(section, parent: QWidget | None = None) -> QWidget:
    import pyqtgraph as pg
    pg.setConfigOptions(antialias=True, background="w", foreground="#333")
    chart = section.chart
    plot = pg.PlotWidget(parent=parent)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(y=True, alpha=0.25)
    rows = section.rows[:MAX_BARS] if chart.kind == "bar" else section.rows
    plot.setMinimumHeight(230)
    plot.setMaximumHeight(300)
    if not rows:
        plot.setTitle("–")
        return plot
    legend = plot.addLegend(offset=(-10, -10), labelTextSize="8pt")
    count = len(chart.value_columns)
    if chart.kind == "line":
        labels = [_short(r[chart.label_column]) for r in rows]
        for n, column in enumerate(chart.value_columns):
            colour = COLOURS[n % len(COLOURS)]
            plot.plot(list(range(len(rows))), [_number(r[column]) for r in rows],
                      pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=6,
                      symbolBrush=colour, name=section.columns[column])
        step = max(1, len(labels) // 8)
        plot.getAxis("bottom").setTicks([[(i, labels[i]) for i in range(0, len(labels), step)]])
        plot.getAxis("left").setLabel(chart.unit or "")
        plot.setXRange(-0.4, len(rows) - 0.6, padding=0.02)
        return plot
    # Bars lie horizontally, the first table row on top, so every label can be read.
    labels = [_short(r[chart.label_column], 22) for r in rows]
    thickness = 0.8 / count
    for n, column in enumerate(chart.value_columns):
        colour = COLOURS[n % len(COLOURS)]
        ys = [len(rows) - 1 - i + 0.4 - thickness * (n + 0.5) for i in range(len(rows))]
        bars = pg.BarGraphItem(x0=0, y=ys, height=thickness * 0.9,
                               width=[_number(r[column]) for r in rows], brush=colour,
                               pen=pg.mkPen(colour))
        plot.addItem(bars)
        legend.addItem(pg.PlotDataItem([], [], pen=pg.mkPen(colour, width=8)),
                       section.columns[column])
    plot.getAxis("left").setTicks([[(len(rows) - 1 - i, labels[i]) for i in range(len(rows))]])
    plot.getAxis("bottom").setLabel(chart.unit or "")
    plot.setYRange(-0.6, len(rows) - 0.4, padding=0)
    return plot
