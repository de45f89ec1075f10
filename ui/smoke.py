"""`afterdesk --smoke`: start for real on a temporary demo database, show the window,
let every page load, draw the report charts, export an evidence pack to PDF
(QPdfWriter) and print it through QPrinter into a PDF file, and exit 0 — a self-test for
installs and frozen builds."""

from __future__ import annotations

import logging
import tempfile
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter

from app.services.common.database_file import close_database, open_database
from app.settings import Settings
from app.demo import load_demo
from ui.worker import wait_for_background
from ui.app_icon import icon_path
from ui.fonts import CJK_FONT_FILE, resources_dir
from ui.i18n import catalog_path
from ui import errors as error_reports

log = logging.getLogger("afterdesk.smoke")

SHOW_FOR_MS = 1500
REPORT_WAIT_S = 30


def missing_resources() -> list[str]:
    """Files and the driver a working installation must have (a frozen build that lost its
    datas, or the shop server's driver with its libpq, fails)."""
    wanted = [resources_dir() / "fonts" / CJK_FONT_FILE, icon_path(), catalog_path("zh_CN")]
    missing = [str(p) for p in wanted if not p.is_file()]
    try:
        import psycopg2  # noqa: F401  (loads libpq: a shop database on a server needs it)
    except ImportError as error:
        missing.append(f"psycopg2, the shop server's driver ({error})")
    return missing


def export_and_print_pdf(folder: Path) -> str:
    """Build the evidence pack of the first dispute that has or can start one as a PDF
    (QtGui's QPdfWriter) and print it through QtPrintSupport's QPrinter into a PDF file: a
    frozen build that lost the print support or the PDF writer fails here. Raises on any
    problem; returns what was done."""

    from app.evidence.builder import paint, prepare
    from app.services.casework import evidence
    from app.services.clocks import case_list
    from app.errors import ServiceError
    for row in case_list.list_cases():
        if row.type != "dispute":
            continue
        try:
            evidence.ensure_pack(row.id, actor="smoke")
        except ServiceError:
            continue            # a settled case without a pack cannot start one
        break
    else:
        raise RuntimeError("the demo has no dispute with an evidence pack")
    built = evidence.build_pack(row.id, folder / "smoke-pack.pdf", page_budget=0)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "smoke-print.pdf"))
    content = evidence.content(row.id)
    printed = paint(content, printer, prepare(content))
    for name in ("smoke-pack.pdf", "smoke-print.pdf"):
        head = (folder / name).read_bytes()[:5]
        if head != b"%PDF-":
            raise RuntimeError(f"{name} is not a PDF (starts with {head!r})")
    return (f"evidence pack {row.id}: {built.pages} PDF pages, {printed.pages} pages "
            "printed through QPrinter")


def draw_report_charts(app, window) -> str:
    """Wait for the reports page's report (built on a pool thread) and paint every chart:
    a frozen build that lost a Qt module they paint with fails here. Raises on
    any problem; returns what was drawn."""
    page = window.pages["reports"]
    if page.report is None and not page.is_loading:
        page.reload()
    deadline = time.monotonic() + REPORT_WAIT_S
    while page.report is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    if page.report is None:
        raise RuntimeError(f"the report did not arrive within {REPORT_WAIT_S} s")
    charts = [view.chart for view in page.views if view.chart is not None]
    if not charts or len(charts) != len(page.views):
        raise RuntimeError(f"{len(charts)} charts for {len(page.views)} report sections")
    for chart in charts:
        if chart.grab().isNull():
            raise RuntimeError(f"the chart of {chart.accessibleName()!r} did not paint")
    return f"{len(charts)} report charts drawn with QPainter"


def run_smoke(app, open_window) -> int:
    """Exit code 0 when the window showed and every page opened without an error."""
    errors: list[str] = []

    def record(exc_type, exc, tb, parent=None):      # no dialog: a self-test must never wait for a click
        errors.append("".join(traceback.format_exception(exc_type, exc, tb)))
        log.error("smoke: %s", errors[-1])
        app.quit()

    saved = (sys.excepthook, error_reports.show_crash, error_reports.show_expected_error)
    sys.excepthook = record
    error_reports.show_crash = record
    error_reports.show_expected_error = lambda error, parent=None: record(
        type(error), error, error.__traceback__)
    try:
        code = _run(app, open_window)
    finally:
        sys.excepthook, error_reports.show_crash, error_reports.show_expected_error = saved
    if errors:
        print("smoke: FAILED with an error:\n" + errors[0])
        return 1
    return code


def _run(app, open_window) -> int:
    with tempfile.TemporaryDirectory(prefix="afterdesk-smoke-") as folder:
        path = Path(folder) / "smoke.db"
        open_database(path)
        summary = load_demo(orders_per_shop=60)
        close_database()
        log.info("smoke: demo loaded %s", summary)
        settings = Settings(Path(folder) / "settings.json")
        settings.set("backup.daily", False)     # never touch the rep's backups folder
        missing = missing_resources()
        if missing:
            print("smoke: missing from the installation: " + ", ".join(missing))
            return 1
        window = open_window(app, path, settings)
        if window is None:
            return 2
        seen = {}

        def visit_pages():
            # Every page once, so a module a page imports only when shown (a frozen build
            # may have left it out) is tried too.
            for key in window.navigation.keys():
                window.show_page(key)
                app.processEvents()
            seen["pages"] = len(window.navigation.keys())

        QTimer.singleShot(SHOW_FOR_MS // 3, visit_pages)

        def check_and_quit():
            seen["shown"] = window.isVisible()
            app.quit()

        QTimer.singleShot(SHOW_FOR_MS, check_and_quit)
        app.exec()
        shown = seen.get("shown", False)
        try:
            charts = draw_report_charts(app, window)
        except Exception as error:          # noqa: BLE001 - the self-test reports any failure
            log.exception("smoke: the report charts failed")
            charts = None
            print(f"smoke: report charts FAILED: {error!r}")
        window.close()
        wait_for_background()
        try:
            printed = export_and_print_pdf(Path(folder))
        except Exception as error:          # noqa: BLE001 - the self-test reports any failure
            log.exception("smoke: PDF export or printing failed")
            printed = None
            print(f"smoke: PDF export or printing FAILED: {error!r}")
        close_database()
        print(f"smoke: window {'shown' if shown else 'NOT shown'}, "
              f"{seen.get('pages', 0)} pages visited; {charts or 'no charts'}; "
              f"{printed or 'no PDF'}; demo {summary}")
        return 0 if shown and charts and printed else 1
