"""The deadline monitor at rest, in a process of its own (P6), so that nothing else the
benchmark does is counted.

    python -m bench.idle_probe DB SECONDS REPEATS CASES

Creates DB with CASES open cases (bench/idle_cases.py), opens it, starts the monitor as the window does (app.monitor.make_monitor with the default
settings: alerts at 24, 4 and 1 hours, platform actions recorded), waits until it has
loaded and planned, then measures the CPU time of the whole process (every thread:
time.process_time) over REPEATS spans of SECONDS each. Prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import threading
import time


def main(argv: list[str]) -> int:
    from app.db import close_database, open_database
    from app.monitor import make_monitor
    from bench.idle_cases import build
    db, seconds, repeats, cases = argv[0], float(argv[1]), int(argv[2]), int(argv[3])
    open_database(db)
    build(cases)
    alerts, errors = [], []
    monitor = make_monitor(None, on_alert=alerts.append, on_error=errors.append)
    began = time.monotonic()
    monitor.start()
    monitor.wait_settled(timeout=600)
    load = time.monotonic() - began
    shares = []
    for _ in range(repeats):
        cpu, wall = time.process_time(), time.monotonic()
        threading.Event().wait(seconds)
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
        shares.append(100.0 * cpu / wall)
    monitor.stop(1.0)
    close_database()
    print(json.dumps({"shares": shares, "load_s": load, "steps": len(monitor.schedule),
                      "alerts": len(alerts), "errors": [str(e) for e in errors]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
