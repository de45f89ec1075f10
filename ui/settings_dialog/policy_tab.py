"""Settings › Rules: the values of each platform's policy profile, editable, with a reset to
the platforms' published defaults. Every change goes through app.services.commerce.policy, which
writes an audit entry for it."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.rules.policy import DEFAULTS, PolicyError, Profile, parse_value
from app.services.commerce import policy
from app.errors import InvalidInput
from ui.write_op import POLICY, run_write

KEY_ROLE = Qt.ItemDataRole.UserRole
COL_RULE, COL_LABEL, COL_VALUE, COL_UNIT, COL_DEFAULT = range(5)


class PolicyTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.profile = QComboBox()
        names = {"aliexpress": self.tr("AliExpress"), "taobao": self.tr("Taobao")}
        for name in DEFAULTS:
            self.profile.addItem(names.get(name, name), name)
        self.profile.setAccessibleName(self.tr("Policy profile"))
        self.profile.currentIndexChanged.connect(self.load)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Rule"), self.tr("What"), self.tr("Value"),
                                              self.tr("Unit"), self.tr("Default")])
        self.table.setAccessibleName(self.tr("Rule values"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Stretch)
        self.table.setAlternatingRowColors(True)
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton(self.tr("&Reset to defaults…"))
        self.reset_button.clicked.connect(self.reset)
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Profile:")))
        top.addWidget(self.profile)
        top.addStretch(1)
        top.addWidget(self.save_button)
        top.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Change a value when the platform changes its rules. "
                                        "Every change is recorded with the old and new value.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.load()

    def unit_text(self, unit: str) -> str:
        return {"hours": self.tr("hours"), "days": self.tr("days"),
                "working_days": self.tr("working days"), "percent": self.tr("percent"),
                "amount": self.tr("amount"), "count": self.tr("times"),
                "clock": self.tr("time of day"), "list": self.tr("list (a|b|c)")}.get(unit, unit)

    def name(self) -> str:
        return self.profile.currentData()

    def load(self) -> None:
        current = policy.load_profile(self.name())
        defaults = Profile(self.name())
        values = current.values()
        self.table.setRowCount(len(values))
        for row, item in enumerate(values):
            cells = (item.rule, item.label, item.as_text(), self.unit_text(item.unit),
                     defaults.get(item.key).as_text())
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column != COL_VALUE:
                    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                cell.setData(KEY_ROLE, item.key)
                cell.setToolTip(item.key if column == COL_LABEL else text)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(COL_RULE)
        self._loaded = {item.key: item.as_text() for item in values}

    def changes(self) -> dict[str, str]:
        found = {}
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, COL_VALUE)
            key = cell.data(KEY_ROLE)
            if cell.text().strip() != self._loaded[key]:
                found[key] = cell.text().strip()
        return found

    def save(self) -> bool:
        """Write the changed values (all or none are accepted); False when one is refused."""
        changes = self.changes()
        template = Profile(self.name())
        name = self.name()

        def save() -> None:
            for key, text in changes.items():
                try:
                    parse_value(template.get(key), text)
                except PolicyError as exc:
                    raise InvalidInput(str(exc), record=f"policy {name}", field=key) from None
            for key, text in changes.items():
                policy.set_value(name, key, text)
        if not run_write(self, save, changes=[POLICY]):
            return False
        self.load()
        self.status.setText(self.tr("{0} value(s) saved.").format(len(changes)) if changes else "")
        return True

    def reset(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Reset to defaults"),
            self.tr("Set every value of this profile back to the platform's published default? "
                    "Your changes are recorded in the audit log."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        written = run_write(self, partial(policy.reset, self.name()), changes=[POLICY])
        if not written:
            return
        count = written.result
        self.load()
        self.status.setText(self.tr("{0} value(s) set back to the default.").format(count))
