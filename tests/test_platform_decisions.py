"""A rep's decisions pushed to the marketplaces through the outbox, against the platform
simulators (tests/aliexpress_simulator.py, tests/taobao_simulator.py, which check each
request's signature as documented): the real clients, through the account's gateway
setting. Each push goes once; a platform's refusal fails the item with its words and code;
a stop in the middle of a send never sends twice; a clock off by hours ends in a clear
account state and loses nothing."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from app.channels import outbox, states
from app.channels.account import get_account
from app.channels.errors import ChannelProblem
from app.channels.sync import run_pass
from app.clock import clock_at, utcnow
from app.errors import InvalidInput
from app.models import AftersalesRequest, Dispute, Message
from app import secrets
from app.models.channels import ChannelAccount, OutboxItem
from app.platforms import decisions
from tests.evidence_helpers import png_bytes
from tests.factories import make_shop
from tests.taobao_simulator import RETURN_ADDRESS

pytest_plugins = ("tests.aliexpress_fixtures",
                  "tests.platform_push_fixtures")  # sim, ae, tb, tb_return
pytestmark = pytest.mark.both_backends

PNG, SECOND = png_bytes(), png_bytes(rgb=(20, 200, 30))


# --- AliExpress ----------------------------------------------------------------------------
def _calls(sim, method: str) -> list[dict]:
    return [form for name, form in sim.calls if name == method]


def _item(item) -> OutboxItem:
    return OutboxItem.get_by_id(item.id)


def test_accepting_the_buyers_proposal_goes_to_aliexpress_once(ae, sim):
    account, dispute = ae
    item = decisions.send_step(f"D-{dispute.id}", "seller_accept", utcnow())
    assert item.state == states.QUEUED and item.account_id == account.id
    assert Dispute.get_by_id(dispute.id).resolution == "negotiation_consensus"
    run_pass(account)
    [agreed] = _calls(sim, "aliexpress.issue.solution.agree")
    assert (agreed["issue_id"], agreed["solution_id"], agreed["buyer_login_id"]) == (
        dispute.issue_id, "6010000000000001", "br1029384756xyzae")
    assert _item(item).state == states.SENT
    buyer = sim.issues[dispute.issue_id]["detail"]["buyer_solution_list"]["solution_api_dto"]
    assert buyer[0]["status"] == "reached"
    events = [e.action for e in Dispute.get_by_id(dispute.id).events]
    run_pass(account)                     # the platform's finish: recorded once already
    assert [e.action for e in Dispute.get_by_id(dispute.id).events] == events
    assert len(_calls(sim, "aliexpress.issue.solution.agree")) == 1


def test_a_counter_proposal_refuses_the_buyers_with_the_sellers_own(ae, sim):
    account, dispute = ae
    item = decisions.send_step(f"D-{dispute.id}", "seller_counter_propose", utcnow(),
                               solution_type="refund", refund_amount="12.00",
                               note="Reembolso parcial: o pedido ainda está a caminho.")
    run_pass(account)
    [saved] = _calls(sim, "aliexpress.issue.solution.save")
    dto = json.loads(saved["param_dto"])
    assert dto == {"issue_id": int(dispute.issue_id), "buyer_login_id": "br1029384756xyzae",
                   "add_seller_solution": True, "buyer_solution_id": 6010000000000001,
                   "add_solution_type": "refund", "refund_amount": "12.00",
                   "refund_amount_currency": "USD",
                   "solution_context": "Reembolso parcial: o pedido ainda está a caminho."}
    assert _item(item).state == states.SENT
    [seller] = sim.issues[dispute.issue_id]["detail"]["seller_solution_list"]["solution_api_dto"]
    assert (seller["refund_money"], seller["status"]) == ("12.00", "wait_buyer_accept")
    assert Message.get_by_id(item.message_id).body.startswith("Reembolso parcial")


def test_evidence_pictures_go_as_files_and_stay_on_the_dispute(ae, sim, tmp_path):
    account, dispute = ae
    first, second = tmp_path / "tracking.png", tmp_path / "parcel.png"
    first.write_bytes(PNG)
    second.write_bytes(SECOND)
    item = decisions.send_step(f"D-{dispute.id}", "submit_proof", utcnow(),
                               files=[first, second], note="Tracking shows delivery")
    run_pass(account)
    assert [(i, ext, data) for i, ext, data in sim.pictures] == [
        (dispute.issue_id, "png", PNG), (dispute.issue_id, "png", SECOND)]
    uploads = _calls(sim, "aliexpress.issue.image.upload")
    assert all("image_bytes" not in form for form in uploads)   # a file, never signed
    assert _item(item).state == states.SENT
    assert Dispute.get_by_id(dispute.id).proof_submitted_at is not None
    assert len(list(Dispute.get_by_id(dispute.id).attachments)) == 2


def test_a_decision_aliexpress_refuses_fails_with_its_words_and_code(ae, sim):
    account, dispute = ae
    buyer = sim.issues[dispute.issue_id]["detail"]["buyer_solution_list"]["solution_api_dto"]
    item = decisions.send_step(f"D-{dispute.id}", "seller_counter_propose", utcnow(),
                               solution_type="refund", refund_amount="20.00")
    buyer[0]["id"] = 6010000000000002         # the platform no longer has that proposal
    sim.issues[dispute.issue_id]["detail"]["refund_money_max"] = "10.00"
    run_pass(account)
    item = _item(item)
    assert item.state == states.FAILED
    assert item.error == ("AliExpress refused it: The refund amount exceeds the maximum "
                          "refundable amount (15, isv.refund-amount-exceed)")
    assert get_account("ae-open").state == states.CONNECTED
    [sent] = decisions.sent_decisions(Dispute.get_by_id(dispute.id), f"D-{dispute.id}")
    assert (sent.step, sent.state) == ("seller_counter_propose", states.FAILED)
    assert "isv.refund-amount-exceed" in sent.error


def _stopped_before_marking_sent(monkeypatch, sync_pass) -> None:
    """`sync_pass()` with AfterDesk stopped just after the platform took a decision, before
    the item was marked sent."""
    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt("AfterDesk was stopped")
    with monkeypatch.context() as patched:
        patched.setattr(outbox, "mark_sent", killed)
        with pytest.raises(KeyboardInterrupt):
            sync_pass()


def test_a_stop_after_aliexpress_took_the_decision_does_not_send_it_again(ae, sim,
                                                                           monkeypatch):
    account, dispute = ae
    item = decisions.send_step(f"D-{dispute.id}", "seller_accept", utcnow())
    _stopped_before_marking_sent(monkeypatch, lambda: run_pass(account))
    assert _item(item).state == states.SENDING
    run_pass(account)                       # the next start settles it from the detail
    assert _item(item).state == states.SENT
    assert len(_calls(sim, "aliexpress.issue.solution.agree")) == 1


def test_an_agreement_whose_answer_was_lost_is_not_sent_again(ae, sim, monkeypatch):
    """AliExpress took the agreement but its answer never arrived (a proxy's error page):
    the pass fails and the item waits; the next pass reads the dispute, sees the buyer's
    proposal reached and counts the decision sent instead of agreeing again (which the
    platform would refuse, failing a decision that went)."""
    account, dispute = ae
    item = decisions.send_step(f"D-{dispute.id}", "seller_accept", utcnow())
    agree = sim._agree

    def taken_but_answer_lost(form):
        sim.garble_next()
        return agree(form)
    monkeypatch.setattr(sim, "_agree", taken_but_answer_lost)
    with pytest.raises(ChannelProblem):
        run_pass(account)
    assert _item(item).state == states.QUEUED
    monkeypatch.setattr(sim, "_agree", agree)
    run_pass(account)
    assert _item(item).state == states.SENT
    assert len(_calls(sim, "aliexpress.issue.solution.agree")) == 1


def test_a_stop_before_aliexpress_took_it_sends_it_once_at_the_next_pass(ae, sim):
    account, dispute = ae
    item = decisions.send_step(f"D-{dispute.id}", "seller_counter_propose", utcnow(),
                               solution_type="refund", refund_amount="12.00")
    outbox.mark_sending(_item(item), "afterdesk-stopped")       # then the stop
    run_pass(account)
    assert _item(item).state == states.SENT
    assert len(_calls(sim, "aliexpress.issue.solution.save")) == 1


def test_a_stop_between_two_pictures_sends_only_the_rest_after_the_reps_check(ae, sim,
                                                                             tmp_path):
    account, dispute = ae
    paths = []
    for n in range(2):
        path = tmp_path / f"p{n}.png"
        path.write_bytes(png_bytes(rgb=(n, n, n)))
        paths.append(path)
    item = decisions.send_step(f"D-{dispute.id}", "submit_proof", utcnow(), files=paths)
    sim.limit_next("aliexpress.issue.image.upload")   # the first picture waits…
    with pytest.raises(ChannelProblem):
        run_pass(account)
    assert _item(item).state == states.QUEUED and not sim.pictures
    run_pass(account)
    assert len(sim.pictures) == 2 and _item(item).state == states.SENT
    # a picture noted as taken is never sent again, even when the item is sent again
    stored = _item(item)
    stored.action = {**stored.action, "uploaded": stored.action["uploaded"][:1]}
    stored.save()
    outbox.mark_sending(stored, "afterdesk-stopped")
    run_pass(account)
    stored = _item(item)
    assert stored.state == states.FAILED and len(sim.pictures) == 2   # the rep checks
    assert stored.error.startswith("AfterDesk stopped while AliExpress was taking this "
                                   "decision")
    outbox.retry(stored)
    run_pass(account)
    assert len(sim.pictures) == 3 and _item(item).state == states.SENT


def test_a_clock_hours_off_stops_the_account_with_words_about_the_clock(ae, sim):
    account, dispute = ae
    item = decisions.send_step(f"D-{dispute.id}", "seller_accept", utcnow())
    sim.skew = 3 * 3600.0                       # this computer is three hours behind
    with pytest.raises(ChannelProblem):
        run_pass(account)
    stored = get_account("ae-open")
    assert stored.state == states.ERROR and "clock" in stored.last_error
    assert "InvalidTimestamp" in stored.last_error
    assert _item(item).state == states.QUEUED             # nothing lost, nothing sent
    assert not _calls(sim, "aliexpress.issue.solution.agree")
    sim.skew = 0.0
    run_pass(account)
    assert _item(item).state == states.SENT
    assert get_account("ae-open").state == states.CONNECTED


def test_a_dispute_recorded_by_hand_is_decided_in_the_seller_centre(ae, sim):
    account, dispute = ae
    Dispute.update(issue_id=None).where(Dispute.id == dispute.id).execute()
    with pytest.raises(InvalidInput):
        decisions.send_step(f"D-{dispute.id}", "seller_accept", utcnow())
    assert Dispute.get_by_id(dispute.id).state == dispute.state
    assert not OutboxItem.select().exists()
    assert decisions.case_detail(f"D-{dispute.id}").sendable == ()


def test_the_case_view_knows_what_can_go_to_aliexpress(ae, sim):
    account, dispute = ae
    detail = decisions.case_detail(f"D-{dispute.id}")
    assert detail.send_to == "aliexpress"
    assert set(detail.sendable) == {"seller_accept", "seller_counter_propose", "submit_proof"}
    assert detail.sent == ()


# --- Taobao --------------------------------------------------------------------------------
def _later_pass(account, minutes: int = 2):
    with clock_at(utcnow() + timedelta(minutes=minutes)):
        return run_pass(account)


def _tb_calls(sim, method: str) -> list[dict]:
    return [c for c in sim.calls if c["method"] == method]


def test_agreeing_to_a_taobao_refund_goes_once_with_its_amount_and_version(tb, tb_sim):
    account, request = tb
    item = decisions.send_step(f"A-{request.id}", "agree", utcnow())
    assert AftersalesRequest.get_by_id(request.id).state == "success"
    _later_pass(account)
    [agreed] = _tb_calls(tb_sim, "taobao.rp.refunds.agree")
    assert agreed["refund_infos"] == "71000000000000201|7900|1764813600000|onsale"
    assert _item(item).state == states.SENT
    assert tb_sim.refunds[0]["status"] == "SUCCESS"
    events = [e.action for e in AftersalesRequest.get_by_id(request.id).events]
    _later_pass(account, 4)                 # the platform's success: nothing new
    assert [e.action for e in AftersalesRequest.get_by_id(request.id).events] == events


def test_an_agreement_taobao_refuses_fails_with_its_words_and_code(tb, tb_sim):
    account, request = tb
    item = decisions.send_step(f"A-{request.id}", "agree", utcnow())
    tb_sim.refunds[0]["status"] = "CLOSED"        # the buyer closed it meanwhile
    _later_pass(account)
    item = _item(item)
    assert item.state == states.FAILED
    assert item.error == "Taobao refused it: 当前退款状态不允许同意退款 (OP_FAILURE_UE)"
    assert get_account("tb-top").state == states.CONNECTED


def test_a_refusal_with_its_reason_goes_through_the_same_step(tb, tb_sim):
    account, request = tb
    item = decisions.send_step(f"A-{request.id}", "refuse", utcnow(),
                               reason="杯子发货前已检查完好，请提供开箱视频。")
    _later_pass(account)
    [refused] = _tb_calls(tb_sim, "taobao.refund.refuse")
    assert refused["refuse_message"] == "杯子发货前已检查完好，请提供开箱视频。"
    [sent] = decisions.case_detail(f"A-{request.id}").sent
    assert (sent.item, sent.step, sent.state) == (item.id, "refuse", states.SENT)


def test_a_stop_after_taobao_agreed_does_not_agree_twice(tb, tb_sim, monkeypatch):
    account, request = tb
    item = decisions.send_step(f"A-{request.id}", "agree", utcnow())
    _stopped_before_marking_sent(monkeypatch, lambda: _later_pass(account))
    assert _item(item).state == states.SENDING
    _later_pass(account, 4)
    assert _item(item).state == states.SENT
    assert len(_tb_calls(tb_sim, "taobao.rp.refunds.agree")) == 1


def test_a_clock_off_stops_the_taobao_account_and_keeps_the_agreement_queued(tb, tb_sim):
    account, request = tb
    item = decisions.send_step(f"A-{request.id}", "agree", utcnow())
    with pytest.raises(ChannelProblem):
        _later_pass(account, 45)               # this computer's clock runs 45 minutes ahead
    stored = get_account("tb-top")
    assert stored.state == states.ERROR and "clock" in stored.last_error
    assert _item(item).state == states.QUEUED
    assert not _tb_calls(tb_sim, "taobao.rp.refunds.agree")
    _later_pass(account, 3)
    assert _item(item).state == states.SENT


def test_a_timestamp_sub_code_means_the_clock_too():
    from app.platforms.taobao.errors import TopError, problem_of
    problem = problem_of(TopError({"code": 15, "msg": "Remote service error",
                                   "sub_code": "isv.invalid-timestamp",
                                   "sub_msg": "时间戳错误"}), item=True)
    assert problem.state == states.ERROR and "clock" in str(problem)


def test_the_command_line_sends_a_decision_with_send(tmp_path, capsys, tb_sim):
    from app.cli import main
    from app.db import close_database, open_database
    path = tmp_path / "cli.db"
    from tests.platform_push_fixtures import tb_account
    open_database(path)
    tb_account(tb_sim)
    close_database()
    assert main(["--db", str(path), "case", "act", "A-1", "refuse", "--reason",
                 "商品完好，请提供开箱视频。", "--at", "2026-12-05T00:00:00Z", "--send"]) == 0
    out = capsys.readouterr()[0]
    assert "queued for the platform: outbox item 1 (taobao.refund.refuse)" in out
    assert main(["--db", str(path), "sync", "--once"]) == 0
    [refused] = _tb_calls(tb_sim, "taobao.refund.refuse")
    assert refused["refuse_message"] == "商品完好，请提供开箱视频。"


def test_a_return_proposal_needs_the_shops_return_address_on_aliexpress(ae, sim):
    account, dispute = ae
    with pytest.raises(InvalidInput) as refused:
        decisions.send_step(f"D-{dispute.id}", "seller_counter_propose", utcnow(),
                            solution_type="return_and_refund", refund_amount="23.80")
    assert "return address" in str(refused.value)
    assert not OutboxItem.select().exists()
    assert "seller" not in {p.party for p in Dispute.get_by_id(dispute.id).proposals}
    account.settings = {**account.settings, "return_address_id": "30001234"}
    account.save()
    decisions.send_step(f"D-{dispute.id}", "seller_counter_propose", utcnow(),
                        solution_type="return_and_refund", refund_amount="23.80")
    run_pass(account)
    [saved] = _calls(sim, "aliexpress.issue.solution.save")
    dto = json.loads(saved["param_dto"])
    assert (dto["add_solution_type"], dto["return_good_address_id"]) == (
        "return_and_refund", 30001234)


# --- Taobao: a return, a refusal's proof, the SMS code ------------------------------------
def _noisy_png(width: int, height: int) -> bytes:
    """A real PNG of random pixels: it does not compress, so it stays large."""
    import random
    import struct
    import zlib
    noise = random.Random(7)
    raw = b"".join(b"\x00" + noise.randbytes(3 * width) for _ in range(height))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_agreeing_to_a_return_gives_taobao_the_shops_return_address(tb_return, tb_sim):
    from app.platforms.accounts import set_platform_settings
    account, request = tb_return
    set_platform_settings("tb-top", **RETURN_ADDRESS)
    item = decisions.send_step(f"A-{request.id}", "agree_return", utcnow())
    assert AftersalesRequest.get_by_id(request.id).state == "waiting_buyer_return"
    assert "文一西路 100 号" in Message.get_by_id(item.message_id).body
    _later_pass(account)
    [agreed] = _tb_calls(tb_sim, "taobao.rp.returngoods.agree")
    assert {k: agreed[k] for k in ("seller_address_id", "name", "post", "tel", "mobile")} == {
        "seller_address_id": "20190001", "name": "王仓管", "post": "311100",
        "tel": "0571-88880000", "mobile": "13800000000"}
    assert agreed["refund_version"] == "1764813600000"      # read just before (Tmall)
    assert _item(item).state == states.SENT
    assert tb_sim.refunds[0]["status"] == "WAIT_BUYER_RETURN_GOODS"
    events = [e.action for e in AftersalesRequest.get_by_id(request.id).events]
    _later_pass(account, 4)            # the platform's new state: already recorded
    assert [e.action for e in AftersalesRequest.get_by_id(request.id).events] == events
    assert len(_tb_calls(tb_sim, "taobao.rp.returngoods.agree")) == 1


def test_a_return_without_the_shops_return_address_is_refused_before_anything_is_written(
        tb_return, tb_sim):
    from app.platforms.accounts import set_platform_settings
    account, request = tb_return
    set_platform_settings("tb-top", **{**RETURN_ADDRESS, "return_tel": ""})
    with pytest.raises(InvalidInput) as refused:
        decisions.send_step(f"A-{request.id}", "agree_return", utcnow())
    assert "return_tel" in str(refused.value)
    assert AftersalesRequest.get_by_id(request.id).state == "waiting_seller"
    assert not OutboxItem.select().exists()


def test_a_refund_only_request_is_not_agreed_as_a_return(tb, tb_sim):
    from app.platforms.accounts import set_platform_settings
    account, request = tb
    set_platform_settings("tb-top", **RETURN_ADDRESS)
    with pytest.raises(InvalidInput):
        decisions.send_step(f"A-{request.id}", "agree_return", utcnow())
    assert not OutboxItem.select().exists()


def test_a_refusal_goes_with_its_proof_picture_as_an_unsigned_file(tb, tb_sim, tmp_path):
    account, request = tb
    proof = tmp_path / "packing.png"
    proof.write_bytes(PNG)
    item = decisions.send_step(f"A-{request.id}", "refuse", utcnow(), files=[proof],
                               reason="发货前拍照检查完好，见凭证。")
    _later_pass(account)
    [refused] = _tb_calls(tb_sim, "taobao.refund.refuse")
    assert "refuse_proof" not in refused                 # a file part, outside the signature
    assert refused["refuse_message"] == "发货前拍照检查完好，见凭证。"
    assert tb_sim.proofs == [PNG]
    assert _item(item).state == states.SENT
    assert [a.caption for a in AftersalesRequest.get_by_id(request.id).attachments] == [
        "packing.png"]


def test_a_refusal_proof_over_taobaos_size_is_refused_at_once(tb, tb_sim, tmp_path):
    account, request = tb
    big = tmp_path / "big.png"
    big.write_bytes(_noisy_png(300, 200))
    assert big.stat().st_size > 130_000
    with pytest.raises(InvalidInput) as refused:
        decisions.send_step(f"A-{request.id}", "refuse", utcnow(), files=[big],
                            reason="商品完好，请提供开箱视频。")
    assert "130000" in str(refused.value)
    assert AftersalesRequest.get_by_id(request.id).state == "waiting_seller"


def test_a_large_agreement_asks_for_the_sms_code_then_goes_with_it(tb, tb_sim):
    from app.channels.problem_texts import TEMPLATES
    from app.platforms.taobao.decisions import code_of
    account, request = tb
    tb_sim.code_above_fen = 5000                     # 79.00 yuan needs the code
    item = decisions.send_step(f"A-{request.id}", "agree", utcnow())
    _later_pass(account)
    failed = _item(item)
    assert failed.state == states.FAILED and decisions.needs_code(failed.error)
    assert "已向卖家手机发送短信验证码" in failed.error
    assert failed.error.startswith(TEMPLATES["platform_code_needed"].split(" said")[0]
                                   .format(platform="Taobao"))
    assert get_account("tb-top").state == states.CONNECTED
    with pytest.raises(InvalidInput):
        decisions.retry_with_code(item.id, "12ab")
    decisions.retry_with_code(item.id, f" {tb_sim.sms_code} ")
    assert code_of("tb-top", item.id) == tb_sim.sms_code     # in the keyring, not the db
    assert tb_sim.sms_code not in json.dumps(_item(item).action)
    _later_pass(account, 3)
    second = _tb_calls(tb_sim, "taobao.rp.refunds.agree")[-1]
    assert second["code"] == tb_sim.sms_code
    assert _item(item).state == states.SENT
    assert code_of("tb-top", item.id) is None                # forgotten once used


def test_a_wrong_sms_code_fails_with_taobaos_words_and_is_forgotten(tb, tb_sim):
    from app.platforms.taobao.decisions import code_of
    account, request = tb
    tb_sim.code_above_fen = 5000
    item = decisions.send_step(f"A-{request.id}", "agree", utcnow())
    _later_pass(account)
    decisions.retry_with_code(item.id, "000000")
    _later_pass(account, 3)
    failed = _item(item)
    assert failed.state == states.FAILED and "短信验证码错误或已过期" in failed.error
    assert decisions.needs_code(failed.error)            # Retry asks for a code again
    assert code_of("tb-top", item.id) is None
    assert tb_sim.refunds[0]["status"] == "WAIT_SELLER_AGREE"


def test_only_a_failed_agreement_takes_an_sms_code(tb, tb_sim):
    account, request = tb
    item = decisions.send_step(f"A-{request.id}", "refuse", utcnow(),
                               reason="商品完好，请提供开箱视频。")
    with pytest.raises(InvalidInput):
        decisions.retry_with_code(item.id, "123456")


def test_the_command_line_changes_an_accounts_settings_but_never_its_secrets(tmp_path, capsys,
                                                                            sim):
    from app.cli import main
    from app.db import close_database, open_database
    from app.platforms.accounts import add_platform_account
    from tests import aliexpress_simulator as ae_sim
    path = tmp_path / "cli.db"
    open_database(path)
    add_platform_account("ae-open", make_shop("ae"), kind="aliexpress",
                         app_key=ae_sim.APP_KEY, gateway=sim.gateway,
                         app_secret=ae_sim.APP_SECRET, token=ae_sim.TOKEN)
    close_database()
    assert main(["--db", str(path), "account", "set", "ae-open",
                 "--return-address-id", "30001234"]) == 0
    assert "return_address_id 30001234" in capsys.readouterr()[0]
    assert main(["--db", str(path), "account", "set", "ae-open",
                 "--return-address-id", "Rua das Flores"]) != 0
    assert "is a number" in capsys.readouterr()[1]
    assert main(["--db", str(path), "account", "set", "ae-open",
                 "--return-name", "Ana"]) != 0           # a Taobao setting
    open_database(path)
    try:
        settings = ChannelAccount.get(ChannelAccount.key == "ae-open").settings
        assert settings["return_address_id"] == "30001234"
        assert settings["gateway"] == sim.gateway
        assert not any(ae_sim.APP_SECRET in str(v) for v in settings.values())
    finally:
        close_database()
    assert secrets.get_secret("AfterDesk platform account", "ae-open:app_secret") == \
        ae_sim.APP_SECRET


def test_a_return_agreed_after_the_sellers_tb3_time_is_refused_and_nothing_queued(tb_return,
                                                                                  tb_sim):
    """TB-3: on a shipped order the seller has 5 days from the request (2026-12-04 10:00
    China time); after them the platform agreed by itself, so AfterDesk neither records
    nor sends the seller's agreement."""
    from app.errors import RuleRefusal
    from app.platforms.accounts import set_platform_settings
    from tests.factories import utc
    account, request = tb_return
    set_platform_settings("tb-top", **RETURN_ADDRESS)
    with clock_at(utc(2026, 12, 11, 0, 0)):
        with pytest.raises(RuleRefusal) as refused:
            decisions.send_step(f"A-{request.id}", "agree_return", utc(2026, 12, 10, 0, 0))
    assert refused.value.rule == "TB-3"
    assert AftersalesRequest.get_by_id(request.id).state == "waiting_seller"
    assert not OutboxItem.select().exists()


def test_account_settings_are_checked_like_at_add_and_audited(tb, tb_sim):
    from app.models.admin import AuditEntry
    from app.platforms.accounts import set_platform_settings
    with pytest.raises(InvalidInput) as refused:
        set_platform_settings("tb-top", gateway="http://gw.example.com/router/rest")
    assert "https" in str(refused.value)            # the secret would cross the net readable
    with pytest.raises(InvalidInput):
        set_platform_settings("tb-top", app_key="other")   # not a setting changed here
    set_platform_settings("tb-top", gateway="")        # '': the platform's own gateway
    settings = ChannelAccount.get(ChannelAccount.key == "tb-top").settings
    assert settings["gateway"] == "https://eco.taobao.com/router/rest"
    entry = AuditEntry.select().where(AuditEntry.action == "settings").get()
    assert entry.detail["gateway"] == {"from": tb_sim.url,
                                       "to": "https://eco.taobao.com/router/rest"}
