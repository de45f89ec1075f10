"""P1 (start to the painted inbox) and P8 (resident memory with the data open), measured by
starting real window processes (bench/window_probe.py) and timing them from outside.

P1: from launching the process to the inbox's first painted rows (its first screenful: the
rest of the ids join it right after), AfterDesk's own start
(ui.main.main: logging, fonts, theme, database, main window, lists, deadline monitor) on
the shop-scale data, against launching a process that shows an empty PySide6 main window
of the same size. Launches alternate; medians of several.

P8: resident memory once everything has loaded and the monitor sleeps, on the shop-scale
data, against the same AfterDesk on an empty database. These two runs go first; they also
leave the data as the monitor wants it (platform actions recorded), so the timed starts
after them all see the same database.
"""

from __future__ import annotations

import json
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import processes
from bench.figure import EXCESS, Figure, median

PROBE = "bench.window_probe"


def _home(folder: Path, name: str) -> Path:
    """A throwaway AFTERDESK_HOME: no daily backup (it is a once-a-day copy of the whole
    file, not part of a start) and no first-run wizard (a database is named)."""
    home = folder / name
    shutil.rmtree(home, ignore_errors=True)
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(
        json.dumps({"backup.daily": False, "ui.first_run_done": True}), encoding="utf-8")
    return home


def launch(folder: Path, args: list[str], until: str, name: str) -> dict:
    """Start one probe; its events ({"painted": s, "settled": {...}}) timed from launch."""
    home = _home(folder, name)
    began = time.perf_counter()
    process = processes.start(PROBE, args, home)
    seen: dict = {}
    try:
        for seconds, event in processes.events(process, began):
            seen[event["event"]] = dict(event, at_s=seconds)
            if event["event"] == until:
                break
    finally:
        errors = processes.finish(process, home, kill=until == "painted")
    if until not in seen:
        raise processes.ProbeFailed(f"the window probe ({' '.join(args)}) stopped before "
                                    f"'{until}':\n{errors}")
    shutil.rmtree(home, ignore_errors=True)
    return seen


def launch_all(folder: Path, jobs: list[tuple], at_once: int = 1) -> list[dict]:
    """`launch` each (args, until, name) in order; `at_once` > 1 starts that many together
    (only for the test suite's tiny run, where the figures do not matter)."""
    if at_once <= 1:
        return [launch(folder, *job) for job in jobs]
    with ThreadPoolExecutor(at_once) as pool:
        return list(pool.map(lambda job: launch(folder, *job), jobs))


def measure(scale, data_db: Path, empty_db: Path, folder: Path) -> tuple[Figure, Figure]:
    folder.mkdir(parents=True, exist_ok=True)
    app_args = ["app", "--db", str(data_db)]
    jobs = [(app_args, "settled", "settle-data"),
            (["app", "--db", str(empty_db)], "settled", "settle-empty")]
    if scale.start_repeats < 1:             # the tiny run: the first full start counts
        jobs.append((["empty"], "painted", "empty0"))
    for n in range(scale.start_repeats):
        jobs += [(["empty"], "painted", f"empty{n}"), (app_args, "painted", f"start{n}")]
    full, bare, *timed = launch_all(folder, jobs, scale.probes_at_once)
    floors = [run["painted"]["at_s"] for run in timed[0::2]]
    apps = timed[1::2] or [full]
    starts = [run["painted"]["at_s"] for run in apps]
    phases = [dict(run["painted"].get("phases", {}), interpreter_s=round(
        run["painted"]["at_s"] - run["painted"]["since_main_s"], 4)) for run in apps]
    p1 = Figure(
        "P1", "Start to the painted inbox",
        "launch of AfterDesk on the shop's data until the inbox has painted its first rows",
        "launch of an empty PySide6 main window until it has painted", "s",
        median(starts), median(floors), 2.3, runs=starts, floor_runs=floors,
        details={"first_start_s": round(full["painted"]["at_s"], 3),
                 "empty_database_start_s": round(bare["painted"]["at_s"], 3),
                 "inbox_rows": full["settled"].get("rows"),
                 "rows_at_first_paint": full["painted"].get("rows"),
                 "everything_loaded_s": round(full["settled"]["at_s"], 2),
                 "phases_s": {key: round(median([p[key] for p in phases if key in p]), 3)
                              for key in phases[0]}})
    p8 = Figure(
        "P8", "Memory with the data open",
        "resident memory of AfterDesk on the shop's data, every list loaded",
        "the same AfterDesk on an empty database", "MB",
        full["settled"]["rss_mb"], bare["settled"]["rss_mb"], 60.0, EXCESS,
        runs=[full["settled"]["rss_mb"]], floor_runs=[bare["settled"]["rss_mb"]],
        details={"loaded_after_s": round(full["settled"]["at_s"], 2),
                 "at_painted_inbox_mb": full.get("painted_memory", {}).get("rss_mb"),
                 "empty_database_at_painted_inbox_mb":
                     bare.get("painted_memory", {}).get("rss_mb")})
    return p1, p8
