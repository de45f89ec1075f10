"""The first-run wizard's pages: welcome and language, where the data lives, the first shop
(or the demo shops). Nothing is written until the rep presses Finish."""

from __future__ import annotations

import zoneinfo
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout,
                               QWidget, QWizard, QWizardPage)

from app import paths
from app.server.address import is_server_address
from ui.first_run.setup import DEFAULT_ZONES, FirstRunChoices
from ui.i18n import LANGUAGES


def _data_place(text: str) -> Path | str:
    """The data folder typed, or the address of the shop's server as typed (docs/server.md)."""
    return text if is_server_address(text) else Path(text).expanduser()


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class WelcomePage(QWizardPage):
    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to AfterDesk"))
        self.setSubTitle(self.tr("A few questions, then your desk is ready."))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Interface language"))
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(_note(self.tr(
            "AfterDesk keeps every buyer conversation, after-sales request and dispute of "
            "your AliExpress and Taobao shops on this computer, and warns you before a "
            "platform deadline costs you money.")))
        layout.addLayout(form)
        layout.addWidget(_note(self.tr("The language applies to the main window; you can "
                                       "change it later under File › Settings.")))
        layout.addStretch(1)


class DataPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Where your data lives"))
        self.setSubTitle(self.tr("One database file in this folder holds everything; backups "
                                 "go to its 'backups' folder."))
        self.folder = QLineEdit(str(paths.data_dir()))
        self.folder.setAccessibleName(self.tr("Data folder"))
        self.folder.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(_note(self.tr(
            "Keep the suggested folder unless your shop wants the data elsewhere, for "
            "example on a drive that is backed up. Uninstalling AfterDesk leaves this folder "
            "in place.")))
        layout.addWidget(_note(self.tr(
            "Several reps sharing one shop: type the address of the shop's server instead, "
            "such as postgresql://rep:password@shop-server:5432/afterdesk (the password goes "
            "to the system keyring).")))
        layout.addStretch(1)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def isComplete(self) -> bool:
        return bool(self.folder.text().strip())


class ShopPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Your shop"))
        self.setSubTitle(self.tr("Set up your first shop, or look around with two demo shops."))
        self.own = QRadioButton(self.tr("Set up &my shop"))
        self.demo = QRadioButton(self.tr("Try the &demo shops first (this wizard comes back "
                                         "at the next start)"))
        self.own.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.own)
        group.addButton(self.demo)

        self.platform = QComboBox()
        self.platform.addItem(self.tr("AliExpress"), "aliexpress")
        self.platform.addItem(self.tr("Taobao"), "taobao")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("as buyers see it, e.g. 暖阳家居旗舰店"))
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("short code for exports, e.g. ae-main"))
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.addItems(sorted(zoneinfo.available_timezones()))
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for widget, name in ((self.platform, self.tr("Platform")), (self.name, self.tr("Shop name")),
                             (self.key, self.tr("Shop code")), (self.zone, self.tr("Time zone"))):
            widget.setAccessibleName(name)
        self.platform.currentIndexChanged.connect(self._platform_changed)
        self._platform_changed()

        self.form_box = QWidget()
        form = QFormLayout(self.form_box)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("&Platform:"), self.platform)
        form.addRow(self.tr("Shop &name:"), self.name)
        form.addRow(self.tr("Shop &code:"), self.key)
        form.addRow(self.tr("&Time zone:"), self.zone)
        form.addRow("", _note(self.tr("The time zone the platform's order exports use "
                                      "(AliExpress: America/Los_Angeles).")))
        for field in (self.own, self.demo):
            field.toggled.connect(self._mode_changed)
        for edit in (self.name, self.key):
            edit.textChanged.connect(self.completeChanged)
        self.zone.currentTextChanged.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addWidget(self.form_box)
        layout.addWidget(self.demo)
        layout.addStretch(1)

    def _platform_changed(self) -> None:
        self.zone.setCurrentText(DEFAULT_ZONES[self.platform.currentData()])

    def _mode_changed(self) -> None:
        self.form_box.setEnabled(self.own.isChecked())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        if self.demo.isChecked():
            return True
        return all(text.strip() for text in (self.name.text(), self.key.text(),
                                             self.zone.currentText()))


class FirstRunWizard(QWizard):
    """Ask, then `choices()`; `ui.first_run.apply_choices` carries them out."""

    def __init__(self, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set up AfterDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.welcome = WelcomePage(language)
        self.data = DataPage()
        self.shop = ShopPage()
        for page in (self.welcome, self.data, self.shop):
            self.addPage(page)
        self.setMinimumSize(640, 460)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def choices(self) -> FirstRunChoices:
        shop = self.shop
        return FirstRunChoices(
            language=self.welcome.language.currentData(),
            data_dir=_data_place(self.data.folder.text().strip()),
            demo=shop.demo.isChecked(),
            shop_key=shop.key.text().strip(),
            shop_name=shop.name.text().strip(),
            platform=shop.platform.currentData(),
            timezone=shop.zone.currentText().strip(),
        )
