"""Time to build an evidence pack of 500 messages and 20 photos (goal: at most 2 s).

    python scripts/bench_evidence.py [--messages 500] [--photos 20] [--keep DIR]

Sets up a demo database in a temporary folder (not timed), adds a conversation of N messages
(Chinese and English, with translations) and N photos (1600×1200 JPEG) to a live dispute's
pack, then times building the PDF and the ZIP, and checks the ZIP with verify.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def photo(index: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv(index * 17 % 360, 90, 235))
    painter = QPainter(image)
    painter.setFont(QFont("WenQuanYi Micro Hei", 60))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, f"买家照片 photo {index + 1}")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    return bytes(data.data())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--keep", help="folder to keep the PDF and ZIP in")
    args = parser.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="afterdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["AFTERDESK_HOME"] = str(folder / "home")

    from app.db import open_database
    from app.demo import load_demo
    from app.evidence.qt_env import ensure_gui_app, pdf_font_family
    from app.evidence.verify import verify_zip
    from app.models import Dispute
    from app.services import conversations, evidence

    ensure_gui_app()
    pdf_font_family()
    open_database(folder / "bench.db")
    load_demo(orders_per_shop=60)
    dispute = Dispute.select().where(Dispute.state == "escalated").order_by(Dispute.id).first()
    order = dispute.order
    start = dispute.opened_at - timedelta(days=20)
    conv = conversations.start_conversation(order.shop, order.buyer, "site_message", order=order,
                                            subject="Bench conversation", at=start)
    for i in range(args.messages):
        inbound = i % 2 == 0
        conversations.add_message(
            conv, "in" if inbound else "out",
            f"Message {i + 1}: the earbuds still do not charge, what should I do?" if inbound
            else f"第 {i + 1} 条：非常抱歉，我们马上为您处理，请再发一张照片。",
            start + timedelta(minutes=7 * i), author="buyer" if inbound else "rep",
            translation=f"第 {i + 1} 条：耳机还是不能充电，我该怎么办？" if inbound else None,
            translation_lang="zh" if inbound else "")
    evidence.ensure_pack(dispute)
    for i in range(args.photos):
        evidence.add_file(dispute, photo(i), "buyer_photo", f"买家照片 {i + 1}",
                          name=f"photo-{i + 1:02d}.jpg")
    content = evidence.content(dispute)
    print(f"pack: {content.message_count} messages, {len(content.files)} photos")
    for suffix in (".pdf", ".zip"):
        out = folder / f"pack{suffix}"
        began = time.perf_counter()
        result = evidence.build_pack(dispute, out, page_budget=0)
        took = time.perf_counter() - began
        print(f"{out.name}: {result.pages} pages, {out.stat().st_size / 1e6:.1f} MB, "
              f"{took:.2f} s (goal <= 2 s)")
    print("verify:", verify_zip(folder / "pack.zip").lines()[0])
    print(f"files in {folder}")


if __name__ == "__main__":
    main()
