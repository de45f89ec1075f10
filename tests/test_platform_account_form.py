"""Settings › Accounts › the open-platform form: an AliExpress account keeps the shop's
return address id (a return solution sent from AfterDesk needs it); a wrong one is
refused and nothing is added."""

from __future__ import annotations

import pytest

from app.models.channels import ChannelAccount
from tests.factories import make_shop
from ui.settings_dialog import platform_account_form
from ui.settings_dialog.platform_account_form import PlatformAccountForm

pytestmark = pytest.mark.gui


@pytest.fixture
def form(qtbot, db, monkeypatch):
    shop = make_shop("ae")
    shown: list = []
    monkeypatch.setattr(platform_account_form, "report_exception",
                        lambda error, parent=None: shown.append(error))
    widget = PlatformAccountForm([shop])
    qtbot.addWidget(widget)
    widget.shown = shown
    widget.key.setText("ae-open")
    widget.app_key.setText("500001")
    widget.app_secret.setText("secret")
    widget.token.setText("token")
    return widget


def test_the_return_address_id_is_kept_with_the_account(form):
    assert form.return_address.isEnabled()
    form.return_address.setText(" 30001234 ")
    assert form.add()
    assert ChannelAccount.get().settings["return_address_id"] == "30001234"


def test_a_return_address_id_that_is_not_a_number_is_refused(form):
    form.return_address.setText("Rua das Flores 1")
    assert not form.add()
    assert "return address id is a number" in str(form.shown[0])
    assert not ChannelAccount.select().exists()
