"""Time an order import of N rows against a raw `executemany` of the same rows, in one run.

    python -m bench.single_import [--rows 100000] [--layout taobao-csv|aliexpress-xlsx]

Both write into a fresh, migrated AfterDesk database inside one transaction. "raw" inserts
the already-checked stored tuples (buyers, orders, items) with sqlite3 executemany and nothing
else; "apply" is AfterDesk's import of the same parsed rows (plan add/update/skip against the
database, buyers, orders, items, import batch, audit entry); "read+check" is reading the file
and checking every row. The goal is apply <= 1.5 x raw. `python -m bench` measures the same
(figure P5, bench/fig_import.py) beside every other figure.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path


from bench.fig_import import make_file, raw_insert, shop_for
from app.db import close_database, open_database
from app.importers.preview import build_preview
from app.services.commerce.order_imports import apply_preview


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--layout", default="taobao-csv", choices=("taobao-csv", "aliexpress-xlsx"))
    parser.add_argument("--repeat", type=int, default=3, help="write runs of each kind (best kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        started = time.perf_counter()
        path, platform = make_file(folder, args.rows, args.layout)
        print(f"wrote {args.rows} rows to {path.name} ({path.stat().st_size / 1e6:.1f} MB) "
              f"in {time.perf_counter() - started:.1f} s")
        open_database(folder / "parse.db")
        shop = shop_for(platform)
        started = time.perf_counter()
        preview = build_preview(path, shop)
        read = time.perf_counter() - started
        assert preview.can_apply, preview.problems[:3]
        close_database()
        raws, applies = [], []
        for run in range(args.repeat):       # alternate, each into a fresh database
            open_database(folder / f"raw{run}.db")
            raws.append(raw_insert(preview, shop_for(platform).id))
            close_database()
            open_database(folder / f"import{run}.db")
            preview.shop = shop_for(platform)
            started = time.perf_counter()
            result = apply_preview(preview, actor="bench")
            applies.append(time.perf_counter() - started)
            if run == args.repeat - 1:
                started = time.perf_counter()
                again = apply_preview(build_preview(path, preview.shop), actor="bench")
                reimport = time.perf_counter() - started
            close_database()
    raw, apply = min(raws), min(applies)
    print(f"raw executemany (buyers, orders, items), best of {args.repeat}: {raw:.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in raws)})")
    print(f"import apply ({result.added} added), best of {args.repeat}: {apply:.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in applies)})")
    print(f"apply / raw: {apply / raw:.2f} x (goal <= 1.5 x)")
    print(f"read + check the file ({args.layout}): {read:.2f} s")
    print(f"whole import from the file: {read + apply:.2f} s")
    print(f"re-import of the same file ({again.skipped} unchanged, read included): {reimport:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
