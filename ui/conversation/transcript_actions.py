"""Print a conversation's transcript or save it as PDF (the Transcript button above the
thread). Internal notes stay out unless "Include internal notes" is ticked.

The conversation is read, laid out and painted (onto a PDF file, or onto the printer the
rep chose in the print dialog) on pool threads; only the dialog runs on the window's. No
printer at all is an expected problem with a clear message (ui.errors.NoPrinterError);
saving as PDF still works.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QPushButton, QWidget
from PySide6.QtPrintSupport import QPrinterInfo, QPrinter, QPrintDialog

from app.services.messaging import transcript, transcript_pdf
from app.services.common.background import run_read
from app.services.messaging.transcript import Words
from ui.errors import NoPrinterError, report_exception, show_expected_error
from ui.words.vocabulary import CHANNELS, word
from ui.worker import run_in_background


def transcript_words() -> Words:
    """The layout's words in the interface language."""
    translate = QCoreApplication.translate
    return Words(
        title=translate("Transcript", "Conversation transcript"),
        buyer=translate("Transcript", "Buyer"),
        shop=translate("Transcript", "Shop"),
        channel=translate("Transcript", "Channel"),
        order=translate("Transcript", "Order"),
        subject=translate("Transcript", "Subject"),
        printed=translate("Transcript", "Made"),
        times=translate("Transcript", "Times are in {0}."),
        notes_in=translate("Transcript", "Internal notes are included (marked); the buyer "
                                         "never saw them."),
        notes_out=translate("Transcript", "Internal notes are left out ({0})."),
        you=translate("Transcript", "Shop"),
        note=translate("Transcript", "Internal note · the buyer does not see this"),
        auto=translate("Transcript", "Automatic reply"),
        translation=translate("Transcript", "Translation"),
        files=translate("Transcript", "Attached"),
        empty=translate("Transcript", "No messages."),
        page=translate("Transcript", "Page {0} of {1}"),
        channel_word=lambda code: word(CHANNELS, code))


def printer_names() -> list[str]:
    """The printers this computer knows (an empty list when none is set up)."""
    return list(QPrinterInfo.availablePrinterNames())


class TranscriptButton(QPushButton):
    saved = Signal(str, int)        # path, pages
    printed = Signal(int)           # pages

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(self.tr("Transcript"))
        self.conversation_id: int | None = None
        self.buyer = ""
        menu = QMenu(self)
        self.print_action = QAction(self.tr("Print…"), self)
        self.print_action.triggered.connect(lambda: self.print_transcript())
        self.pdf_action = QAction(self.tr("Save as PDF…"), self)
        self.pdf_action.triggered.connect(lambda: self.save_pdf())
        self.notes_action = QAction(self.tr("Include internal notes"), self)
        self.notes_action.setCheckable(True)
        menu.addAction(self.print_action)
        menu.addAction(self.pdf_action)
        menu.addSeparator()
        menu.addAction(self.notes_action)
        self.setMenu(menu)
        self.printer = None
        self.dialog = None

    def set_conversation(self, conversation_id: int | None, buyer: str = "") -> None:
        self.conversation_id, self.buyer = conversation_id, buyer
        self.setEnabled(conversation_id is not None)

    def include_notes(self) -> bool:
        return self.notes_action.isChecked()

    # --- PDF -------------------------------------------------------------------------------
    def save_pdf(self, path: str | None = None) -> None:
        if self.conversation_id is None:
            return
        if path is None:
            name = f"transcript-{self.conversation_id}.pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save transcript as PDF"),
                                                  str(Path.home() / name),
                                                  self.tr("PDF (*.pdf)"))
            if not path:
                return
        job = partial(run_read, transcript_pdf.export, self.conversation_id, path,
                      include_notes=self.include_notes(), words=transcript_words())
        run_in_background(job, on_result=lambda pages: self.saved.emit(path, pages),
                          on_error=lambda error: report_exception(error, self), context=self)

    # --- printing ----------------------------------------------------------------------------
    def print_transcript(self, printer=None, ask: bool = True) -> bool:
        """Print through the print dialog (or straight onto `printer` with ask=False).
        False when there is no printer: the rep is told so and pointed to the PDF."""
        if self.conversation_id is None:
            return False
        if printer is None:
            if not printer_names():
                show_expected_error(NoPrinterError(), self)
                return False
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"transcript-{self.conversation_id}")
        self.printer = printer
        job = partial(run_read, transcript.build, self.conversation_id,
                      include_notes=self.include_notes())
        run_in_background(job, on_result=partial(self._print_read, printer, ask),
                          on_error=lambda error: report_exception(error, self), context=self)
        return True

    def _print_read(self, printer, ask: bool, t) -> None:
        if ask:
            self.dialog = QPrintDialog(printer, self)
            self.dialog.setWindowTitle(self.tr("Print transcript"))
            if self.dialog.exec() != QDialog.DialogCode.Accepted:
                return
        # Qt paints on a printer from any thread: a long thread is laid out off this one.
        run_in_background(partial(transcript_pdf.paint, t, printer, transcript_words()),
                          on_result=self.printed.emit,
                          on_error=lambda error: report_exception(error, self), context=self)
