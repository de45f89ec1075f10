"""Compare the orders of a file with what AfterDesk already holds: add, update or skip.

Values are compared in their stored form (cents, naive UTC text), the same tuples the bulk
writer stores, so the preview's counts are exactly what an import does. What the file does not
know (an empty cell) never wipes what AfterDesk knows; a note is only filled when empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import attrgetter
from decimal import Decimal
from typing import NamedTuple

from app.db import database
from app.importers.rows import OrderRow
from app.models.fields import MONEY_LIMIT, to_money

CHUNK = 500           # SQLite host parameters per IN (...) list stay well below its limit
# Columns an import writes, in this order (orders table); `None` in a file value keeps the
# stored one on update.
ORDER_COLUMNS = ("status", "platform_status", "goods_amount", "shipping_amount", "total_amount",
                 "paid_amount", "created_at", "paid_at", "ship_by", "shipped_at", "confirmed_at",
                 "completed_at", "carrier", "tracking_no", "destination_country", "note")
MONEY = {"goods_amount", "shipping_amount", "total_amount", "paid_amount"}
TIMES = {"created_at", "paid_at", "ship_by", "shipped_at", "confirmed_at", "completed_at"}
FILL_ONLY = {"note"}  # the rep's own words are never overwritten by an import
ITEM_COLUMNS = ("position", "product_id", "title", "attributes", "quantity", "unit_price")


CENTS_LIMIT = int(MONEY_LIMIT * 100)


def cents(value) -> int:
    if value.__class__ is Decimal and value.is_finite():
        scaled = value.scaleb(2)
        whole = int(scaled)
        if whole == scaled and -CENTS_LIMIT < whole < CENTS_LIMIT:
            return whole                     # already exact to the cent
    return int(to_money(value) * 100)


def stored_time(value) -> str | None:
    return None if value is None else value.replace(tzinfo=None).isoformat(" ")


_ORDER_VALUES = attrgetter(*ORDER_COLUMNS)
_MONEY_AT = tuple(n for n, name in enumerate(ORDER_COLUMNS) if name in MONEY)
_TIMES_AT = tuple(n for n, name in enumerate(ORDER_COLUMNS) if name in TIMES)


def stored_values(row: OrderRow) -> tuple:
    if row.stored is not None:
        return row.stored
    out = list(_ORDER_VALUES(row))
    for n in _MONEY_AT:
        out[n] = cents(out[n])
    for n in _TIMES_AT:
        value = out[n]
        if value is not None:
            out[n] = value.replace(tzinfo=None).isoformat(" ")
    return tuple(out)


def stored_items(items: list) -> tuple:
    return tuple((position, item.get("product_id", "")[:64], item["title"],
                  item.get("attributes", ""), item["quantity"],
                  cents(item.get("unit_price", 0)))
                 for position, item in enumerate(items, start=1))


def items_of(row: OrderRow) -> tuple:
    return row.stored_items if row.stored_items is not None else stored_items(row.items)


class Step(NamedTuple):
    """One order of the file and what its import does (an immutable row). A plan keeps one
    for each order AfterDesk already holds; `Plan.steps` makes them for the rest."""
    order_no: str
    action: str                     # "add", "update" or "skip"
    order_id: int | None = None
    changed: tuple = ()             # fields an update changes
    items_changed: bool = False


@dataclass
class Plan:
    """What importing the file does, in file order. An order to add is kept as its number
    only (`adds`): a first import of a big export adds a hundred thousand, and plain strings
    give the cycle collector nothing to walk while the import writes. Each order AfterDesk
    already holds has its Step (`held`: update or skip)."""
    adds: list = field(default_factory=list)
    held: list = field(default_factory=list)

    @property
    def steps(self) -> list[Step]:
        """Every order's step: the orders to add, then those held."""
        return [Step(no, "add") for no in self.adds] + self.held

    def count(self, action: str) -> int:
        if action == "add":
            return len(self.adds)
        return sum(1 for s in self.held if s.action == action)


def _chunks(seq, size=CHUNK):
    for start in range(0, len(seq), size):
        yield seq[start:start + size]


WHOLE_SHOP = 5000     # more order numbers than this: read the shop's orders in one pass


def existing_orders(shop_id: int, order_nos: list) -> dict:
    """order_no -> (id, stored values..., buyer login) for the orders AfterDesk holds."""
    found = {}
    cols = ", ".join(f'o."{c}"' for c in ORDER_COLUMNS)
    if len(order_nos) > WHOLE_SHOP:
        wanted = set(order_nos)
        cursor = database.execute_sql(
            f'SELECT o."order_no", o."id", {cols}, b."login" FROM "orders" o '
            f'LEFT JOIN "buyer" b ON b."id" = o."buyer_id" WHERE o."shop_id" = ?', [shop_id])
        return {row[0]: row[1:] for row in cursor.fetchall() if row[0] in wanted}
    for part in _chunks(order_nos):
        marks = ", ".join("?" * len(part))
        cursor = database.execute_sql(
            f'SELECT o."order_no", o."id", {cols}, b."login" FROM "orders" o '
            f'LEFT JOIN "buyer" b ON b."id" = o."buyer_id" '
            f'WHERE o."shop_id" = ? AND o."order_no" IN ({marks})', [shop_id, *part])
        for row in cursor.fetchall():
            found[row[0]] = row[1:]
    return found


def existing_items(order_ids: list, shop_id: int | None = None) -> dict:
    items: dict = {}
    cols = ", ".join(f'"{c}"' for c in ITEM_COLUMNS)
    if shop_id is not None and len(order_ids) > WHOLE_SHOP:
        wanted = set(order_ids)
        cursor = database.execute_sql(
            f'SELECT i."order_id", {", ".join("i." + c for c in cols.split(", "))} '
            f'FROM "order_item" i JOIN "orders" o ON o."id" = i."order_id" '
            f'WHERE o."shop_id" = ? ORDER BY i."order_id", i."position"', [shop_id])
        for row in cursor.fetchall():
            if row[0] in wanted:
                items.setdefault(row[0], []).append(tuple(row[1:]))
        return {k: tuple(v) for k, v in items.items()}
    for part in _chunks(order_ids):
        marks = ", ".join("?" * len(part))
        cursor = database.execute_sql(
            f'SELECT "order_id", {cols} FROM "order_item" WHERE "order_id" IN ({marks}) '
            f'ORDER BY "order_id", "position"', list(part))
        for row in cursor.fetchall():
            items.setdefault(row[0], []).append(tuple(row[1:]))
    return {k: tuple(v) for k, v in items.items()}


def plan_orders(shop_id: int, rows: list[OrderRow]) -> Plan:
    current = existing_orders(shop_id, [r.order_no for r in rows])
    ids = [current[r.order_no][0] for r in rows if r.order_no in current]
    current_items = existing_items(ids, shop_id)
    plan = Plan()
    if not current:                          # a first import: every order is new
        plan.adds = [row.order_no for row in rows]
        return plan
    for row in rows:
        stored = current.get(row.order_no)
        if stored is None:
            plan.adds.append(row.order_no)
            continue
        order_id, old, login = stored[0], stored[1:-1], stored[-1]
        new = stored_values(row)
        changed = []
        for name, before, after in zip(ORDER_COLUMNS, old, new):
            if after is None or after == "":
                continue
            if name in FILL_ONLY and before:
                continue
            if name in TIMES and before is not None:
                before = str(before)[:19].replace("T", " ")
            if before != after:
                changed.append(name)
        if row.buyer_login and row.buyer_login != (login or ""):
            changed.append("buyer")
        items_changed = bool(row.items) and items_of(row) != current_items.get(
            order_id, ())
        if items_changed:
            changed.append("items")
        action = "update" if changed else "skip"
        plan.held.append(Step(row.order_no, action, order_id, tuple(changed), items_changed))
    return plan
