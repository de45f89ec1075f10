"""`afterdesk --smoke`: start for real on a temporary demo database, show the window,
let every page load, and exit 0 — a self-test for installs and frozen builds."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from app.db import close_database, open_database
from app.settings import Settings
from ui.worker import wait_for_background

log = logging.getLogger("afterdesk.smoke")

SHOW_FOR_MS = 1500


def missing_resources() -> list[str]:
    """Files a working installation must have (a frozen build that lost its datas fails)."""
    from ui.app_icon import icon_path
    from ui.fonts import CJK_FONT_FILE, resources_dir
    from ui.i18n import catalog_path
    wanted = [resources_dir() / "fonts" / CJK_FONT_FILE, icon_path(), catalog_path("zh_CN")]
    return [str(p) for p in wanted if not p.is_file()]


def run_smoke(app, open_window) -> int:
    """Exit code 0 when the window showed and every page opened without an error."""
    import sys
    errors: list[str] = []

    def record(exc_type, exc, tb, parent=None):      # no dialog: a self-test must never wait for a click
        import traceback
        errors.append("".join(traceback.format_exception(exc_type, exc, tb)))
        log.error("smoke: %s", errors[-1])
        app.quit()

    from ui import errors as error_reports
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
        from app.demo import load_demo
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
        window.close()
        wait_for_background()
        close_database()
        print(f"smoke: window {'shown' if shown else 'NOT shown'}, "
              f"{seen.get('pages', 0)} pages visited; demo {summary}")
        return 0 if shown else 1
