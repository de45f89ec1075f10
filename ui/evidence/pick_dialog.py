"""Pick messages or tracking events for a pack: a checkable list, all ticked by default."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout)


class PickDialog(QDialog):
    def __init__(self, title: str, explanation: str, choices: list[tuple[int, str]],
                 parent=None):
        """`choices`: (id, text) pairs."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 480)
        self.list = QListWidget()
        for ident, text in choices:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        every, none = QPushButton(self.tr("Tick all")), QPushButton(self.tr("Tick none"))
        every.clicked.connect(lambda: self._tick(Qt.CheckState.Checked))
        none.clicked.connect(lambda: self._tick(Qt.CheckState.Unchecked))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        label = QLabel(explanation)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)

    def _tick(self, state) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def chosen(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
