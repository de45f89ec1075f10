"""Soak test: AfterDesk as a busy shop uses it, on one database, for a set time.

    python scripts/soak.py --minutes 2          # CI: exit 1 on any error or integrity failure
    python scripts/soak.py --minutes 10 --json  # the figure for docs/reliability.md

Three programs share one database file at once, as on a rep's computer:
- the window (offscreen) with its deadline monitor, which records the platform's own steps
  at missed deadlines; it reads every list again and wakes the monitor every few seconds;
- an `afterdesk import orders` loop re-importing a Taobao order export (two versions of
  it, alternately, so every import updates every order);
- an `afterdesk` loop of reading commands (cases, deadlines, search, report, export) and
  small writes (calendar days, policy values).

Counted as errors: a command that exits with anything but 0, a message box or crash
dialog in the window, an error of the monitor, and at the end an integrity or foreign-key
check of the file that does not come back clean. The summary gives the operations of
each kind and the errors, with what each error said.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHOP = "tb-demo"                    # the demo's Taobao shop
ORDERS = 400                        # orders in the re-imported export
WINDOW_TICK_MS = 2000               # the window reads its lists and wakes its monitor
READS = (["cases", "--json"], ["deadlines", "--json"], ["search", "退款"],
         ["report", "--json"], ["shop", "list"])
WRITES = (["calendar", "work", "2031-01-04", "--note", "soak"],
          ["calendar", "clear", "2031-01-04"],
          ["policy", "set", "taobao", "ship_within", "96"],
          ["policy", "reset", "taobao"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--folder", help="work here (default: a new temporary folder)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--window", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--seconds", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.window:
        return run_window(Path(args.window), args.seconds, Path(args.report))
    with tempfile.TemporaryDirectory(prefix="afterdesk-soak-") as scratch:
        folder = Path(args.folder or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        summary = soak(folder, args.minutes * 60)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print_summary(summary)
    return 0 if summary["errors"] == 0 and summary["integrity"] == "ok" else 1


def soak(folder: Path, seconds: float) -> dict:
    env = dict(os.environ, AFTERDESK_HOME=str(folder / "home"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(filter(None, (str(ROOT),
                                                        os.environ.get("PYTHONPATH")))))
    db = folder / "afterdesk.db"
    for setup in (["demo", "--orders", "120"], ["search", "x"]):
        done = _afterdesk(env, db, setup)
        if done.returncode != 0:
            raise SystemExit(f"soak: setting up failed: {done.stderr}")
    exports = _order_exports(folder)
    errors: list[str] = []
    counts = {"imports": 0, "cli reads": 0, "cli writes": 0}
    until = time.monotonic() + seconds
    window_report = folder / "window.json"
    window = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--window", str(db),
         "--seconds", str(seconds), "--report", str(window_report)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = threading.Lock()

    def loop(name, commands):
        turn = 0
        while time.monotonic() < until:
            kind, command = commands(turn)
            turn += 1
            done = _afterdesk(env, db, command)
            with lock:
                counts[kind] += 1
                if done.returncode != 0:
                    errors.append(f"{name}: `afterdesk {' '.join(command)}` exited "
                                  f"{done.returncode}: {done.stderr.strip()[-600:]}")

    importing = threading.Thread(target=loop, args=("import loop", lambda turn: (
        "imports", ["import", "orders", str(exports[turn % 2]), "--shop", SHOP])))
    commanding = threading.Thread(target=loop, args=("cli loop", lambda turn: (
        ("cli writes", list(WRITES[(turn // 2) % len(WRITES)])) if turn % 2 else
        ("cli reads", list(READS[(turn // 2) % len(READS)])))))
    for thread in (importing, commanding):
        thread.start()
    for thread in (importing, commanding):
        thread.join()
    try:
        out, err = window.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        window.kill()
        out, err = window.communicate()
        errors.append("window: did not end in time")
    if window.returncode != 0:
        errors.append(f"window: exited {window.returncode}: {err.strip()[-1500:]}")
    shown = json.loads(window_report.read_text(encoding="utf-8")) \
        if window_report.is_file() else {"reloads": 0, "monitor loads": 0, "errors": []}
    errors.extend(f"window: {text}" for text in shown["errors"])
    integrity, foreign_keys = _check(db)
    if integrity != "ok":
        errors.append(f"integrity_check: {integrity}")
    if foreign_keys:
        errors.append(f"foreign_key_check: {foreign_keys[:5]}")
    return {"minutes": round(seconds / 60, 2), **counts,
            "window reloads": shown["reloads"], "monitor loads": shown["monitor loads"],
            "integrity": integrity, "errors": len(errors), "error texts": errors}


def _afterdesk(env, db, command) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "--db", str(db), *command],
                          env=env, capture_output=True, text=True, cwd=ROOT)


def _order_exports(folder: Path) -> tuple[Path, Path]:
    """Two versions of the same Taobao export: every order's status and buyer message
    differ, so each import of the other one updates every order."""
    from app.importers.samples import TB_CLASSIC, tb_classic_row, write_csv
    files = []
    for version, status in enumerate(("卖家已发货，等待买家确认", "交易成功")):
        rows = [tb_classic_row(f"SOAK{n:08d}", 订单状态=status) for n in range(ORDERS)]
        files.append(write_csv(folder / f"orders-{version}.csv", TB_CLASSIC, rows))
    return files[0], files[1]


def _check(db: Path) -> tuple[str, list]:
    connection = sqlite3.connect(db)
    try:
        integrity = "; ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
        foreign_keys = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    return integrity, foreign_keys


def run_window(db: Path, seconds: float, report: Path) -> int:
    """The window's part (its own process): open the window on `db` offscreen, read every
    list and wake the monitor every few seconds, and write what went wrong to `report`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from app import paths
    from app.logging_setup import setup_logging
    from app.settings import Settings
    from ui import main as ui_main
    from ui.crash_dialog import CrashDialog
    from ui.errors import ExpectedErrorBox
    from ui.errors import install_excepthook

    setup_logging(paths.log_dir())
    shown: list[str] = []
    # A message box or crash dialog would wait for a click: each is counted instead.
    ExpectedErrorBox.exec = lambda self: shown.append(f"message box: {self.text()}") or 0
    CrashDialog.exec = lambda self: shown.append(f"crash dialog: {self.details}") or 0
    install_excepthook()
    app = ui_main.application(["afterdesk-soak"])
    settings = Settings(paths.config_dir() / "soak-settings.json")
    ui_main.prepare(app, settings)
    window = ui_main.open_window(app, db, settings)
    state = {"reloads": 0, "monitor": None}
    if window is not None:
        def tick():
            window.reload_all()
            state["reloads"] += 1
            bridge = window.monitor
            if bridge is not None and state["monitor"] is None:
                state["monitor"] = bridge
                bridge.error.connect(lambda text: shown.append(f"monitor: {text}"))
        timer = QTimer(window)
        timer.timeout.connect(tick)
        timer.start(WINDOW_TICK_MS)
        QTimer.singleShot(int(seconds * 1000), app.quit)
        app.exec()
        from ui.worker import wait_for_background
        wait_for_background()
        if window.monitor is not None:
            window.monitor.stop(5.0)
    else:
        shown.append("the window did not open")
    bridge = state["monitor"]
    loads = bridge.monitor.loads if bridge is not None and bridge.monitor is not None else 0
    report.write_text(json.dumps({"reloads": state["reloads"], "monitor loads": loads,
                                  "errors": shown}, ensure_ascii=False), encoding="utf-8")
    return 0


def print_summary(summary: dict) -> None:
    print(f"soak: {summary['minutes']} min; imports {summary['imports']}, cli reads "
          f"{summary['cli reads']}, cli writes {summary['cli writes']}, window reloads "
          f"{summary['window reloads']}, monitor loads {summary['monitor loads']}; "
          f"integrity {summary['integrity']}; errors {summary['errors']}")
    for text in summary["error texts"]:
        print(f"  error: {text}")


if __name__ == "__main__":
    sys.exit(main())
