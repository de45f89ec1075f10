"""Import of order exports: the bulk write behind `afterdesk import orders` and the import
dialog. Every row is read and checked first (app.importers); the writing happens in ONE
transaction with ONE audit entry for the whole import, and adds, updates or skips each
order by its number, so importing the same file again never duplicates anything.

Rows are written with `executemany` over the checked, stored-form values: 100,000 orders
cost about as much as a raw insert of the same rows (bench/single_import.py).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable

from app.clock import utcnow
from app.db import database
from app.importers.plan import (FILL_ONLY, ITEM_COLUMNS, ORDER_COLUMNS, items_of,
                                plan_orders, stored_values)
from app.importers.preview import Preview, build_preview
from app.importers.problems import ImportCancelled, ImportRefused
from app.models import Buyer, Order, OrderItem
from app.models.imports import ImportBatch
from app.services.common import audit

CHUNK = 2000
Progress = Callable[[int, int], None]


@dataclass
class ImportResult:
    preview: Preview
    batch_id: int | None
    added: int
    updated: int
    skipped: int

    def to_json(self) -> dict:
        return {**self.preview.to_json(), "imported": True, "batch": self.batch_id,
                "add": self.added, "update": self.updated, "skip": self.skipped}

    def summary(self) -> str:
        return (f"{self.preview.file_name}: {self.added} order(s) added, {self.updated} "
                f"updated, {self.skipped} unchanged")


def import_orders(path, shop, *, items_path=None, encoding=None, actor: str = "rep",
                  progress: Progress | None = None,
                  cancel: threading.Event | None = None) -> ImportResult:
    """Read, check and store an order export. Refused as a whole (ImportRefused, nothing
    written) while the file has any error; cancelled as a whole (ImportCancelled)."""
    preview = build_preview(path, shop, items_path=items_path, encoding=encoding)
    return apply_preview(preview, actor=actor, progress=progress, cancel=cancel)


def apply_preview(preview: Preview, *, actor: str = "rep", progress: Progress | None = None,
                  cancel: threading.Event | None = None) -> ImportResult:
    if not preview.can_apply:
        raise ImportRefused(preview.problems, preview.file_name)
    return _apply(preview, actor, progress, cancel)


def _apply(preview: Preview, actor: str, progress: Progress | None,
           cancel: threading.Event | None) -> ImportResult:
    shop = preview.shop
    rows = preview.rows
    layout = preview.layout
    assert layout is not None            # a preview that can be applied knows its layout
    with database.atomic():
        adds, updates, skipped = _write(shop, rows, progress, cancel)
        batch = ImportBatch.create(
            shop=shop, file_name=preview.file_name[:260], file_sha256=preview.sha256,
            items_file_name=preview.items_file_name[:260], layout=layout.key,
            rows=len(rows), added=adds, updated=updates, skipped=skipped,
            warnings=len(preview.warnings), imported_at=utcnow(), imported_by=actor)
        audit.record(actor, "import", f"{shop.key}/{batch.id}", "import orders",
                     {"file": preview.file_name, "items_file": preview.items_file_name,
                      "sha256": preview.sha256, "layout": layout.key,
                      "added": adds, "updated": updates, "skipped": skipped,
                      "warnings": len(preview.warnings)})
    return ImportResult(preview, batch.id, adds, updates, skipped)


def store_platform_orders(shop, rows: list, *, source: str, actor: str = "sync"
                          ) -> tuple[int, int, int]:
    """Orders read from a marketplace's open platform (OrderRows, as an export gives them),
    written like an import: the order number is the key, what is known replaces what is
    stored, an empty value (a time the platform did not send) keeps the stored one. One
    audit entry for the lot. Returns (added, updated, unchanged)."""
    by_no = {row.order_no: row for row in rows}   # the same order twice: the later row
    rows = list(by_no.values())
    with database.atomic():
        adds, updates, skipped = _write(shop, rows, None, None)
        if adds or updates:
            audit.record(actor, "import", f"{shop.key}/{source}", "sync orders",
                         {"source": source, "added": adds, "updated": updates,
                          "skipped": skipped})
    return adds, updates, skipped


def _write(shop, rows, progress: Progress | None, cancel: threading.Event | None
           ) -> tuple[int, int, int]:
    """Add, update or skip each order of `rows` (in the caller's transaction)."""
    plan = plan_orders(shop.id, rows)   # again, inside the transaction: the truth now
    buyers = _buyer_ids(shop, rows)
    total = len(rows)
    done = 0
    by_no = {row.order_no: row for row in rows}
    adds = [s for s in plan.steps if s.action == "add"]
    updates = [s for s in plan.steps if s.action == "update"]
    for part in _chunks(adds):
        _check(cancel)
        _insert_orders(shop, [by_no[s.order_no] for s in part], buyers)
        done += len(part)
        _report(progress, done, total)
    new_ids = _order_ids(shop.id, [s.order_no for s in adds])
    items = [(new_ids[s.order_no], by_no[s.order_no]) for s in adds
             if by_no[s.order_no].items]
    for part in _chunks(updates):
        _check(cancel)
        _update_orders([by_no[s.order_no] for s in part], part, buyers)
        items.extend((s.order_id, by_no[s.order_no]) for s in part if s.items_changed)
        done += len(part)
        _report(progress, done, total)
    _check(cancel)
    _replace_items(items, {s.order_id for s in updates if s.items_changed})
    skipped = plan.count("skip")
    _report(progress, total, total)
    return len(adds), len(updates), skipped


def _check(cancel) -> None:
    if cancel is not None and cancel.is_set():
        raise ImportCancelled()


def _report(progress, done, total) -> None:
    if progress is not None:
        progress(done, total)


def _chunks(seq, size=CHUNK):
    for start in range(0, len(seq), size):
        yield seq[start:start + size]


def _buyer_ids(shop, rows) -> dict:
    """login -> buyer id; buyers not yet known are added (name, phone, e-mail, country)."""
    wanted = {}
    for row in rows:
        if row.buyer_login and row.buyer_login not in wanted:
            wanted[row.buyer_login] = row
    known = dict(Buyer.select(Buyer.login, Buyer.id).where(Buyer.shop == shop).tuples())
    missing = [(shop.id, login, r.buyer_name, r.destination_country, "", r.buyer_email[:200],
                r.buyer_phone, "") for login, r in wanted.items() if login not in known]
    if missing:
        table = Buyer._meta.table_name
        database.cursor().executemany(
            f'INSERT INTO "{table}" ("shop_id", "login", "name", "country", "language", "email", '
            '"phone", "note") VALUES (?, ?, ?, ?, ?, ?, ?, ?)', missing)
        known = dict(Buyer.select(Buyer.login, Buyer.id).where(Buyer.shop == shop).tuples())
    return known


def _insert_orders(shop, rows, buyers) -> None:
    cols = ("shop_id", "order_no", "buyer_id", "currency", "is_virtual",
            "confirm_extension_days") + ORDER_COLUMNS
    shop_id, currency, buyer_of = shop.id, shop.currency, buyers.get
    values = [(shop_id, r.order_no, buyer_of(r.buyer_login), currency, 0, 0)
              + (r.stored if r.stored is not None else stored_values(r)) for r in rows]
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    database.cursor().executemany(
        f'INSERT INTO "{Order._meta.table_name}" ({names}) VALUES ({marks})', values)


def _update_orders(rows, steps, buyers) -> None:
    """What the file knows replaces what is stored; an empty cell keeps the stored value."""
    sets = []
    for c in ORDER_COLUMNS:
        if c in FILL_ONLY:
            sets.append(f'"{c}" = CASE WHEN "{c}" = \'\' THEN COALESCE(?, \'\') ELSE "{c}" END')
        else:
            sets.append(f'"{c}" = COALESCE(NULLIF(?, \'\'), "{c}")')
    sets.append('"buyer_id" = COALESCE(?, "buyer_id")')
    values = [stored_values(r) + (buyers.get(r.buyer_login), s.order_id)
              for r, s in zip(rows, steps)]
    database.cursor().executemany(
        f'UPDATE "{Order._meta.table_name}" SET {", ".join(sets)} WHERE "id" = ?', values)


def _order_ids(shop_id: int, order_nos: list) -> dict:
    if not order_nos:
        return {}
    wanted = set(order_nos)
    cursor = database.execute_sql(
        f'SELECT "order_no", "id" FROM "{Order._meta.table_name}" WHERE "shop_id" = ?',
        (shop_id,))
    return {no: oid for no, oid in cursor.fetchall() if no in wanted}


def _replace_items(items: list, replaced: set) -> None:
    table = OrderItem._meta.table_name
    if replaced:
        database.cursor().executemany(f'DELETE FROM "{table}" WHERE "order_id" = ?',
                                      [(oid,) for oid in replaced])
    values = [(oid,) + item for oid, row in items for item in items_of(row)]
    names = ", ".join(f'"{c}"' for c in ("order_id",) + ITEM_COLUMNS)
    marks = ", ".join("?" * (len(ITEM_COLUMNS) + 1))
    for part in _chunks(values, 10_000):
        database.cursor().executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', part)
