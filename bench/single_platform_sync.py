"""P11: the first sync of N AliExpress orders (with items) from the platform simulator into
an empty shop, against a raw `executemany` of the same rows (the P5 floor).

    python -m bench.single_platform_sync [--orders 100000] [--repeat 1]

The simulator (tests/aliexpress_simulator.py) runs in this process on 127.0.0.1 and checks
every request's signature; the sync is AfterDesk's real pass (`app.channels.sync.run_pass`):
2,000 signed calls of 50 orders, each page written through the import's bulk path in the
transaction that moves the cursor. Printed: the whole pass, the part spent writing
(`records.write_orders`), the raw write of the same rows, and their ratios. The goal is
write <= 1.5 x raw; the whole pass adds the platform's pages (HTTP, JSON) on top.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    from app.db import close_database, open_database
    from app.platforms import records
    from app.platforms.aliexpress import orders as ae_orders
    from bench.fig_import import raw_insert
    from tests import aliexpress_simulator as sim_module
    from tests.file_keyring import FileKeyring
    import keyring
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        keyring.set_keyring(FileKeyring(folder / "keyring.json"))
        sim = sim_module.AliExpressSimulator()
        sim.keep_lists = True
        sim.add_orders(args.orders)
        sim.start()
        rows = [ae_orders.row_of(dto, n) for n, dto in enumerate(sim.orders.values())]
        for run in range(args.repeat):
            open_database(folder / f"raw{run}.db")
            shop = _shop()
            raw = raw_insert(SimpleNamespace(rows=rows), shop.id)
            close_database()
            open_database(folder / f"sync{run}.db")
            account = _account(_shop(), sim)
            spent = [0.0]
            write = records.write_orders
            records.write_orders = _timed(write, spent)
            from app.channels.sync import run_pass
            started = time.perf_counter()
            result = run_pass(account)
            whole = time.perf_counter() - started
            records.write_orders = write
            assert result.pulled["added"] == args.orders, result.pulled
            close_database()
            print(f"P11 run {run + 1}: {args.orders} orders, {len(sim.calls)} calls; "
                  f"raw write {raw:.2f} s; sync's writes {spent[0]:.2f} s "
                  f"({spent[0] / raw:.2f}x raw); whole pass {whole:.2f} s "
                  f"({whole / raw:.2f}x raw)")
            sim.calls.clear()
        sim.stop()
    return 0


def _timed(write, spent: list):
    """`write`, adding the seconds each call takes to spent[0]."""
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return write(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started
    return timed


def _shop():
    from app.services.commerce.shops import add_shop
    return add_shop("bench", "aliexpress", "Bench", "America/Los_Angeles", actor="bench")


def _account(shop, sim):
    from app.platforms.accounts import add_platform_account
    from tests import aliexpress_simulator as s
    account = add_platform_account("bench-ae", shop, kind="aliexpress", app_key=s.APP_KEY,
                                   gateway=sim.gateway, app_secret=s.APP_SECRET,
                                   token=s.TOKEN, refresh_token=s.REFRESH_TOKEN)
    account.settings = {**account.settings, "first_sync_days": 3650}
    account.save()
    return account


if __name__ == "__main__":
    raise SystemExit(main())
