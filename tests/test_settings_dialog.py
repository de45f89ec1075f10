"""File › Settings: language and theme are remembered, lead times are checked, rule values
are changed and reset through the policy service (each change audited, a bad value
refused with nothing written), working-day corrections are added and removed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from app.models import AuditEntry, PolicyOverride
from app.services.commerce import calendar_overrides, policy
from app.settings import Settings
from ui.errors import ExpectedErrorBox
from ui.settings_dialog import SettingsDialog
from ui.settings_dialog.alerts_tab import parse_lead_times
from ui.settings_dialog.policy_tab import COL_VALUE, KEY_ROLE

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def dialog(qtbot, db, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    dialog = SettingsDialog(settings, tmp_path / "afterdesk.db")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def shown_errors(monkeypatch):
    shown = []
    monkeypatch.setattr(ExpectedErrorBox, "exec", lambda self: shown.append(self.text()) or 0)
    return shown


def _row(tab, key):
    for row in range(tab.table.rowCount()):
        if tab.table.item(row, COL_VALUE).data(KEY_ROLE) == key:
            return row
    raise AssertionError(key)


def test_language_theme_and_backups_are_saved_on_ok(dialog, tmp_path):
    general = dialog.general
    assert not general.restart_note.isVisibleTo(dialog)
    general.language.setCurrentIndex(general.language.findData("zh_CN"))
    assert general.restart_note.isVisibleTo(dialog)          # "applies at next start"
    general.theme.setCurrentIndex(general.theme.findData("dark"))
    general.keep.setValue(14)
    dialog.accept()
    saved = Settings(tmp_path / "settings.json")
    assert (saved.get("ui.language"), saved.get("ui.theme"), saved.get("backup.keep")) == \
        ("zh_CN", "dark", 14)


def test_lead_times_are_checked_before_saving(dialog, tmp_path):
    alerts = dialog.alerts
    alerts.lead_times.setText("4, 48，1")
    assert alerts.is_valid()
    alerts.lead_times.setText("24, soon")
    dialog.accept()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is alerts
    assert "whole hours" in alerts.problem.text()
    alerts.lead_times.setText("2, 72")
    dialog.accept()
    assert Settings(tmp_path / "settings.json").get("alerts.lead_times_hours") == [72, 2]
    with pytest.raises(ValueError):
        parse_lead_times("0")
    with pytest.raises(ValueError):
        parse_lead_times("1000")


def test_a_rule_value_is_changed_through_the_service_and_audited(dialog):
    tab = dialog.policy
    tab.profile.setCurrentIndex(tab.profile.findData("aliexpress"))
    row = _row(tab, "seller_response")          # AE-3
    assert tab.table.item(row, 0).text() == "AE-3"
    assert tab.table.item(row, COL_VALUE).text() == "5"
    tab.table.item(row, COL_VALUE).setText("4")
    assert tab.changes() == {"seller_response": "4"}
    assert tab.save()
    assert policy.load_profile("aliexpress").get("seller_response").value == 4
    entry = AuditEntry.get(AuditEntry.entity == "policy")
    assert entry.entity_ref == "aliexpress/seller_response"
    assert entry.detail == {"rule": "AE-3", "from": "5", "to": "4"}
    assert tab.table.item(_row(tab, "seller_response"), 4).text() == "5"   # the default


def test_a_bad_value_is_refused_and_nothing_is_written(dialog, shown_errors):
    tab = dialog.policy
    tab.table.item(_row(tab, "seller_response"), COL_VALUE).setText("4")
    tab.table.item(_row(tab, "staff_intervene"), COL_VALUE).setText("a week")
    assert not tab.save()
    assert len(shown_errors) == 1 and "a week" in shown_errors[0]
    assert PolicyOverride.select().count() == 0 and AuditEntry.select().count() == 0


def test_reset_to_defaults_after_confirmation(dialog, monkeypatch):
    policy.set_value("aliexpress", "seller_response", "3")
    tab = dialog.policy
    tab.load()
    assert tab.table.item(_row(tab, "seller_response"), COL_VALUE).text() == "3"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    tab.reset()
    assert tab.table.item(_row(tab, "seller_response"), COL_VALUE).text() == "5"
    assert PolicyOverride.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.action == "reset").count() == 1


def test_working_day_corrections_are_added_and_removed(dialog, qtbot):
    tab = dialog.calendar
    tab.day.setDate(QDate(2027, 2, 20))
    tab.kind.setCurrentIndex(tab.kind.findData(True))
    qtbot.keyClicks(tab.note, "make-up Saturday")
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.table.rowCount() == 1
    assert [tab.table.item(0, c).text() for c in range(3)] == \
        ["2027-02-20", "Working day", "make-up Saturday"]
    assert calendar_overrides.working_calendar().is_working(date(2027, 2, 20))
    tab.table.selectRow(0)
    tab.remove_selected()
    assert tab.table.rowCount() == 0
    assert calendar_overrides.list_days() == []
    assert AuditEntry.select().where(AuditEntry.entity == "calendar").count() == 2


def test_every_input_has_an_accessible_name(dialog):
    for widget in (dialog.general.language, dialog.general.theme, dialog.general.keep,
                   dialog.alerts.lead_times, dialog.policy.profile, dialog.policy.table,
                   dialog.calendar.day, dialog.calendar.kind, dialog.calendar.note,
                   dialog.calendar.table):
        assert widget.accessibleName(), widget


def test_a_new_language_offers_a_restart_with_the_same_command_line(qtbot, tmp_path,
                                                                     monkeypatch):
    """#26.16: the language applies at start, so the rep is offered Restart now."""
    import sys

    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from ui import restart

    started = []
    monkeypatch.setattr(QProcess, "startDetached",
                        staticmethod(lambda program, args: started.append((program, args))
                                     or (True, 4242)))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[0].click())
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    assert restart.offer_restart(window)
    assert started == [(sys.executable, list(sys.orig_argv[1:]))]
    assert not window.isVisible()
