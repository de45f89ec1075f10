"""Opening a database that needs a schema upgrade: the migrations run off the window's
thread while a small window says what is happening (on a big shop an upgrade that
rebuilds the message index takes half a minute or more, once). On a shop server the
login's name and role are read there too, off the window's thread (app.services.common.reps:
the widgets then ask the kept values)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QProgressDialog

from app.services.common import reps
from app.services.common.database_file import (close_thread_connection, is_server_address,
                                               open_database, upgrade_pending)
from ui.worker import run_in_background

log = logging.getLogger("afterdesk.ui")


def open_with_upgrade(path) -> None:
    """open_database(path); when the schema must be upgraded first, the upgrade runs on a
    worker thread under a busy indicator; on a server, the login's role is read on it too.
    Errors are raised as open_database raises them."""
    pending = upgrade_pending(path)
    if not pending and not is_server_address(path):
        open_database(path)
        return
    dialog = None
    if pending:
        log.info("upgrading the database %s", path)
        text = QCoreApplication.translate(
            "UpgradeProgress", "Upgrading the database for this version of AfterDesk. "
                               "This happens once and can take a minute on a big shop…")
        dialog = QProgressDialog(text, "", 0, 0)
        dialog.setWindowTitle("AfterDesk")
        dialog.setCancelButton(None)     # an upgrade is one transaction per step: no cancel
        dialog.setMinimumDuration(0)
        dialog.show()
    loop = QEventLoop()
    failed: list[BaseException] = []

    def upgrade() -> None:
        try:
            open_database(path)          # this thread's connection runs the migrations
            reps.read_identity()         # on a server: who this login is, kept
        finally:
            close_thread_connection()

    run_in_background(upgrade, on_result=lambda _none: loop.quit(),
                      on_error=lambda error: (failed.append(error), loop.quit()))
    loop.exec()
    if dialog is not None:
        dialog.close()
        dialog.deleteLater()
    if failed:
        raise failed[0]
    open_database(path)                  # the window's own connection, schema current
