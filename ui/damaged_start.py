"""A start on a damaged database (issue #20, defect 2): when the database cannot be opened
because its file is damaged or unreadable, the window offers the newest backup of the data
folder's backups/ that passes `PRAGMA integrity_check`, saying which one and from when.
Restoring keeps the damaged file aside (app.backup.set_aside) and says where; declining,
or having no intact backup, leaves the rep with the message of what is wrong."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app import backup
from ui.errors import EXPECTED_ERRORS, describe, show_expected_error

log = logging.getLogger("afterdesk.ui")

OFFER_NAME = "damaged_database_offer"


translate = QCoreApplication.translate


def open_at_start(path: Path) -> bool:
    """Open the database at `path` (upgrading it if needed); True when it is open. A
    damaged file: the restore offer first; any other problem is shown as it is."""
    from ui.upgrade_progress import open_with_upgrade
    try:
        open_with_upgrade(path)
        return True
    except EXPECTED_ERRORS as error:
        if not offer_restore(path, error):
            show_expected_error(error)
            return False
    try:
        open_with_upgrade(path)
        return True
    except EXPECTED_ERRORS as error:
        show_expected_error(error)
        return False


def offer_restore(path: Path, error: BaseException) -> bool:
    """Ask whether to restore the newest intact backup over the damaged database at
    `path`; True when it was restored. False when the file is not damaged (another
    problem), when no backup is intact, or when the rep declines."""
    if not backup.is_damaged(path):
        return False
    newest = backup.newest_intact_backup()
    if newest is None:
        log.warning("database %s is damaged and no backup is intact", path)
        return False
    problem = getattr(error, "values", {}).get("problem") or describe(error)
    box = QMessageBox(QMessageBox.Icon.Warning, "AfterDesk", translate(
        "DamagedStart", "The database {path} is damaged and cannot be opened ({problem}).\n\n"
        "The newest intact backup is {backup}, made on {made}. Restore it? Work done since "
        "then is not in it. The damaged file is kept aside.").format(
            path=path, problem=problem, backup=newest.name,
            made=f"{backup.made_at(newest):%Y-%m-%d %H:%M}"))
    box.setObjectName(OFFER_NAME)
    restore_button = box.addButton(translate("DamagedStart", "Restore this backup"),
                                   QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("DamagedStart", "Do not restore"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore_button)
    box.exec()
    if box.clickedButton() is not restore_button:
        return False
    try:
        restored = backup.restore_backup(newest, path)
    except EXPECTED_ERRORS as failure:
        show_expected_error(failure)
        return False
    log.info("damaged database %s replaced by backup %s", path, newest)
    QMessageBox.information(None, "AfterDesk", translate(
        "DamagedStart", "The backup {backup} was restored. The damaged database was kept aside as "
        "{aside}.").format(backup=newest.name, aside=restored.kept))
    return True
