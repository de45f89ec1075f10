"""The window's side of a rep's Taobao decisions: agreeing to a return from the case view
(the shop's return address from the account's settings), a refusal with its proof picture,
the failed bubble of a large agreement whose Retry asks for the SMS code Taobao sent, and
the account form that changes an existing account's settings. Real widgets, the real
client against the Taobao simulator (tests/taobao_simulator.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QUrl

from app.channels import states
from app.channels.sync import run_pass
from app.clock import clock_at, utcnow
from app.models import AftersalesRequest, Conversation
from app.models.channels import ChannelAccount, OutboxItem
from app.platforms.accounts import set_platform_settings
from tests.evidence_helpers import png_bytes
from tests.taobao_simulator import RETURN_ADDRESS
from ui.cases.case_view import CaseView

pytest_plugins = ("tests.aliexpress_fixtures",
                  "tests.platform_push_fixtures")  # sim, ae, tb, tb_return
pytestmark = pytest.mark.gui


def _view(qtbot, ref: str) -> CaseView:
    view = CaseView()
    qtbot.addWidget(view)
    view.resize(1400, 900)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_case(ref)
    return view


def _later_pass(account, minutes: int = 2):
    with clock_at(utcnow() + timedelta(minutes=minutes)):
        return run_pass(account)


def test_agreeing_to_a_return_in_the_window_goes_to_taobao(qtbot, tb_return, tb_sim):
    account, request = tb_return
    set_platform_settings("tb-top", **RETURN_ADDRESS)
    view = _view(qtbot, f"A-{request.id}")
    dialog = view.open_action("agree_return")
    assert dialog.send is not None and dialog.send.text() == "Send it to Taobao now"
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    assert OutboxItem.get().action["method"] == "taobao.rp.returngoods.agree"
    _later_pass(account)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh_if_sending()
    assert view.sent_text.text().endswith("→ Taobao: Sent")
    assert tb_sim.refunds[0]["status"] == "WAIT_BUYER_RETURN_GOODS"


def test_a_return_without_the_address_stays_in_the_dialog_and_says_what_is_missing(
        qtbot, tb_return, tb_sim):
    account, request = tb_return
    view = _view(qtbot, f"A-{request.id}")
    dialog = view.open_action("agree_return")
    assert not dialog.submit()
    assert "return address" in dialog.error.text()
    assert AftersalesRequest.get_by_id(request.id).state == "waiting_seller"


def test_a_taobao_refusal_in_the_window_takes_one_proof_picture(qtbot, tb, tb_sim, tmp_path):
    account, request = tb
    picture = tmp_path / "packing.png"
    picture.write_bytes(png_bytes())
    view = _view(qtbot, f"A-{request.id}")
    dialog = view.open_action("refuse")
    assert dialog.one_picture and dialog.files_text is not None
    dialog.field("reason").setText("发货前拍照检查完好，见凭证。")
    dialog.set_files([picture])
    assert dialog.files_text.text() == "packing.png"
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    _later_pass(account)
    assert tb_sim.proofs == [png_bytes()]


def test_the_failed_bubble_of_a_large_agreement_asks_for_the_sms_code(qtbot, tb, tb_sim):
    from app.platforms import decisions
    from ui.conversation.thread_panel import ThreadPanel
    account, request = tb
    tb_sim.code_above_fen = 5000
    item = decisions.send_step(f"A-{request.id}", "agree", utcnow())
    _later_pass(account)
    panel = ThreadPanel()
    qtbot.addWidget(panel)
    panel.show_conversation(Conversation.get_by_id(item.conversation_id).id)
    qtbot.waitUntil(lambda: "SMS code" in panel.view.plain_text())
    text = panel.view.plain_text()
    assert "Retry with the SMS code…" in text and "已向卖家手机发送短信验证码" in text
    assert "outbox-code:" in panel.view.toHtml()
    panel.view.anchorClicked.emit(QUrl(f"outbox-code:{item.id}"))
    dialog = panel.view.code_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.code.setText("12ab")
    assert not dialog.submit()                       # not a code: said in the dialog
    assert "digits" in dialog.error.text()
    assert OutboxItem.get_by_id(item.id).state == states.FAILED
    dialog.code.setText(tb_sim.sms_code)
    assert dialog.submit()
    qtbot.waitUntil(lambda: "Queued" in panel.view.plain_text())   # the notice: reloaded
    _later_pass(account, 3)
    assert OutboxItem.get_by_id(item.id).state == states.SENT
    assert tb_sim.calls[-1]["code"] == tb_sim.sms_code


def test_the_account_form_changes_an_accounts_return_address(qtbot, tb, tb_sim):
    from ui.settings_dialog.accounts_tab import AccountsTab
    tab = AccountsTab()
    qtbot.addWidget(tab)
    tab.select("tb-top")
    assert tab.edit_selected()
    form = tab.platform_form
    assert form.save_button.isVisibleTo(tab) and not form.add_button.isVisibleTo(tab)
    assert not form.app_secret.isEnabled() and form.return_words["return_name"].isEnabled()
    assert form.gateway.text() == tb_sim.url
    form.return_address.setText("2019 0001")
    assert not form.save()                            # not a number: said in the form
    assert "is a number" in form.error.text()
    form.return_address.setText(RETURN_ADDRESS["return_address_id"])
    for name, widget in form.return_words.items():
        widget.setText(RETURN_ADDRESS[name])
    assert form.save()
    settings = ChannelAccount.get(ChannelAccount.key == "tb-top").settings
    assert {k: settings[k] for k in RETURN_ADDRESS} == RETURN_ADDRESS
    assert settings["gateway"] == tb_sim.url and settings["app_key"]
    assert form.add_button.isVisibleTo(tab)           # back to adding
    assert "settings were saved" in tab.problem.text()


def test_a_case_waiting_for_the_sms_code_leads_to_its_conversation(qtbot, tb, tb_sim):
    """The case view says Taobao wants the code; its link opens the conversation whose
    failed bubble asks for it. The code's refusal says what is wrong in the rep's words
    (no record or field name of the outbox)."""
    from app.platforms import decisions
    from ui.conversation.sms_code_dialog import SmsCodeDialog
    account, request = tb
    tb_sim.code_above_fen = 5000
    item = decisions.send_step(f"A-{request.id}", "agree", utcnow())
    _later_pass(account)
    view = _view(qtbot, f"A-{request.id}")
    [link] = view.sent_text.links
    assert link.text().endswith("Retry with the SMS code… (in the conversation)</a>")
    with qtbot.waitSignal(view.open_conversation) as opened:
        link.linkActivated.emit(f"code:{item.conversation_id}")
    assert opened.args == [item.conversation_id, request.order_id]
    dialog = SmsCodeDialog(item.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.code.setText("12ab")
    assert not dialog.submit()
    assert "outbox" not in dialog.error.text() and "digits" in dialog.error.text()
    assert dialog.height() >= dialog.heightForWidth(dialog.width())


def test_the_account_form_shows_only_what_it_changes_and_the_dialog_fits_the_screen(
        qtbot, tb, tb_sim, tmp_path):
    """Settings at 1366×768: the dialog is shorter than the screen (the accounts tab
    scrolls); changing an AliExpress account shows no Taobao return address and no
    secrets, a Taobao account its return address."""
    from app.settings import Settings
    from ui.settings_dialog.dialog import SettingsDialog
    from tests.platform_push_fixtures import _ae
    from tests.aliexpress_simulator import AliExpressSimulator
    simulator = AliExpressSimulator().start()
    try:
        with clock_at(utcnow()):
            _ae(simulator)
    finally:
        simulator.stop()
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"), tmp_path / "shop.db")
    qtbot.addWidget(dialog)
    assert dialog.minimumSizeHint().height() < 700
    tab = dialog.accounts
    form = tab.platform_form
    assert form.app_secret.isVisibleTo(form)                     # adding: the secrets
    tab.select("ae-open")
    assert tab.edit_selected()
    assert not form.app_secret.isVisibleTo(form) and not form.token.isVisibleTo(form)
    assert not form.return_words["return_name"].isVisibleTo(form)
    assert form.return_address.isVisibleTo(form)
    tab.select("tb-top")
    assert tab.edit_selected()
    assert form.return_words["return_name"].isVisibleTo(form)
    assert not form.refresh_token.isVisibleTo(form)
