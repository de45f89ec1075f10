"""Printing a pack to a real print queue: CUPS with the cups-pdf printer, started here. The
printout must be the PDF: the same number of pages, the same text on each page, the same
picture of each page.

Needs the Debian packages cups and printer-driver-cups-pdf: installed when missing
(tests/system_packages.py), as .ci/run does. The queue renders through pdftocairo (a
queue option), so the Latin text of the printout can be read back with pdftotext; its
Chinese glyphs become pictures, so page pictures are compared as well.
"""

import re
import subprocess
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.evidence import printing
from app.services.casework import evidence
from tests import system_packages
from tests.evidence_helpers import demo_database, jpeg_bytes, pdf_pages

CUPSD, LPADMIN = "/usr/sbin/cupsd", "/usr/sbin/lpadmin"
QUEUE = "AfterDeskEvidencePDF"
BUILT_AT = datetime(2026, 12, 3, 2, 35, tzinfo=UTC)

pytestmark = [pytest.mark.slow, pytest.mark.gui]


def _scheduler_running() -> bool:
    result = subprocess.run(["lpstat", "-r"], capture_output=True, text=True,
                            check=False)
    return "is running" in result.stdout


@pytest.fixture
def cups_queue(qtbot):
    system_packages.require("cups", "printer-driver-cups-pdf", "poppler-utils")
    started = None
    if not _scheduler_running():
        started = subprocess.Popen([CUPSD, "-f"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        qtbot.waitUntil(_scheduler_running, timeout=15_000)
    queue = f"{QUEUE}{uuid.uuid4().hex[:6]}"
    subprocess.run([LPADMIN, "-p", queue, "-E", "-v", "cups-pdf:/", "-m",
                    "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd",
                    "-o", "pdftops-renderer-default=pdftocairo"],
                   check=True, capture_output=True)
    yield queue
    subprocess.run([LPADMIN, "-x", queue], capture_output=True, check=False)
    if started is not None:
        started.terminate()
        started.wait(timeout=15)


def _wait_for_printout(qtbot, queue: str, name: str) -> Path:
    out_dir = Path.home() / "PDF"

    def printed():
        jobs = subprocess.run(["lpstat", "-o", queue], capture_output=True, text=True,
                              check=False)
        files = list(out_dir.glob(f"{name}*.pdf")) if out_dir.exists() else []
        return not jobs.stdout.strip() and files and files[0].stat().st_size > 0

    qtbot.waitUntil(printed, timeout=60_000)
    (output,) = out_dir.glob(f"{name}*.pdf")
    return output


def _latin_words_by_page(path) -> list[list[str]]:
    """Each page's words of printable ASCII (the printout carries Chinese as glyph pictures:
    the few garbled marks they leave in pdftotext are single punctuation runs, dropped)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")[:-1]
    return [[w for w in re.findall(r"[\x21-\x7e]+", page) if re.search(r"[A-Za-z0-9]", w)]
            for page in pages]


def _page_pictures(path, folder: Path, width=120) -> list[bytes]:
    """Each page as a small grey picture (PGM bytes after the header), made in `folder`."""
    folder.mkdir()
    subprocess.run(["pdftoppm", "-gray", "-scale-to", str(width), str(path),
                    str(folder / "p")], capture_output=True, check=True)
    pictures = []
    for file in sorted(folder.glob("p-*.pgm")):
        data = file.read_bytes()
        pictures.append(data[data.index(b"255\n") + 4:])
    return pictures


def _difference(a: bytes, b: bytes) -> float:
    """Mean difference of two equally sized grey pictures, 0 (same) to 255."""
    size = min(len(a), len(b))
    return sum(abs(x - y) for x, y in zip(a[:size], b[:size])) / size


def test_a_printed_pack_is_its_pdf(cups_queue, qtbot, tmp_path, tmp_path_factory,
                                   monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    demo_database(tmp_path, tmp_path_factory)
    from app.models import Dispute
    dispute = Dispute.select().where(Dispute.state == "escalated").order_by(Dispute.id).first()
    evidence.ensure_pack(dispute)
    evidence.add_file(dispute, jpeg_bytes(hue=30, label="buyer photo"), "buyer_photo",
                      "The buyer's photo of the keyboard", name="keyboard.jpg")
    built = evidence.build_pack(dispute, tmp_path / "pack.pdf", built_at=BUILT_AT)
    qtbot.waitUntil(lambda: cups_queue in printing.printer_names(), timeout=10_000)
    name = f"afterdesk-{uuid.uuid4().hex[:10]}"
    pages, paper = printing.print_pages(*evidence.print_material(dispute, built_at=BUILT_AT),
                                        cups_queue, doc_name=name)
    output = _wait_for_printout(qtbot, cups_queue, name)
    try:
        assert paper == "A4" and pages == built.pages == pdf_pages(output) >= 7
        # the same text on every page: the cover did not spill, no number or hash wrapped
        printed, pdf = _latin_words_by_page(output), _latin_words_by_page(built.path)
        assert len(printed) == len(pdf) == pages
        for number, (ours, theirs) in enumerate(zip(printed, pdf), 1):
            assert ours == theirs, f"page {number}"
        assert any(built.pack_hash in page for page in printed)     # the hash on one line
        # and the same picture of every page (Chinese included)
        for number, (a, b) in enumerate(zip(_page_pictures(output, tmp_path / "printed"),
                                            _page_pictures(built.path, tmp_path / "built")),
                                        1):
            assert _difference(a, b) < 4, f"page {number}"
    finally:
        output.unlink()


def test_evidence_print_command(cups_queue, qtbot, tmp_path, tmp_path_factory, monkeypatch,
                                capsys):
    from app.db import close_database
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    demo_database(tmp_path, tmp_path_factory)
    from app.models import Dispute
    first = Dispute.select().where(Dispute.state == "escalated").order_by(Dispute.id).first()
    ref = f"D-{first.id}"
    close_database()
    db = str(tmp_path / "afterdesk.db")
    qtbot.waitUntil(lambda: cups_queue in printing.printer_names(), timeout=10_000)
    assert main(["--db", db, "evidence", "print", "--case", ref, "--printer", "no-such",
                 "--copies", "1"]) == 2
    err = capsys.readouterr().err
    assert "no printer named 'no-such'" in err and cups_queue in err
    assert main(["--db", db, "evidence", "print", "--case", ref, "--printer", cups_queue,
                 "--copies", "0"]) == 2
    assert "copies must be between 1 and 99" in capsys.readouterr().err
    assert main(["--db", db, "evidence", "print", "--case", ref, "--printer",
                 cups_queue]) == 0
    out = capsys.readouterr().out
    assert f"to printer {cups_queue}" in out and "(A4)" in out
    name = f"evidence-{ref}-v1"
    output = _wait_for_printout(qtbot, cups_queue, name)
    try:
        assert "pages (A4)" in out and f"sent {pdf_pages(output)} pages" in out
    finally:
        output.unlink()
