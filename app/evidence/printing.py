"""Printing a pack on an installed printer without a window (`afterdesk evidence print`).

The pages are painted by the same renderer as the PDF (app.evidence.pdf.render), on the
printer's paper: A4, or Letter when the printer is set to Letter.
"""

from __future__ import annotations

from app.errors import InvalidInput
from app.evidence.qt_env import ensure_gui_app


def printer_names() -> list[str]:
    ensure_gui_app()
    from PySide6.QtPrintSupport import QPrinterInfo
    return list(QPrinterInfo.availablePrinterNames())


def choose_printer(name: str | None) -> str:
    """The printer named, or the system's default; a clear refusal when there is none."""
    names = printer_names()
    if not names:
        raise InvalidInput("no printer is installed: add one in the system's printer "
                           "settings, or build a PDF with 'afterdesk evidence build'",
                           field="printer")
    if name:
        if name not in names:
            raise InvalidInput("there is no printer named '{name}'; installed: {names}",
                               name=name, names=", ".join(names), field="printer")
        return name
    from PySide6.QtPrintSupport import QPrinterInfo
    default = QPrinterInfo.defaultPrinter()
    if default.isNull():
        raise InvalidInput("no default printer is set: choose one with --printer ({names})",
                           names=", ".join(names), field="printer")
    return default.printerName()


def print_pages(content, prepared, printer_name: str, *, copies: int = 1,
                doc_name: str | None = None) -> tuple[int, str]:
    """Send the pack to the printer; (pages, paper)."""
    from PySide6.QtPrintSupport import QPrinter

    from app.evidence.builder import paint
    if copies < 1 or copies > 99:
        raise InvalidInput("copies must be between 1 and 99, not {copies}", copies=copies,
                           field="copies")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(printer_name)
    printer.setCopyCount(copies)
    printer.setDocName(doc_name or f"evidence-{content.case.ref}-v{content.version}")
    result = paint(content, printer, prepared)
    return result.pages, result.paper
