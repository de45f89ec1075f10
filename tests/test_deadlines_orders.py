"""Order-level clocks (AE-11, TB-1, TB-5, TB-6) and the reply-due clock of an unreplied
conversation (HOUSE-1), at their edges."""

from datetime import timedelta
from types import SimpleNamespace

from app.rules.calendar import WorkingCalendar
from app.rules.engine import ShopContext, conversation_deadlines, order_deadlines
from app.rules.policy import Profile
from tests.factories import utc

T0 = utc(2026, 3, 2, 2, 0, 0)
SEC = timedelta(seconds=1)
AE = ShopContext("ae", "aliexpress", Profile("aliexpress"), WorkingCalendar())
TB = ShopContext("tb", "taobao", Profile("taobao"), WorkingCalendar())


def order(**facts):
    base = dict(order_no="8000000000000001", status="shipped", is_virtual=False, paid_at=T0,
                shipped_at=T0, confirmed_at=None, completed_at=None, closed_at=None,
                promised_days=20, confirm_extension_days=0, destination_country="BR")
    base.update(facts)
    return SimpleNamespace(**base)


def by_kind(items, kind):
    found = [x for x in items if x.kind == kind]
    assert len(found) <= 1
    return found[0] if found else None


# rule AE-11 --------------------------------------------------------------------------------

END = utc(2026, 3, 22, 2, 0, 0)          # shipped T0 + 20 promised days
ADVISE = utc(2026, 3, 17, 2, 0, 0)       # END - 5 days


def test_ae11_confirmation_window_and_extension_advice_in_its_last_five_days():
    window = by_kind(order_deadlines(order(), AE, T0), "confirmation_window")
    assert (window.rule, window.due_at, window.informational) == ("AE-11", END, True)
    assert by_kind(order_deadlines(order(), AE, ADVISE - SEC), "extension_advice") is None
    advice = by_kind(order_deadlines(order(), AE, ADVISE), "extension_advice")
    assert (advice.rule, advice.starts_at, advice.due_at, advice.informational) == \
        ("AE-11", ADVISE, END, False)
    assert "30 days" in advice.action
    assert (advice.subject, advice.case_id, advice.order_no) == ("order", None, "8000000000000001")


def test_ae11_advice_pending_through_the_last_five_days_missed_after_the_window():
    for at in (ADVISE, ADVISE + timedelta(days=3), END):
        assert by_kind(order_deadlines(order(), AE, at), "extension_advice").state == "pending"
    assert by_kind(order_deadlines(order(), AE, END + SEC), "extension_advice").state == "missed"
    assert by_kind(order_deadlines(order(), AE, END + SEC), "confirmation_window").state == \
        "missed"


def test_ae11_an_extension_moves_the_window():
    items = order_deadlines(order(confirm_extension_days=30), AE, utc(2026, 4, 16, 2, 0, 0))
    assert by_kind(items, "confirmation_window").due_at == utc(2026, 4, 21, 2, 0, 0)
    advice = by_kind(items, "extension_advice")
    assert (advice.starts_at, advice.due_at) == (utc(2026, 4, 16, 2, 0, 0),
                                                 utc(2026, 4, 21, 2, 0, 0))


def test_ae11_short_promise_advises_from_shipment_and_confirmed_orders_have_no_clock():
    advice = by_kind(order_deadlines(order(promised_days=3), AE, T0), "extension_advice")
    assert (advice.starts_at, advice.due_at) == (T0, T0 + timedelta(days=3))
    assert order_deadlines(order(confirmed_at=T0 + timedelta(days=4)), AE, T0) == []
    assert order_deadlines(order(status="completed", completed_at=T0), AE, T0) == []
    assert order_deadlines(order(promised_days=None), AE, T0) == []


def test_ae11_brazil_promise_counts_at_most_the_brazil_limit():
    brazil = order(promised_days=150, destination_country="BR")
    window = by_kind(order_deadlines(brazil, AE, T0), "confirmation_window")
    assert window.due_at == T0 + timedelta(days=120)                  # capped
    other = order(promised_days=150, destination_country="US")
    assert by_kind(order_deadlines(other, AE, T0), "confirmation_window").due_at == \
        T0 + timedelta(days=150)
    limited = ShopContext("ae", "aliexpress",
                          Profile("aliexpress", {"delivery_limit_brazil": "90"}),
                          WorkingCalendar())
    assert by_kind(order_deadlines(brazil, limited, T0), "confirmation_window").due_at == \
        T0 + timedelta(days=90)


# rule TB-5 ship-by -------------------------------------------------------------------------

SHIP_DUE = utc(2026, 3, 5, 2, 0, 0)   # 72 h after payment
UNSHIPPED = dict(status="awaiting_shipment", shipped_at=None, promised_days=None)


def test_tb5_ship_within_72_hours_of_payment():
    found = by_kind(order_deadlines(order(**UNSHIPPED), TB, T0), "ship_by")
    assert (found.rule, found.due_at, found.starts_at, found.informational) == \
        ("TB-5", SHIP_DUE, T0, False)
    assert by_kind(order_deadlines(order(**UNSHIPPED), TB, SHIP_DUE), "ship_by").state == "pending"
    assert by_kind(order_deadlines(order(**UNSHIPPED), TB, SHIP_DUE + SEC),
                   "ship_by").state == "missed"
    on_time = order(status="shipped", shipped_at=SHIP_DUE)
    assert by_kind(order_deadlines(on_time, TB, SHIP_DUE + SEC), "ship_by").state == "met"
    late = order(status="shipped", shipped_at=SHIP_DUE + SEC)
    assert by_kind(order_deadlines(late, TB, SHIP_DUE + SEC), "ship_by").state == "missed"


def test_tb5_order_cancelled_before_the_limit_has_no_ship_by():
    cancelled = order(status="closed", shipped_at=None, closed_at=T0 + timedelta(hours=2))
    assert by_kind(order_deadlines(cancelled, TB, T0 + timedelta(days=9)), "ship_by") is None


def test_tb5_late_shipment_complaint_window_after_the_transaction_ended():
    ended = T0 + timedelta(days=10)
    late = order(status="completed", shipped_at=SHIP_DUE + SEC, completed_at=ended)
    found = by_kind(order_deadlines(late, TB, ended), "late_shipment_complaint")
    assert (found.rule, found.due_at, found.informational) == \
        ("TB-5", ended + timedelta(days=15), True)
    assert "5% of the amount, at most 30 CNY" in found.label
    on_time = order(status="completed", shipped_at=SHIP_DUE, completed_at=ended)
    assert by_kind(order_deadlines(on_time, TB, ended), "late_shipment_complaint") is None


# rule TB-1 and TB-6 ------------------------------------------------------------------------

DONE = T0 + timedelta(days=8)
WINDOW_DUE = DONE + timedelta(days=15)


def test_tb1_after_sales_window_fifteen_days_after_transaction_success():
    o = order(status="completed", shipped_at=T0 + timedelta(hours=3), completed_at=DONE)
    found = by_kind(order_deadlines(o, TB, DONE), "aftersales_window")
    assert (found.rule, found.due_at, found.informational) == ("TB-1", WINDOW_DUE, True)
    assert by_kind(order_deadlines(o, TB, WINDOW_DUE), "aftersales_window").state == "pending"
    assert by_kind(order_deadlines(o, TB, WINDOW_DUE + SEC), "aftersales_window").state == "missed"
    used = order_deadlines(o, TB, WINDOW_DUE + SEC, aftersales_opened_at=WINDOW_DUE)
    assert by_kind(used, "aftersales_window").state == "met"


def test_tb6_mismatch_complaint_window():
    o = order(status="completed", shipped_at=T0 + timedelta(hours=3), completed_at=DONE)
    found = by_kind(order_deadlines(o, TB, DONE), "mismatch_complaint_window")
    assert (found.rule, found.due_at, found.informational, found.state) == \
        ("TB-6", WINDOW_DUE, True, "pending")
    assert by_kind(order_deadlines(o, TB, WINDOW_DUE + SEC),
                   "mismatch_complaint_window").state == "missed"


def test_platform_rules_stay_on_their_platform():
    o = order(status="completed", completed_at=DONE)
    assert not [d for d in order_deadlines(o, AE, DONE) if d.rule.startswith("TB")]
    assert not [d for d in order_deadlines(order(), TB, T0) if d.rule.startswith("AE")]


# rule HOUSE-1 ------------------------------------------------------------------------------

def conversation(**facts):
    base = dict(id=5, is_replied=False, last_inbound_at=T0)
    base.update(facts)
    return SimpleNamespace(**base)


def test_reply_due_24_hours_after_the_last_unanswered_message():
    due = T0 + timedelta(hours=24)
    [found] = conversation_deadlines(conversation(), AE, T0, order_no="800")
    assert (found.rule, found.kind, found.due_at, found.conversation_id, found.order_no) == \
        ("HOUSE-1", "reply_due", due, 5, "800")
    assert conversation_deadlines(conversation(), AE, due)[0].state == "pending"
    assert conversation_deadlines(conversation(), AE, due + SEC)[0].state == "missed"
    assert conversation_deadlines(conversation(is_replied=True), AE, T0) == []
    assert conversation_deadlines(conversation(last_inbound_at=None), AE, T0) == []


def test_reply_due_target_is_the_shops_setting():
    context = ShopContext("tb", "taobao", Profile("taobao", {"reply_due": "4"}), WorkingCalendar())
    [found] = conversation_deadlines(conversation(), context, T0)
    assert found.due_at == T0 + timedelta(hours=4)
