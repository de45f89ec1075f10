"""The dialog shown when AfterDesk meets a problem nobody foresaw, or at the start after the
previous run ended in a hard crash (its report, once)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)


class CrashDialog(QDialog):
    """Says that something went wrong, where the details were written, and shows them."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None,
                 *, previous_run: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("AfterDesk – unexpected problem"))
        self.details = details
        self.log_file = log_file

        where = (self.tr("The details were written to:\n{0}").format(log_file)
                 if log_file else self.tr("The details could not be written to a log file."))
        if previous_run:
            text = self.tr("AfterDesk ended unexpectedly the last time it ran. What was saved "
                           "before is safe; the last action may not have finished: check "
                           "it.\n\n{0}\n\nPlease send that file to whoever supports "
                           "AfterDesk for you. This report is shown once.").format(where)
        else:
            text = self.tr("AfterDesk met a problem it did not expect. What you saved before "
                           "is safe; the last action may not have finished.\n\n{0}\n\n"
                           "Please send that file to whoever supports AfterDesk for you. "
                           "If the window misbehaves, close and reopen AfterDesk.").format(where)
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setMinimumHeight(160)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        if log_file:
            open_folder = QPushButton(self.tr("Open log folder"))
            open_folder.clicked.connect(self.open_log_folder)
            buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.log_file).parent)))
