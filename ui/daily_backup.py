"""The day's automatic backup, started with the window (setting backup.daily)."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication

from app import backup
from ui.worker import run_in_background

log = logging.getLogger("afterdesk.ui.backup")
translate = QCoreApplication.translate


def start_daily_backup(window, settings, db_path) -> None:
    """Make the day's backup in the background when it is due (setting backup.daily)."""
    if settings is None or not settings.get("backup.daily"):
        return
    keep = settings.get("backup.keep")
    run_in_background(partial(backup.backup_if_due, db_path, keep),
                      on_result=lambda made: made and log.info("daily backup %s", made),
                      on_error=lambda error: _daily_failed(window, error), context=window)


def _daily_failed(window, error) -> None:
    log.warning("daily backup failed: %s", error)
    window.banner.show_error(translate("MainWindow", "Today's automatic backup failed: {0}").format(error))
