"""Rule AE-11: parcels still moving when fewer than 5 days of the buyer's confirmation window
are left are listed with the advice to extend by 30 days; an extension moves the deadline;
Brazil's long promised times (up to 120 days) are honoured."""

from datetime import timedelta

import pytest

from app.models import AuditEntry, Order
from app.services.commerce import parcel_watch
from app.services.clocks.deadlines import deadlines_at
from app.errors import InvalidInput
from app.services.commerce.orders import add_tracking_event
from tests.factories import T0, make_buyer, make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server


@pytest.fixture
def shop(db):
    return make_shop("ae", "aliexpress")


def ae11(at, order_no):
    return {d.kind: d for d in deadlines_at(at)
            if d.rule == "AE-11" and d.order_no == order_no}


def test_a_parcel_with_four_days_left_is_listed_with_the_advice(shop):
    buyer = make_buyer(shop, "john", country="US", language="en")
    order = make_order(shop, "8001", buyer=buyer, destination_country="US", promised_days=20,
                       carrier="Cainiao", tracking_no="LP001")
    add_tracking_event(order, T0 + timedelta(days=14), "Arrived at destination country")
    assert parcel_watch.parcels_near_window(T0 + timedelta(days=14)) == []   # 6 days left
    rows = parcel_watch.parcels_near_window(T0 + timedelta(days=16))
    assert len(rows) == 1
    row = rows[0]
    assert (row.order_no, row.window_end, row.time_left, row.advice_days) == (
        "8001", T0 + timedelta(days=20), timedelta(days=4), 30)
    assert row.last_scan == "Arrived at destination country" and row.buyer == "john"


def test_an_extension_moves_the_ae11_deadline(shop):
    order = make_order(shop, "8002", destination_country="FR", promised_days=20)
    at = T0 + timedelta(days=16)
    before = ae11(at, "8002")
    assert before["extension_advice"].due_at == T0 + timedelta(days=20)
    assert before["extension_advice"].state == "pending"
    parcel_watch.record_extension(order, actor="lin")
    assert Order.get_by_id(order.id).confirm_extension_days == 30
    after = ae11(at, "8002")
    assert after["confirmation_window"].due_at == T0 + timedelta(days=50)
    assert "extension_advice" not in after              # no longer inside the last 5 days
    assert parcel_watch.parcels_near_window(at) == []
    assert ae11(T0 + timedelta(days=46), "8002")["extension_advice"].due_at == \
        T0 + timedelta(days=50)
    entry = AuditEntry.get(AuditEntry.action == "extend_confirmation")
    assert entry.actor == "lin" and entry.detail["days"] == 30


def test_brazil_long_promise_is_honoured_and_capped(shop):
    make_order(shop, "8003", destination_country="BR", promised_days=120)
    make_order(shop, "8004", destination_country="BR", promised_days=150)   # counts as 120
    assert parcel_watch.parcels_near_window(T0 + timedelta(days=100)) == []
    rows = parcel_watch.parcels_near_window(T0 + timedelta(days=117))
    assert [(r.order_no, r.promised_days, r.window_end) for r in rows] == [
        ("8003", 120, T0 + timedelta(days=120)), ("8004", 120, T0 + timedelta(days=120))]


def test_delivered_confirmed_or_ended_parcels_are_not_listed(shop):
    make_order(shop, "8005", promised_days=20, delivered_at=T0 + timedelta(days=10))
    make_order(shop, "8006", promised_days=20, status="completed",
               completed_at=T0 + timedelta(days=12))
    make_order(shop, "8007", promised_days=10)          # window over at day 10
    assert parcel_watch.parcels_near_window(T0 + timedelta(days=16)) == []


def test_bad_extensions_are_refused_and_write_nothing(shop):
    order = make_order(shop, "8008", promised_days=20)
    done = make_order(shop, "8009", promised_days=20, status="completed",
                      completed_at=T0 + timedelta(days=3))
    tb = make_shop("tb", "taobao")
    tb_order = make_order(tb, "3901", promised_days=20)
    for bad in (lambda: parcel_watch.record_extension(order, 0),
                lambda: parcel_watch.record_extension(order, "30"),
                lambda: parcel_watch.record_extension(done),
                lambda: parcel_watch.record_extension(tb_order)):
        with pytest.raises(InvalidInput):
            bad()
    assert AuditEntry.select().count() == 0
    assert Order.get_by_id(order.id).confirm_extension_days == 0
