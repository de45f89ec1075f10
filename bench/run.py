"""One benchmark run: generate the shops, measure every figure beside its floor, report.

The data and every scratch file live in one folder (a temporary one unless given), never
in the rep's data folder: AFTERDESK_HOME points into it while the benchmark runs, and the
database of the rep is not used.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

from bench.scale import Scale
from app.db import close_database, open_database
from app.paths import HOME_VARIABLE

FIGURES = ("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P10a", "P10b", "P11")
SERVER_FIGURES = ("P13",)   # measured on a PostgreSQL server: only with `server`
META = "shop.json"          # what the kept data was generated with
ON_THE_SHOPS = ("P1", "P2", "P3", "P4", "P7", "P8")   # the figures measured on the generated shops


def run_bench(scale: Scale, *, folder: Path | None = None, seed: int = 7,
              only: tuple = FIGURES, log=lambda text: None, server: str | None = None) -> dict:
    began = time.perf_counter()
    temporary = folder is None
    folder = Path(folder or tempfile.mkdtemp(prefix="afterdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    figures: dict = {}
    # Whatever the services keep beside the database (the evidence files) stays in here too.
    home_before = os.environ.get(HOME_VARIABLE)
    os.environ[HOME_VARIABLE] = str(folder / "home")
    try:
        if server is not None and "P13" in only:
            figures["P13"] = _timed("P13", lambda: _live(server, folder / "live"), log)
        elif "P13" in only:
            log("P13 needs a shop database on a server: --server postgresql://…")
        if not any(key in only for key in FIGURES):
            return _result(figures, only, {}, scale, began, temporary, folder)
        # P5, P6, P10 and P11 make their own data: `--only P11` generates no shops
        data = (_shop_data(folder, scale, seed, log)
                if any(key in only for key in ON_THE_SHOPS) else {})
        db_path, empty_path = folder / "shop.db", folder / "empty.db"
        open_database(empty_path)
        close_database()
        open_database(db_path)
        from bench import fig_evidence, fig_inbox, fig_search, fig_thread
        for key, run in (("P2", lambda: fig_inbox.measure(scale)),
                         ("P3", lambda: fig_search.measure(scale)),
                         ("P4", lambda: fig_thread.measure(scale, data["long_thread"])),
                         ("P7", lambda: fig_evidence.measure(scale, folder / "evidence"))):
            if key in only:
                figures[key] = _timed(key, run, log)
        close_database()
        if "P5" in only:
            from bench import fig_import
            figures["P5"] = _timed("P5", lambda: fig_import.measure(scale, folder / "import"),
                                   log)
        if "P11" in only:
            from bench import fig_platform
            figures["P11"] = _timed("P11", lambda: fig_platform.measure(
                scale, folder / "platform"), log)
        if "P10a" in only or "P10b" in only:
            from bench import fig_mail
            p10a, p10b = _timed("P10a and P10b",
                                lambda: fig_mail.measure(scale, folder / "mail"), log)
            figures.update(P10a=p10a, P10b=p10b)
        from bench import fig_monitor, fig_window

        def idle():
            return _timed("P6", lambda: fig_monitor.measure(scale, folder / "idle"), log)

        with ThreadPoolExecutor(1) as aside:
            # The tiny run of the test suite overlaps the monitor with the window starts.
            overlap = "P6" in only and scale.probes_at_once > 1
            waiting = aside.submit(idle) if overlap else None
            if "P6" in only and not overlap:
                figures["P6"] = idle()
            if "P1" in only or "P8" in only:
                p1, p8 = _timed("P1 and P8", lambda: fig_window.measure(
                    scale, db_path, empty_path, folder / "window"), log)
                figures.update(P1=p1, P8=p8)
            if waiting is not None:
                figures["P6"] = waiting.result()
    finally:
        close_database()
        if home_before is None:
            os.environ.pop(HOME_VARIABLE, None)
        else:
            os.environ[HOME_VARIABLE] = home_before
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
    return _result(figures, only, data, scale, began, temporary, folder)


def _live(server: str, folder: Path):
    """P13 on the server database `server` (migrated when it is new)."""
    from bench import fig_live
    open_database(server)
    try:
        return fig_live.measure(None, folder)
    finally:
        close_database()


def _result(figures: dict, only: tuple, data: dict, scale: Scale, began: float,
            temporary: bool, folder: Path) -> dict:
    ordered = [figures[key] for key in FIGURES + SERVER_FIGURES
               if key in figures and key in only]
    return {"figures": [f.to_json() for f in ordered],
            "all_hold": all(f.holds for f in ordered),
            "holding": [f.key for f in ordered if f.holds],
            "short": [f.key for f in ordered if not f.holds],
            "data": data, "scale": scale.describe(), "machine": machine(),
            "started_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "seconds": round(time.perf_counter() - began, 1),
            "folder": None if temporary else str(folder)}


def _timed(key: str, run, log):
    log(f"{key} …")
    began = time.perf_counter()
    result = run()
    log(f"{key} done in {time.perf_counter() - began:.1f} s")
    return result


def _shop_data(folder: Path, scale: Scale, seed: int, log) -> dict:
    """The generated shops in folder/shop.db: made now, or kept from an earlier run with
    the same scale and seed."""
    meta_path, db_path = folder / META, folder / "shop.db"
    shaping = ("orders", "conversations", "messages", "cases", "template_orders", "long_thread")
    wanted = {"scale": {name: getattr(scale, name) for name in shaping}, "seed": seed}
    if meta_path.exists() and db_path.exists():
        kept = json.loads(meta_path.read_text(encoding="utf-8"))
        if kept.get("made_with") == json.loads(json.dumps(wanted)):
            log(f"using the shops generated at {kept['data']['anchor']} in {folder}")
            return kept["data"]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    meta_path.unlink(missing_ok=True)
    from bench.generate import generate
    log(f"generating the shops in {folder} …")
    open_database(db_path)
    try:
        data = generate(scale, seed=seed, log=log)
    finally:
        close_database()
    meta_path.write_text(json.dumps({"made_with": wanted, "data": data}, indent=1),
                         encoding="utf-8")
    log(f"shops generated in {data['seconds']} s")
    return data


def machine() -> dict:
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = None
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        load = None
    import sqlite3
    return {"cpus": os.cpu_count(), "system": platform.platform(),
            "python": sys.version.split()[0], "pyside6": qt, "sqlite": sqlite3.sqlite_version,
            "load_average_at_end": load}
