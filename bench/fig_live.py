"""P13: five reps writing at once on a shop database on a PostgreSQL server; how soon each
change is seen by the other four AfterDesks' live changes readers (p95).

Each rep is a process of its own (bench/live_rep.py) running AfterDesk's reader as the
window does on a server (migration 16's notification wakes it; it reads the change log)
and writing a star, an assignment or an unread mark about four times a second, all five
at once, for SECONDS. A change's delay, for each other rep: the wall-clock time that rep's
reader had read it minus the time just before the writer's COMMIT (one machine, one
clock).

The floor, measured in the same run while the reps write (so under the same load): the
raw round trip the reader's path is made of, on two plain driver connections, one INSERT
plus NOTIFY committed, the listener woken on its socket and the new row read back with one
SELECT; time just before the COMMIT to the row read. The goal is the value itself: p95 at
most 2 s.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.figure import VALUE, Figure

REPS = 5
SECONDS = 30.0
CONVERSATIONS = 40
FLOOR_CHANNEL = "afterdesk_p13_floor"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _shop() -> None:
    """A shop with CONVERSATIONS conversations for the reps to work on (once)."""
    from app.clock import utcnow
    from app.models import Conversation
    from app.services.commerce import shops
    from app.services.messaging import conversations
    if Conversation.select().count() >= CONVERSATIONS:
        return
    shop = shops.add_shop("p13", "aliexpress", "P13 shop", "Asia/Shanghai")
    for number in range(CONVERSATIONS):
        buyer = shops.get_or_add_buyer(shop, f"buyer{number}")
        conv = conversations.start_conversation(shop, buyer, "site_message", at=utcnow())
        conversations.add_message(conv, "in", f"Where is parcel {number}?", utcnow())


class _Floor:
    """The raw round trip, repeated every FLOOR_EVERY_S on a thread while the reps write."""

    FLOOR_EVERY_S = 0.25

    def __init__(self):
        from app.db import database
        self.writer = database.obj.new_connection()
        self.listener = database.obj.new_connection()
        self.writer.cursor().execute(
            f"CREATE TABLE IF NOT EXISTS {FLOOR_CHANNEL} (id BIGSERIAL PRIMARY KEY, at TEXT)")
        self.listener.cursor().execute(f"LISTEN {FLOOR_CHANNEL}")
        self.runs: list[float] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _once(self) -> float:
        writer, listener = self.writer, self.listener
        writer.autocommit = False
        cursor = writer.cursor()
        cursor.execute(f"INSERT INTO {FLOOR_CHANNEL} (at) VALUES ('x') RETURNING id")
        new_id = cursor.fetchone()[0]
        cursor.execute(f"NOTIFY {FLOOR_CHANNEL}")
        began = time.perf_counter()
        writer.commit()
        writer.autocommit = True
        while True:
            select.select([listener], [], [], 5.0)
            listener.poll()
            if listener.notifies:
                listener.notifies.clear()
                break
        read = listener.cursor()
        read.execute(f"SELECT id FROM {FLOOR_CHANNEL} WHERE id > %s", (new_id - 1,))
        read.fetchall()
        return (time.perf_counter() - began) * 1000

    def _run(self) -> None:
        while not self.stopped.wait(self.FLOOR_EVERY_S):
            self.runs.append(self._once())

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(10)
        self.writer.cursor().execute(f"DROP TABLE IF EXISTS {FLOOR_CHANNEL}")
        self.writer.close()
        self.listener.close()


def measure(scale, folder: Path | None = None, seconds: float = SECONDS,
            poll_only: bool = False) -> Figure:
    """P13 on the server the handle points at (its address: database.path). `poll_only`:
    the readers without the server's notifications (the A/B in docs/performance.md)."""
    from app.db import database
    from bench.processes import environment
    if database.backend != "postgresql":
        raise RuntimeError("P13 measures a server database: give --server postgresql://…")
    _shop()
    folder = Path(folder or tempfile.mkdtemp(prefix="afterdesk-p13-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = environment(folder / "home")
    start = time.time() + 8.0               # every rep's process started and reading
    reps = []
    for number in range(REPS):
        out = folder / f"rep{number}.json"
        reps.append((out, subprocess.Popen(
            [sys.executable, "-m", "bench.live_rep", "--server", database.path,
             "--rep", f"rep {number + 1}", "--start", str(start), "--seconds", str(seconds),
             "--out", str(out), "--seed", str(number + 1)]
            + (["--poll-only"] if poll_only else []), env=env)))
    floor = _Floor()
    time.sleep(max(0.0, start - time.time()))
    floor.thread.start()
    for _out, process in reps:
        if process.wait(seconds + 120) != 0:
            raise RuntimeError(f"a P13 rep process failed ({process.returncode})")
    floor.stop()
    records = [json.loads(out.read_text(encoding="utf-8")) for out, _process in reps]
    written = {row[0]: (record["rep"], row[1]) for record in records for row in record["writes"]}
    delays, missed = [], 0
    for record in records:
        seen = {row[0]: row[1] for row in record["seen"]}
        for change_id, (rep, at) in written.items():
            if rep == record["rep"]:
                continue
            if change_id in seen:
                delays.append((seen[change_id] - at) * 1000)
            else:
                missed += 1
    value = _percentile(delays, 0.95)
    low = _percentile(floor.runs, 0.95)
    details = {"reps": REPS, "seconds": seconds, "writes": len(written),
               "deliveries": len(delays), "not_seen": missed,
               "writes_per_second": round(len(written) / seconds, 1),
               "median_ms": round(_percentile(delays, 0.5), 1),
               "max_ms": round(max(delays), 1) if delays else None,
               "floor_median_ms": round(_percentile(floor.runs, 0.5), 2),
               "floor_runs": len(floor.runs), "poll_only": poll_only}
    if missed:
        value = float("inf")                # a change never seen: the goal cannot hold
    return Figure("P13", "Live changes between five reps on a server",
                  f"p95 of a change seen by the 4 other reps' readers ({REPS} reps writing "
                  "at once)",
                  "p95 of a raw INSERT + NOTIFY committed, LISTEN woken, row read back "
                  "(same server, same run)", "ms", value, low, 2000.0, VALUE,
                  runs=sorted(delays)[-20:], floor_runs=sorted(floor.runs)[-20:],
                  details=details)
