"""The PDF bundle: the pack's HTML laid out by QTextDocument and painted page by page onto a
QPdfWriter or any printer, with a running header and "page n of m" in the footer.

QtGui only (no widgets). Fonts are embedded; the bundled WenQuanYi Micro Hei carries the
Chinese so it renders and can be copied out as text.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from app.clock import utcnow
from app.errors import ServiceError
from app.evidence import pages, pdf_html, store
from app.evidence.content import PackContent
from app.evidence.manifest import Entry
from app.evidence.pdf_file import write_pdf_file
from app.evidence.qt_env import pdf_font_family

MAX_PICTURE_SIDE = 1100   # shown about 12 cm wide (~230 dpi); the originals go into the ZIP


class BuildCancelled(ServiceError):
    """The rep cancelled the build; nothing was written (expected, like a cancelled import)."""


@dataclass
class RenderResult:
    pages: int
    section_pages: dict = field(default_factory=dict)   # section key -> first page (1-based)
    paper: str = "A4"


def _check(cancel) -> None:
    if cancel is not None and cancel():
        raise BuildCancelled("The build was cancelled; no file was written.")


def load_pictures(content: PackContent, read=store.read, cancel=None, progress=None) -> dict:
    """Each photo decoded once, scaled down, on a few threads: position -> QImage (or None
    when the stored photo cannot be read as a picture)."""
    from concurrent.futures import ThreadPoolExecutor
    photos = [f for f in content.files if f.is_image]
    images = {}
    if not photos:
        return images
    keep = _keep_aspect()   # Qt enums resolved here: their lazy set-up is not thread-safe
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 2)) as pool:
        futures = [(f, pool.submit(_decode, read(f.sha256, f.name), keep)) for f in photos]
        for done, (f, future) in enumerate(futures, 1):
            if cancel is not None and cancel():
                for _, rest in futures:
                    rest.cancel()
                _check(cancel)
            images[f.position] = future.result()
            if progress:
                progress(done, len(photos))
    return images


def _decode(data: bytes, keep):
    from PySide6.QtCore import QBuffer, QByteArray, QSize
    from PySide6.QtGui import QImageReader
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_PICTURE_SIDE:
        reader.setScaledSize(size.scaled(QSize(MAX_PICTURE_SIDE, MAX_PICTURE_SIDE), keep))
    image = reader.read()
    return None if image.isNull() else image


def _keep_aspect():
    from PySide6.QtCore import Qt
    return Qt.AspectRatioMode.KeepAspectRatio


def render(content: PackContent, device, entries: list[Entry], pack_hash: str, images: dict,
           *, cancel=None, progress=None, built_at=None, signer: str = "") -> RenderResult:
    """Lay out and paint the pack onto `device` (a QPdfWriter or a QPrinter).

    The layout never depends on the device: it is made on a 300 dpi reference page of the
    device's paper (A4, or Letter when the printer is set to Letter) with the pack's margins,
    then painted scaled, so a printout has the very pages, lines and page breaks of the PDF."""
    from PySide6.QtCore import QRectF, QSizeF, QUrl
    from PySide6.QtGui import QFont, QPainter, QTextDocument

    family = pdf_font_family()
    page = pages.Page(pages.paper_of(device))
    reference = pages.reference_device(page.paper)
    scale = pages.LAYOUT_DPI / 96.0

    def px(n: float) -> int:
        return max(1, round(n * scale))

    width, body_h = page.body_width, page.body_height
    header_h, footer_h = page.header_height, page.footer_height
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(reference)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(QFont(family, 10))
    doc.setPageSize(QSizeF(width, body_h))
    pictures = {}
    max_w, max_h = width / scale, body_h / scale * 0.34   # two photos a page
    for position, image in images.items():
        if image is None:
            pictures[position] = pdf_html.Picture(position, "", 0, 0)
            continue
        url = f"photo-{position}"
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        ratio = min(max_w / image.width(), max_h / image.height())
        pictures[position] = pdf_html.Picture(position, url, int(image.width() * ratio),
                                              int(image.height() * ratio))
    _check(cancel)
    built_at = built_at or utcnow()
    html, sections = pdf_html.document_html(content, family, px, pictures, entries, pack_hash,
                                            built_at, signer)
    doc.setHtml(html)
    _check(cancel)
    section_pages = _section_pages(doc, sections, body_h)
    for sec in sections:
        found = doc.find(pdf_html.page_marker(sec.key))
        if not found.isNull():
            found.insertText(str(section_pages[sec.key]))
    count = doc.pageCount()
    header = (f"{content.case.shop_name} · 订单 Order {content.case.order_no} · "
              f"{content.case.ref} · v{content.version}")
    pages.full_page(device)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the PDF or printer could not be opened for writing")
    try:
        small = QFont(family)
        small.setPixelSize(round(7.5 * pages.LAYOUT_DPI / 72))   # 7.5 pt on every device
        zoom = device.logicalDpiX() / pages.LAYOUT_DPI
        for number in range(count):
            _check(cancel)
            if number:
                device.newPage()
            painter.save()
            painter.scale(zoom, zoom)
            painter.translate(page.left, page.top)
            painter.setFont(small)
            painter.setPen(_grey())
            painter.drawText(QRectF(0, 0, width * 0.72, header_h * 0.7), _align_left(), header)
            painter.drawText(QRectF(width * 0.72, 0, width * 0.28, header_h * 0.7),
                             _align_right(), f"SHA-256 {pack_hash[:16]}")
            painter.drawLine(0, int(header_h * 0.75), int(width), int(header_h * 0.75))
            painter.drawText(QRectF(0, page.body_bottom, width, footer_h * 0.8),
                             _align_center(),
                             f"第 {number + 1} / {count} 页 · Page {number + 1} of {count}")
            painter.translate(0, header_h - number * body_h)
            # a pixel short of the next page: a block that starts there is not drawn (clipped
            # away, yet its text would still be in the PDF's text layer)
            doc.drawContents(painter, QRectF(0, number * body_h, width, body_h - 1))
            painter.restore()
            if progress:
                progress(number + 1, count)
    finally:
        painter.end()
    return RenderResult(count, section_pages, page.paper)


def _section_pages(doc, sections, body_h) -> dict:
    layout = doc.documentLayout()
    titles = {sec.title: sec.key for sec in sections}
    found: dict = {}
    block = doc.begin()
    while block.isValid() and len(found) < len(titles):
        key = titles.get(block.text())
        if key is not None and key not in found:
            found[key] = int(layout.blockBoundingRect(block).top() // body_h) + 1
        block = block.next()
    return {sec.key: found.get(sec.key, 0) for sec in sections}


def _grey():
    from PySide6.QtGui import QColor
    return QColor(90, 90, 90)


def _align_left():
    from PySide6.QtCore import Qt
    return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _align_right():
    from PySide6.QtCore import Qt
    return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _align_center():
    from PySide6.QtCore import Qt
    return Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter


def write_pdf(content: PackContent, out: Path, entries: list[Entry], pack_hash: str,
              images: dict, *, cancel=None, progress=None, built_at=None, signer: str = "",
              paper: str = "A4") -> RenderResult:
    """Write the PDF to `out` (through a temporary file: a cancelled or failed build leaves
    nothing behind)."""
    return write_pdf_file(
        out, lambda writer: render(content, writer, entries, pack_hash, images, cancel=cancel,
                                   progress=progress, built_at=built_at, signer=signer),
        title=f"Evidence pack {content.case.ref} v{content.version}",
        resolution=pages.LAYOUT_DPI, page_size=pages.page_size(paper))
