"""P5: importing an order export of 100,000 rows, against a raw executemany of the same rows.

A Taobao order report (GBK CSV) of N rows is written and read and checked once
(app.importers.build_preview; its time is in the details). Then, each into a fresh database
and alternating so both see the same load: the floor inserts the already-checked stored
tuples (buyers, orders, items) with sqlite3 executemany and nothing else; the value is
AfterDesk's write of the same preview (app.services.commerce.order_imports.apply_preview: plan
add/update/skip against the database, buyers, orders, items, import batch, audit entry).
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.figure import Figure, median
from app.db import close_database, database, open_database

LAYOUTS = ("taobao-csv", "aliexpress-xlsx")


def make_file(folder: Path, rows: int, layout: str = "taobao-csv") -> tuple[Path, str]:
    """An export of `rows` orders in `layout`; (path, platform)."""
    from app.importers import samples as s
    if layout == "aliexpress-xlsx":
        data = [s.ae_classic_row(f"8{n:015d}", 买家名称=f"buyer {n % 5000}") for n in range(rows)]
        return s.write_xlsx(folder / "ae.xlsx", s.AE_CLASSIC, data), "aliexpress"
    data = [s.tb_classic_row(f"3{n:018d}", 买家会员名=f"tb_{n % 5000}") for n in range(rows)]
    return s.write_csv(folder / "tb.csv", s.TB_CLASSIC, data, "gbk"), "taobao"


def shop_for(platform: str):
    from app.services.commerce.shops import add_shop
    zone = "America/Los_Angeles" if platform == "aliexpress" else "Asia/Shanghai"
    return add_shop("bench", platform, "Bench", zone, actor="bench")


def raw_insert(preview, shop_id: int) -> float:
    """Seconds to store the preview's rows with plain executemany (the floor)."""
    from app.importers.plan import ITEM_COLUMNS, ORDER_COLUMNS, stored_items, stored_values
    rows = preview.rows
    logins = sorted({r.buyer_login for r in rows if r.buyer_login})
    buyer_ids = {login: n for n, login in enumerate(logins, start=1)}
    buyers = [(shop_id, login, "", "", "", "", "", "") for login in logins]
    cols = ("shop_id", "order_no", "buyer_id", "currency", "is_virtual",
            "confirm_extension_days") + ORDER_COLUMNS
    orders = [(shop_id, r.order_no, buyer_ids.get(r.buyer_login), "CNY", 0, 0)
              + tuple("" if v is None and c in ("carrier", "tracking_no", "note") else v
                      for c, v in zip(ORDER_COLUMNS, stored_values(r))) for r in rows]
    items = [(n,) + item for n, r in enumerate(rows, start=1) for item in stored_items(r.items)]
    started = time.perf_counter()
    with database.atomic():
        cursor = database.cursor()
        cursor.executemany('INSERT INTO "buyer" ("shop_id", "login", "name", "country", '
                           '"language", "email", "phone", "note") VALUES (?,?,?,?,?,?,?,?)',
                           buyers)
        cursor.executemany(f'INSERT INTO "orders" ({", ".join(cols)}) '
                           f'VALUES ({", ".join("?" * len(cols))})', orders)
        cursor.executemany(f'INSERT INTO "order_item" ("order_id", {", ".join(ITEM_COLUMNS)}) '
                           f'VALUES ({", ".join("?" * (len(ITEM_COLUMNS) + 1))})', items)
    return time.perf_counter() - started


def measure(scale, folder: Path) -> Figure:
    """Leaves the database closed: the caller opens its own again."""
    from app.importers.preview import build_preview
    from app.services.commerce.order_imports import apply_preview
    folder.mkdir(parents=True, exist_ok=True)
    path, platform = make_file(folder, scale.import_rows)
    open_database(folder / "parse.db")
    started = time.perf_counter()
    preview = build_preview(path, shop_for(platform))
    read = time.perf_counter() - started
    if not preview.can_apply:
        raise AssertionError(f"P5: the generated export is refused: {preview.problems[:3]}")
    close_database()
    raws, applies, added = [], [], 0
    for run in range(max(1, scale.import_repeats)):
        open_database(folder / f"raw{run}.db")
        raws.append(raw_insert(preview, shop_for(platform).id))
        close_database()
        open_database(folder / f"import{run}.db")
        preview.shop = shop_for(platform)
        started = time.perf_counter()
        added = apply_preview(preview, actor="bench").added
        applies.append(time.perf_counter() - started)
        close_database()
    for name in ["parse"] + [f"{kind}{run}" for kind in ("raw", "import")
                             for run in range(max(1, scale.import_repeats))]:
        for suffix in (".db", ".db-wal", ".db-shm"):
            (folder / f"{name}{suffix}").unlink(missing_ok=True)
    return Figure(
        "P5", "Order import",
        f"write of {added} checked rows (app.services.commerce.order_imports.apply_preview)",
        "raw executemany of the same buyers, orders and items", "s",
        median(applies), median(raws), 1.5, runs=applies, floor_runs=raws,
        details={"rows": scale.import_rows, "file_mb": round(path.stat().st_size / 1e6, 1),
                 "read_and_check_s": round(read, 2),
                 "whole_import_s": round(read + median(applies), 2)})
