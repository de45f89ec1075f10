"""A transcript painted page by page onto a PDF (QPdfWriter) or any printer (a QPrinter
handed in by the window), with the conversation on top of every page and "page n of m"
below. QtGui only: no widgets, so it runs headless (the command line, a pool thread).

The bundled WenQuanYi Micro Hei carries the Chinese, embedded in the PDF so it renders and
can be copied out as text.
"""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from app.evidence.pdf_file import write_pdf_file
from app.evidence.qt_env import pdf_font_family
from app.services.messaging import transcript
from app.errors import ServiceError
from app.services.messaging.transcript import Transcript, Words


class DeviceUnavailable(ServiceError):
    """The PDF file or the printer would not start a page; nothing was printed."""


def paint(t: Transcript, device, words: Words = Words(), zone: tzinfo | None = None) -> int:
    """Lay out `t` and paint it onto `device` (a QPdfWriter or a QPrinter); the pages."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QTextDocument

    family = pdf_font_family()
    dpi = device.resolution()
    scale = dpi / 96.0
    area = device.pageLayout().paintRectPixels(dpi)
    width, height = float(area.width()), float(area.height())
    header_h, footer_h = 30 * scale, 26 * scale
    body_h = height - header_h - footer_h
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(QFont(family, 10))
    doc.setTextWidth(width)
    doc.setHtml(transcript.to_html(t, words, zone, family))
    slices = page_slices(doc, body_h)
    pages = len(slices)
    top = transcript.header_text(t, words)
    painter = QPainter()
    if not painter.begin(device):
        raise DeviceUnavailable("The transcript could not be started: the printer or the PDF "
                                "file refused it. Check that the printer is on and ready, "
                                "or save the transcript as PDF instead.")
    try:
        small = QFont(family)
        small.setPointSizeF(7.5)         # QFont(family, 7.5) would round it down to 7 pt
        grey = QColor(90, 90, 90)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
        for page in range(pages):
            if page:
                device.newPage()
            painter.setFont(small)
            painter.setPen(grey)
            painter.drawText(QRectF(0, 0, width, header_h * 0.7), left, top)
            painter.drawLine(0, int(header_h * 0.75), int(width), int(header_h * 0.75))
            painter.drawText(QRectF(0, height - footer_h * 0.8, width, footer_h * 0.8), centre,
                             words.page.format(page + 1, pages))
            start, end = slices[page]
            painter.save()
            painter.translate(0, header_h - start)
            shown = QRectF(0, start, width, end - start)
            painter.setClipRect(shown)
            doc.drawContents(painter, shown)
            painter.restore()
    finally:
        painter.end()
    return pages


def page_slices(doc, body_h: float) -> list[tuple[float, float]]:
    """(top, bottom) of each page in the laid-out document: a page ends before the message
    that would not fit on it, so a message is cut only when it is taller than a page."""
    layout = doc.documentLayout()
    total = layout.documentSize().height()
    device = layout.paintDevice()
    scale = device.logicalDpiY() / 96.0 if device is not None else 1.0
    # A table's bounding rectangle starts one top margin below where its box is painted,
    # which is one margin below the end of the message before it: cut in that gap.
    cuts = sorted({max(0.0, layout.frameBoundingRect(frame).top()
                       - 1.5 * frame.frameFormat().topMargin() * scale)
                   for frame in doc.rootFrame().childFrames()} | {total})
    slices, start = [], 0.0
    while start < total - 0.5:
        limit = start + body_h
        fitting = [y for y in cuts if start < y <= limit]
        end = fitting[-1] if fitting and fitting[-1] > start + body_h * 0.25 else min(limit, total)
        slices.append((start, end))
        start = end
    return slices or [(0.0, body_h)]


def write_pdf(t: Transcript, out: str | Path, words: Words = Words(),
              zone: tzinfo | None = None) -> int:
    """Write the transcript as an A4 PDF to `out` through a temporary file (a failure
    leaves nothing behind); returns the number of pages."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    out = Path(out)
    if not out.parent.is_dir():
        raise FileNotFoundError(2, "No such folder", str(out.parent))
    return write_pdf_file(
        out, lambda writer: paint(t, writer, words, zone),
        title=f"{words.title} · {t.buyer_name} · {t.shop}", resolution=300,
        page_size=QPageSize(QPageSize.PageSizeId.A4),
        margins=(QMarginsF(15, 12, 15, 12), QPageLayout.Unit.Millimeter))


def export(conversation_id: int, out: str | Path, *, include_notes: bool = False,
           words: Words = Words(), zone: tzinfo | None = None) -> int:
    """Read the conversation and write its transcript to `out`; the number of pages."""
    return write_pdf(transcript.build(conversation_id, include_notes=include_notes), out,
                     words, zone)
