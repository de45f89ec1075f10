"""P6: what the deadline monitor costs while AfterDesk sits idle with 10,000 open cases.

Two processes run side by side (bench/idle_probe.py): the monitor over N open cases
(disputes and requests waiting for the seller, due over the next five days, so alerts keep
falling due) and, as the floor, the same monitor over no case at all. Each measures its
CPU share over several idle spans; the figure is the median span, in % of one core.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench import processes
from bench.figure import VALUE, Figure, median


def measure(scale, folder: Path) -> Figure:
    args = [str(scale.idle_seconds), str(max(1, scale.slow_repeats))]
    runs = {}
    for name in ("cases", "floor"):        # each probe makes its database anew
        for suffix in ("", "-wal", "-shm"):
            (folder / f"{name}.db{suffix}").unlink(missing_ok=True)
    started = {name: processes.start("bench.idle_probe",
                                     [str(folder / f"{name}.db"), *args, str(cases)],
                                     folder / name)
               for name, cases in (("cases", scale.idle_cases), ("floor", 0))}
    for name, process in started.items():
        found = [event for _t, event in processes.events(process, time.perf_counter())]
        errors = processes.finish(process, folder / name)
        if not found:
            raise processes.ProbeFailed(f"P6: the idle monitor gave no figure:\n{errors}")
        runs[name] = found[-1]
    value, floor = runs["cases"], runs["floor"]
    # process_time ticks in milliseconds at worst: the smallest share one span can show
    resolution = 100.0 * 0.001 / scale.idle_seconds
    return Figure(
        "P6", "Monitor at rest",
        f"CPU of the monitor's process over {scale.idle_seconds:g} s spans, {scale.idle_cases} "
        "open cases", "the same monitor with no case", "%",
        median(value["shares"]), median(floor["shares"]), 0.5, VALUE,
        runs=value["shares"], floor_runs=floor["shares"], least_floor=resolution,
        details={"cases": scale.idle_cases, "load_s": round(value["load_s"], 2),
                 "planned_steps": value["steps"], "alerts": value["alerts"],
                 "errors": value["errors"]})
