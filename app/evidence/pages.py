"""The page a pack is laid out on: A4 (or Letter when a printer is set to Letter), fixed
margins, measured in pixels of a 300 dpi reference device.

A PDF and a printout are laid out on the same reference page and only painted at their own
resolution, so both have the same lines and the same page breaks.
"""

from __future__ import annotations

from dataclasses import dataclass

LAYOUT_DPI = 300
MARGINS_MM = (15.0, 12.0, 15.0, 12.0)        # left, top, right, bottom
PAPERS_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
HEADER_PX, FOOTER_PX = 30, 26                # at 96 dpi, as the HTML's px


def _px(mm: float) -> float:
    return mm / 25.4 * LAYOUT_DPI


@dataclass(frozen=True)
class Page:
    paper: str = "A4"

    @property
    def left(self) -> float:
        return _px(MARGINS_MM[0])

    @property
    def top(self) -> float:
        return _px(MARGINS_MM[1])

    @property
    def body_width(self) -> int:
        return round(_px(PAPERS_MM[self.paper][0] - MARGINS_MM[0] - MARGINS_MM[2]))

    @property
    def height(self) -> int:
        """Between the top and bottom margins: header, body and footer."""
        return round(_px(PAPERS_MM[self.paper][1] - MARGINS_MM[1] - MARGINS_MM[3]))

    @property
    def header_height(self) -> int:
        return round(HEADER_PX * LAYOUT_DPI / 96)

    @property
    def footer_height(self) -> int:
        return round(FOOTER_PX * LAYOUT_DPI / 96)

    @property
    def body_height(self) -> int:
        return self.height - self.header_height - self.footer_height

    @property
    def body_bottom(self) -> float:
        return self.height - self.footer_height * 0.8


def page_size(paper: str):
    from PySide6.QtGui import QPageSize
    return QPageSize(QPageSize.PageSizeId.Letter if paper == "Letter"
                     else QPageSize.PageSizeId.A4)


def paper_of(device) -> str:
    """Letter when the device is set to Letter, else A4."""
    from PySide6.QtGui import QPageSize
    size = device.pageLayout().pageSize().id()
    return "Letter" if size == QPageSize.PageSizeId.Letter else "A4"


def reference_device(paper: str):
    """A PDF writer that is never painted on: the layout measures text with it, so the same
    pack gives the same lines on every printer."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPdfWriter
    buffer = QBuffer()
    writer = QPdfWriter(buffer)
    writer.buffer_ = buffer  # type: ignore[attr-defined]  # kept alive as long as the writer
    writer.setResolution(LAYOUT_DPI)
    writer.setPageSize(page_size(paper))
    return writer


def full_page(device) -> None:
    """Paint from the paper's corner (the margins are ours, the same on every device)."""
    if hasattr(device, "setFullPage"):
        device.setFullPage(True)
    else:
        from PySide6.QtCore import QMarginsF
        device.setPageMargins(QMarginsF(0, 0, 0, 0))
