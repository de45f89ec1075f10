"""Settings › Accounts › the form that connects a shop to its open platform (AliExpress,
Taobao): app key, gateway, and the secrets, which go to the computer's password store
(app.platforms.accounts), never to AfterDesk's database.

The same form changes an existing account's settings that are not secrets (`edit(key)`,
then Save settings): the gateway, the return address id (AliExpress; Taobao: the
address's id in the shop's address library) and, for Taobao, the return address a buyer is
given when the rep agrees to a return. Its secrets are not shown and not changed here.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
                               QWidget)

from app.platforms import DEFAULT_GATEWAYS
from app.platforms.accounts import RETURN_FIELDS, platform_settings, set_platform_settings
from ui.cases.form_bits import ErrorLine
from ui.errors import report_exception
from ui.words.vocabulary import PLATFORMS, word
from ui.write_op import SHOPS, run_write


class PlatformAccountForm(QWidget):
    added = Signal(str)         # the new account's key
    saved = Signal(str)         # an account whose settings were changed

    def __init__(self, shops, parent: QWidget | None = None):
        super().__init__(parent)
        self.editing: str | None = None     # the key of the account being changed
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
        self.return_address.setToolTip(self.tr(
            "The id of the shop's return address (AliExpress: seller centre › return "
            "addresses; Taobao: the address library): a return agreed or proposed from "
            "AfterDesk needs it."))
        self.return_words = {name: QLineEdit() for name in RETURN_FIELDS}
        for secret in (self.app_secret, self.token, self.refresh_token):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.shop.currentIndexChanged.connect(self._shop_changed)
        form = QFormLayout(self)
        self.form = form
        labels = {"return_name": self.tr("Returns: receiver (Taobao)"),
                  "return_address": self.tr("Returns: address (Taobao)"),
                  "return_post": self.tr("Returns: postcode (Taobao)"),
                  "return_tel": self.tr("Returns: landline (Taobao)"),
                  "return_mobile": self.tr("Returns: mobile (Taobao)")}
        for label, widget in ((self.tr("Shop"), self.shop), (self.tr("Platform"), self.kind),
                              (self.tr("Account name"), self.key),
                              (self.tr("App key"), self.app_key),
                              (self.tr("Gateway"), self.gateway),
                              (self.tr("App secret"), self.app_secret),
                              (self.tr("Seller's token"), self.token),
                              (self.tr("Refresh token (AliExpress)"), self.refresh_token),
                              (self.tr("Return address id"), self.return_address),
                              *((labels[n], w) for n, w in self.return_words.items())):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.error = ErrorLine()
        form.addRow(self.error)
        self.add_button = QPushButton(self.tr("Add &platform account"))
        self.add_button.clicked.connect(self.add)
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.stop_editing)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self._shop_changed()
        self._kind_changed()
        self._show_mode()

    def _shop_changed(self) -> None:
        data = self.shop.currentData()
        if data:
            index = self.kind.findData(data[1])
            if index >= 0:
                self.kind.setCurrentIndex(index)

    def _kind_changed(self) -> None:
        """Only the rows of the chosen platform are shown (a Taobao return address on an
        AliExpress account would be a field that does nothing); while an account is
        changed its secrets are not shown at all (they are neither read nor changed here,
        and an empty field that cannot be typed into looks like a setting left empty)."""
        kind = self.kind.currentData()
        adding = self.editing is None
        self.gateway.setPlaceholderText(DEFAULT_GATEWAYS.get(kind, ""))
        self.form.setRowVisible(self.app_secret, adding)
        self.form.setRowVisible(self.token, adding)
        self.form.setRowVisible(self.refresh_token, adding and kind == "aliexpress")
        for widget in self.return_words.values():
            self.form.setRowVisible(widget, kind == "taobao")

    def _show_mode(self) -> None:
        editing = self.editing is not None
        for widget in (self.shop, self.kind, self.key, self.app_key, self.app_secret,
                       self.token):
            widget.setEnabled(not editing)
        self.add_button.setVisible(not editing)
        self.save_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
        self._kind_changed()

    def _return_values(self) -> dict:
        return {name: widget.text().strip() for name, widget in self.return_words.items()}

    # --- an existing account ------------------------------------------------------------
    def edit(self, key: str) -> None:
        """Show the settings of account `key` to change them (its secrets stay hidden)."""
        from app.channels.account import get_account
        account = get_account(key)
        settings = platform_settings(account)
        self.editing = account.key
        self.key.setText(account.key)
        index = self.kind.findData(account.kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        self.app_key.setText(str((account.settings or {}).get("app_key") or ""))
        self.gateway.setText(settings["gateway"])
        self.return_address.setText(settings["return_address_id"])
        for name, widget in self.return_words.items():
            widget.setText(settings[name])
        for secret in (self.app_secret, self.token, self.refresh_token):
            secret.clear()
        self.error.show_error("")
        self._show_mode()

    def stop_editing(self) -> None:
        self.editing = None
        for widget in (self.key, self.app_key, self.gateway, self.return_address,
                       *self.return_words.values()):
            widget.clear()
        self.error.show_error("")
        self._show_mode()

    def save(self) -> bool:
        """The changed settings of the account being edited (through the write path)."""
        from app.channels.runner import notify_accounts
        if self.editing is None:
            return False
        key = self.editing
        values = {"gateway": self.gateway.text().strip(),
                  "return_address_id": self.return_address.text().strip()}
        if self.kind.currentData() == "taobao":
            values.update(self._return_values())
        self.error.show_error("")
        written = run_write(self, partial(set_platform_settings, key, **values),
                            changes=[SHOPS], on_refused=self.error.show_refusal)
        if not written:
            return False
        notify_accounts()
        self.stop_editing()
        self.saved.emit(key)
        return True

    # --- a new account ------------------------------------------------------------------
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
                return_address_id=self.return_address.text().strip(),
                return_address=self._return_values() if kind == "taobao" else None)
        except Exception as error:  # noqa: BLE001 - refusals shown to the rep, bugs reported
            report_exception(error, self)
            return False
        for secret in (self.app_secret, self.token, self.refresh_token):
            secret.clear()
        notify_accounts()
        self.added.emit(added.key)
        return True
