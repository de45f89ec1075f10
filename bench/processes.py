"""Starting the benchmark's helper processes (window probes, the idle monitor).

They run this same Python on this same source tree; AFTERDESK_HOME points at a throwaway
folder so the rep's settings, logs and data are never touched, and Qt draws offscreen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]     # the folder holding app/, ui/ and bench/


def environment(home: Path) -> dict:
    env = dict(os.environ)
    env["AFTERDESK_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in
                                         env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env.pop("PYTHONSTARTUP", None)
    # Compiled bytecode as an installed AfterDesk has it (the frozen build ships it; pip
    # writes it): kept in the benchmark's folder, so the source tree stays untouched.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home.parent / "bytecode")
    return env


def start(module: str, args: list[str], home: Path) -> subprocess.Popen:
    """`python -m module args…`; its stdout is read by `events`, its stderr goes to a file
    in `home` (a pipe nobody reads could fill up and stall it)."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "stderr.txt", "ab") as errors:
        return subprocess.Popen([sys.executable, "-m", module, *args], cwd=str(ROOT),
                                env=environment(home), stdout=subprocess.PIPE, stderr=errors,
                                text=True, encoding="utf-8")


def events(process: subprocess.Popen, began: float, timeout: float = 600):
    """Yield (seconds since `began`, event dict) for each JSON line the process prints.
    A process still running `timeout` seconds after `began` is killed (a hung probe must
    not hang the benchmark); its events then simply end."""
    watchdog = threading.Timer(max(0.0, began + timeout - time.perf_counter()), process.kill)
    watchdog.daemon = True
    watchdog.start()
    try:
        for line in process.stdout:
            line = line.strip()
            if line.startswith("{"):
                yield time.perf_counter() - began, json.loads(line)
    finally:
        watchdog.cancel()


def finish(process: subprocess.Popen, home: Path, kill: bool = False,
           timeout: float = 30) -> str:
    """End the process (at once when `kill`); the end of its stderr, for error messages."""
    if kill and process.poll() is None:
        process.kill()
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
    try:
        return (home / "stderr.txt").read_text(encoding="utf-8", errors="replace")[-2000:]
    except OSError:
        return ""


class ProbeFailed(RuntimeError):
    pass
