"""P11: the first sync of an open platform's orders into an empty shop, against a raw
`executemany` of the same rows (the P5 floor, bench.fig_import.raw_insert).

The platform is the AliExpress simulator of the tests (tests/aliexpress_simulator.py: it
checks every request's signature and answers the documented envelopes) holding
`scale.platform_orders` orders, one item each, from 5,000 buyers. It runs in a process
of its own (`python -m bench.fig_platform serve N`): it stands for a remote server, and
in AfterDesk's process it would take this process's CPU time and its interpreter lock
for the answers it builds, which a real gateway never does.

The value is AfterDesk's whole first pass (app.channels.sync.run_pass into a new, empty
database: every signed call, the pages' JSON, reading the platform's fields, writing
each batch of orders with the cursor); the floor is the raw write of the same buyers,
orders and items in stored form into another new database. Runs alternate the two, so
both see the same load. The details split the pass: the part spent writing
(`records.write_orders`) and the part spent in the calls (`gateway.post_form`: the
request, the server's answer, decoding its JSON).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

from bench.figure import Figure, median

BUYERS = 5000
ROOT = Path(__file__).resolve().parents[1]


def serve(count: int) -> None:
    """The simulator with `count` orders; prints its gateway, serves until stdin closes."""
    from tests import aliexpress_simulator as s
    sim = s.AliExpressSimulator()
    sim.keep_lists = True           # nothing changes while the pass lists the orders
    sim.orders.update(s.make_orders(count, buyers=BUYERS))
    for order in sim.orders.values():
        sim.order_text(order)       # its answers' JSON written before the pass asks
    sim.start()
    print(sim.gateway, flush=True)
    sys.stdin.read()
    sim.stop()


def floor_rows(count: int) -> list:
    """The rows the sync writes, read from the same orders the simulator holds."""
    from app.platforms import records
    from app.platforms.aliexpress import orders
    from tests import aliexpress_simulator as s
    made = s.make_orders(count, buyers=BUYERS)
    return records.in_stored_form([orders.row_of(dto, n)
                                   for n, dto in enumerate(made.values())])


def measure(scale, folder: Path) -> Figure:
    """Leaves the database closed."""
    import keyring
    from tests.file_keyring import FileKeyring
    folder.mkdir(parents=True, exist_ok=True)
    count = scale.platform_orders
    ring_before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(folder / "keyring.json"))      # never the rep's keyring
    try:
        return _measure(scale, folder, count)
    finally:
        keyring.set_keyring(ring_before)


def _measure(scale, folder: Path, count: int) -> Figure:
    from app.db import close_database, open_database
    from bench.fig_import import raw_insert, shop_for
    rows = floor_rows(count)
    server = subprocess.Popen([sys.executable, "-m", "bench.fig_platform", "serve",
                               str(count)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        gateway = server.stdout.readline().strip()
        if not gateway.startswith("http://"):
            raise AssertionError("P11: the platform simulator did not start")
        raws, passes, writes, calls, in_calls, cpu = [], [], [], [], [], []
        for run in range(max(1, scale.platform_repeats)):
            open_database(folder / f"raw{run}.db")
            raws.append(raw_insert(SimpleNamespace(rows=rows), shop_for("aliexpress").id))
            close_database()
            open_database(folder / f"sync{run}.db")
            whole, spent = _first_sync(gateway, count)
            close_database()
            passes.append(whole)
            writes.append(spent["writes"])
            calls.append(spent["calls"])
            in_calls.append(spent["calls_s"])
            cpu.append(spent["cpu_s"])
            (folder / f"raw{run}.db").unlink()
            (folder / f"sync{run}.db").unlink()
    finally:
        if server.stdin is not None:
            server.stdin.close()
        server.wait(timeout=60)
    floor, value = median(raws), median(passes)
    from app.platforms.aliexpress import connector, orders
    return Figure(
        "P11", "First platform sync",
        f"first sync of {count} AliExpress orders with their items from the platform "
        "simulator (own process) into an empty shop (app.channels.sync.run_pass)",
        "raw executemany of the same buyers, orders and items", "s",
        value, floor, 1.5, runs=passes, floor_runs=raws,
        details={"orders": count, "buyers": BUYERS, "calls": calls[0],
                 "page_size": orders.PAGE_SIZE, "write_every": connector.WRITE_EVERY,
                 "writes_s": round(median(writes), 2),
                 "writes_ratio": round(median(writes) / max(floor, 1e-9), 2),
                 "writes_runs": [round(w, 2) for w in writes],
                 "calls_s": round(median(in_calls), 2),
                 "pass_cpu_s": round(median(cpu), 2)})


def _first_sync(gateway: str, count: int) -> tuple[float, dict]:
    """(seconds of the whole pass, {"writes": seconds in records.write_orders, "calls": how
    many calls, "calls_s": seconds in them, "cpu_s": this process's CPU seconds})."""
    from app.channels.sync import run_pass
    from app.platforms import gateway as calls_module, records
    from bench.fig_import import shop_for
    from tests import aliexpress_simulator as s
    from app.platforms.accounts import add_platform_account
    account = add_platform_account("bench-ae", shop_for("aliexpress"), kind="aliexpress",
                                   app_key=s.APP_KEY, gateway=gateway,
                                   app_secret=s.APP_SECRET, token=s.TOKEN,
                                   refresh_token=s.REFRESH_TOKEN)
    account.settings = {**account.settings, "first_sync_days": 3650}
    account.save()
    spent = {"writes": 0.0, "calls": 0, "calls_s": 0.0}
    write, post = records.write_orders, calls_module.post_form

    def timed_write(*args, **kwargs):
        began = time.perf_counter()
        try:
            return write(*args, **kwargs)
        finally:
            spent["writes"] += time.perf_counter() - began

    def counted_post(*args, **kwargs):
        spent["calls"] += 1
        began = time.perf_counter()
        try:
            return post(*args, **kwargs)
        finally:
            spent["calls_s"] += time.perf_counter() - began

    records.write_orders, calls_module.post_form = timed_write, counted_post
    try:
        began, cpu = time.perf_counter(), time.process_time()
        result = run_pass(account)
        whole = time.perf_counter() - began
        spent["cpu_s"] = time.process_time() - cpu
    finally:
        records.write_orders, calls_module.post_form = write, post
    if result.pulled.get("added") != count:
        raise AssertionError(f"P11: the sync added {result.pulled} of {count} orders")
    return whole, spent


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "serve":
        serve(int(sys.argv[2]))
    else:
        raise SystemExit("usage: python -m bench.fig_platform serve ORDERS")
