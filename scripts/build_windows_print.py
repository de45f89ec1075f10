"""Printing from the Windows AfterDesk under Wine to a real print queue: Wine hands a
Windows program's print job to CUPS, here a CUPS-PDF queue, so the printout can be read
back. Used by scripts/build_windows.py (docs/windows.md).

The check: `AfterDesk.exe demo` on a database in the Wine prefix, then
`AfterDesk.exe evidence print --case D-<n> --printer QUEUE` for an escalated dispute, and
the queue's PDF must arrive with the pages AfterDesk said it sent, on A4.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path

CUPSD, LPADMIN = "/usr/sbin/cupsd", "/usr/sbin/lpadmin"
PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
OUT_DIR = Path.home() / "PDF"           # where CUPS-PDF writes a job of this user
WAIT_S = 120


def _scheduler_running() -> bool:
    done = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False)
    return "is running" in done.stdout


class CupsPdfQueue:
    """A CUPS-PDF queue for the check (the scheduler started when it is not running)."""

    def __init__(self):
        self.started = None
        self.name = f"AfterDeskWine{uuid.uuid4().hex[:6]}"

    def __enter__(self) -> "CupsPdfQueue":
        if not _scheduler_running():
            self.started = subprocess.Popen([CUPSD, "-f"], stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 30
            while not _scheduler_running() and time.monotonic() < deadline:
                time.sleep(0.5)
        subprocess.run([LPADMIN, "-p", self.name, "-E", "-v", "cups-pdf:/", "-m", PPD],
                       check=True, capture_output=True)
        return self

    def __exit__(self, *exc) -> None:
        subprocess.run([LPADMIN, "-x", self.name], capture_output=True, check=False)
        if self.started is not None:
            self.started.terminate()
            self.started.wait(timeout=30)

    def printout(self, since: float) -> Path | None:
        """The queue's PDF of a job finished after `since`, once the queue is empty."""
        jobs = subprocess.run(["lpstat", "-o", self.name], capture_output=True, text=True,
                              check=False)
        if jobs.stdout.strip() or not OUT_DIR.exists():
            return None
        found = [p for p in OUT_DIR.glob("*.pdf")
                 if p.stat().st_mtime >= since and p.stat().st_size > 0]
        return max(found, key=lambda p: p.stat().st_mtime) if found else None


def _escalated_dispute(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        row = connection.execute("SELECT id FROM dispute WHERE state = 'escalated' "
                                 "ORDER BY id LIMIT 1").fetchone()
    if row is None:
        raise RuntimeError("the demo has no escalated dispute to print")
    return row[0]


def _pages(pdf: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)
    return pages, size


def print_through_wine(wine, exe: Path, check) -> None:
    """Print an evidence pack from the Windows build to a CUPS-PDF queue through Wine."""
    folder = wine.user_folder("Documents")
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "print-check.db"
    database.unlink(missing_ok=True)
    target = wine.windows_path(database)
    demo = wine.run(str(exe), "--db", target, "demo", timeout=900, terminal=True)
    if demo.returncode != 0:
        check.that(False, "printing under Wine: the demo shop loads")
        return
    case = f"D-{_escalated_dispute(database)}"
    with CupsPdfQueue() as queue:
        since = time.time() - 1
        done = wine.run(str(exe), "--db", target, "evidence", "print", "--case", case,
                        "--printer", queue.name, "--allow-incomplete", timeout=900,
                        terminal=True)
        said = re.search(r"sent (\d+) pages \((\w+)\)", done.stdout)
        output = None
        deadline = time.monotonic() + WAIT_S
        while said and output is None and time.monotonic() < deadline:
            output = queue.printout(since)
            time.sleep(1)
        pages, size = _pages(output) if output else (0, "")
        check.that(done.returncode == 0 and said is not None and output is not None
                   and pages == int(said.group(1)) and said.group(2) == "A4"
                   and "A4" in size,
                   f"printing under Wine: {case}'s evidence pack reaches the CUPS-PDF queue "
                   f"through Wine's printer ({pages} pages, {size or 'no printout'})")
