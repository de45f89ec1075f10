"""Show the first-run wizard until its choices are carried out or the rep cancels."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from app.settings import Settings
from ui.first_run.setup import apply_choices
from ui.first_run.wizard import FirstRunWizard
from ui.write_op import EVERYTHING, SHOPS, run_write


def run_first_run(settings: Settings, language: str) -> Path | None:
    """The database to open, or None when the rep closed the wizard (AfterDesk then quits).
    The shop (or the demo) is written through the window's write helper: a refusal is shown
    over the wizard, which then comes back as the rep left it."""
    wizard = FirstRunWizard(language)
    while wizard.exec() == QDialog.DialogCode.Accepted:
        choices = wizard.choices()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        written = run_write(wizard, partial(apply_choices, choices, settings),
                            changes=EVERYTHING if choices.demo else [SHOPS],
                            on_done=_cursor_back, on_failed=_cursor_back)
        if written:
            return written.result
    return None


def _cursor_back(_outcome=None) -> None:
    """The usual cursor again, before any message is shown."""
    QApplication.restoreOverrideCursor()
