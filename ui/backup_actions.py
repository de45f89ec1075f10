"""Backups from the window: File › Back up now and File › Restore from backup… (the daily
one at start is ui/daily_backup.py). The copying runs on a pool thread (it grows with the
data); during a restore the window is disabled and the database closed."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app import backup
from app.services.common.database_file import close_database, open_database
from ui.errors import report_exception
from ui.worker import run_in_background, wait_for_background
from ui.write_op import EVERYTHING, run_write_in_background

translate = QCoreApplication.translate     # texts of the main window ("MainWindow")


def back_up_now(window, db_path) -> None:
    def done(path):
        window.statusBar().showMessage(translate("MainWindow", "Backup written: {0}").format(path), 10_000)
    run_in_background(partial(backup.create_backup, db_path), on_result=done,
                      on_error=lambda error: report_exception(error, window), context=window)


def choose_backup(parent: QWidget) -> Path | None:
    folder = backup.backups_dir()
    chosen, _ = QFileDialog.getOpenFileName(
        parent, translate("MainWindow", "Restore from backup"), str(folder if folder.is_dir() else Path.home()),
        translate("MainWindow", "AfterDesk backups (*.db);;All files (*)"))
    return Path(chosen) if chosen else None


def confirm_restore(parent: QWidget, path: Path) -> bool:
    answer = QMessageBox.question(
        parent, translate("MainWindow", "Restore from backup"),
        translate("MainWindow", "Replace all current data with the backup\n{0}?\n\nWhat you have now is "
                  "first saved as a backup of its own, so this can be undone.").format(path))
    return answer == QMessageBox.StandardButton.Yes


def where_kept(restored: backup.Restored) -> str:
    """The sentence after "restored" saying where the replaced database went."""
    if restored.kept is None:
        return ""
    if restored.damaged:
        return translate("MainWindow", "\n\nThe damaged database was kept aside as {0}").format(
            restored.kept)
    return translate("MainWindow", "\n\nThe data as it was before: {0}").format(restored.kept)


def restore_from_backup(window, db_path, path: Path | None = None, *, confirm: bool = True) -> None:
    """Ask for a file (unless given), confirm, then replace the database with it."""
    path = path or choose_backup(window)
    if path is None or (confirm and not confirm_restore(window, path)):
        return
    try:
        backup.check_backup(path)
    except Exception as error:  # noqa: BLE001 - shown to the rep; nothing changed
        report_exception(error, window)
        return
    window.setEnabled(False)
    if window.monitor is not None:
        window.monitor.stop()
    live = getattr(window, "live", None)    # the other AfterDesks' changes: read none now
    if live is not None:
        live.stop()
    wait_for_background()
    close_database()

    def reopen() -> bool:
        try:
            open_database(db_path)
        except Exception as error:  # noqa: BLE001
            report_exception(error, window)
            return False
        window.setEnabled(True)
        if window.monitor is not None:
            window.monitor.start()
        if live is not None:
            live.start()                    # from the restored change log's end
        return True

    def done(restored) -> None:
        if not reopen():
            return
        # Said once the lists have heard of the restore (the notice follows this call).
        QTimer.singleShot(0, window, lambda: QMessageBox.information(
            window, translate("MainWindow", "Restore from backup"),
            translate("MainWindow", "The backup was restored.") + where_kept(restored)))

    # Every list is read again once the database is open (the write's notice: everything
    # changed); the database file is replaced while closed, so the thread opens none.
    run_write_in_background(window, partial(backup.restore_backup, path, db_path),
                            changes=EVERYTHING, on_done=done, on_failed=lambda _e: reopen(),
                            connect=False)
