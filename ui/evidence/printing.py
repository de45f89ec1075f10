"""Print a pack: photos are decoded off the window's thread, then the print preview paints
the pages for whichever installed printer the rep picks."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from app.evidence.builder import paint


def preview(parent, content, prepared, printer: QPrinter | None = None) -> QPrintPreviewDialog:
    """A print preview of the pack (not yet shown); `prepared` comes from
    app.evidence.builder.prepare, run in the background."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(f"evidence-{content.case.ref}-v{content.version}")
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ = printer       # the dialog does not own it: keep it alive as long
    dialog.setWindowTitle(parent.tr("Print evidence pack {0} v{1}").format(
        content.case.ref, content.version))
    dialog.paintRequested.connect(lambda device: paint(content, device, prepared))
    dialog.resize(900, 1000)
    return dialog
