"""Show the first-run wizard until its choices are carried out or the rep cancels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from app.settings import Settings
from ui.errors import EXPECTED_ERRORS, report_exception
from ui.first_run.setup import apply_choices
from ui.first_run.wizard import FirstRunWizard


def run_first_run(settings: Settings, language: str) -> Path | None:
    """The database to open, or None when the rep closed the wizard (AfterDesk then quits)."""
    wizard = FirstRunWizard(language)
    while wizard.exec() == QDialog.DialogCode.Accepted:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return apply_choices(wizard.choices(), settings)
        except (*EXPECTED_ERRORS, OSError) as error:
            problem = error
        finally:
            QApplication.restoreOverrideCursor()
        report_exception(problem, wizard)      # then the wizard again, as the rep left it
    return None
