"""Settings › General: the rep's name, interface language, theme, data folder and backups."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSpinBox, QWidget)

from app import backup, paths
from app.services.common.reps import REP_SETTING, current_rep, named_by_login
from app.settings import Settings
from ui.i18n import LANGUAGES


class GeneralTab(QWidget):
    def __init__(self, settings: Settings, db_path, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.rep_name = QLineEdit(settings.get(REP_SETTING))
        self.rep_name.setMaxLength(100)
        self.rep_name.setPlaceholderText(current_rep())
        self.rep_name.setAccessibleName(self.tr("Your name"))
        self.rep_name.setToolTip(self.tr("What the other reps of the shop see beside your "
                                         "changes and replies, and 'assigned to me'"))
        if named_by_login():        # on a shop server the login is the rep's name
            self.rep_name.setEnabled(False)
            self.rep_name.setText(current_rep())
            self.rep_name.setToolTip(self.tr("On the shop's server your name is your "
                                             "login's, as the shop's owner gave it"))
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the system"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.get("ui.language")), 0))
        self.language.setAccessibleName(self.tr("Interface language"))

        self.theme = QComboBox()
        for code, name in (("system", self.tr("Same as the system (light or dark)")),
                           ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.get("ui.theme")), 0))
        self.theme.setAccessibleName(self.tr("Theme"))

        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setValue(settings.get("backup.keep"))
        self.keep.setAccessibleName(self.tr("Backups to keep"))
        self.daily = QCheckBox(self.tr("Back up automatically once a day, at start"))
        self.daily.setChecked(settings.get("backup.daily"))

        self.folder = QLabel(str(db_path))
        self.folder.setWordWrap(True)
        open_backups = QPushButton(self.tr("Open backups folder"))
        open_backups.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(backup.backups_dir()))))
        open_logs = QPushButton(self.tr("Open log folder"))
        open_logs.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(paths.log_dir()))))
        buttons = QHBoxLayout()
        buttons.addWidget(open_backups)
        buttons.addWidget(open_logs)
        buttons.addStretch(1)

        self.restart_note = QLabel(self.tr("A new language applies when AfterDesk starts "
                                            "again: you can restart it once you press OK."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda: self.restart_note.setVisible(self.language_changed()))

        form = QFormLayout(self)
        form.addRow(self.tr("Your &name:"), self.rep_name)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Backups to keep:"), self.keep)
        form.addRow("", self.daily)
        form.addRow(self.tr("Database:"), self.folder)
        form.addRow("", buttons)

    def language_changed(self) -> bool:
        return self.language.currentData() != self.settings.get("ui.language")

    def save(self) -> None:
        if self.rep_name.isEnabled():       # kept for a file when named by a server login
            self.settings.set(REP_SETTING, self.rep_name.text().strip())
        self.settings.set("ui.language", self.language.currentData())
        self.settings.set("ui.theme", self.theme.currentData())
        self.settings.set("backup.keep", self.keep.value())
        self.settings.set("backup.daily", self.daily.isChecked())
