"""Measure what the deadline monitor costs while AfterDesk sits idle.

    python scripts/monitor_idle_cpu.py [--cases 10000] [--seconds 60] [--window]

Builds a temporary database with N open cases (half AliExpress disputes waiting for the
seller, half Taobao requests waiting for the seller, their due instants spread over the
next five days, so alerts keep falling due as in a real shop), starts the monitor thread
and, once it has loaded and planned everything, measures the CPU time of the whole process
(every thread: time.process_time) over the idle span. With --window the main window runs
too (offscreen), with its pages loaded, as the rep would have it open.

Bulk inserts through the models are used to build the data quickly; they skip the services
on purpose (this is a benchmark, not shop data).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.clock import utcnow  # noqa: E402
from app.db import close_database, database, open_database  # noqa: E402
from app.models import (AftersalesRequest, Dispute, DisputeProposal, Order,  # noqa: E402
                        Shop)

BATCH = 500


def build(cases: int) -> None:
    now = utcnow()
    with database.atomic():
        ae = Shop.create(key="ae", platform="aliexpress", name="AE", currency="USD",
                         timezone="America/Los_Angeles", created_at=now)
        tb = Shop.create(key="tb", platform="taobao", name="TB", currency="CNY",
                         timezone="Asia/Shanghai", created_at=now)
    half = cases // 2
    window = 5 * 24 * 3600 - 3600          # due instants from now + 1 h to now + 5 days
    orders = []
    for i in range(cases):
        shop = ae if i < half else tb
        orders.append(dict(shop=shop, order_no=f"B{i:07d}", status="shipped",
                           currency=shop.currency, paid_amount=Decimal("20.00"),
                           total_amount=Decimal("20.00"), created_at=now - timedelta(days=30),
                           paid_at=now - timedelta(days=30), shipped_at=now - timedelta(days=29)))
    with database.atomic():
        for start in range(0, len(orders), BATCH):
            Order.insert_many(orders[start:start + BATCH]).execute()
    ids = [o.id for o in Order.select(Order.id).order_by(Order.id)]
    disputes, requests = [], []
    for n, order_id in enumerate(ids):
        started = now - timedelta(days=5) + timedelta(seconds=3600 + (n * 7919) % window)
        if n < half:
            disputes.append(dict(order=order_id, kind="not_as_described", sub_kind="quality",
                                 reason="Quality problem", state="awaiting_seller",
                                 opened_at=started, first_request_at=started,
                                 buyer_changed_at=started, currency="USD", created_at=now,
                                 updated_at=now))
        else:
            requests.append(dict(order=order_id, service_type="refund_only", reason="quality",
                                 amount=Decimal("10.00"), currency="CNY",
                                 state="waiting_seller", opened_at=started,
                                 submitted_at=started, created_at=now, updated_at=now))
    with database.atomic():
        for start in range(0, len(disputes), BATCH):
            Dispute.insert_many(disputes[start:start + BATCH]).execute()
        for start in range(0, len(requests), BATCH):
            AftersalesRequest.insert_many(requests[start:start + BATCH]).execute()
        proposals = [dict(dispute=d.id, party="buyer", solution_type="refund",
                          refund_amount=Decimal("10.00"), currency="USD", created_at=now,
                          updated_at=now) for d in Dispute.select(Dispute.id)]
        for start in range(0, len(proposals), BATCH):
            DisputeProposal.insert_many(proposals[start:start + BATCH]).execute()


def measure(seconds: float, wait) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of the whole process while `wait(seconds)` runs."""
    cpu0, wall0 = time.process_time(), time.monotonic()
    wait(seconds)
    return time.process_time() - cpu0, time.monotonic() - wall0


def run_monitor_only(seconds: float) -> dict:
    from app.monitor import make_monitor
    alerts, errors = [], []
    monitor = make_monitor(None, on_alert=alerts.append, on_error=errors.append)
    began = time.monotonic()
    monitor.start()
    monitor.wait_settled(timeout=600)
    load = time.monotonic() - began
    cpu, wall = measure(seconds, threading.Event().wait)
    stopped = time.monotonic()
    ended = monitor.stop(1.0)
    return dict(load_s=load, cpu_s=cpu, wall_s=wall, alerts=len(alerts), errors=errors,
                steps=len(monitor.schedule), stop_s=time.monotonic() - stopped, ended=ended)


def run_window(seconds: float, folder: Path, db_path: Path) -> dict:
    from PySide6.QtCore import QEventLoop, QTimer

    from app.settings import Settings
    from ui.main import application
    from ui.main_window import MainWindow
    from ui.worker import wait_for_background
    app = application([sys.argv[0]])
    window = MainWindow(db_path, Settings(folder / "settings.json"))
    window.show()
    window.reload_all()
    began = time.monotonic()
    window.start_monitor()
    window.monitor.monitor.wait_settled(timeout=600)
    wait_for_background(600_000)
    load = time.monotonic() - began

    def spin(span: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(span * 1000), loop.quit)
        loop.exec()

    spin(2.0)   # let the loaded lists reach their views
    cpu, wall = measure(seconds, spin)
    stopped = time.monotonic()
    thread = window.monitor.monitor
    window.close()
    wait_for_background()
    app.processEvents()
    return dict(load_s=load, cpu_s=cpu, wall_s=wall, steps=len(thread.schedule),
                stop_s=time.monotonic() - stopped, ended=not thread.is_alive())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--window", action="store_true", help="run the main window too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="afterdesk-idle-") as name:
        folder = Path(name)
        db_path = folder / "idle.db"
        open_database(db_path)
        made = time.monotonic()
        build(args.cases)
        print(f"built {args.cases} open cases in {time.monotonic() - made:.1f} s")
        if args.window:
            result = run_window(args.seconds, folder, db_path)
        else:
            result = run_monitor_only(args.seconds)
        close_database()
    share = 100.0 * result["cpu_s"] / result["wall_s"]
    what = "window + monitor" if args.window else "monitor thread"
    print(f"{what}: loaded and planned in {result['load_s']:.1f} s "
          f"({result['steps']} steps)")
    print(f"idle {result['wall_s']:.1f} s: CPU {result['cpu_s']:.3f} s = {share:.3f} % "
          "of one core")
    for key in ("alerts", "errors"):
        if key in result:
            print(f"{key} during the run: {result[key] if key == 'errors' else result[key]}")
    print(f"stopped in {result['stop_s']:.3f} s (ended: {result['ended']})")


if __name__ == "__main__":
    main()
