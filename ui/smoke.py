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


def run_smoke(app, open_window) -> int:
    with tempfile.TemporaryDirectory(prefix="afterdesk-smoke-") as folder:
        path = Path(folder) / "smoke.db"
        from app.demo import load_demo
        open_database(path)
        summary = load_demo(orders_per_shop=60)
        close_database()
        log.info("smoke: demo loaded %s", summary)
        window = open_window(app, path, Settings(Path(folder) / "settings.json"))
        if window is None:
            return 2
        seen = {}

        def check_and_quit():
            seen["shown"] = window.isVisible()
            app.quit()

        QTimer.singleShot(SHOW_FOR_MS, check_and_quit)
        app.exec()
        shown = seen.get("shown", False)
        window.close()
        wait_for_background()
        close_database()
        print(f"smoke: window {'shown' if shown else 'NOT shown'}; demo {summary}")
        return 0 if shown else 1
