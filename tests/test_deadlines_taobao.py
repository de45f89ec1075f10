"""Taobao after-sales request deadlines (rule TB-3): the seller's timeout by order kind, and
the buyer's window after a refusal, at their edges."""

from datetime import timedelta
from types import SimpleNamespace

from app.rules.calendar import WorkingCalendar
from app.rules.engine import ShopContext, case_deadlines, next_due
from app.rules.policy import Profile
from tests.factories import utc

T0 = utc(2026, 3, 2, 2, 0, 0)
SUB = T0 + timedelta(days=1)
SEC = timedelta(seconds=1)
CTX = ShopContext("tb", "taobao", Profile("taobao"), WorkingCalendar())


def order(**facts):
    base = dict(order_no="3000000000000001", status="completed", is_virtual=False,
                paid_at=T0, shipped_at=T0 + timedelta(hours=5),
                completed_at=T0 + timedelta(hours=20))
    base.update(facts)
    return SimpleNamespace(**base)


def request(**facts):
    base = dict(id=7, service_type="refund_only", state="waiting_seller", opened_at=SUB,
                submitted_at=SUB, refused_at=None, return_agreed_at=None,
                return_shipped_at=None, platform_requested_at=None, resolved_at=None)
    base.update(facts)
    return SimpleNamespace(**base)


def item(r, kind, at, o=None, context=CTX):
    found = [x for x in case_deadlines(r, o or order(), context, at) if x.kind == kind]
    assert len(found) <= 1
    return found[0] if found else None


def state(r, kind, at, o=None):
    found = item(r, kind, at, o)
    return found.state if found else None


UNSHIPPED = dict(status="awaiting_shipment", shipped_at=None, completed_at=None)


def test_tb3_timeout_48_hours_for_a_paid_unshipped_order():
    found = item(request(), "seller_action", SUB, order(**UNSHIPPED))
    assert (found.rule, found.due_at, found.case_id, found.subject) == \
        ("TB-3", utc(2026, 3, 5, 2, 0, 0), "A-7", "aftersales")


def test_tb3_timeout_five_days_for_a_shipped_or_completed_order():
    assert item(request(), "seller_action", SUB).due_at == utc(2026, 3, 8, 2, 0, 0)
    shipped = order(status="shipped", completed_at=None)
    assert item(request(), "seller_action", SUB, shipped).due_at == utc(2026, 3, 8, 2, 0, 0)


def test_tb3_timeout_three_days_for_virtual_goods():
    virtual = order(is_virtual=True, **UNSHIPPED)
    assert item(request(), "seller_action", SUB, virtual).due_at == utc(2026, 3, 6, 2, 0, 0)


def test_tb3_order_shipped_after_the_request_keeps_the_unshipped_timeout():
    o = order(status="shipped", shipped_at=SUB + timedelta(hours=3), completed_at=None)
    assert item(request(), "seller_action", SUB, o).due_at == SUB + timedelta(hours=48)


DUE = SUB + timedelta(days=5)


def test_tb3_seller_action_edges():
    assert state(request(), "seller_action", DUE - SEC) == "pending"
    assert state(request(), "seller_action", DUE) == "pending"
    assert state(request(), "seller_action", DUE + SEC) == "missed"
    later = DUE + timedelta(days=1)
    assert state(request(state="seller_refused", refused_at=DUE), "seller_action", later) == "met"
    assert state(request(state="seller_refused", refused_at=DUE + SEC),
                 "seller_action", later) == "missed"
    agreed = request(state="waiting_buyer_return", return_agreed_at=DUE)
    assert state(agreed, "seller_action", later) == "met"


def test_tb3_automatic_agreement_after_the_timeout_is_missed():
    auto = request(state="success", resolved_at=DUE + timedelta(minutes=1))
    assert state(auto, "seller_action", DUE + timedelta(days=1)) == "missed"


def test_tb3_not_shown_when_the_buyer_cancelled_in_time():
    gone = request(state="cancelled", resolved_at=SUB + timedelta(days=1))
    assert item(gone, "seller_action", DUE + timedelta(days=9)) is None


REFUSED = SUB + timedelta(days=2)
REVISE_DUE = REFUSED + timedelta(days=5)


def test_tb3_after_a_refusal_the_buyer_has_five_days():
    r = request(state="seller_refused", refused_at=REFUSED)
    found = item(r, "buyer_revise_window", REFUSED)
    assert (found.rule, found.due_at, found.informational) == ("TB-3", REVISE_DUE, True)
    assert state(r, "buyer_revise_window", REVISE_DUE) == "pending"
    assert state(r, "buyer_revise_window", REVISE_DUE + SEC) == "missed"
    asked = request(state="platform_intervening", refused_at=REFUSED,
                    platform_requested_at=REVISE_DUE)
    assert state(asked, "buyer_revise_window", REVISE_DUE + SEC) == "met"
    asked.platform_requested_at = REVISE_DUE + SEC
    assert state(asked, "buyer_revise_window", REVISE_DUE + SEC) == "missed"


def test_tb3_a_revised_request_restarts_the_sellers_clock():
    resubmitted = REFUSED + timedelta(days=1)
    r = request(refused_at=REFUSED, submitted_at=resubmitted)
    at = resubmitted + timedelta(hours=1)
    assert state(r, "buyer_revise_window", at) == "met"
    seller = item(r, "seller_action", at)
    assert (seller.starts_at, seller.due_at, seller.state) == \
        (resubmitted, resubmitted + timedelta(days=5), "pending")
    assert next_due(case_deadlines(r, order(), CTX, at)) == resubmitted + timedelta(days=5)


def test_tb3_values_come_from_the_profile():
    context = ShopContext("tb", "taobao", Profile("taobao", {"seller_timeout_unshipped": "24"}),
                          WorkingCalendar())
    found = item(request(), "seller_action", SUB, order(**UNSHIPPED), context)
    assert found.due_at == SUB + timedelta(hours=24)


def test_refused_request_has_nothing_for_the_shop_to_do():
    r = request(state="seller_refused", refused_at=REFUSED)
    assert next_due(case_deadlines(r, order(), CTX, REFUSED)) is None


def test_an_order_known_only_as_received_counts_as_shipped_for_tb3():
    """rule TB-3: an export may give the buyer's receipt without the shipping time; the
    goods were shipped by then, so the shipped timeout applies from then on, never the
    unshipped one."""
    from app.rules.engine_taobao import seller_timeout_key
    received = order(shipped_at=None, completed_at=None, status="awaiting_payment",
                     confirmed_at=SUB - timedelta(hours=1))
    assert seller_timeout_key(received, SUB) == "seller_timeout_shipped"
    assert seller_timeout_key(received, SUB - timedelta(hours=2)) == "seller_timeout_unshipped"
