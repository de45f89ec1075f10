"""Parcels still moving near the end of the buyer's confirmation window (rule AE-11).

An AliExpress order shipped and not yet delivered, confirmed or completed, whose buyer
confirmation window (shipment + promised delivery days + extensions granted) ends within
`extension_advice_lead` (5) days, is listed with the advice to extend the window by
`extension_days` (30). Brazil's long promised times (up to `delivery_limit_brazil`, 120
days) are honoured. Recording an extension moves the window's end, and so the AE-11
deadlines, through app.services.commerce.orders.update_order (audited).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import peewee as pw

from app.clock import as_utc, utcnow
from app.db import database
from app.models import Buyer, Order, Shop, TrackingEvent
from app.rules.engine_orders import confirmation_window_end, promised_days
from app.services.common import audit
from app.errors import InvalidInput
from app.services.commerce.orders import update_order
from app.services.commerce.policy import load_profile


@dataclass(frozen=True)
class ParcelRow:
    order_id: int
    shop: str
    order_no: str
    buyer: str
    destination: str
    carrier: str
    tracking_no: str
    shipped_at: datetime
    promised_days: int | None     # as the platform counts it (Brazil capped at its limit)
    extension_days_granted: int
    window_end: datetime          # the buyer's confirmation window ends (receipt time-out)
    time_left: timedelta
    last_scan_at: datetime | None  # the newest tracking event
    last_scan: str
    advice_days: int              # extend by this many days (AE-11)


def parcels_near_window(at: datetime | None = None) -> list[ParcelRow]:
    """The parcels in transit whose confirmation window ends within the advice lead at `at`
    (default now), the closest first. Windows already over are not listed."""
    at = as_utc(at) if at is not None else utcnow()
    profile = load_profile("aliexpress")
    if "extension_advice_lead" not in profile:
        return []
    lead = profile.duration("extension_advice_lead")
    query = (Order.select(Order, Shop, Buyer.id, Buyer.login)
             .join(Shop).switch(Order).join(Buyer, pw.JOIN.LEFT_OUTER)
             .where((Shop.platform == "aliexpress") & (Order.status == "shipped")
                    & Order.shipped_at.is_null(False) & (Order.shipped_at <= at)
                    & Order.delivered_at.is_null() & Order.confirmed_at.is_null()
                    & Order.completed_at.is_null() & Order.promised_days.is_null(False)
                    & _window_end_between(profile, at, at + lead)))
    candidates = []
    for order in query.iterator():
        end = confirmation_window_end(order, profile)
        if end is not None and at < end <= at + lead:
            candidates.append((order, end))
    scans = _last_scans([o.id for o, _ in candidates])
    rows = []
    for order, end in candidates:
        scan = scans.get(order.id)
        rows.append(ParcelRow(
            order_id=order.id, shop=order.shop.key, order_no=order.order_no,
            buyer=order.buyer.login if order.buyer_id is not None else "",
            destination=order.destination_country, carrier=order.carrier,
            tracking_no=order.tracking_no, shipped_at=order.shipped_at,
            promised_days=promised_days(order, profile),
            extension_days_granted=order.confirm_extension_days or 0,
            window_end=end, time_left=end - at,
            last_scan_at=scan.at if scan else None, last_scan=scan.description if scan else "",
            advice_days=int(profile.number("extension_days"))))
    rows.sort(key=lambda r: (r.window_end, r.order_no))
    return rows


def _window_end_between(profile, start: datetime, end: datetime):
    """SQL: the confirmation window (confirmation_window_end, rule AE-11) ends between
    `start` and `end`, with a day to spare on each side (the exact test is in Python), so
    that only the few orders near their end are read, not every parcel in transit."""
    days = Order.promised_days
    if "delivery_limit_brazil" in profile:
        cap = int(profile.number("delivery_limit_brazil"))
        days = pw.Case(None, [(pw.fn.upper(Order.destination_country) == "BR",
                               pw.fn.min(Order.promised_days, cap))], Order.promised_days)
    ends = pw.fn.julianday(Order.shipped_at) + days + pw.fn.COALESCE(Order.confirm_extension_days, 0)
    stored = Order.shipped_at.db_value          # instants as the column stores them
    return ends.between(pw.fn.julianday(stored(start)) - 1, pw.fn.julianday(stored(end)) + 1)


def _last_scans(order_ids: list[int]) -> dict[int, TrackingEvent]:
    found: dict[int, TrackingEvent] = {}
    for start in range(0, len(order_ids), 500):
        part = order_ids[start:start + 500]
        for event in (TrackingEvent.select().where(TrackingEvent.order.in_(part))
                      .order_by(TrackingEvent.at, TrackingEvent.id)):
            found[event.order_id] = event
    return found


def record_extension(order: Order, days: int | None = None, *, actor: str = "rep") -> Order:
    """The rep extended the buyer's confirmation window on the platform by `days` (default
    the advised `extension_days`): the window's end moves by as much (AE-11)."""
    record = f"order {order.order_no}"
    profile = load_profile(order.shop.platform)
    if "extension_days" not in profile:
        raise InvalidInput("only AliExpress orders have a buyer confirmation window to extend",
                           record=record, field="order")
    if days is None:
        days = int(profile.number("extension_days"))
    if isinstance(days, bool) or not isinstance(days, int) or days <= 0:
        raise InvalidInput("expected a whole number of days (1 or more), got {days!r}",
                           days=days,
                           record=record, field="days")
    if order.status != "shipped" or order.confirmed_at or order.completed_at:
        raise InvalidInput("only a parcel still on its way can have its confirmation window "
                           "extended", record=record, field="status")
    before = confirmation_window_end(order, profile)
    with database.atomic():
        update_order(order, confirm_extension_days=(order.confirm_extension_days or 0) + days,
                     actor=actor)
        after = confirmation_window_end(order, profile)
        audit.record(actor, "order", f"{order.shop.key}/{order.order_no}", "extend_confirmation",
                     {"days": days, "rule": profile.rule("extension_days"),
                      "window_end": {"from": before.isoformat() if before else None,
                                     "to": after.isoformat() if after else None}})
    return order


def record_extension_by_id(order_id: int, days: int | None = None, *, actor: str = "rep"
                           ) -> Order:
    """The parcel-watch page's action: `record_extension` for an order by its id."""
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        raise InvalidInput("order {order_id} no longer exists", order_id=order_id, field="order")
    return record_extension(order, days, actor=actor)
