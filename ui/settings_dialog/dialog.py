"""The settings dialog: six tabs; OK saves the preferences of General and Alerts (the
rules and the calendar are saved by their own buttons, each change audited)."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFrame, QLabel, QScrollArea,
                               QTabWidget, QVBoxLayout, QWidget)

from app.settings import Settings
from app.services.common.reps import my_role, set_current_rep
from ui.write_op import POLICY, run_write
from ui.settings_dialog.accounts_tab import AccountsTab
from ui.settings_dialog.alerts_tab import AlertsTab
from ui.settings_dialog.calendar_tab import CalendarTab
from ui.settings_dialog.general_tab import GeneralTab
from ui.settings_dialog.policy_tab import PolicyTab
from ui.settings_dialog.translation_tab import TranslationTab
from ui.tones import style_text


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, db_path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self.general = GeneralTab(settings, db_path)
        self.alerts = AlertsTab(settings)
        self.policy = PolicyTab()
        self.calendar = CalendarTab()
        self.accounts = AccountsTab()
        self.translation = TranslationTab(settings)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("General"))
        self.tabs.addTab(self.alerts, self.tr("Alerts"))
        self.tabs.addTab(self.policy, self.tr("Rules"))
        self.tabs.addTab(self.calendar, self.tr("Working days"))
        # the mail form and the platform form together are taller than a 768-pixel
        # screen: the tab scrolls, so the dialog (and its OK) stays on the screen
        self.accounts_scroll = QScrollArea()
        self.accounts_scroll.setWidgetResizable(True)
        self.accounts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.accounts_scroll.setWidget(self.accounts)
        self.tabs.addTab(self.accounts_scroll, self.tr("Accounts"))
        self.tabs.addTab(self.translation, self.tr("Translation"))
        # The rules, the working days and the accounts are the shop owner's: on a shop
        # server a rep's or a viewer's login reads them (app/server/roles.py).
        self.owner_note = QLabel(self.tr(
            "Rules, working days and accounts are changed by the shop's owner: this "
            "login may read them."))
        self.owner_note.setWordWrap(True)
        style_text(self.owner_note, "muted")
        is_owner = my_role() == "owner"
        self.owner_note.setVisible(not is_owner)
        for tab in (self.policy, self.calendar, self.accounts):
            tab.setEnabled(is_owner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.owner_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 560)

    def accept(self) -> None:
        if not self.alerts.is_valid():
            self.tabs.setCurrentWidget(self.alerts)
            self.alerts.lead_times.setFocus()
            return
        if self.policy.changes() and not self.policy.save():
            self.tabs.setCurrentWidget(self.policy)
            return
        self.language_changed = self.general.language_changed()

        def save() -> None:
            self.general.save()
            self.alerts.save()
            set_current_rep(None)       # the rep's name may have changed: read it again
        # The settings file, not the database; the lists follow them (alert lead times…).
        if run_write(self, save, changes=[POLICY]):
            super().accept()
