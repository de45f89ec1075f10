"""The reports page: built off the GUI thread, each chart beside the table behind it and
showing that table's figures (bars, lines, labels, units, light and dark, hover, empty
sections), export to CSV/XLSX, the shop filter; the table model passes Qt's model tester;
the charts are painted with Qt alone (no numpy, no charting library)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPalette,
    QTextLayout,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip

from app.reports import build_report
from app.reports.model import Chart, Section
from app.services.casework import disputes
from tests.factories import make_order, make_shop
from ui.pages.reports_page import ReportsPage
from ui.reports.chart import ReportChart
from ui.reports.chart_data import nice_scale, tick_text
from ui.reports.section_table_model import SectionTableModel
from ui.reports.section_view import SectionView
from ui.theme import dark_palette
from ui.tones import DARK, LIGHT

LIGHT_COLOURS = tuple(LIGHT[f"chart.{n}"] for n in range(1, 5))
DARK_COLOURS = tuple(DARK[f"chart.{n}"] for n in range(1, 5))

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
AT = datetime(2026, 3, 10, tzinfo=timezone.utc)
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data(db):
    ae = make_shop("ae", "aliexpress")
    make_shop("tb", "taobao")
    for n in range(3):
        order = make_order(ae, f"800{n}", status="shipped")
        disputes.open_dispute(order, "not_received", "lost", "Package lost", "refund", "5.00", AT)
    return ae


@pytest.fixture
def page(qtbot, data):
    page = ReportsPage(today=date(2026, 3, 31))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
    # the new sections are laid out at the next turn of the event loop, as a rep sees them
    qtbot.waitUntil(lambda: all(v.chart.isVisible() and v.chart.height() >= 200
                                for v in page.views if v.chart))
    return page


def test_every_section_has_its_chart_and_table(page):
    keys = [v.section.key for v in page.views]
    assert keys == ["rate_recent", "rate_monthly", "kind", "reason", "cause", "outcome",
                    "response", "refunds"]
    kind = next(v for v in page.views if v.section.key == "kind")
    assert kind.chart is not None and kind.model.rowCount() == 1
    assert kind.model.index(0, 0).data() == "Not received: lost"
    assert kind.model.index(0, 1).data() == "3"
    monthly = next(v for v in page.views if v.section.key == "rate_monthly")
    assert [monthly.model.index(r, 0).data() for r in range(monthly.model.rowCount())] == [
        "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]


def test_shop_filter_reloads(qtbot, page):
    assert [page.shop_box.itemData(i) for i in range(page.shop_box.count())] == [None, "ae", "tb"]
    page.shop_box.setCurrentIndex(2)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.reload()
    kind = next(v for v in page.views if v.section.key == "kind")
    assert kind.model.rowCount() == 0 and page.report.shops == ["tb"]


def test_export_buttons_write_csv_and_xlsx(qtbot, page, tmp_path):
    for kind in ("csv", "xlsx"):
        path = tmp_path / f"r.{kind}"
        with qtbot.waitSignal(page.exported, timeout=10_000):
            page.export_to(str(path), kind)
        assert path.stat().st_size > 0
    assert "Package lost" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


def test_section_model_passes_the_model_tester(qtmodeltester, data):
    report = build_report(date(2026, 3, 1), date(2026, 3, 31))
    for section in report.sections:
        qtmodeltester.check(SectionTableModel(section))


def test_a_report_table_sorts_by_a_header_numbers_as_numbers(qtmodeltester):
    from PySide6.QtCore import Qt

    from app.reports.model import Section
    section = Section(key="reason", title="By reason", columns=["Reason", "Cases"],
                      rows=[["Late", 9], ["Broken", 10], ["Other", None], ["Lost", 2]])
    model = SectionTableModel(section)
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(4)] == ["Broken", "Late", "Lost",
                                                                 "Other"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(4)] == ["Broken", "Late", "Lost",
                                                                 "Other"]
    model.sort(-1)
    assert [model.data(model.index(r, 0)) for r in range(4)] == ["Late", "Broken", "Other",
                                                                 "Lost"]
    qtmodeltester.check(model)


# --- the charts (painted with QPainter) -----------------------------------------------------
def _view(page, key):
    return next(v for v in page.views if v.section.key == key)


def _pixels(image, colour: str, area=None) -> int:
    """How many pixels of the grabbed chart (or of its `area`) have exactly this colour."""
    wanted = QColor(colour).rgb()
    area = area or image.rect()
    return sum(1 for y in range(area.top(), area.bottom(), 2)
               for x in range(area.left(), area.right(), 2) if image.pixel(x, y) == wanted)


def texts(items) -> list[str]:
    return [item.text for item in items]


def legend(chart) -> list[str]:
    return [entry.name for entry in chart.drawing().legend]


def hover(chart, point: QPointF) -> None:
    QApplication.sendEvent(chart, QMouseEvent(
        QEvent.Type.MouseMove, point, QPointF(chart.mapToGlobal(point.toPoint())),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def test_bar_chart_shows_the_tables_figures(page):
    view = _view(page, "kind")
    chart = view.chart
    drawing = chart.drawing()
    assert chart.kind == "bar" and legend(chart) == ["Disputes", "Requests"]
    assert [e.colour.name() for e in drawing.legend] == list(LIGHT_COLOURS[:2])
    assert texts(drawing.labels) == [view.model.index(0, 0).data()] == ["Not received: lost"]
    disputes_bar, requests_bar = drawing.bars
    assert disputes_bar.rect.width() > 50 and requests_bar.rect.width() == 0   # zero: no bar
    assert disputes_bar.rect.left() == drawing.plot.left()                     # from 0
    # one row in a tall chart: bars of a few lines, not slabs filling the row
    assert disputes_bar.rect.height() < chart.fontMetrics().height() * 2 < drawing.plot.height() / 3
    assert [b.colour.name() for b in drawing.bars] == list(LIGHT_COLOURS[:2])
    assert texts(drawing.figures) == ["3"]      # a zero count is not written, the table has it
    [figure] = drawing.figures
    assert figure.rect.left() > disputes_bar.rect.right()       # at the end of its bar
    assert texts(drawing.ticks) == ["0", "1", "2", "3"]         # counts: whole steps
    xs = [t.rect.center().x() for t in drawing.ticks]
    assert xs == sorted(xs) and disputes_bar.rect.right() == pytest.approx(xs[-1])
    image = chart.grab().toImage()
    plot = drawing.plot.toRect()
    assert _pixels(image, LIGHT_COLOURS[0], plot) > 50          # three disputes: a bar
    assert _pixels(image, LIGHT_COLOURS[1], plot) == 0          # zero requests: none
    assert _pixels(image, LIGHT_COLOURS[1]) > 0                 # only the legend's swatch
    assert QColor(image.pixel(3, 3)) == chart.palette().color(QPalette.ColorRole.Base)


def test_bars_go_per_label_the_first_row_on_top(qtbot):
    chart = ReportChart(Section("reason", "By reason", ["Reason", "Disputes", "Requests"],
                                [["Late", 9, 2], ["Broken", 4, 6]], Chart("bar", 0, (1, 2))))
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    drawing = chart.drawing()
    assert texts(drawing.labels) == ["Late", "Broken"]
    tops = [label.rect.top() for label in drawing.labels]
    assert tops[0] < tops[1]
    late = [b for b in drawing.bars if b.row == 0]
    broken = [b for b in drawing.bars if b.row == 1]
    # each label's bars side by side within its row, the longer bar for the bigger figure
    assert max(b.rect.bottom() for b in late) < min(b.rect.top() for b in broken)
    assert late[0].rect.width() > late[1].rect.width()
    assert broken[0].rect.width() < broken[1].rect.width()
    assert texts(drawing.figures) == ["9", "4", "2", "6"]
    # the figure by the longest bar still fits inside the chart
    assert max(f.rect.right() for f in drawing.figures) <= chart.width()


def test_line_chart_has_a_point_per_month_with_the_rate(page):
    chart = _view(page, "rate_monthly").chart
    assert (chart.kind, chart.unit) == ("line", "%")
    assert legend(chart) == ["Rate %", "Rate % excl. AE-2"]
    chart.resize(640, 260)
    drawing = chart.drawing()
    months = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    assert texts(drawing.labels) == months
    # months without orders have no rate ("–" in the table): no point, no figure
    assert [(p.series, p.index) for p in drawing.points] == [(0, 5), (1, 5)]
    point = drawing.points[0]
    assert point.centre.x() == pytest.approx(drawing.labels[5].rect.center().x())
    assert texts(drawing.figures) == ["100.00"]           # both series agree: written once
    assert drawing.figures[0].rect.bottom() < point.centre.y()       # above its point
    assert texts(drawing.ticks)[-1] == "100"
    top_tick = drawing.ticks[-1]
    assert top_tick.rect.center().y() == pytest.approx(point.centre.y())
    assert drawing.unit is not None and drawing.unit.text == "%"


def test_a_missing_month_breaks_the_line_and_figures_show_when_they_fit(qtbot):
    chart = ReportChart(Section("rate_monthly", "Per month", ["Month", "Rate %", "Other %"],
                                [["2026-01", Decimal("2.50"), Decimal("1.00")],
                                 ["2026-02", Decimal("3.00"), Decimal("1.50")],
                                 ["2026-03", None, None],
                                 ["2026-04", Decimal("1.25"), Decimal("1.25")]],
                                Chart("line", 0, (1, 2), "%")))
    qtbot.addWidget(chart)
    chart.resize(600, 260)
    drawing = chart.drawing()
    first_line = drawing.lines[0]
    assert first_line[0].name() == LIGHT_COLOURS[0]
    assert [len(piece) for piece in first_line[1]] == [2, 1]        # broken at March
    # the higher figure above its point, the lower below, one figure where both agree
    assert texts(drawing.figures) == ["2.50", "1.00", "3.00", "1.50", "1.25"]
    high, low = drawing.figures[0], drawing.figures[1]
    january = [p for p in drawing.points if p.index == 0]
    assert high.rect.bottom() < january[0].centre.y() < january[1].centre.y() < low.rect.top()
    assert high.colour.name() == LIGHT_COLOURS[0] and low.colour.name() == LIGHT_COLOURS[1]
    # two years of months in a narrow chart: the points stay, their figures go
    crowded = ReportChart(Section("rate_monthly", "Per month", ["Month", "Rate %"],
                                  [[f"{2025 + n // 12}-{n % 12 + 1:02}", Decimal("12.50")]
                                   for n in range(24)],
                                  Chart("line", 0, (1,), "%")))
    qtbot.addWidget(crowded)
    crowded.resize(300, 260)
    narrow = crowded.drawing()
    assert narrow.figures == [] and len(narrow.points) == 24
    assert 1 < len(narrow.labels) < 24                      # month labels thinned


@pytest.mark.qt_log_ignore("does not support raise")      # the offscreen tooltip window
def test_hovering_a_bar_or_point_shows_its_figure(qtbot, page):
    chart = _view(page, "kind").chart
    bar = chart.drawing().bars[0]
    hover(chart, bar.rect.center())
    assert QToolTip.text() == "Not received: lost\nDisputes: 3"
    QToolTip.hideText()
    beside = QPointF(bar.rect.center().x(), bar.rect.top() - bar.rect.height())
    assert chart.figure_at(beside) is None
    line = _view(page, "rate_monthly").chart
    line.resize(640, 260)
    point = line.drawing().points[0]
    assert line.figure_at(point.centre + QPointF(3, -3)) == "2026-03\nRate %: 100.00 %"
    february = line.drawing().labels[4].rect.center().x()
    assert line.figure_at(QPointF(february, point.centre.y())) is None   # no rate in Feb


def test_charts_follow_the_dark_palette(qtbot, page):
    chart = _view(page, "kind").chart
    chart.setPalette(dark_palette())
    dark = dark_palette()
    drawing = chart.drawing()
    assert [b.colour.name() for b in drawing.bars] == list(DARK_COLOURS[:2])
    assert all(t.colour == dark.color(QPalette.ColorRole.Text)
               for t in drawing.labels + drawing.ticks)
    image = chart.grab().toImage()
    assert QColor(image.pixel(3, image.height() - 3)) == dark.color(QPalette.ColorRole.Base)
    assert _pixels(image, DARK_COLOURS[0]) > 50 and _pixels(image, LIGHT_COLOURS[0]) == 0
    assert texts(drawing.figures) == ["3"]                # the same figures, redrawn


def test_chinese_labels_render_and_repeated_months_show_the_currency(qtbot, qapp):
    from ui import fonts
    fonts.load_cjk_font(qapp)
    section = Section("refunds", "退款", ["月份", "币种", "金额"],
                      [["2026-06", "CNY", Decimal("76.80")], ["2026-06", "USD", Decimal("44.94")],
                       ["2026-07", "CNY", Decimal("1169.30")], ["退款合计", "CNY", Decimal("5")]],
                      Chart("bar", 0, (2,)))
    chart = ReportChart(section)
    qtbot.addWidget(chart)
    chart.resize(420, 260)
    chart.show()
    drawing = chart.drawing()
    assert texts(drawing.labels) == ["2026-06 CNY", "2026-06 USD", "2026-07 CNY",
                                     "退款合计 CNY"]
    assert texts(drawing.figures) == ["76.80", "44.94", "1169.30", "5"]
    widths = [b.rect.width() for b in drawing.bars]
    assert widths[2] / widths[0] == pytest.approx(1169.3 / 76.8, rel=1e-3)
    assert legend(chart) == ["金额"]
    assert chart.accessibleName() == "退款"
    assert "2026-07 CNY: 金额 1169.30" in chart.accessibleDescription()
    # the chart's font finds a glyph for every Chinese character (no boxes)
    layout = QTextLayout("退款合计", chart.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs and all(index != 0 for run in runs for index in run.glyphIndexes())
    image = chart.grab().toImage()
    assert _pixels(image, LIGHT_COLOURS[0]) > 50
    # the biggest figure fits right of its bar, inside the chart
    assert drawing.figures[2].rect.right() <= chart.width()


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_label_cut_short_shows_whole_on_hover(qtbot):
    reason = "商品与描述不符：颜色、尺寸和材质都和图片不一样"
    chart = ReportChart(Section("reason", "By reason", ["Reason", "Disputes"], [[reason, 4]],
                                Chart("bar", 0, (1,))))
    qtbot.addWidget(chart)
    chart.resize(300, 220)
    chart.show()
    drawing = chart.drawing()
    [shown] = texts(drawing.labels)
    assert shown.endswith("…") and reason.startswith(shown[:-1])
    assert drawing.plot.left() < chart.width() * 0.5            # room left for the bar
    assert chart.figure_at(drawing.bars[0].rect.center()) == f"{reason}\nDisputes: 4"


def test_an_empty_section_says_so_instead_of_a_chart(qtbot):
    view = SectionView(Section("kind", "By kind", ["Kind", "Disputes", "Requests"], [],
                               Chart("bar", 0, (1, 2))))
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    chart = view.chart
    drawing = chart.drawing()
    assert drawing.message is not None and drawing.message.text == "Nothing in this period."
    assert drawing.bars == [] and drawing.figures == [] and drawing.legend == []
    assert drawing.ticks == [] and drawing.axes == []
    image = chart.grab().toImage()
    assert all(_pixels(image, c) == 0 for c in LIGHT_COLOURS)
    assert chart.figure_at(QPointF(chart.width() / 2, chart.height() / 2)) is None
    # months that all lack a rate are no data either
    months = ReportChart(Section("rate_monthly", "Per month", ["Month", "Rate %"],
                                 [["2026-01", None], ["2026-02", None]],
                                 Chart("line", 0, (1,), "%"), ))
    qtbot.addWidget(months)
    assert months.drawing().message is not None and months.drawing().points == []


def test_the_wheel_over_a_chart_is_left_to_the_page(qtbot, page):
    chart = _view(page, "rate_recent").chart
    centre = QPointF(chart.rect().center())
    wheel = QWheelEvent(centre, QPointF(chart.mapToGlobal(centre.toPoint())),
                        QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(chart, wheel)
    # not taken: a real wheel event goes on to the scroll area, which scrolls the page
    assert not wheel.isAccepted()


def test_more_rows_make_a_taller_chart_up_to_a_limit(qtbot):
    def chart_of(rows: int) -> ReportChart:
        chart = ReportChart(Section("reason", "By reason", ["Reason", "Disputes", "Requests"],
                                    [[f"reason {n}", n, 1] for n in range(rows)],
                                    Chart("bar", 0, (1, 2))))
        qtbot.addWidget(chart)
        return chart
    assert chart_of(1).sizeHint().height() < chart_of(8).sizeHint().height()
    many = chart_of(30)
    assert len(many.labels) == 12 and many.left_out == 18 and many.sizeHint().height() <= 420
    many.resize(400, many.sizeHint().height())
    assert texts(many.drawing().labels) == [f"reason {n}" for n in range(12)]
    assert len([b for b in many.drawing().bars if b.series == 0]) == 12


def test_value_axis_uses_round_steps():
    assert nice_scale(0, 37.25) == (0, 40, 10)
    assert nice_scale(0, 3, integers=True) == (0, 3, 1)        # counts: no 0.5 steps
    assert nice_scale(0, 1, integers=True)[2] == 1
    assert nice_scale(0, 0) == (0, 1, 0.2)
    assert nice_scale(0, 795.5) == (0, 800, 200)
    assert [tick_text(v, 2.5) for v in (0, 2.5, 5)] == ["0.0", "2.5", "5.0"]
    assert tick_text(20, 10) == "20"


def _run(script: str, tmp_path) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               AFTERDESK_HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_the_charts_load_no_numpy_or_charting_library(tmp_path):
    out = _run(f"""
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from app.db import open_database
        from app.settings import Settings
        app = QApplication([])
        path = Path({str(tmp_path / "a.db")!r})
        open_database(path)
        from ui.main_window import MainWindow
        window = MainWindow(path, Settings(Path({str(tmp_path / "s.json")!r})))
        window.show()
        window.reload_all()
        app.processEvents()
        page = window.pages["reports"]
        loaded = []
        page.loaded.connect(lambda: (loaded.append(1), app.quit()))
        window.show_page("reports")
        if not loaded:
            app.exec()
        for view in page.views:
            view.chart.grab()
        print("reports:", len(page.views), "numpy" in sys.modules, "pyqtgraph" in sys.modules)
        import shiboken6
        shiboken6.delete(window)          # before the QApplication goes
    """, tmp_path)
    assert out.returncode == 0, out.stderr
    assert "reports: 8 False False" in out.stdout
