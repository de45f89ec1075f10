"""Measure what the deadline monitor costs while AfterDesk sits idle.

    python -m bench.single_monitor [--cases 10000] [--seconds 60] [--window]

Builds a temporary database with N open cases (half AliExpress disputes waiting for the
seller, half Taobao requests waiting for the seller, their due instants spread over the
next five days, so alerts keep falling due as in a real shop), starts the monitor thread
and, once it has loaded and planned everything, measures the CPU time of the whole process
(every thread: time.process_time) over the idle span. With --window the main window runs
too (offscreen), with its pages loaded, as the rep would have it open.

The cases are built by bench/idle_cases.py; `python -m bench` measures the same monitor
(figure P6) beside every other figure.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.idle_cases import build
from app.db import close_database, open_database


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

    def spin(span: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(span * 1000), loop.quit)
        loop.exec()

    # the monitor starts once the list in front is painted and the other lists are read
    while not window.monitor.started and time.monotonic() - began < 600:
        spin(0.05)
    window.monitor.monitor.wait_settled(timeout=600)
    wait_for_background(600_000)
    load = time.monotonic() - began

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
