"""Killed in the middle (issue #20): an `import orders` killed with SIGKILL at a random moment
leaves a database that passes SQLite's integrity check, holds the import entirely or not at
all, and opens again in AfterDesk. Ten trials, each importing orders of its own.

The moments are random (the seed is printed: AFTERDESK_CRASH_SEED=N repeats a run) and
spread over the time one import takes here, so some kills land while the file is read,
some inside the transaction, some during the commit, some after the end.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.importers.samples import TB_CLASSIC, tb_classic_row, write_csv

ROOT = Path(__file__).resolve().parent.parent
TRIALS = 10
ORDERS = 1500

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _afterdesk(db, *args) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-m", "app", "--db", str(db), *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _finish(process: subprocess.Popen) -> tuple[int, str]:
    """Wait for the command and close its pipe: (exit code, what it said on stderr)."""
    _out, err = process.communicate()
    return process.returncode, err


def _state(db) -> tuple[str, int, int]:
    """(integrity_check, orders, import batches)."""
    connection = sqlite3.connect(db)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        orders = connection.execute('SELECT COUNT(*) FROM "orders"').fetchone()[0]
        batches = connection.execute('SELECT COUNT(*) FROM "import_batch"').fetchone()[0]
    finally:
        connection.close()
    return integrity, orders, batches


@pytest.mark.slow
def test_an_import_killed_at_random_moments_is_all_or_nothing(tmp_path):
    seed = int(os.environ.get("AFTERDESK_CRASH_SEED", random.randrange(1 << 30)))
    print(f"AFTERDESK_CRASH_SEED={seed}")
    chance = random.Random(seed)
    db = tmp_path / "afterdesk.db"
    setup = _afterdesk(db, "shop", "add", "tb", "--platform", "taobao", "--name", "淘宝店",
                       "--tz", "Asia/Shanghai")
    code, err = _finish(setup)
    assert code == 0, err

    def export(trial: int) -> Path:
        rows = [tb_classic_row(f"K{trial:02d}{n:08d}") for n in range(ORDERS)]
        return write_csv(tmp_path / f"orders-{trial}.csv", TB_CLASSIC, rows)

    started = time.monotonic()                  # how long one whole import takes here
    whole = _afterdesk(db, "import", "orders", str(export(0)), "--shop", "tb")
    code, err = _finish(whole)
    assert code == 0, err
    span = time.monotonic() - started
    integrity, orders, batches = _state(db)
    assert (integrity, orders, batches) == ("ok", ORDERS, 1)

    outcomes = []
    for trial in range(1, TRIALS + 1):
        path = export(trial)
        process = _afterdesk(db, "import", "orders", str(path), "--shop", "tb")
        time.sleep(chance.uniform(0.2, 1.1) * span)
        killed = process.poll() is None
        if killed:
            process.send_signal(signal.SIGKILL)
        _finish(process)
        integrity, now, batches_now = _state(db)
        assert integrity == "ok", (trial, integrity)
        assert now in (orders, orders + ORDERS), (trial, orders, now)    # all or nothing
        assert batches_now == batches + (now > orders)                  # the batch with it
        outcomes.append("killed" if killed else "finished")
        orders, batches = now, batches_now
    print(f"outcomes: {outcomes}")
    for command in (("init",), ("cases", "--json")):        # AfterDesk opens the file
        opened = _afterdesk(db, *command)
        code, err = _finish(opened)
        assert code == 0, err
    assert _state(db) == ("ok", orders, batches)
