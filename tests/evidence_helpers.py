"""Shared set-up of the evidence tests: a demo database built once per test process and
copied for each test, files of every kind, and the poppler tools."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

from app.db import close_database, open_database

_DEMO: dict = {}


def demo_database(tmp_path: Path, tmp_path_factory):
    """A fresh copy of a demo database (60 orders per shop) opened as the database."""
    if "path" not in _DEMO:
        from app.demo import load_demo
        path = tmp_path_factory.mktemp("evidence-demo") / "demo.db"
        open_database(path)
        load_demo(orders_per_shop=60)
        close_database()
        _DEMO["path"] = path
    copy = tmp_path / "afterdesk.db"
    shutil.copyfile(_DEMO["path"], copy)
    return open_database(copy)


def png_bytes(width=4, height=3, rgb=(200, 30, 30)) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


PDF_BYTES = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
             b"/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def jpeg_bytes(width=1600, height=1200, hue=0, label="") -> bytes:
    """A real JPEG photo drawn with Qt (needs a QGuiApplication for the text)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv(hue % 360, 120, 230))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    painter.setFont(QFont("WenQuanYi Micro Hei", 40))
    painter.drawRect(40, 40, width - 80, height - 80)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, label or f"photo {hue}")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    return bytes(data.data())


def pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdffonts(path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                         text=True).stdout.splitlines()[2:]
    return [line.split() for line in out]


def squeeze(text: str) -> str:
    """Text without any white space: a paragraph wrapped over lines still compares equal."""
    return "".join(text.split())
