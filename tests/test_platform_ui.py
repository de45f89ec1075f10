"""Settings › Accounts: connecting a shop's AliExpress open platform, against the platform
simulator (tests/aliexpress_simulator.py)."""

from __future__ import annotations

from tests import aliexpress_simulator as sim_module

pytest_plugins = ("tests.aliexpress_fixtures",)   # sim


def test_connect_an_aliexpress_shop_and_test_it(qtbot, db, sim, file_keyring):
    from app.platforms import credentials
    from tests.factories import make_shop
    from ui.settings_dialog.accounts_tab import AccountsTab
    make_shop("ae")
    tab = AccountsTab()
    qtbot.addWidget(tab)
    form = tab.platform_form
    assert form.kind.currentData() == "aliexpress"            # the shop's platform
    assert form.gateway.placeholderText() == "https://api-sg.aliexpress.com"
    form.key.setText("ae-open")
    form.app_key.setText(sim_module.APP_KEY)
    form.gateway.setText(sim.gateway)
    form.app_secret.setText("a wrong secret")
    form.token.setText(sim_module.TOKEN)
    form.refresh_token.setText(sim_module.REFRESH_TOKEN)
    assert form.add()
    assert form.app_secret.text() == "" and form.token.text() == ""   # not kept in the window
    assert tab.table.rowCount() == 1 and tab.table.item(0, 2).text() == sim_module.APP_KEY
    tab.select("ae-open")
    tab.test_selected()
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "Wrong password", timeout=30000)
    assert "IncompleteSignature" in tab.problem.text()
    credentials.put("ae-open", credentials.APP_SECRET, sim_module.APP_SECRET)
    tab.select("ae-open")
    tab.test_selected()
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "Connected", timeout=30000)
    assert "the platform accepted the signed call" in tab.problem.text()
    tab.select("ae-open")
    tab.remove_selected()
    assert tab.table.rowCount() == 0
    assert credentials.get("ae-open", credentials.TOKEN) is None
