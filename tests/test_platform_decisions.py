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
from app.models.channels import OutboxItem
from app.platforms import decisions
from tests.evidence_helpers import png_bytes

pytest_plugins = ("tests.aliexpress_fixtures", "tests.platform_push_fixtures")  # sim, ae, tb
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
