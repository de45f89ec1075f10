"""The after-sales request form (TB-1, TB-2, TB-4, TB-7) and the dispute form, driven as a
rep drives them: the window's text, the refusals in the form, nothing written on refusal."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from app.models import AftersalesRequest, Attachment, Dispute
from app.services.casework import aftersales, case_forms
from tests.cases_ui_helpers import NOW, aliexpress_orders, taobao_order, written
from ui.cases.dispute_form import DisputeForm
from ui.cases.request_form import RequestForm

pytestmark = pytest.mark.gui


def fill(form: RequestForm, at, *, reason="quality", amount="20.00", service="refund_only"):
    form.at.set_instant(at)
    form.order_no.setText("3612345678901234567")
    assert form.load_order()
    form.reason.setCurrentIndex(form.reason.findData(reason))
    form.service_type.setCurrentIndex(form.service_type.findData(service))
    form.amount.setText(amount)


@pytest.fixture
def form(qtbot, db):
    def make():
        dialog = RequestForm()
        qtbot.addWidget(dialog)
        return dialog
    return make


def test_day_14_of_the_window_is_accepted_and_shows_the_time_left(form, db):
    # rule TB-1: 15 days after transaction success; day 14 = [C + 13 d, C + 14 d)
    order = taobao_order()
    at = order.completed_at + timedelta(days=13, hours=2)
    dialog = form()
    fill(dialog, at)
    assert dialog.window_text.text().startswith("1 day 22 h left to open a request for this order")
    assert dialog.submit()
    request = AftersalesRequest.get()
    assert dialog.created_ref == f"A-{request.id}"
    assert (request.state, request.amount, request.opened_at) == ("waiting_seller",
                                                                   Decimal("20.00"), at)


def test_day_16_is_refused_with_tb1s_message_and_nothing_is_written(form, db):
    order = taobao_order()
    at = order.completed_at + timedelta(days=15, hours=1)
    dialog = form()
    fill(dialog, at)
    assert "protection period ended" in dialog.window_text.text()
    before = written()
    assert not dialog.submit()
    text = dialog.error.text()
    assert "protection period" in text and "negotiate with the seller directly" in text
    assert "TB-1" in text
    assert not dialog.error.isHidden()
    assert written() == before
    assert dialog.created_ref is None


def test_in_chinese_the_refusal_of_tb1_is_in_chinese_and_names_the_rule(form, db, qapp):
    from ui import i18n
    order = taobao_order()
    at = order.completed_at + timedelta(days=15, hours=1)
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    try:
        dialog = form()
        fill(dialog, at)
        assert not dialog.submit()
        text = dialog.error.text()
    finally:
        i18n.install_translator(qapp, "en")
    assert text.startswith(f"订单 {order.order_no} 的售后保障期已于 ")
    assert "买家只能与卖家直接协商" in text and text.endswith("（TB-1）")


def test_the_window_closes_one_second_after_its_end(db):
    order = taobao_order()
    end = order.completed_at + timedelta(days=15)
    assert case_forms.request_window(order, end).is_open
    assert not case_forms.request_window(order, end + timedelta(seconds=1)).is_open


def test_a_second_request_after_a_failed_one_is_refused_showing_the_first_outcome(form, db):
    # rule TB-2: once per order, whatever became of the first request
    order = taobao_order()
    first_at = order.completed_at + timedelta(days=1)
    request = aftersales.open_request(order, "refund_only", "quality", "10.00", first_at)
    aftersales.refuse(request, "Photos show normal wear", first_at + timedelta(days=1))
    aftersales.revise_window_expired(request, first_at + timedelta(days=7))
    dialog = form()
    fill(dialog, first_at + timedelta(days=8))
    assert "failed and was closed" in dialog.earlier_text.text()
    before = written()
    assert not dialog.submit()
    assert "one after-sales request per order" in dialog.error.text()
    assert "TB-2" in dialog.error.text()
    assert written() == before


def test_required_fields_are_marked_and_checked_before_anything_else(form, db):
    taobao_order()
    dialog = form()
    assert "*" in dialog.layout().itemAt(0).layout().labelForField(dialog.reason).text()
    dialog.order_no.setText("3612345678901234567")
    before = written()
    assert not dialog.submit()
    assert "Fill in the fields marked *: reason, refund amount." == dialog.error.text()
    assert dialog.amount.property("needs_attention")
    assert written() == before


def test_the_amount_may_not_exceed_what_was_paid(form, db):
    order = taobao_order()
    dialog = form()
    fill(dialog, order.completed_at + timedelta(days=2), amount="25.01")
    assert "CNY (at most 25.00 paid)" == dialog.currency.text()
    assert not dialog.submit()
    assert "at most what the buyer paid: 25.00 CNY" in dialog.error.text()
    assert AftersalesRequest.select().count() == 0


def test_not_received_allows_refund_only_tb4(form, db):
    order = taobao_order()
    dialog = form()
    fill(dialog, order.completed_at + timedelta(days=2), reason="not_received",
         service="return_and_refund")
    # the form switched to refund only and greyed out return-and-refund
    assert dialog.service_type.currentData() == "refund_only"
    row = dialog.service_type.findData("return_and_refund")
    assert not dialog.service_type.model().item(row).isEnabled()
    assert "TB-4" in dialog.rule_hint.text()
    assert dialog.submit()


def test_no_reason_return_needs_intact_goods_tb7(form, db):
    taobao_order(completed=NOW - timedelta(days=3))
    dialog = form()
    fill(dialog, NOW - timedelta(days=1), reason="seven_day_no_reason",
         service="return_and_refund")
    assert dialog.goods_intact.isVisibleTo(dialog)
    before = written()
    assert not dialog.submit()
    assert "intact goods" in dialog.error.text() and "TB-7" in dialog.error.text()
    assert written() == before
    dialog.goods_intact.setChecked(True)
    assert dialog.submit()
    assert AftersalesRequest.get().goods_intact is True


def test_photos_are_kept_with_the_request(form, db, tmp_path, monkeypatch):
    monkeypatch.setattr("app.evidence.store.store_root", lambda: tmp_path / "objects")
    photo = tmp_path / "broken-cup.png"
    from tests.evidence_helpers import png_bytes
    photo.write_bytes(png_bytes())
    order = taobao_order()
    dialog = form()
    fill(dialog, order.completed_at + timedelta(days=2))
    dialog.add_path(str(photo))
    assert dialog.submit()
    attached = Attachment.get()
    assert attached.request_id == AftersalesRequest.get().id
    assert attached.caption == "broken-cup.png"


def test_a_dispute_is_recorded_with_the_buyers_proposal_and_ae2_reasons(qtbot, db):
    aliexpress_orders(1)
    dialog = DisputeForm()
    qtbot.addWidget(dialog)
    dialog.order_no.setText("8190000000000000")
    assert dialog.load_order()
    dialog.kind.setCurrentIndex(dialog.kind.findData("not_as_described"))
    reasons = [dialog.reason.itemText(i) for i in range(dialog.reason.count())]
    assert {"Personal Reasons", "Easy return",
            "Shipping method was not as described"} <= set(reasons)      # rule AE-2
    dialog.reason.setCurrentText("Easy return")
    assert "AE-2" in dialog.rate_note.text()
    dialog.amount.setText("30.00")
    assert not dialog.submit()                                            # more than paid
    assert Dispute.select().count() == 0
    dialog.amount.setText("12.50")
    dialog.at.set_instant(NOW - timedelta(days=1))
    assert dialog.submit()
    dispute = Dispute.get()
    assert (dispute.reason, dispute.state) == ("Easy return", "awaiting_seller")
    assert dispute.proposals[0].refund_amount == Decimal("12.50")


def test_an_unreadable_file_undoes_the_request(form, db, tmp_path):
    order = taobao_order()
    dialog = form()
    fill(dialog, order.completed_at + timedelta(days=2))
    dialog.add_path(str(tmp_path / "missing.jpg"))
    before = written()
    assert not dialog.submit()
    assert "cannot be read" in dialog.error.text()
    assert written() == before


def test_a_rules_refusal_in_a_message_box_speaks_the_reps_language(qapp):
    from app.errors import RuleRefusal
    from ui import i18n
    from ui.errors import describe
    refusal = RuleRefusal("GEN-7", key="follow_up_exhausted", maximum=3)
    assert str(refusal) == "3 follow-ups went unanswered: stop following up and note it."
    assert describe(refusal) == f"{refusal} (GEN-7)"
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    try:
        assert describe(refusal) == "已有 3 次跟进未获回复：请停止跟进并记录。（GEN-7）"
    finally:
        i18n.install_translator(qapp, "en")
