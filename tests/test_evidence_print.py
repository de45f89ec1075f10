"""Printing a pack to a real print queue: CUPS with the cups-pdf printer, started here.

Needs the Debian packages cups and printer-driver-cups-pdf: installed when missing
(tests/system_packages.py), as .ci/run does.
"""

import subprocess
import uuid
from pathlib import Path

import pytest

from app.evidence.builder import paint, prepare
from app.services.casework import evidence
from tests import system_packages
from tests.evidence_helpers import demo_database, pdf_pages

CUPSD, LPADMIN = "/usr/sbin/cupsd", "/usr/sbin/lpadmin"
QUEUE = "AfterDeskEvidencePDF"

pytestmark = [pytest.mark.slow, pytest.mark.gui]


def _scheduler_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    return "is running" in result.stdout


@pytest.fixture
def cups_queue(qtbot):
    system_packages.require("cups", "printer-driver-cups-pdf")
    started = None
    if not _scheduler_running():
        started = subprocess.Popen([CUPSD, "-f"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        qtbot.waitUntil(_scheduler_running, timeout=15_000)
    subprocess.run([LPADMIN, "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-m",
                    "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"], check=True, capture_output=True)
    yield QUEUE
    subprocess.run([LPADMIN, "-x", QUEUE], capture_output=True)
    if started is not None:
        started.terminate()
        started.wait(timeout=15)


def test_printing_to_a_cups_pdf_queue_gives_the_pages_of_the_pack(
        cups_queue, qtbot, tmp_path, tmp_path_factory, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    demo_database(tmp_path, tmp_path_factory)
    from app.models import Dispute
    ref = Dispute.select().where(Dispute.state == "escalated").order_by(Dispute.id).first()
    evidence.ensure_pack(ref)
    content = evidence.content(ref)
    qtbot.waitUntil(lambda: cups_queue in QPrinterInfo.availablePrinterNames(), timeout=10_000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(cups_queue)
    name = f"afterdesk-{uuid.uuid4().hex[:10]}"
    printer.setDocName(name)
    pages = paint(content, printer, prepare(content)).pages
    assert pages >= 5
    out_dir = Path.home() / "PDF"

    def printed():
        jobs = subprocess.run(["lpstat", "-o", cups_queue], capture_output=True, text=True)
        files = list(out_dir.glob(f"{name}*.pdf")) if out_dir.exists() else []
        return not jobs.stdout.strip() and files and files[0].stat().st_size > 0

    qtbot.waitUntil(printed, timeout=60_000)
    (output,) = out_dir.glob(f"{name}*.pdf")
    try:
        assert pdf_pages(output) == pages
    finally:
        output.unlink()
