"""The message box of an expected problem (ui.errors.show_expected_error)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.errors import describe


class ExpectedErrorBox(QMessageBox):
    """A refusal or a problem the rep can act on: the message itself says what to do."""

    def __init__(self, error: BaseException, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("AfterDesk")
        self.setText(describe(error))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
