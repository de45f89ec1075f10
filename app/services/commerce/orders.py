"""Orders with their items and tracking: added and changed through here, every write audited.

Amounts are exact (never floats, never negative); every instant needs its time zone and the
order's instants must follow each other (paid after created, delivered after shipped...).
"""

from __future__ import annotations

from app.db import database
from app.models import Buyer, Order, OrderItem, TrackingEvent
from app.vocab import ORDER_STATES
from app.services.common import audit
from app.errors import InvalidInput, NotFound
from app.services.common.input_checks import choice, instant, money, not_before, optional_instant, text
from app.services.commerce.shops import check_currency, get_shop

TIMES = ("paid_at", "ship_by", "shipped_at", "delivered_at", "confirmed_at", "completed_at",
         "closed_at")
DEADLINES = ("ship_by",)      # set by the platform ahead of time: may lie in the future
# Each instant may not come before the ones named after it (when both are known).
AFTER = {
    "paid_at": ("created_at",),
    "shipped_at": ("created_at", "paid_at"),
    "delivered_at": ("created_at", "shipped_at"),
    "confirmed_at": ("created_at", "shipped_at"),
    "completed_at": ("created_at", "paid_at"),
    "closed_at": ("created_at",),
}
MONEY = ("goods_amount", "shipping_amount", "total_amount", "paid_amount")
COSTS = ("product_cost", "shipping_cost")
TEXTS = {"carrier": 100, "tracking_no": 100, "platform_status": 64, "note": None}
CHANGEABLE = ("status",) + TIMES + COSTS + tuple(TEXTS) + ("promised_days",
                                                            "confirm_extension_days")


def add_order(shop, order_no: str, *, status: str, created_at, buyer: Buyer | None = None,
              currency: str | None = None, goods_amount=0, shipping_amount=0,
              total_amount=None, paid_amount=None, product_cost=None, shipping_cost=None,
              is_virtual: bool = False, destination_country: str = "",
              promised_days: int | None = None, confirm_extension_days: int = 0,
              items=(), actor: str = "rep", **details) -> Order:
    """Add an order; `details` takes the instants of TIMES and the texts of TEXTS."""
    shop = get_shop(shop)
    order_no = text(str(order_no), "order_no", "order", max_len=64)
    record = f"order {order_no}"
    unknown = set(details) - set(TIMES) - set(TEXTS)
    if unknown:
        raise InvalidInput("unknown order fields: {names}", names=', '.join(sorted(unknown)),
                           record=record)
    values = {"status": choice(status, ORDER_STATES, "status", record),
              "created_at": instant(created_at, "created_at", record),
              "currency": check_currency(currency or shop.currency, record),
              "is_virtual": bool(is_virtual),
              "destination_country": text(destination_country, "destination_country", record,
                                          max_len=2, required=False).upper()}
    for field, value in (("goods_amount", goods_amount), ("shipping_amount", shipping_amount)):
        values[field] = money(value, field, record)
    values["total_amount"] = (values["goods_amount"] + values["shipping_amount"]
                              if total_amount is None else money(total_amount, "total_amount",
                                                                 record))
    values["paid_amount"] = (values["total_amount"] if paid_amount is None
                             else money(paid_amount, "paid_amount", record))
    values["product_cost"] = money(product_cost, "product_cost", record, allow_none=True)
    values["shipping_cost"] = money(shipping_cost, "shipping_cost", record, allow_none=True)
    values["promised_days"] = _days(promised_days, "promised_days", record, allow_none=True)
    values["confirm_extension_days"] = _days(confirm_extension_days, "confirm_extension_days",
                                             record)
    values.update(_checked_details(details, record))
    _check_times(values, record)
    if buyer is not None and buyer.shop_id != shop.id:
        raise InvalidInput("buyer '{login}' belongs to another shop", login=buyer.login,
                           record=record,
                           field="buyer")
    if Order.get_or_none((Order.shop == shop) & (Order.order_no == order_no)) is not None:
        raise InvalidInput("shop {key} already has order {order_no}",
                           key=shop.key, order_no=order_no, record=record,
                           field="order_no")
    rows = [_item(i, position, record) for position, i in enumerate(items, start=1)]
    with database.atomic():
        order = Order.create(shop=shop, order_no=order_no, buyer=buyer, **values)
        for row in rows:
            OrderItem.create(order=order, **row)
        audit.record(actor, "order", f"{shop.key}/{order_no}", "add",
                     {"status": order.status, "paid_amount": str(order.paid_amount),
                      "currency": order.currency, "items": len(rows)})
    return order


def update_order(order: Order, *, actor: str = "rep", **changes) -> Order:
    """Change the status, instants, costs, tracking or texts of an order (checked, audited)."""
    record = f"order {order.order_no}"
    unknown = set(changes) - set(CHANGEABLE)
    if unknown:
        raise InvalidInput("these order fields cannot be changed: {names}",
                           names=', '.join(sorted(unknown)),
                           record=record)
    values = {}
    if "status" in changes:
        values["status"] = choice(changes.pop("status"), ORDER_STATES, "status", record)
    for field in COSTS:
        if field in changes:
            values[field] = money(changes.pop(field), field, record, allow_none=True)
    for field in ("promised_days", "confirm_extension_days"):
        if field in changes:
            values[field] = _days(changes.pop(field), field, record,
                                  allow_none=field == "promised_days")
    values.update(_checked_details(changes, record))
    merged = {f: getattr(order, f) for f in ("created_at",) + TIMES} | values
    _check_times(merged, record)
    before = {f: getattr(order, f) for f in values}
    with database.atomic():
        for field, value in values.items():
            setattr(order, field, value)
        order.save()
        audit.record(actor, "order", f"{order.shop.key}/{order.order_no}", "update",
                     {f: {"from": _plain(before[f]), "to": _plain(v)} for f, v in values.items()
                      if before[f] != v})
    return order


def get_order(shop, order_no: str) -> Order:
    shop = get_shop(shop)
    order = Order.get_or_none((Order.shop == shop) & (Order.order_no == str(order_no).strip()))
    if order is None:
        raise NotFound("shop {key} has no order {order_no}", key=shop.key, order_no=order_no)
    return order


def add_tracking_event(order: Order, at, description: str, *, location: str = "",
                       status_code: str = "", actor: str = "rep") -> TrackingEvent:
    """One step of the parcel's tracking; the same step twice is kept once."""
    record = f"tracking of order {order.order_no}"
    at = instant(at, "at", record)
    description = text(description, "description", record)
    location = text(location, "location", record, max_len=200, required=False)
    status_code = text(status_code, "status_code", record, max_len=32, required=False)
    not_before(at, order.created_at, "at", "the order was placed", record)
    same = TrackingEvent.get_or_none((TrackingEvent.order == order) & (TrackingEvent.at == at)
                                     & (TrackingEvent.description == description))
    if same is not None:
        return same
    with database.atomic():
        event = TrackingEvent.create(order=order, at=at, location=location,
                                     description=description, status_code=status_code)
        audit.record(actor, "order", f"{order.shop.key}/{order.order_no}", "tracking",
                     {"at": at.isoformat(), "description": description, "location": location})
    return event


def tracking(order: Order) -> list[TrackingEvent]:
    return list(order.tracking_events.order_by(TrackingEvent.at, TrackingEvent.id))


def _checked_details(details: dict, record: str) -> dict:
    values = {}
    for field, value in details.items():
        if field in TIMES:        # all happened, but for the deadline ship_by
            values[field] = optional_instant(value, field, record, future=field in DEADLINES)
        else:
            values[field] = text(value, field, record, max_len=TEXTS[field], required=False)
    return values


def _check_times(values: dict, record: str) -> None:
    for field, earlier_fields in AFTER.items():
        value = values.get(field)
        for earlier in earlier_fields:
            if value is not None and values.get(earlier) is not None:
                not_before(value, values[earlier], field, earlier.replace("_", " "), record)


def _days(value, field: str, record: str, *, allow_none: bool = False):
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput("expected a whole number of days (0 or more), got {value!r}",
                           value=value,
                           record=record, field=field)
    return value


def _item(item: dict, position: int, record: str) -> dict:
    where = f"{record} item {position}"
    unknown = set(item) - {"title", "quantity", "unit_price", "product_id", "attributes"}
    if unknown:
        raise InvalidInput("unknown item fields: {names}", names=', '.join(sorted(unknown)),
                           record=where)
    quantity = item.get("quantity", 1)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        raise InvalidInput("expected a whole number of at least 1, got {quantity!r}",
                           quantity=quantity,
                           record=where, field="quantity")
    return {"position": position, "title": text(item.get("title"), "title", where),
            "quantity": quantity, "unit_price": money(item.get("unit_price", 0), "unit_price",
                                                      where),
            "product_id": text(item.get("product_id", ""), "product_id", where, max_len=64,
                               required=False),
            "attributes": text(item.get("attributes", ""), "attributes", where,
                               required=False)}


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else (
        None if value is None else str(value))
