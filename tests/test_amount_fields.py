"""Amount fields keep what the rep typed (#26.4): "-5" is not quietly read as 5, "1e309" not
as 1309; an invalid amount is shown as invalid with a message and nothing is recorded."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from app.models import AftersalesRequest
from tests.cases_ui_helpers import taobao_order, written
from ui.cases.advisor_panel import AdvisorPanel
from ui.cases.form_bits import AmountEdit
from ui.cases.request_form import RequestForm

pytestmark = pytest.mark.gui


@pytest.fixture
def english_locale():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize("typed", ["-5", "1e309", "12.345", "5 USD", "1,234.50", "--1"])
def test_what_is_not_an_amount_stays_as_typed_and_is_shown_invalid(qtbot, english_locale,
                                                                   typed):
    edit = AmountEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, typed)
    assert edit.text() == typed                     # nothing dropped or changed
    assert edit.amount() is None
    assert edit.problem() and edit.property("needs_attention")


@pytest.mark.parametrize("typed, amount", [("12.50", "12.50"), ("12,5", "12.50"), ("7", "7.00"),
                                           ("0.99", "0.99")])
def test_amounts_with_a_point_or_a_comma_are_read(qtbot, english_locale, typed, amount):
    edit = AmountEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, typed)
    assert edit.amount() == Decimal(amount) and edit.problem() == ""


def test_a_limit_says_what_it_is(qtbot, english_locale):
    edit = AmountEdit()
    qtbot.addWidget(edit)
    edit.set_limit(Decimal("30.00"), "30.00 CNY")
    qtbot.keyClicks(edit, "30.01")
    assert edit.amount() is None and "30.00 CNY" in edit.problem()


def test_a_negative_refund_is_refused_in_the_form_and_nothing_is_written(qtbot, db,
                                                                         english_locale):
    order = taobao_order()
    form = RequestForm()
    qtbot.addWidget(form)
    form.at.set_instant(order.completed_at + timedelta(days=2))
    form.order_no.setText(order.order_no)
    assert form.load_order()
    form.reason.setCurrentIndex(form.reason.findData("quality"))
    qtbot.keyClicks(form.amount, "-5")
    before = written()
    assert not form.submit()
    assert "negative" in form.error.text()
    assert written() == before and not AftersalesRequest.select().exists()


def test_the_advisor_refuses_a_negative_refund_instead_of_reading_it_as_positive(
        qtbot, english_locale):
    panel = AdvisorPanel()
    qtbot.addWidget(panel)
    panel.set_inputs(Decimal("10"), Decimal("5"), Decimal("15"), None)
    qtbot.keyClicks(panel.refund, "-3")
    assert panel.advice is None
    assert "negative" in panel.error.text()
    panel.refund.clear()
    qtbot.keyClicks(panel.refund, "3")
    assert panel.advice is not None and panel.advice.refund_amount == Decimal("3.00")
