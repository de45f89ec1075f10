"""What an open platform says about a shop's orders, written the way an export import
writes a file (app.services.commerce.order_imports.merge_rows): one record per order
number; what the platform knows replaces what was stored; an empty value never wipes a
known one (a time the platform did not give stays as the export gave it).

A platform status AfterDesk does not know is stored as given (`platform_status`) and
flagged in the audit trail ("unknown platform state X: the rules may be out of date");
the order keeps its status, or a new one gets the status its times say. Never a crash.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from app.db import database
from app.importers.rows import OrderRow
from app.models import Order
from app.rules.timeconv import platform_to_utc
from app.services.common import audit

log = logging.getLogger("afterdesk.platforms")
ACTOR = "sync"
UNKNOWN_STATE = "unknown platform state {state}: the rules may be out of date"


def platform_time(text, platform: str) -> datetime | None:
    """A platform's 'yyyy-mm-dd hh:mm:ss' in its own zone (AliExpress: US Pacific; Taobao:
    China time) as UTC; None for an empty or unreadable value."""
    text = str(text or "").strip()
    if len(text) < 19 or text[10] != " ":
        return None
    try:
        wall = datetime.fromisoformat(text[:19])
    except ValueError:
        return None
    hour = wall.replace(minute=0, second=0)
    return _hour_in_utc(hour, platform) + (wall - hour)


@lru_cache(maxsize=65536)
def _hour_in_utc(hour: datetime, platform: str) -> datetime:
    """Zones change their offset on the hour: one conversion per hour of wall time."""
    return platform_to_utc(hour, platform)


CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def amount(value) -> Decimal:
    """An amount the platform wrote ('12.30', 12.3, or {"amount": "12.30", …})."""
    if value.__class__ is dict:
        value = value["amount"] if "amount" in value else value.get("cent")
    if value is None or value == "":
        return ZERO
    try:
        return Decimal(value if value.__class__ is str else str(value)).quantize(CENT)
    except InvalidOperation:
        return ZERO


def in_stored_form(rows: list[OrderRow]) -> list[OrderRow]:
    """The rows with their values in stored form (as an import's reading leaves them)."""
    from app.importers.plan import stored_items, stored_values
    for row in rows:
        row.stored = stored_values(row)
        row.stored_items = stored_items(row.items)
    return rows


def write_orders(shop, rows: list[OrderRow], *, source: str) -> dict:
    """Write a page of orders (inside the transaction that moves the cursor). A row whose
    status is '' keeps the stored status; a new order gets the status its times say."""
    from app.services.commerce.order_imports import merge_rows
    added, updated, skipped = merge_rows(shop, rows, actor=ACTOR, source=source)
    if any(not row.status for row in rows):
        _settle_blank_status(shop)
    return {"added": added, "updated": updated, "unchanged": skipped}


def _settle_blank_status(shop) -> None:
    table = Order._meta.table_name
    database.execute_sql(
        f'UPDATE "{table}" SET "status" = CASE WHEN "shipped_at" IS NOT NULL THEN \'shipped\' '
        'WHEN "paid_at" IS NOT NULL THEN \'awaiting_shipment\' ELSE \'awaiting_payment\' END '
        'WHERE "shop_id" = ? AND "status" = \'\'', (shop.id,))


def flag_unknown_state(shop, order_no: str, state: str, what: str = "order") -> None:
    """Say it where a rep and the lead can find it: the audit trail and the log."""
    message = UNKNOWN_STATE.format(state=state)
    log.warning("shop %s %s %s: %s", shop.key, what, order_no, message)
    audit.record(ACTOR, what, f"{shop.key}/{order_no}", "unknown platform state",
                 {"state": state, "message": message})
