"""The case view of a dispute or refund a connected shop's platform account brought in: the
step dialog sends the decision to the platform (ticked by default), the view shows how the
sending goes (queued, sent, or not sent with the platform's words and code). Real widgets,
the real clients against the platform simulators."""

from __future__ import annotations

import pytest

from app.channels import states
from app.channels.sync import run_pass
from app.models import Dispute
from app.models.channels import OutboxItem
from ui.cases.case_view import CaseView

pytest_plugins = ("tests.aliexpress_fixtures", "tests.platform_push_fixtures")  # sim, ae, tb
pytestmark = pytest.mark.gui


def _view(qtbot, ref: str) -> CaseView:
    view = CaseView()
    qtbot.addWidget(view)
    view.resize(1400, 900)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_case(ref)
    return view


def test_accepting_in_the_window_queues_it_for_aliexpress_and_shows_it_sent(qtbot, ae, sim):
    account, dispute = ae
    view = _view(qtbot, f"D-{dispute.id}")
    dialog = view.open_action("seller_accept")
    assert dialog.send is not None and dialog.send.isChecked()
    assert dialog.send.text() == "Send it to AliExpress now"
    with qtbot.waitSignal(view.loaded, timeout=5000):      # the write's notice: shown again
        assert dialog.submit()
    [item] = list(OutboxItem.select())
    assert item.action["method"] == "aliexpress.issue.solution.agree"
    assert not view.sent_text.isHidden()
    assert view.sent_text.text() == "Accept buyer's proposal → AliExpress: Queued"
    run_pass(account)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh_if_sending()
    assert view.sent_text.text() == "Accept buyer's proposal → AliExpress: Sent"


def test_a_counter_proposal_aliexpress_refuses_shows_its_words_and_code(qtbot, ae, sim):
    account, dispute = ae
    sim.issues[dispute.issue_id]["detail"]["refund_money_max"] = "5.00"
    view = _view(qtbot, f"D-{dispute.id}")
    dialog = view.open_action("seller_counter_propose")
    dialog.field("solution_type").setCurrentIndex(dialog.field("solution_type").findData(
        "refund"))
    dialog.field("refund_amount").setText("12.00")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    run_pass(account)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh_if_sending()
    assert view.sent_text.text() == (
        "Counter-propose → AliExpress: Not sent — AliExpress refused it: The refund amount "
        "exceeds the maximum refundable amount (15, isv.refund-amount-exceed)")


def test_evidence_needs_its_pictures_and_unticked_records_only(qtbot, ae, sim, tmp_path):
    from tests.evidence_helpers import png_bytes
    account, dispute = ae
    view = _view(qtbot, f"D-{dispute.id}")
    dialog = view.open_action("submit_proof")
    assert not dialog.submit()
    assert dialog.error.text() == "Choose the pictures to send."
    picture = tmp_path / "label.png"
    picture.write_bytes(png_bytes())
    dialog.set_files([picture])
    assert dialog.files_text.text() == "label.png"
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    assert OutboxItem.get().action["pictures"][0]["name"] == "label.png"
    # a step unticked is only recorded (the rep did it in the seller centre)
    dialog = view.open_action("submit_proof")
    dialog.send.setChecked(False)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    assert OutboxItem.select().count() == 1
    assert [e.action for e in Dispute.get_by_id(dispute.id).events].count("submit_proof") == 2


def test_refusing_a_taobao_refund_in_the_window_goes_to_taobao(qtbot, tb, tb_sim):
    account, request = tb
    view = _view(qtbot, f"A-{request.id}")
    dialog = view.open_action("refuse")
    assert dialog.send.text() == "Send it to Taobao now"
    dialog.field("reason").setText("商品完好，请提供开箱视频。")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    assert OutboxItem.get().action["method"] == "taobao.refund.refuse"
    assert OutboxItem.get().state == states.QUEUED
    assert view.sent_text.text() == "Refuse → Taobao: Queued"


def test_a_case_recorded_by_hand_offers_no_sending(qtbot, ae, sim):
    account, dispute = ae
    Dispute.update(issue_id=None).where(Dispute.id == dispute.id).execute()
    view = _view(qtbot, f"D-{dispute.id}")
    assert view.open_action("seller_accept").send is None
    assert view.sent_text.isHidden()


def test_a_refused_decision_is_the_only_line_in_the_error_colour(qtbot, ae, sim,
                                                                  tmp_path):
    """Beside a refused counter-proposal, the evidence AliExpress took does not look
    refused too."""
    from tests.evidence_helpers import png_bytes
    account, dispute = ae
    sim.issues[dispute.issue_id]["detail"]["refund_money_max"] = "5.00"
    view = _view(qtbot, f"D-{dispute.id}")
    dialog = view.open_action("seller_counter_propose")
    dialog.field("solution_type").setCurrentIndex(dialog.field("solution_type").findData(
        "refund"))
    dialog.field("refund_amount").setText("12.00")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    run_pass(account)
    path = tmp_path / "label.png"
    path.write_bytes(png_bytes())
    dialog = view.open_action("submit_proof")
    dialog.set_files([path])
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    run_pass(account)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh_if_sending()
    assert view.sent_text.text().splitlines()[1] == "Submit proof → AliExpress: Sent"
    [failed] = view.sent_text.failed_lines()
    assert failed.startswith("Counter-propose → AliExpress: Not sent")


def test_the_picture_picker_is_off_while_the_step_is_only_recorded(qtbot, ae, sim):
    account, dispute = ae
    view = _view(qtbot, f"D-{dispute.id}")
    dialog = view.open_action("submit_proof")
    assert dialog.choose.isEnabled()
    dialog.send.setChecked(False)              # the pictures would not go anywhere
    assert not dialog.choose.isEnabled() and "tick" in dialog.choose.toolTip()
    dialog.send.setChecked(True)
    assert dialog.choose.isEnabled()


def test_the_chosen_pictures_names_are_shown_whole(qtbot, ae, sim, tmp_path):
    """Long names wrap onto more lines: the dialog grows so none is cut."""
    from tests.evidence_helpers import png_bytes
    account, dispute = ae
    view = _view(qtbot, f"D-{dispute.id}")
    dialog = view.open_action("submit_proof")
    names = [tmp_path / f"photo-of-the-parcel-with-its-tracking-label-{n}.png"
             for n in range(3)]
    for name in names:
        name.write_bytes(png_bytes())
    dialog.set_files(names)
    label = dialog.files_text
    assert label.height() >= label.heightForWidth(label.width())


def test_aliexpress_refusals_name_the_platform_in_chinese(qtbot, ae, sim, chinese):
    account, dispute = ae
    sim.issues[dispute.issue_id]["detail"]["refund_money_max"] = "5.00"
    view = _view(qtbot, f"D-{dispute.id}")
    dialog = view.open_action("seller_counter_propose")
    dialog.field("solution_type").setCurrentIndex(dialog.field("solution_type").findData(
        "refund"))
    dialog.field("refund_amount").setText("12.00")
    with qtbot.waitSignal(view.loaded, timeout=5000):
        assert dialog.submit()
    run_pass(account)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.refresh_if_sending()
    text = view.sent_text.text()
    assert "速卖通拒绝了" in text and "AliExpress" not in text.split("：", 1)[0]
