"""Settings › Accounts: each shop's mailbox and open-platform account (add, test the
connection, change the password, remove) and what its last sync found. Passwords and
platform secrets go to the operating system's keyring (app.channels.account,
app.platforms.accounts)."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.channels import account as accounts
from app.services.commerce.shops import list_shops
from ui.errors import report_exception
from ui.words.channel_problems import problem_words
from ui.formatting import local_time_text
from ui.words.vocabulary import ACCOUNT_STATES, word


class AccountsTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Shop"),
                                              self.tr("User"), self.tr("State"),
                                              self.tr("Last sync")])
        self.table.setAccessibleName(self.tr("Mail accounts"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemSelectionChanged.connect(self._show_error)
        self.problem = QLabel()
        self.problem.setWordWrap(True)

        self.shop = QComboBox()
        self.shop.setAccessibleName(self.tr("Shop"))
        for shop in list_shops():
            self.shop.addItem(f"{shop.name} ({shop.key})", shop.key)
        self.key = QLineEdit()
        self.key.setPlaceholderText(self.tr("e.g. shop1-mail"))
        self.imap = QLineEdit()
        self.imap.setPlaceholderText("imap.example.com:993")
        self.smtp = QLineEdit()
        self.smtp.setPlaceholderText("smtp.example.com:465")
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("the mailbox's user name, e.g. service@shop.com"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.security = QComboBox()
        self.security.addItem(self.tr("TLS (ports 993 and 465)"), "tls")
        self.security.addItem(self.tr("STARTTLS (ports 143 and 587)"), "starttls")
        self.security.addItem(self.tr("None: only a server on this computer or the shop's "
                                      "network"), "none")
        form = QFormLayout()
        for label, widget in ((self.tr("Shop"), self.shop), (self.tr("Account name"), self.key),
                              (self.tr("IMAP server (incoming)"), self.imap),
                              (self.tr("SMTP server (outgoing)"), self.smtp),
                              (self.tr("User name"), self.user),
                              (self.tr("Password"), self.password),
                              (self.tr("Security"), self.security)):
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        self.add_button = QPushButton(self.tr("&Add account"))
        self.add_button.clicked.connect(self.add)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_selected)
        self.password_button = QPushButton(self.tr("Change &password…"))
        self.password_button.clicked.connect(self.change_password)
        self.settings_button = QPushButton(self.tr("Platform se&ttings…"))
        self.settings_button.setToolTip(self.tr("Change the selected platform account's "
                                                "gateway and return address (its secrets "
                                                "stay in the password store)."))
        self.settings_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("Re&move selected"))
        self.remove_button.clicked.connect(self.remove_selected)

        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "Buyers' mails come into the inbox and your answers go out from the shop's "
            "address. The password is kept in the computer's password store, not in "
            "AfterDesk's database."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.test_button)
        actions.addWidget(self.password_button)
        actions.addWidget(self.settings_button)
        actions.addWidget(self.remove_button)
        layout.addLayout(actions)
        layout.addLayout(form)
        add_row = QHBoxLayout()             # the mail form's button, under the mail form
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        from ui.settings_dialog.platform_account_form import PlatformAccountForm
        self.platform_form = PlatformAccountForm(list_shops(), self)
        self.platform_form.added.connect(lambda _key: self.reload())
        self.platform_form.saved.connect(self._settings_saved)
        platform_note = QLabel(self.tr(
            "Or connect a shop's open platform (AliExpress, Taobao): its orders and disputes "
            "then arrive without an import. The app secret and tokens are kept in the "
            "computer's password store."))
        platform_note.setWordWrap(True)
        layout.addWidget(platform_note)
        layout.addWidget(self.platform_form)
        self.reload()

    def reload(self) -> None:
        rows = accounts.rows()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            when = local_time_text(row.last_sync_at) if row.last_sync_at else self.tr("never")
            for column, value in enumerate((row.key, row.shop, row.user,
                                            word(ACCOUNT_STATES, row.state), when)):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self._show_error()

    def select(self, key: str) -> None:
        for index, row in enumerate(self.rows):
            if row.key == key:
                self.table.selectRow(index)

    def selected(self):
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _show_error(self) -> None:
        row = self.selected()
        self.problem.setText(problem_words(row.last_error) if row is not None else "")

    def add(self) -> bool:
        from app.channels.runner import notify_accounts
        try:
            accounts.add_account(self.key.text(), self.shop.currentData() or "",
                                 imap=self.imap.text(), smtp=self.smtp.text(),
                                 user=self.user.text(), password=self.password.text() or None,
                                 security=self.security.currentData())
        except Exception as error:  # noqa: BLE001 - refusals shown to the rep, bugs reported
            report_exception(error, self)
            return False
        self.password.clear()
        notify_accounts()
        self.reload()
        return True

    def test_selected(self) -> None:
        """Log in to the selected account's servers (off the window's thread)."""
        from app.channels.connectors import connector_for
        from app.channels.errors import ChannelProblem
        from ui.worker import run_in_background
        row = self.selected()
        if row is None:
            return
        connector = connector_for(accounts.get_account(row.key))
        self.test_button.setEnabled(False)

        def done(_result) -> None:
            self.test_button.setEnabled(True)
            accounts.record_state(row.key, "connected", "")
            self.reload()
            self.problem.setText(
                self.tr("{0}: both servers accepted the login.").format(row.key)
                if row.kind == "mail" else
                self.tr("{0}: the platform accepted the signed call.").format(row.key))

        def failed(error) -> None:
            self.test_button.setEnabled(True)
            if not isinstance(error, ChannelProblem):
                report_exception(error, self)
                return
            accounts.record_state(row.key, error.state, str(error))
            self.reload()

        run_in_background(connector.test, done, failed, context=self)

    def change_password(self) -> bool:
        """A new password for the selected account, into the keyring; the sync tries the
        account again at once (a refused password waits for this)."""
        from PySide6.QtWidgets import QInputDialog

        from app.channels.runner import notify_accounts
        row = self.selected()
        if row is None:
            return False
        dialog = QInputDialog(self)
        dialog.setObjectName("password_dialog")
        dialog.setWindowTitle(self.tr("Change password"))
        dialog.setLabelText(self.tr("New password of {0} ({1}):").format(row.key, row.user))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        if not dialog.exec() or not dialog.textValue():
            return False
        try:
            accounts.set_password(row.key, dialog.textValue())
        except Exception as error:  # noqa: BLE001 - refusals shown to the rep, bugs reported
            report_exception(error, self)
            return False
        notify_accounts()
        self.reload()
        self.select(row.key)
        self.problem.setText(self.tr("{0}: the new password is kept in the computer's "
                                     "password store.").format(row.key))
        return True

    def edit_selected(self) -> bool:
        """The selected platform account's settings, in the platform form to change."""
        row = self.selected()
        if row is None or row.kind == "mail":
            self.problem.setText(self.tr("Select a platform account (AliExpress, Taobao) "
                                         "first."))
            return False
        self.platform_form.edit(row.key)
        self.platform_form.gateway.setFocus()
        self._bring_into_view(self.platform_form)
        return True

    def _bring_into_view(self, widget: QWidget) -> None:
        """In the settings dialog the tab scrolls: the form the rep just opened is
        scrolled into view (else the click seems to do nothing)."""
        from PySide6.QtWidgets import QScrollArea
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 0, 0)

    def _settings_saved(self, key: str) -> None:
        self.reload()
        self.select(key)
        self.problem.setText(self.tr("{0}: the settings were saved.").format(key))

    def remove_selected(self) -> None:
        from app.channels.runner import notify_accounts
        row = self.selected()
        if row is None:
            return
        try:
            accounts.remove_account(row.key)
        except Exception as error:  # noqa: BLE001
            report_exception(error, self)
            return
        notify_accounts()
        self.reload()
