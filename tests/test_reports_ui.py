"""The reports page: built off the GUI thread, each pyqtgraph chart beside the table behind
it and showing that table's figures (bars, lines, labels, units, light and dark, hover,
empty sections), export to CSV/XLSX, the shop filter; the table model passes Qt's model
tester; pyqtgraph loads only with the reports page."""

from __future__ import annotations

import math
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
    QImage,
    QMouseEvent,
    QPainter,
    QPalette,
    QTextLayout,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

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


# --- the charts (pyqtgraph) -----------------------------------------------------------------
def _view(page, key):
    return next(v for v in page.views if v.section.key == key)


def _pixels(image, colour: str, area=None) -> int:
    """How many pixels of the grabbed chart (or of its `area`) have exactly this colour."""
    wanted = QColor(colour).rgb()
    area = area or image.rect()
    return sum(1 for y in range(area.top(), area.bottom(), 2)
               for x in range(area.left(), area.right(), 2) if image.pixel(x, y) == wanted)


def plot_area(chart):
    """The plot's data area on the chart widget (without legend and axes)."""
    return chart.mapFromScene(chart.plot.vb.sceneBoundingRect()).boundingRect()


def drawn_texts(chart, name: str) -> list[str]:
    """The tick texts pyqtgraph draws on an axis at the chart's present size (texts that
    would not fit are left out by pyqtgraph itself)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = chart.plot.getAxis(name).generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in texts]


def figures(chart) -> list[str]:
    return [item.toPlainText() for item in chart.figures if item.isVisible()]


def legend(chart) -> list[str]:
    return [label.text for _sample, label in chart.legend.items]


def widget_point(chart, x: float, y: float) -> QPointF:
    """Where the plot's point (x, y) is on the chart widget."""
    scene = chart.plot.vb.mapViewToScene(QPointF(x, y))
    return QPointF(chart.mapFromScene(scene))


def test_bar_chart_shows_the_tables_figures(page):
    view = _view(page, "kind")
    chart = view.chart
    assert chart.kind == "bar" and legend(chart) == ["Disputes", "Requests"]
    assert drawn_texts(chart, "left") == [view.model.index(0, 0).data()] == ["Not received: lost"]
    assert [list(bars.opts["width"]) for bars in chart.bars] == [[3.0], [0.0]]
    assert [bars.opts["brush"] for bars in chart.bars] == list(LIGHT_COLOURS[:2])
    assert figures(chart) == ["3"]              # a zero count is not written, the table has it
    assert drawn_texts(chart, "bottom") == ["0", "1", "2", "3"]   # counts: whole steps
    image = chart.grab().toImage()
    assert _pixels(image, LIGHT_COLOURS[0], plot_area(chart)) > 50   # three disputes: a bar
    assert _pixels(image, LIGHT_COLOURS[1], plot_area(chart)) == 0   # zero requests: none
    assert _pixels(image, LIGHT_COLOURS[1]) > 0                      # only the legend's swatch
    assert QColor(image.pixel(3, 3)) == chart.palette().color(QPalette.ColorRole.Base)


def test_line_chart_has_a_point_per_month_with_the_rate(page):
    chart = _view(page, "rate_monthly").chart
    assert (chart.kind, chart.unit) == ("line", "%")
    assert legend(chart) == ["Rate %", "Rate % excl. AE-2"]
    chart.resize(640, 260)
    months = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    assert drawn_texts(chart, "bottom") == months
    xs, ys = chart.curves[0].getData()
    assert list(xs) == [0, 1, 2, 3, 4, 5]
    # months without orders have no rate ("–" in the table): no point, no figure
    assert [math.isnan(y) for y in ys] == [True] * 5 + [False] and ys[5] == 100.0
    assert figures(chart) == ["100.00"]           # both series agree: written once
    assert drawn_texts(chart, "left")[-1] == "100"
    assert chart.plot.getAxis("left").labelText == "%"


@pytest.mark.qt_log_ignore("does not support raise")      # the offscreen tooltip window
def test_hovering_a_bar_or_point_shows_its_figure(qtbot, page):
    chart = _view(page, "kind").chart
    y = chart.bars[0].opts["y"][0]
    point = widget_point(chart, 1.5, y)
    QApplication.sendEvent(chart.viewport(), QMouseEvent(
        QEvent.Type.MouseMove, point, QPointF(chart.mapToGlobal(point.toPoint())),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    assert QToolTip.text() == "Not received: lost\nDisputes: 3"
    QToolTip.hideText()
    assert chart.figure_at(widget_point(chart, 1.5, y + 0.45)) is None    # beside the bar
    line = _view(page, "rate_monthly").chart
    line.resize(640, 260)
    assert line.figure_at(widget_point(line, 5, 100.0) + QPointF(3, -3)) == (
        "2026-03\nRate %: 100.00 %")
    assert line.figure_at(widget_point(line, 4, 100.0)) is None           # no rate in Feb


def test_charts_follow_the_dark_palette(qtbot, page):
    chart = _view(page, "kind").chart
    chart.setPalette(dark_palette())
    dark = dark_palette()
    assert chart.backgroundBrush().color() == dark.color(QPalette.ColorRole.Base)
    assert [bars.opts["brush"] for bars in chart.bars] == list(DARK_COLOURS[:2])
    assert chart.plot.getAxis("left").textPen().color() == dark.color(QPalette.ColorRole.Text)
    image = chart.grab().toImage()
    assert QColor(image.pixel(3, image.height() - 3)) == dark.color(QPalette.ColorRole.Base)
    assert _pixels(image, DARK_COLOURS[0]) > 50 and _pixels(image, LIGHT_COLOURS[0]) == 0
    assert figures(chart) == ["3"]                # the same figures, redrawn


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
    assert drawn_texts(chart, "left") == ["2026-06 CNY", "2026-06 USD", "2026-07 CNY",
                                          "退款合计 CNY"]
    assert figures(chart) == ["76.80", "44.94", "1169.30", "5"]
    assert [round(w, 2) for w in chart.bars[0].opts["width"]] == [76.8, 44.94, 1169.3, 5.0]
    assert legend(chart) == ["金额"]
    assert chart.accessibleName() == "退款"
    assert "2026-07 CNY: 金额 1169.30" in chart.accessibleDescription()
    # the axis font finds a glyph for every Chinese character (no boxes)
    layout = QTextLayout("退款合计", chart.plot.getAxis("left").style["tickFont"])
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs and all(index != 0 for run in runs for index in run.glyphIndexes())
    image = chart.grab().toImage()
    assert _pixels(image, LIGHT_COLOURS[0]) > 50
    # the biggest figure fits right of its bar: the value axis reaches past it
    assert chart.plot.vb.viewRange()[0][1] > 1169.3


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_label_cut_short_shows_whole_on_hover(qtbot):
    reason = "商品与描述不符：颜色、尺寸和材质都和图片不一样"
    chart = ReportChart(Section("reason", "By reason", ["Reason", "Disputes"], [[reason, 4]],
                                Chart("bar", 0, (1,))))
    qtbot.addWidget(chart)
    chart.resize(300, 220)
    chart.show()
    QApplication.processEvents()
    [shown] = drawn_texts(chart, "left")
    assert shown.endswith("…") and reason.startswith(shown[:-1])
    assert chart.plot.getAxis("left").width() < chart.width() * 0.5    # room left for the bar
    y = chart.bars[0].opts["y"][0]
    assert chart.figure_at(widget_point(chart, 2, y)) == f"{reason}\nDisputes: 4"


def test_an_empty_section_says_so_instead_of_a_chart(qtbot):
    view = SectionView(Section("kind", "By kind", ["Kind", "Disputes", "Requests"], [],
                               Chart("bar", 0, (1, 2))))
    qtbot.addWidget(view)
    view.resize(700, 300)
    view.show()
    chart = view.chart
    assert chart.message.toPlainText() == "Nothing in this period."
    assert chart.bars == [] and chart.figures == [] and not chart.legend.isVisible()
    assert not chart.plot.getAxis("left").isVisible()
    image = chart.grab().toImage()
    assert all(_pixels(image, c) == 0 for c in LIGHT_COLOURS)
    assert chart.figure_at(QPointF(chart.width() / 2, chart.height() / 2)) is None
    # months that all lack a rate are no data either
    months = ReportChart(Section("rate_monthly", "Per month", ["Month", "Rate %"],
                                 [["2026-01", None], ["2026-02", None]],
                                 Chart("line", 0, (1,), "%"), ))
    qtbot.addWidget(months)
    assert months.message is not None and months.curves == []


def test_the_wheel_over_a_chart_is_left_to_the_page(qtbot, page):
    chart = _view(page, "rate_recent").chart
    before = chart.plot.vb.viewRange()
    centre = QPointF(chart.viewport().rect().center())
    wheel = QWheelEvent(centre, QPointF(chart.viewport().mapToGlobal(centre.toPoint())),
                        QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(chart.viewport(), wheel)
    # not taken: a real wheel event goes on to the scroll area, which scrolls the page
    assert not wheel.isAccepted()
    assert chart.plot.vb.viewRange() == before                 # and the chart did not zoom


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
    assert len(many.bars[0].opts["width"]) == 12


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
def test_pyqtgraph_loads_only_when_the_reports_page_is_shown(tmp_path):
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
        print("at start:", "pyqtgraph" in sys.modules, "numpy" in sys.modules)
        page = window.pages["reports"]
        loaded = []
        page.loaded.connect(lambda: (loaded.append(1), app.quit()))
        window.show_page("reports")
        if not loaded:
            app.exec()
        print("reports:", "pyqtgraph" in sys.modules, len(page.views))
        import shiboken6
        shiboken6.delete(window)          # before the QApplication goes
    """, tmp_path)
    assert out.returncode == 0, out.stderr
    assert "at start: False False" in out.stdout
    assert "reports: True 8" in out.stdout


def test_charts_draw_without_qt_opengl_as_in_the_frozen_build(tmp_path):
    # build.spec leaves PySide6.QtOpenGL out; ui.reports.pyqtgraph_import stands in for it
    out = _run("""
        import sys
        class LeftOut:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6.QtOpenGL":
                    raise ImportError("not in this build")
        sys.meta_path.insert(0, LeftOut())
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from app.reports.model import Chart, Section
        from ui.reports.chart import ReportChart
        chart = ReportChart(Section("m", "Per month", ["Month", "Rate %"],
                                    [["2026-01", 1.5], ["2026-02", 2.5]],
                                    Chart("line", 0, (1,), "%")))
        chart.resize(300, 200)
        image = chart.grab().toImage()
        print("drawn", image.width(), type(sys.modules["PySide6.QtOpenGL"]).__name__,
              hasattr(sys.modules["PySide6.QtOpenGL"], "QOpenGLBuffer"))
        import shiboken6
        shiboken6.delete(chart)           # before the QApplication goes
    """, tmp_path)
    assert out.returncode == 0, out.stderr
    assert "drawn 300 module False" in out.stdout


def test_in_english_the_page_shows_the_report_exactly_as_built(page):
    report = page.report
    for view, section in zip(page.views, report.sections):
        assert view.title() == section.title
        assert [view.model.headerData(n, Qt.Orientation.Horizontal)
                for n in range(len(section.columns))] == section.columns
    rate = page.views[0]
    assert rate.title() == "Dispute rate, last 30 days"          # AE-16 window
    notes = [label.text() for label in rate.findChildren(QLabel)]
    assert report.sections[0].note in notes


def test_in_chinese_titles_columns_notes_and_fixed_words_are_translated(qtbot, qapp, data):
    from ui import i18n
    i18n.install_translator(qapp, "zh_CN")
    try:
        page = ReportsPage(today=date(2026, 3, 31))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.show()
        titles = [view.title() for view in page.views]
        assert titles[0] == "纠纷率（近 30 天）" and "按责任方（GEN-1）" in titles
        outcome = next(v for v in page.views if v.section.key == "outcome")
        assert outcome.model.headerData(0, Qt.Orientation.Horizontal) == "结果"
        assert outcome.model.data(outcome.model.index(0, 0)) == "处理中"     # open disputes
        kinds = next(v for v in page.views if v.section.key == "kind")
        assert kinds.model.data(kinds.model.index(0, 0)).startswith("未收到货: ")
        notes = [label.text() for label in page.views[0].findChildren(QLabel)]
        assert any(n.startswith("AE-16：") for n in notes)
        assert page.report.sections[0].title == "Dispute rate, last 30 days"   # exports stay
    finally:
        i18n.install_translator(qapp, i18n.SOURCE_LANGUAGE)
