"""Taobao after-sales requests through the service: TB-1, TB-2, TB-3, TB-4, TB-7, amounts,
every step recorded with its event and audit entry, refusals writing nothing."""

from datetime import timedelta
from decimal import Decimal

import pytest

from app.models import AftersalesRequest, AuditEntry, RequestEvent
from app.services.casework import aftersales
from app.services.casework.aftersales_rules import REQUEST_REASONS, reason_label
from app.services.common.audit import entries_for
from app.errors import ForbiddenTransition, InvalidInput, RuleRefusal
from tests.factories import T0, make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

DAY = timedelta(days=1)
SECOND = timedelta(seconds=1)


@pytest.fixture
def shop(db):
    return make_shop("tb", platform="taobao")


@pytest.fixture
def completed(shop):
    """Transaction success (交易成功) at T0 = 2026-03-02 10:00 China time."""
    return make_order(shop, "123", status="completed", completed_at=T0, confirmed_at=T0)


def counts():
    return (AftersalesRequest.select().count(), RequestEvent.select().count(),
            AuditEntry.select().count())


def open_on(order, at, **kw):
    values = dict(service_type="refund_only", reason="quality", amount="10.00")
    values.update(kw)
    return aftersales.open_request(order, values.pop("service_type"), values.pop("reason"),
                                   values.pop("amount"), at, **values)


# --- TB-1: fifteen days after transaction success -------------------------------------

def test_tb1_request_exactly_at_the_end_of_the_window_is_accepted(completed):
    request = open_on(completed, T0 + 15 * DAY)
    assert request.state == "waiting_seller"
    assert request.opened_at == request.submitted_at == T0 + 15 * DAY


def test_tb1_one_second_late_is_refused_and_nothing_is_written(completed):
    before = counts()
    with pytest.raises(RuleRefusal) as info:
        open_on(completed, T0 + 15 * DAY + SECOND)
    assert info.value.rule == "TB-1"
    message = str(info.value)
    assert "protection period for order 123 ended on 2026-03-17 10:00" in message
    assert "15 days after the transaction succeeded" in message
    assert "negotiate with the seller directly" in message
    assert counts() == before


@pytest.mark.parametrize("day, accepted", [(1, True), (14, True), (16, False), (30, False)])
def test_tb1_by_day(completed, day, accepted):
    at = T0 + day * DAY
    if accepted:
        assert open_on(completed, at).state == "waiting_seller"
    else:
        with pytest.raises(RuleRefusal, match="protection period"):
            open_on(completed, at)
        assert counts() == (0, 0, 0)


def test_tb1_window_follows_the_policy_profile(completed):
    from app.services.commerce import policy
    policy.set_value("taobao", "aftersales_window", "20")  # rule TB-1 edited by the shop
    assert open_on(completed, T0 + 19 * DAY).state == "waiting_seller"


# --- TB-2: once per order ----------------------------------------------------------------

@pytest.mark.parametrize("ending, words", [
    (lambda r, at: aftersales.rule_for_seller(
        aftersales.request_platform(aftersales.refuse(r, "used item", at), at + DAY),
        at + 2 * DAY), "failed"),
    (lambda r, at: aftersales.cancel(r, at), "cancelled"),
    (lambda r, at: aftersales.agree(r, at), "succeeded"),
])
def test_tb2_a_second_request_on_the_same_order_is_refused(completed, ending, words):
    first = open_on(completed, T0 + DAY)
    ending(first, T0 + 2 * DAY)
    before = counts()
    with pytest.raises(RuleRefusal) as info:
        open_on(completed, T0 + 5 * DAY)
    assert info.value.rule == "TB-2"
    assert words in str(info.value) and f"A-{first.id}" in str(info.value)
    assert counts() == before


# --- TB-4: not received means refund only ------------------------------------------------

def test_tb4_not_received_before_receipt_must_be_refund_only(shop):
    order = make_order(shop, "555", status="shipped")
    with pytest.raises(RuleRefusal) as info:
        open_on(order, T0 + DAY, reason="not_received", service_type="return_and_refund")
    assert info.value.rule == "TB-4" and "before the buyer confirmed receipt" in str(info.value)
    assert counts() == (0, 0, 0)
    request = open_on(order, T0 + DAY, reason="not_received", service_type="refund_only")
    assert request.state == "waiting_seller"


def test_tb4_not_received_after_success_is_refund_only_too(completed):
    with pytest.raises(RuleRefusal, match="after the transaction succeeded"):
        open_on(completed, T0 + DAY, reason="not_received", service_type="return_and_refund")


# --- TB-7: seven-day no-reason return ------------------------------------------------------

def test_tb7_needs_intact_goods(completed):
    for intact in (None, False):
        with pytest.raises(RuleRefusal, match="intact") as info:
            open_on(completed, T0 + DAY, reason="seven_day_no_reason",
                    service_type="return_and_refund", goods_intact=intact)
        assert info.value.rule == "TB-7"
    assert counts() == (0, 0, 0)


def test_tb7_within_seven_days_of_receipt(completed):
    with pytest.raises(RuleRefusal, match="no-reason return period"):
        open_on(completed, T0 + 7 * DAY + SECOND, reason="seven_day_no_reason",
                service_type="return_and_refund", goods_intact=True)
    request = open_on(completed, T0 + 7 * DAY, reason="seven_day_no_reason",
                      service_type="return_and_refund", goods_intact=True)
    assert request.goods_intact is True


def test_tb7_before_receipt_is_refused(shop):
    order = make_order(shop, "777", status="shipped")
    with pytest.raises(RuleRefusal, match="no receipt yet"):
        open_on(order, T0 + DAY, reason="seven_day_no_reason", goods_intact=True)


# --- amounts and other input --------------------------------------------------------------

@pytest.mark.parametrize("amount, words", [
    ("0", "more than 0"), ("-1", "negative"), ("25.01", "more than the buyer paid"),
    (10.5, "float"), ("ten", "not an amount")])
def test_bad_amounts_are_refused(completed, amount, words):
    with pytest.raises(InvalidInput, match=words):
        open_on(completed, T0 + DAY, amount=amount)
    assert counts() == (0, 0, 0)


def test_whole_paid_amount_in_the_order_currency(completed):
    request = open_on(completed, T0 + DAY, amount="25.00", currency="CNY")
    assert request.amount == Decimal("25.00") and request.currency == "CNY"
    with pytest.raises(RuleRefusal, match="one after-sales request per order"):
        open_on(completed, T0 + DAY, amount="1.00")


def test_currency_must_be_the_orders(completed):
    with pytest.raises(InvalidInput, match="in CNY, not USD"):
        open_on(completed, T0 + DAY, currency="USD")


def test_unknown_service_type_or_reason_refused(completed):
    with pytest.raises(InvalidInput, match="service_type"):
        open_on(completed, T0 + DAY, service_type="exchange")
    with pytest.raises(InvalidInput, match="reason"):
        open_on(completed, T0 + DAY, reason="bored")


def test_naive_time_refused(completed):
    with pytest.raises(InvalidInput, match="time zone"):
        open_on(completed, (T0 + DAY).replace(tzinfo=None))


def test_aliexpress_orders_take_disputes_not_requests(db):
    ae = make_shop("ae")
    order = make_order(ae, "9", status="completed", completed_at=T0)
    with pytest.raises(InvalidInput, match="dispute"):
        open_on(order, T0 + DAY)


def test_unpaid_order_refused(shop):
    order = make_order(shop, "1", status="awaiting_payment", paid_at=None)
    with pytest.raises(InvalidInput, match="not paid"):
        open_on(order, T0 + DAY)


def test_reason_list_has_both_languages():
    codes = [code for code, _zh, _en in REQUEST_REASONS]
    for code in ("not_received", "not_as_described", "quality", "damaged", "wrong_item",
                 "seven_day_no_reason", "other"):
        assert code in codes
    assert reason_label("seven_day_no_reason", "zh") == "七天无理由退换货"
    assert reason_label("not_received") == "Goods not received"


# --- the steps ------------------------------------------------------------------------------

def test_refund_only_agreed_pays_the_refund(completed):
    request = aftersales.agree(open_on(completed, T0 + DAY), T0 + 2 * DAY)
    assert request.state == "success"
    assert request.refund_paid == Decimal("10.00") and request.resolved_at == T0 + 2 * DAY
    events = list(request.events.order_by(RequestEvent.id))
    assert [(e.action, e.actor, e.from_state, e.to_state) for e in events] == [
        ("open_request", "buyer", None, "waiting_seller"),
        ("agree", "seller", "waiting_seller", "success")]
    assert [a.action for a in entries_for("aftersales", request.uid)] == ["open_request", "agree"]


def test_return_and_refund_path(completed):
    request = open_on(completed, T0 + DAY, service_type="return_and_refund", reason="damaged")
    with pytest.raises(InvalidInput, match="agree_return"):
        aftersales.agree(request, T0 + DAY)
    aftersales.agree_return(request, T0 + 2 * DAY)
    assert request.state == "waiting_buyer_return" and request.return_agreed_at == T0 + 2 * DAY
    with pytest.raises(InvalidInput, match="tracking_no"):
        aftersales.ship_return(request, T0 + 3 * DAY, tracking_no=" ")
    aftersales.ship_return(request, T0 + 3 * DAY, tracking_no="SF123", carrier="SF")
    assert request.state == "waiting_seller_receive" and request.return_tracking_no == "SF123"
    aftersales.confirm_received(request, T0 + 5 * DAY)
    assert request.state == "success" and request.refund_paid == Decimal("10.00")
    assert len(entries_for("aftersales", request.uid)) == 4 == request.events.count()


def test_refusal_needs_a_reason_and_revise_restarts_the_sellers_clock(completed):
    request = open_on(completed, T0 + DAY)
    with pytest.raises(InvalidInput, match="reason"):
        aftersales.refuse(request, "  ", T0 + 2 * DAY)
    aftersales.refuse(request, "goods were used", T0 + 2 * DAY)
    assert request.state == "seller_refused" and request.refuse_reason == "goods were used"
    aftersales.revise(request, T0 + 3 * DAY, amount="8.00")
    assert request.state == "waiting_seller"
    assert request.submitted_at == T0 + 3 * DAY           # rule TB-3: the seller's time restarts
    assert request.amount == Decimal("8.00") and request.refused_at is None
    stored = AftersalesRequest.get_by_id(request.id)
    assert stored.submitted_at == T0 + 3 * DAY and stored.opened_at == T0 + DAY


def test_tb3_seller_must_act_in_time_or_the_platform_agrees(completed):
    request = open_on(completed, T0)
    due = T0 + 5 * DAY                                     # rule TB-3, shipped order
    with pytest.raises(RuleRefusal, match="agrees automatically only after"):
        aftersales.auto_agree(request, due)
    before = counts()
    with pytest.raises(RuleRefusal, match="auto_agree"):
        aftersales.refuse(request, "no", due + SECOND)
    assert counts() == before
    aftersales.auto_agree(request, due + SECOND)
    assert request.state == "success" and request.refund_paid == Decimal("10.00")
    last = request.events.order_by(RequestEvent.id.desc()).first()
    assert (last.actor, last.by_rule) == ("platform", "TB-3")


def test_tb3_unshipped_orders_give_the_seller_48_hours(shop):
    order = make_order(shop, "44", status="awaiting_shipment")
    request = open_on(order, T0)
    with pytest.raises(RuleRefusal):
        aftersales.auto_agree(request, T0 + timedelta(hours=48))
    aftersales.auto_agree(request, T0 + timedelta(hours=48) + SECOND)
    assert request.state == "success"


def test_auto_agree_on_a_return_waits_for_the_goods(completed):
    request = open_on(completed, T0, service_type="return_and_refund")
    aftersales.auto_agree(request, T0 + 6 * DAY)
    assert request.state == "waiting_buyer_return" and request.refund_paid is None


def test_tb3_buyer_has_five_days_after_a_refusal(completed):
    request = aftersales.refuse(open_on(completed, T0), "no", T0 + DAY)
    with pytest.raises(RuleRefusal, match="may still revise"):
        aftersales.revise_window_expired(request, T0 + 6 * DAY)
    with pytest.raises(RuleRefusal, match="revise_window_expired"):
        aftersales.request_platform(request, T0 + 6 * DAY + SECOND)
    aftersales.revise_window_expired(request, T0 + 6 * DAY + SECOND)
    assert request.state == "closed"


def test_platform_rules_for_the_buyer_with_an_amount(completed):
    request = aftersales.refuse(open_on(completed, T0), "no", T0 + DAY)
    aftersales.request_platform(request, T0 + 2 * DAY)
    assert request.platform_requested_at == T0 + 2 * DAY
    aftersales.rule_for_buyer(request, T0 + 4 * DAY, amount="6.50")
    assert request.state == "success" and request.refund_paid == Decimal("6.50")


def test_forbidden_step_is_refused_clearly_and_writes_nothing(completed):
    request = aftersales.agree(open_on(completed, T0), T0 + DAY)
    before = counts()
    with pytest.raises(ForbiddenTransition) as info:
        aftersales.refuse(request, "too late", T0 + 2 * DAY)
    assert f"A-{request.id} is 'success'" in str(info.value)
    assert counts() == before
    assert AftersalesRequest.get_by_id(request.id).state == "success"


def test_a_step_before_the_last_one_is_refused(completed):
    request = open_on(completed, T0 + 2 * DAY)
    with pytest.raises(InvalidInput, match="before the request's last step"):
        aftersales.agree(request, T0 + DAY)


def test_cancel_from_any_open_state(completed):
    request = open_on(completed, T0, service_type="return_and_refund")
    aftersales.agree_return(request, T0 + DAY)
    aftersales.cancel(request, T0 + 2 * DAY)
    assert request.state == "cancelled" and aftersales.available_actions(request) == ()


def test_available_actions_follow_the_service_type(completed):
    request = open_on(completed, T0)
    actions = aftersales.available_actions(request)
    assert "agree" in actions and "agree_return" not in actions and "refuse" in actions


def test_set_cause_is_checked_and_audited(completed):
    request = open_on(completed, T0)
    with pytest.raises(InvalidInput, match="cause"):
        aftersales.set_cause(request, "weather")
    aftersales.set_cause(request, "carrier")                      # rule GEN-1
    assert AftersalesRequest.get_by_id(request.id).cause == "carrier"
    assert entries_for("aftersales", request.uid)[-1].detail == {"from": "unknown",
                                                                 "to": "carrier"}


def test_tb3_the_order_at_submission_decides_the_timeout_even_if_it_ships_later(shop):
    order = make_order(shop, "45", status="awaiting_shipment")
    request = open_on(order, T0)
    order.status, order.shipped_at = "shipped", T0 + timedelta(hours=10)   # shipped later
    order.save()
    with pytest.raises(RuleRefusal) as info:
        aftersales.auto_agree(request, T0 + timedelta(hours=48))            # rule TB-3: 48 h
    assert info.value.rule == "TB-3"
    aftersales.auto_agree(request, T0 + timedelta(hours=48) + SECOND)
    assert request.state == "success"
    from app.services.casework import case_deadlines
    [item] = [d for d in case_deadlines.case_deadlines(f"A-{request.id}", T0 + DAY)
              if d.kind == "seller_action"]
    assert item.due_at == T0 + timedelta(hours=48)       # the deadline list agrees
