"""Draw AfterDesk's application icon with QPainter and write it as PNG and Windows ICO.

    python scripts/make_icon.py            # writes resources/icons/afterdesk.png and .ico

The icon: a blue rounded square holding a white speech bubble (the buyer conversation)
with a tick (the case settled), and an orange clock badge (the platform deadline).
The .ico holds PNG-encoded images of 16 to 256 pixels, which Windows Vista and later read.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (QColor, QGuiApplication, QImage, QLinearGradient, QPainter,  # noqa: E402
                           QPainterPath, QPen)

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)

    gradient = QLinearGradient(0, 0, 0, 256)
    gradient.setColorAt(0, QColor("#2f7de1"))
    gradient.setColorAt(1, QColor("#174a9c"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(gradient)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 52, 52)

    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(40, 48, 160, 118), 30, 30)
    tail = QPainterPath()
    tail.moveTo(72, 150)
    tail.lineTo(62, 200)
    tail.lineTo(116, 160)
    tail.closeSubpath()
    p.setBrush(QColor("white"))
    p.drawPath(bubble.united(tail))

    tick = QPen(QColor("#2f7de1"), 20, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin)
    p.setPen(tick)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPolyline([QPointF(82, 108), QPointF(110, 134), QPointF(160, 82)])

    p.setPen(QPen(QColor("white"), 10))
    p.setBrush(QColor("#f59e0b"))
    p.drawEllipse(QPointF(186, 186), 46, 46)
    hands = QPen(QColor("white"), 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(hands)
    p.drawLine(QPointF(186, 186), QPointF(186, 158))
    p.drawLine(QPointF(186, 186), QPointF(206, 196))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: list[QImage]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR + ICONDIRENTRY each + data)."""
    blobs = [png_bytes(image) for image in images]
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = len(header) + 16 * len(blobs)
    entries = b""
    for image, blob in zip(images, blobs):
        side = image.width() if image.width() < 256 else 0     # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    return header + entries + b"".join(blobs)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICON_DIR / "afterdesk.png"))
    (ICON_DIR / "afterdesk.ico").write_bytes(ico_bytes([draw(s) for s in ICO_SIZES]))
    print(ICON_DIR / "afterdesk.png")
    print(ICON_DIR / "afterdesk.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
