"""The reports page: built off the GUI thread, each chart beside the table behind it,
export to CSV/XLSX, the shop filter; and the table model passes Qt's model tester."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from app.reports import build_report
from app.services import disputes
from tests.factories import make_order, make_shop
from ui.pages.reports_page import ReportsPage
from ui.reports.section_table_model import SectionTableModel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
AT = datetime(2026, 3, 10, tzinfo=timezone.utc)


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
