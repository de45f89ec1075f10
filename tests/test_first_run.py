"""The first-run wizard: a rep's first shop is created through the service (audited) in the
chosen folder and the settings remember it; the demo mode loads the demo shops without
ending the first run; a refused shop leaves nothing behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.db import close_database, open_database
from app.models import AuditEntry
from app.services.commerce import shops
from app.errors import InvalidInput
from app.settings import Settings
from ui.first_run import FirstRunChoices, FirstRunWizard, apply_choices, needs_first_run

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    yield tmp_path / "home"
    close_database()


def test_the_wizard_collects_a_shop_and_carries_it_out(home, qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert needs_first_run(settings, None)
    wizard = FirstRunWizard("en")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("zh_CN"))
    wizard.next()
    folder = tmp_path / "shop data"
    wizard.data.folder.setText(str(folder))
    wizard.next()
    page = wizard.shop
    assert not page.isComplete()                       # name and code still empty
    page.platform.setCurrentIndex(page.platform.findData("taobao"))
    assert page.zone.currentText() == "Asia/Shanghai"  # the platform's export zone
    page.name.setText("暖阳家居旗舰店")     # (QTest cannot type Chinese)
    qtbot.keyClicks(page.key, "tb-main")
    assert page.isComplete()
    choices = wizard.choices()
    assert choices == FirstRunChoices("zh_CN", folder, False, "tb-main", "暖阳家居旗舰店",
                                      "taobao", "Asia/Shanghai")

    path = apply_choices(choices, settings)
    assert path == folder / "afterdesk.db"
    reread = Settings(tmp_path / "settings.json")
    assert reread.get("ui.language") == "zh_CN"
    assert reread.get("data.db_path") == str(path)
    assert reread.get("ui.first_run_done") is True
    assert not needs_first_run(reread, None)
    open_database(path)
    shop = shops.get_shop("tb-main")
    assert (shop.platform, shop.timezone, shop.currency) == ("taobao", "Asia/Shanghai", "CNY")
    assert AuditEntry.select().where(AuditEntry.entity == "shop").count() == 1


def test_the_demo_mode_loads_demo_shops_and_asks_again_next_time(home, qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    wizard = FirstRunWizard("en")
    qtbot.addWidget(wizard)
    wizard.shop.demo.setChecked(True)
    assert wizard.shop.isComplete() and not wizard.shop.form_box.isEnabled()
    path = apply_choices(wizard.choices(), settings)
    assert path.name == "afterdesk-demo.db"
    open_database(path)
    assert {s.key for s in shops.list_shops()} == {"ae-demo", "tb-demo"}
    from app.models import Order, QuickPhrase
    assert Order.select().count() == 600      # the same demo as `afterdesk demo` (#26.13)
    assert QuickPhrase.select().exists()
    close_database()
    assert needs_first_run(Settings(tmp_path / "settings.json"), None)


def test_a_refused_shop_saves_no_setting_and_leaves_no_database(home, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    bad = FirstRunChoices("en", tmp_path / "data", False, "no spaces allowed", "店",
                          "aliexpress", "America/Los_Angeles")
    with pytest.raises(InvalidInput):
        apply_choices(bad, settings)
    assert not (tmp_path / "data" / "afterdesk.db").exists()
    assert not (tmp_path / "settings.json").exists()
    assert needs_first_run(settings, None)


def test_no_wizard_for_an_existing_database_or_a_named_one(home, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert not needs_first_run(settings, str(tmp_path / "other.db"))
    open_database(home / "data" / "afterdesk.db")
    close_database()
    assert not needs_first_run(settings, None)


def test_the_wizard_pages_have_accessible_names(qtbot):
    wizard = FirstRunWizard("en")
    qtbot.addWidget(wizard)
    for widget in (wizard.welcome.language, wizard.data.folder, wizard.shop.platform,
                   wizard.shop.name, wizard.shop.key, wizard.shop.zone):
        assert widget.accessibleName()
    assert wizard.shop.own.text().replace("&", "") == "Set up my shop"
    assert wizard.windowModality() == Qt.WindowModality.ApplicationModal


def test_finish_writes_through_the_write_helper_and_a_refusal_brings_the_wizard_back(
        home, qtbot, tmp_path, monkeypatch):
    """Finish with a shop code the service refuses: the refusal is shown over the wizard,
    which comes back; Finish again with a good code opens the new shop's database and
    announces the new shop."""
    from PySide6.QtWidgets import QDialog

    from app.services.common import change_notice
    from ui import errors
    from ui.first_run import run as first_run
    settings = Settings(tmp_path / "settings.json")
    keys = iter(["no spaces allowed", "ae-main"])

    def finish(wizard):
        wizard.data.folder.setText(str(tmp_path / "data"))
        wizard.shop.name.setText("Sunny Home")
        wizard.shop.key.setText(next(keys))
        return QDialog.DialogCode.Accepted
    shown, heard = [], []

    def listener(change):
        heard.append(change)
    monkeypatch.setattr(first_run.FirstRunWizard, "exec", finish)
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec", lambda box: shown.append(box.text()))
    change_notice.subscribe(listener)
    try:
        path = first_run.run_first_run(settings, "en")
    finally:
        change_notice.unsubscribe(listener)
    assert len(shown) == 1 and "no spaces allowed" not in str(path)
    assert path == tmp_path / "data" / "afterdesk.db"
    assert [c.kinds for c in heard] == [frozenset({change_notice.SHOPS})]
    open_database(path)
    assert [s.key for s in shops.list_shops()] == ["ae-main"]
def test_the_wizard_takes_the_address_of_the_shops_server(home, qtbot, tmp_path,
                                                          postgres_address, file_keyring):
    """Several reps: the data page takes a postgresql:// address; the shop is made on the
    server, the settings keep the address without its password, the keyring the password."""
    settings = Settings(tmp_path / "settings.json")
    wizard = FirstRunWizard("en")
    qtbot.addWidget(wizard)
    wizard.next()
    wizard.data.folder.setText(postgres_address)
    wizard.next()
    wizard.shop.name.setText("暖阳家居旗舰店")
    qtbot.keyClicks(wizard.shop.key, "tb-main")
    path = apply_choices(wizard.choices(), settings)
    password = postgres_address.split(":")[2].split("@")[0]
    kept = Settings(tmp_path / "settings.json").get("data.db_path")
    assert kept == path and kept.startswith("postgresql://") and password not in kept
    assert file_keyring.get_password("AfterDesk shop server", kept) == password
    assert not needs_first_run(Settings(tmp_path / "settings.json"), None)
    open_database(kept)
    assert shops.get_shop("tb-main").name == "暖阳家居旗舰店"
