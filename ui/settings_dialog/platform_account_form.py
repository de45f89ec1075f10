"""Settings › Accounts › the form that connects a shop to its open platform (AliExpress,
Taobao): app key, gateway, and the secrets, which go to the computer's password store
(app.platforms.accounts), never to AfterDesk's database."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPushButton, QWidget

from app.platforms import DEFAULT_GATEWAYS
from ui.errors import report_exception
from ui.words.vocabulary import PLATFORMS, word


class PlatformAccountForm(QWidget):
    added = Signal(str)         # the new account's key

    def __init__(self, shops, parent: QWidget | None = None):
        super().__init__(parent)
        self.shop = QComboBox()
        for shop in shops:
            self.shop.addItem(f"{shop.name} ({shop.key})", (shop.key, shop.platform))
        self.kind = QComboBox()
        for kind in DEFAULT_GATEWAYS:
            self.kind.addItem(word(PLATFORMS, kind), kind)
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("e.g. shop1-platform"))
        self.app_key = QLineEdit()
        self.gateway = QLineEdit()
        self.app_secret = QLineEdit()
        self.token = QLineEdit()
        self.refresh_token = QLineEdit()
        self.return_address = QLineEdit()
        self.return_address.setToolTip(self.tr("The id of the shop's return address on "
                                               "AliExpress: a return solution accepted or "
                                               "proposed from AfterDesk needs it."))
        for secret in (self.app_secret, self.token, self.refresh_token):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.shop.currentIndexChanged.connect(self._shop_changed)
        form = QFormLayout(self)
        for label, widget in ((self.tr("Shop"), self.shop), (self.tr("Platform"), self.kind),
                              (self.tr("Account name"), self.key),
                              (self.tr("App key"), self.app_key),
                              (self.tr("Gateway"), self.gateway),
                              (self.tr("App secret"), self.app_secret),
                              (self.tr("Seller's token"), self.token),
                              (self.tr("Refresh token (AliExpress)"), self.refresh_token),
                              (self.tr("Return address id (AliExpress)"),
                               self.return_address)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.add_button = QPushButton(self.tr("Add &platform account"))
        self.add_button.clicked.connect(self.add)
        form.addRow(self.add_button)
        self._shop_changed()
        self._kind_changed()

    def _shop_changed(self) -> None:
        data = self.shop.currentData()
        if data:
            index = self.kind.findData(data[1])
            if index >= 0:
                self.kind.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.gateway.setPlaceholderText(DEFAULT_GATEWAYS.get(kind, ""))
        self.refresh_token.setEnabled(kind == "aliexpress")
        self.return_address.setEnabled(kind == "aliexpress")

    def add(self) -> bool:
        from app.channels.runner import notify_accounts
        from app.platforms.accounts import add_platform_account
        kind = self.kind.currentData()
        try:
            added = add_platform_account(
                self.key.text(), (self.shop.currentData() or ("", ""))[0], kind=kind,
                app_key=self.app_key.text(), gateway=self.gateway.text(),
                app_secret=self.app_secret.text() or None, token=self.token.text() or None,
                refresh_token=(self.refresh_token.text() or None) if kind == "aliexpress"
                else None,
                return_address_id=self.return_address.text().strip()
                if kind == "aliexpress" else "")
        except Exception as error:  # noqa: BLE001 - refusals shown to the rep, bugs reported
            report_exception(error, self)
            return False
        for secret in (self.app_secret, self.token, self.refresh_token):
            secret.clear()
        notify_accounts()
        self.added.emit(added.key)
        return True
