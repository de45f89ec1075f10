"""Import of order exports: the bulk write behind `afterdesk import orders` and the import
dialog. Every row is read and checked first (app.importers); the writing happens in ONE
transaction with ONE audit entry for the whole import, and adds, updates or skips each
order by its number, so importing the same file again never duplicates anything.

Rows are written with `executemany` over the checked, stored-form values: 100,000 orders
cost about as much as a raw insert of the same rows (bench/single_import.py). What the
write keeps alive meanwhile is plain (order numbers, flat tuples of values), so the cycle
collector has nothing large to walk while it runs.
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
FEW = 500       # SQLite host parameters per IN (...) list stay well below its limit
WHOLE_SHOP = 5000  # more numbers or logins than this: read the shop's in one pass
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
    total = len(rows)
    with database.atomic():
        added, updated, skipped = _write(shop, rows, lambda: _check(cancel),
                                         lambda done: _report(progress, done, total))
        _report(progress, total, total)
        batch = ImportBatch.create(
            shop=shop, file_name=preview.file_name[:260], file_sha256=preview.sha256,
            items_file_name=preview.items_file_name[:260], layout=layout.key,
            rows=len(rows), added=added, updated=updated, skipped=skipped,
            warnings=len(preview.warnings), imported_at=utcnow(), imported_by=actor)
        audit.record(actor, "import", f"{shop.key}/{batch.id}", "import orders",
                     {"file": preview.file_name, "items_file": preview.items_file_name,
                      "sha256": preview.sha256, "layout": layout.key,
                      "added": added, "updated": updated, "skipped": skipped,
                      "warnings": len(preview.warnings)})
    return ImportResult(preview, batch.id, added, updated, skipped)


def merge_rows(shop, rows: list, *, actor: str, source: str) -> tuple[int, int, int]:
    """Orders an open platform reported (app.platforms), written exactly as an import
    writes a file's rows: one record per order number, what is known replaces what was
    stored, an empty value (a time the platform did not give) never wipes a known one.
    (added, updated, unchanged); call inside the transaction that also moves the sync's
    cursor. One audit entry for the page."""
    added, updated, skipped = _write(shop, rows, lambda: None, lambda done: None)
    if added or updated:
        audit.record(actor, "import", f"{shop.key}/{source}", "sync orders",
                     {"source": source, "added": added, "updated": updated,
                      "skipped": skipped})
    return added, updated, skipped


def _write(shop, rows, check: Callable[[], None],
           report: Callable[[int], None]) -> tuple[int, int, int]:
    """Add, update or skip each row's order by its number (inside a transaction);
    `check()` before each chunk (a cancel raises), `report(done)` after it."""
    plan = plan_orders(shop.id, rows)   # inside the transaction: the truth now
    buyers = _buyer_ids(shop, rows)
    done = 0
    by_no = {row.order_no: row for row in rows}
    adds = plan.adds                      # order numbers
    updates = [s for s in plan.held if s.action == "update"]
    last = _last_id(Order._meta.table_name)
    for part in _chunks(adds):
        check()
        _insert_orders(shop, [by_no[no] for no in part], buyers)
        done += len(part)
        report(done)
    new_ids = _new_ids(Order._meta.table_name, "order_no", shop.id, last, set(adds))
    # the items' rows as stored, flat tuples of plain values (the collector leaves them)
    items = [(new_ids[no],) + item for no in adds for item in items_of(by_no[no])]
    for part in _chunks(updates):
        check()
        _update_orders([by_no[s.order_no] for s in part], part, buyers)
        items.extend((s.order_id,) + item for s in part if s.items_changed
                     for item in items_of(by_no[s.order_no]))
        done += len(part)
        report(done)
    check()
    _replace_items(items, {s.order_id for s in updates if s.items_changed})
    return len(adds), len(updates), plan.count("skip")


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
    known = _known_buyers(shop, wanted)
    missing = [(shop.id, login, r.buyer_name, r.destination_country, "", r.buyer_email[:200],
                r.buyer_phone, "") for login, r in wanted.items() if login not in known]
    if missing:
        table = Buyer._meta.table_name
        last = _last_id(table)
        database.execute_many(
            f'INSERT INTO "{table}" ("shop_id", "login", "name", "country", "language", "email", '
            '"phone", "note") VALUES (?, ?, ?, ?, ?, ?, ?, ?)', missing)
        known.update(_new_ids(table, "login", shop.id, last, {m[1] for m in missing}))
    return known


def _known_buyers(shop, logins) -> dict:
    """login -> id of the shop's buyers: those asked for by name (a platform's pages), or
    the whole shop in one pass (a big file). Plain SQL: a page's thousand names through
    the query builder cost more than the rows they find (docs/performance.md, P11)."""
    table = Buyer._meta.table_name
    if len(logins) > WHOLE_SHOP:
        return dict(database.execute_sql(
            f'SELECT "login", "id" FROM "{table}" WHERE "shop_id" = ?', (shop.id,)).fetchall())
    return _by_key(table, "login", shop.id, list(logins))


def _by_key(table: str, key: str, shop_id: int, wanted: list) -> dict:
    """key -> id of the shop's rows of `table` whose `key` is one of `wanted`."""
    found: dict = {}
    for part in _chunks(wanted, FEW):
        marks = ", ".join("?" * len(part))
        found.update(database.execute_sql(
            f'SELECT "{key}", "id" FROM "{table}" WHERE "shop_id" = ? AND "{key}" IN ({marks})',
            (shop_id, *part)).fetchall())
    return found


def _insert_orders(shop, rows, buyers) -> None:
    cols = ("shop_id", "order_no", "buyer_id", "currency", "is_virtual",
            "confirm_extension_days") + ORDER_COLUMNS
    shop_id, currency, buyer_of = shop.id, shop.currency, buyers.get
    values = [(shop_id, r.order_no, buyer_of(r.buyer_login), currency, 0, 0)
              + (r.stored if r.stored is not None else stored_values(r)) for r in rows]
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    database.execute_many(
        f'INSERT INTO "{Order._meta.table_name}" ({names}) VALUES ({marks})', values)


def _update_orders(rows, steps, buyers) -> None:
    """What the file knows replaces what is stored; an empty cell keeps the stored value."""
    sets = []
    for c in ORDER_COLUMNS:
        if c in FILL_ONLY:
            sets.append(f'"{c}" = CASE WHEN "{c}" = \'\' THEN COALESCE(?, \'\') ELSE "{c}" END')
        else:
            sets.append(f'"{c}" = COALESCE(?, "{c}")')
    sets.append('"buyer_id" = COALESCE(?, "buyer_id")')
    # An empty cell is sent as NULL (not compared with '' in SQL: on a PostgreSQL server
    # an amount or an instant is no text).
    fill_only = [c in FILL_ONLY for c in ORDER_COLUMNS]
    values = [tuple(v if keep or v != "" else None
                    for v, keep in zip(stored_values(r), fill_only))
              + (buyers.get(r.buyer_login), s.order_id)
              for r, s in zip(rows, steps)]
    database.execute_many(
        f'UPDATE "{Order._meta.table_name}" SET {", ".join(sets)} WHERE "id" = ?', values)


def _last_id(table: str) -> int:
    """The highest id of `table` now (0 when empty)."""
    return database.execute_sql(f'SELECT COALESCE(MAX("id"), 0) FROM "{table}"').fetchone()[0]


def _new_ids(table: str, key: str, shop_id: int, last: int, wanted: set) -> dict:
    """key -> id of the rows of `table` just added for the shop: those after id `last`
    (the write lock is held since: no one else added any), read in one range, without
    a parameter per key."""
    if not wanted:
        return {}
    cursor = database.execute_sql(
        f'SELECT "{key}", "id" FROM "{table}" WHERE "id" > ? AND "shop_id" = ?',
        (last, shop_id))
    return {k: row_id for k, row_id in cursor.fetchall() if k in wanted}


def _replace_items(values: list, replaced: set) -> None:
    """`values`: (order id,) + the item in stored form; `replaced`: orders whose items go."""
    table = OrderItem._meta.table_name
    if replaced:
        database.execute_many(f'DELETE FROM "{table}" WHERE "order_id" = ?',
                                      [(oid,) for oid in replaced])
    names = ", ".join(f'"{c}"' for c in ("order_id",) + ITEM_COLUMNS)
    marks = ", ".join("?" * (len(ITEM_COLUMNS) + 1))
    for part in _chunks(values, 10_000):
        database.execute_many(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', part)
