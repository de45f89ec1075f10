"""Rows of a matched export -> checked order records, with every problem by row and column.

A row with an error is left out and its errors are collected; the import as a whole is
refused while any error remains (see preview.py), so nothing half-read is ever stored.
Times are read in the shop's zone (AliExpress seller tools: US Pacific) and kept as UTC.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from decimal import Decimal

from app.clock import CLOCK_SKEW, utcnow
from app.importers import values as v
from app.importers.countries import country_code
from app.importers.layouts import Match
from app.importers.problems import WARNING, Problem, column_letter
from app.importers.products import parse_products
from app.importers.status_map import map_status
from app.rules.timeconv import platform_to_utc
from app.services.commerce.orders import AFTER

TIME_FIELDS = ("created_at", "paid_at", "ship_by", "shipped_at", "confirmed_at")
MONEY_FIELDS = ("goods_amount", "shipping_amount", "total_amount", "paid_amount")


@dataclass
class OrderRow:
    row: int
    order_no: str
    status: str
    platform_status: str
    created_at: datetime
    paid_at: datetime | None = None
    ship_by: datetime | None = None
    shipped_at: datetime | None = None
    confirmed_at: datetime | None = None
    completed_at: datetime | None = None
    goods_amount: Decimal = Decimal("0.00")
    shipping_amount: Decimal = Decimal("0.00")
    total_amount: Decimal = Decimal("0.00")
    paid_amount: Decimal = Decimal("0.00")
    carrier: str = ""
    tracking_no: str = ""
    destination_country: str = ""
    note: str = ""
    buyer_login: str = ""
    buyer_name: str = ""
    buyer_phone: str = ""
    buyer_email: str = ""
    items: list = field(default_factory=list)
    stored: tuple | None = None       # the values in stored form (plan.stored_values)
    stored_items: tuple | None = None  # the items in stored form (plan.stored_items)


@dataclass
class ItemRow:
    row: int
    order_no: str
    title: str
    quantity: int
    attributes: str = ""
    product_id: str = ""
    unit_price: Decimal = Decimal("0.00")


@lru_cache(maxsize=65536)
def _offset(hour: datetime, platform: str, zone: str | None):
    """UTC minus wall time for every wall time of this hour: one hour shares one offset, also
    in a daylight-saving change (timeconv reads the whole repeated hour as its first
    occurrence and shifts the whole missing hour by the gap)."""
    return platform_to_utc(hour, platform, zone).replace(tzinfo=None) - hour


def _to_utc(wall: datetime, platform: str, zone: str | None) -> datetime:
    hour = wall.replace(minute=0, second=0, microsecond=0)
    return (wall + _offset(hour, platform, zone)).replace(tzinfo=timezone.utc)


class _Row:
    """One spreadsheet row with its problems."""

    def __init__(self, cells: list, number: int, match: Match, problems: list):
        self.cells, self.number, self.match = cells, number, match
        self.problems = problems
        self.failed = False

    def raw(self, name: str):
        index = self.match.columns.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def text(self, name: str, limit: int | None = None) -> str:
        value = v.cell_text(self.raw(name))
        return value[:limit] if limit else value

    def problem(self, name: str | None, message: str, severity: str = "error") -> None:
        index = self.match.columns.get(name) if name else None
        header = self.match.header_of(name) if name else None
        self.problems.append(Problem(self.number, header,
                                     column_letter(index) if index is not None else None,
                                     message, severity))
        if severity == "error":
            self.failed = True

    def parse(self, name: str, parser, *args, **kwargs):
        try:
            return parser(self.raw(name), *args, **kwargs)
        except v.CellError as exc:
            self.problem(name, str(exc))
            return None


def read_rows(table_rows: list, match: Match, platform: str, zone: str | None
              ) -> tuple[list, list[Problem]]:
    """OrderRows (orders layouts) or ItemRows (item report) and the problems found."""
    problems: list[Problem] = []
    out: list = []
    seen: dict[str, int] = {}
    for offset, cells in enumerate(table_rows[match.header_row + 1:], start=match.header_row + 2):
        if not any(v.cell_text(c) for c in cells):
            continue
        row = _Row(list(cells), offset, match, problems)
        record = (_item_row(row) if match.layout.kind == "items"
                  else _order_row(row, platform, zone))
        if record is None or row.failed:
            continue
        if match.layout.kind == "orders":
            if record.order_no in seen:
                row.problem("order_no", f"order {record.order_no} is also on row "
                            f"{out[seen[record.order_no]].row}; this later row is used", WARNING)
                out[seen[record.order_no]] = record
                continue
            seen[record.order_no] = len(out)
        out.append(record)
    return out, problems


def _order_row(row: _Row, platform: str, zone: str | None) -> OrderRow | None:
    order_no = row.parse("order_no", v.order_no)
    status_text = row.text("status")
    status = map_status(status_text)
    if not status_text:
        row.problem("status", "the order status is empty")
    elif status is None:
        row.problem("status", f"'{status_text}' is not an order status AfterDesk knows")
    times = {}
    for name in TIME_FIELDS:
        if name not in row.match.columns:
            continue
        wall = row.parse(name, v.wall_time, required=name == "created_at")
        if wall is not None:
            try:
                times[name] = _to_utc(wall, platform, zone)
            except ValueError as exc:
                row.problem(name, str(exc))
            except OverflowError:
                row.problem(name, f"'{v.shown(row.raw(name))}' is not a date AfterDesk can "
                            "place in time (the year is out of range)")
    _check_not_future(row, times)
    money = {}
    for name in MONEY_FIELDS:
        if name in row.match.columns:
            money[name] = row.parse(name, v.amount, required=name == "total_amount")
    if row.failed or order_no is None:
        return None
    record = OrderRow(row.number, order_no, status, status_text[:64], times["created_at"])
    for name, value in times.items():
        setattr(record, name, value)
    for name, value in money.items():
        if value is not None:
            setattr(record, name, value)
    if money.get("paid_amount") is None:
        record.paid_amount = record.total_amount
    if status == "completed" and record.confirmed_at is not None:
        record.completed_at = record.confirmed_at
    _check_order_of_times(row, record)
    _details(row, record, platform)
    if row.failed:
        return None
    from app.importers.plan import stored_items, stored_values
    record.stored = stored_values(record)
    record.stored_items = stored_items(record.items)
    return record


def _check_not_future(row: _Row, times: dict) -> None:
    """Every time but the deadline ship_by has happened: later than now (plus the clock
    skew) is a problem of the row (app.clock.check_not_future)."""
    latest = utcnow() + CLOCK_SKEW
    for name, value in times.items():
        if name != "ship_by" and value > latest:
            row.problem(name, f"{row.text(name)} is later than now: a time that has "
                        "already happened is needed (is the shop's time zone right?)")


def _check_order_of_times(row: _Row, record: OrderRow) -> None:
    """Paid after placed, shipped after paid... (the order service's own rule table)."""
    for name, earlier_names in AFTER.items():
        value = getattr(record, name, None)
        for earlier in earlier_names:
            before = getattr(record, earlier, None)
            if value is not None and before is not None and value < before and (
                    name in row.match.columns):
                row.problem(name, f"{row.text(name)} is before the order's "
                            f"{earlier.replace('_', ' ')} ({row.text(earlier) or '?'})")


def _details(row: _Row, record: OrderRow, platform: str) -> None:
    record.buyer_login = row.text("buyer_login" if platform == "taobao" else "buyer_name", 200)
    record.buyer_name = row.text("receiver", 200) or row.text("buyer_name", 200)
    record.buyer_phone = v.phone(row.raw("mobile")) or v.phone(row.raw("phone"))
    record.buyer_email = row.text("email", 200)
    record.note = row.text("note")
    if "shipment" in row.match.columns:
        record.carrier, record.tracking_no = v.split_shipment(row.text("shipment"))
    else:
        record.tracking_no = v.tracking_number(row.raw("tracking"))
        record.carrier = row.text("carrier", 100)
    if not record.carrier:
        record.carrier = row.text("carrier_choice", 100)
    country = row.text("country")
    code = country_code(country)
    if code is None:
        row.problem("country", f"'{country}' is not a country AfterDesk knows; the order is "
                    "imported without its destination", WARNING)
    record.destination_country = code or ""
    if "products" in row.match.columns:
        try:
            record.items = parse_products(row.text("products"))
        except v.CellError as exc:
            row.problem("products", str(exc))
    elif row.text("title"):
        quantity = 1
        if row.text("item_count"):
            quantity = row.parse("item_count", v.whole_number, minimum=1) or 1
        record.items = [{"title": row.text("title"), "quantity": quantity,
                         "attributes": row.text("sku")}]


def _item_row(row: _Row) -> ItemRow | None:
    order_no = row.parse("order_no", v.order_no)
    quantity = row.parse("quantity", v.whole_number, minimum=1)
    price = row.parse("price", v.amount, required=False) if "price" in row.match.columns else None
    title = row.text("title")
    if not title:
        row.problem("title", "the item has no title")
    if row.failed:
        return None
    attributes = "; ".join(p for p in (row.text("attributes"), row.text("package")) if p)
    return ItemRow(row.number, order_no, title, quantity, attributes,
                   (row.text("sku") or row.text("item_code"))[:64], price or Decimal("0.00"))
