"""P7: building the evidence pack of a dispute with 500 messages and 20 photos.

Set up (not timed) in the shop-scale database, through the services: a conversation of N
messages (English with Chinese translations, and the rep's Chinese answers) on an escalated
dispute's order, the pack started, N buyer photos (JPEG, 1600×1200) added. Then the PDF is
built (app.services.casework.evidence.build_pack), several times; the ZIP's time is in the details.
The goal is absolute (≤ 2 s); the floor, for scale, writes the same photos and message
texts into a plain ZIP archive.
"""

from __future__ import annotations

import io
import time
import zipfile
from datetime import timedelta
from pathlib import Path

from bench.figure import VALUE, Figure, median
from app.db import database

SUBJECT = "Bench conversation"


def photo(index: int, size=(1600, 1200)) -> bytes:
    """A buyer's photo: a coloured JPEG with a caption in Chinese."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from app.evidence.qt_env import ensure_gui_app, pdf_font_family
    ensure_gui_app()
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv(index * 17 % 360, 90, 235))
    painter = QPainter(image)
    painter.setFont(QFont(pdf_font_family(), max(8, size[0] // 27)))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, f"买家照片 photo {index + 1}")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    return bytes(data.data())


def prepare(messages: int, photos: int, size=(1600, 1200)):
    """The dispute whose pack holds `messages` messages and `photos` photos, and the photos."""
    from app.models import Conversation, Dispute
    from app.services.casework import evidence
    from app.services.messaging import conversations
    dispute = (Dispute.select().where(Dispute.state == "escalated").order_by(Dispute.id)
               .first())
    if dispute is None:
        raise AssertionError("P7: the data has no escalated dispute")
    order = dispute.order
    start = dispute.opened_at - timedelta(days=20)
    made = (Conversation.select().where((Conversation.order == order)
                                        & (Conversation.subject == SUBJECT)).exists())
    if not made:        # kept data from an earlier run has them already
        with database.atomic():
            conv = conversations.start_conversation(order.shop, order.buyer, "site_message",
                                                    order=order, subject=SUBJECT, at=start,
                                                    actor="bench")
            for i in range(messages):
                inbound = i % 2 == 0
                conversations.add_message(
                    conv, "in" if inbound else "out",
                    f"Message {i + 1}: the earbuds still do not charge, what should I do?"
                    if inbound else f"第 {i + 1} 条：非常抱歉，我们马上为您处理，请再发一张照片。",
                    start + timedelta(minutes=7 * i), author="buyer" if inbound else "rep",
                    translation=f"第 {i + 1} 条：耳机还是不能充电，我该怎么办？" if inbound else None,
                    translation_lang="zh" if inbound else "", actor="bench")
    evidence.ensure_pack(dispute, actor="bench")
    pictures = [photo(i, size) for i in range(photos)]
    if not made:
        for i, data in enumerate(pictures):
            evidence.add_file(dispute, data, "buyer_photo", f"买家照片 {i + 1}",
                              name=f"photo-{i + 1:02d}.jpg", actor="bench")
    return dispute, pictures


def raw_archive(pictures: list[bytes], texts: list[str]) -> int:
    """The floor: the same photos and message texts in a ZIP in memory; its size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for n, data in enumerate(pictures):
            archive.writestr(f"files/{n:03d}.jpg", data)
        archive.writestr("conversation.txt", "\n".join(texts))
    return len(buffer.getvalue())


def measure(scale, folder: Path) -> Figure:
    from app.services.casework import evidence
    folder.mkdir(parents=True, exist_ok=True)
    dispute, pictures = prepare(scale.pack_messages, scale.pack_photos, scale.photo_size)
    content = evidence.content(dispute)
    threads = [t.conversation_id for t in content.threads]

    def texts():
        marks = ",".join("?" * len(threads))
        return [f"{body}\n{translation or ''}" for body, translation in database.execute_sql(
            f'SELECT "body", "translation" FROM "message" WHERE "conversation_id" IN ({marks}) '
            'ORDER BY "sent_at", "id"', threads)] if threads else []

    values, floors, pages = [], [], 0
    for _ in range(max(1, scale.slow_repeats)):
        began = time.perf_counter()
        pages = evidence.build_pack(dispute, folder / "pack.pdf", page_budget=0).pages
        values.append(time.perf_counter() - began)
        began = time.perf_counter()
        raw_archive(pictures, texts())
        floors.append(time.perf_counter() - began)
    began = time.perf_counter()
    evidence.build_pack(dispute, folder / "pack.zip", page_budget=0)
    zipped = time.perf_counter() - began
    return Figure(
        "P7", "Evidence pack",
        f"PDF of a pack with {content.message_count} messages and {len(content.files)} photos "
        "(app.services.casework.evidence.build_pack)",
        "the same photos and message texts into a plain ZIP", "s",
        median(values), median(floors), 2.0, VALUE, runs=values, floor_runs=floors,
        details={"messages": content.message_count, "photos": len(content.files),
                 "pages": pages, "pdf_mb": round((folder / "pack.pdf").stat().st_size / 1e6, 2),
                 "zip_build_s": round(zipped, 3)})
