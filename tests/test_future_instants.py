"""Times from the future are refused where a time that happened is recorded: in the
services, in the interchange import and in an order export, with the field named
(issue #20, defect 7). Deadlines set in advance (ship_by, next_due_at) may lie ahead."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from app.clock import CLOCK_SKEW, check_not_future, clock_at, format_instant, utcnow
from app.errors import InvalidInput
from app.importers import samples as s
from app.importers.preview import build_preview
from app.interchange import export_document, import_document
from app.models import AuditEntry, Dispute, Message, Order
from app.services.casework import aftersales, disputes
from app.services.commerce import orders
from app.services.messaging import conversations
from tests.factories import T0, make_buyer, make_order, make_shop, utc

MONTH = timedelta(days=30)


def test_a_time_within_the_clock_skew_passes_and_a_later_one_names_its_field():
    now = utc(2026, 6, 1, 12, 0, 0)
    assert check_not_future(now + CLOCK_SKEW, "opened_at", now=now) == now + CLOCK_SKEW
    with pytest.raises(InvalidInput) as refused:
        check_not_future(now + CLOCK_SKEW + timedelta(seconds=1), "opened_at", "dispute",
                         now=now)
    assert str(refused.value) == ("dispute, field 'opened_at': 2026-06-01T12:10:01Z is later "
                                  "than now (2026-06-01T12:00:00Z): give a time that has "
                                  "already happened")


def test_a_dispute_opened_thirty_days_from_now_is_refused_and_nothing_stored(db):
    order = make_order(make_shop("ae", "aliexpress"), "8001")
    audited = AuditEntry.select().count()
    with pytest.raises(InvalidInput) as refused:
        disputes.open_dispute(order, "not_as_described", "quality", "Quality problem",
                              "refund", "12.00", utcnow() + MONTH)
    assert refused.value.field == "opened_at" and "later than now" in str(refused.value)
    assert Dispute.select().count() == 0 and AuditEntry.select().count() == audited


def test_a_step_of_a_case_dated_in_the_future_is_refused(db):
    order = make_order(make_shop("ae", "aliexpress"), "8001")
    dispute = disputes.open_dispute(order, "not_as_described", "quality", "Quality problem",
                                    "refund", "12.00", T0 + timedelta(days=1))
    with pytest.raises(InvalidInput) as refused:
        disputes.seller_refuse(dispute, "no", utcnow() + MONTH)
    assert refused.value.field == "at"
    assert Dispute.get_by_id(dispute.id).state == "awaiting_seller"


def test_an_after_sales_request_from_the_future_is_refused(db):
    order = make_order(make_shop("tb", "taobao"), "3301", status="completed",
                       completed_at=T0 + timedelta(days=2))
    with pytest.raises(InvalidInput) as refused:
        aftersales.open_request(order, "refund_only", "damaged", "10.00", utcnow() + MONTH)
    assert refused.value.field == "at"


def test_a_message_from_the_future_is_refused(db):
    shop = make_shop("ae", "aliexpress")
    conversation = conversations.start_conversation(shop, make_buyer(shop), "im", at=T0)
    with pytest.raises(InvalidInput) as refused:
        conversations.add_message(conversation, "in", "hello", utcnow() + MONTH)
    assert refused.value.field == "at" and Message.select().count() == 0


def test_an_order_may_be_due_to_ship_ahead_but_not_paid_ahead(db):
    shop = make_shop("ae", "aliexpress")
    ahead = utcnow() + MONTH
    kept = orders.add_order(shop, "8100", status="awaiting_shipment", created_at=T0,
                            paid_at=T0, ship_by=ahead, goods_amount="5.00")
    assert kept.ship_by == ahead
    with pytest.raises(InvalidInput) as refused:
        orders.add_order(shop, "8101", status="awaiting_shipment", created_at=T0,
                         paid_at=ahead, goods_amount="5.00")
    assert refused.value.field == "paid_at" and Order.select().count() == 1


def world_with_a_dispute():
    order = make_order(make_shop("ae", "aliexpress"), "8001")
    disputes.open_dispute(order, "not_as_described", "quality", "Quality problem",
                          "refund", "12.00", T0 + timedelta(days=1))
    return export_document()


def the_dispute(doc) -> dict:
    return doc["shops"][0]["orders"][0]["disputes"][0]


def test_the_interchange_import_refuses_a_future_instant_naming_record_and_field(db, tmp_path):
    doc = world_with_a_dispute()
    the_dispute(doc)["opened_at"] = format_instant(utcnow() + MONTH)
    from app.db import open_database
    open_database(tmp_path / "new.db")
    with pytest.raises(InvalidInput) as refused:
        import_document(doc)
    text = str(refused.value)
    assert text.startswith("shops[0].orders[0].disputes[0]") and "field 'opened_at'" in text
    assert "later than now" in text and Dispute.select().count() == 0


def test_the_interchange_import_accepts_deadlines_ahead(db, tmp_path):
    doc = world_with_a_dispute()
    the_dispute(doc)["next_due_at"] = format_instant(utcnow() + MONTH)
    doc["shops"][0]["orders"][0]["ship_by"] = format_instant(utcnow() + MONTH)
    from app.db import open_database
    open_database(tmp_path / "new.db")
    assert import_document(doc)["disputes"] == 1


def test_an_order_export_row_placed_in_the_future_is_a_row_problem(db, tmp_path):
    make_shop("ae", "aliexpress", tz="America/Los_Angeles")
    ahead = (utcnow() + MONTH).strftime("%Y-%m-%d %H:%M:%S")
    path = s.write_xlsx(tmp_path / "ahead.xlsx", s.AE_CLASSIC, [
        s.ae_classic_row("1"), s.ae_classic_row("2", 下单时间=ahead, 付款时间=ahead,
                                                发货时间="", 发货期限="")])
    preview = build_preview(path, "ae")
    assert not preview.can_apply
    assert [(p.row, p.column) for p in preview.errors] == [(3, "下单时间"), (3, "付款时间")]
    assert "later than now" in preview.errors[0].message


def test_clock_at_pins_now_in_this_thread_only():
    pinned = utc(2030, 1, 1)
    seen: list = []
    with clock_at(pinned):
        assert utcnow() == pinned
        check_not_future(pinned, "at")                  # the pinned now is the measure
        worker = threading.Thread(target=lambda: seen.append(utcnow()))
        worker.start()
        worker.join()
    assert seen[0] < pinned and utcnow() < pinned
