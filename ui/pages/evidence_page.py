"""The evidence builder: pick a case, see what its pack needs, pick messages, tracking and
files, write the statement, then build the PDF or ZIP (off the window's thread, with progress
and cancel), print it, or submit it (which freezes that version)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout,
                               QHeaderView,
                               QInputDialog, QLabel, QMessageBox, QPlainTextEdit, QProgressBar,
                               QPushButton, QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget)

from app.evidence.builder import BuildCancelled
from app.evidence.labels import FILE_CATEGORIES, category_label
from app.services.casework import evidence
from app.services.common.background import run_read
from app.services.clocks.case_list import list_cases
from ui.words.vocabulary import CHANNELS, word
from ui.evidence.build_job import EvidenceJob
from ui.i18n import window_language
from ui.evidence.checklist_view import ChecklistView
from ui.evidence.item_model import EvidenceItemModel
from ui.evidence.pick_dialog import PickDialog
from ui.worker import run_in_background
from ui.evidence.printing import preview
from ui.table_models.case_table_model import reason_text, state_words
from ui.table_models.list_table_model import sort_by_header
from ui import read_only
from ui.write_op import EVIDENCE, run_write


def _load_case(ref: str) -> dict:
    pack = evidence.latest(ref)
    return {"ref": ref, "pack": pack, "rows": evidence.item_rows(pack),
            "checklist": evidence.checklist(ref), "history": evidence.history(ref),
            "template": None if pack else evidence.statement_template(ref),
            "language": evidence.statement_language(ref)}


class EvidencePage(QWidget):
    loaded = Signal()            # a case's pack is shown
    built = Signal(object)       # a BuildResult

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ref: str | None = None
        self.last_result = None
        self.case_box = QComboBox()
        self.case_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case_box.setMinimumContentsLength(16)
        self.case_box.currentIndexChanged.connect(self._case_chosen)
        self.version = QLabel()
        top = QHBoxLayout()
        title = QLabel(self.tr("<h2>Evidence</h2>"))
        top.addWidget(title)
        top.addWidget(QLabel(self.tr("Case:")))
        top.addWidget(self.case_box, 1)
        top.addWidget(self.version)

        self.checklist = ChecklistView()
        self.model = EvidenceItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        sort_by_header(self.table)
        # the evidence's text takes what the others leave: the table fits a 1366×768
        # window without a horizontal scroll bar
        for column, width in enumerate((36, 120, 60, 0, 115, 80)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(
            self.model.column_number("evidence"), QHeaderView.ResizeMode.Stretch)
        self.buttons = {}
        tools = QHBoxLayout()
        for key, text, slot in (("messages", self.tr("Add messages…"), self.add_messages),
                                ("tracking", self.tr("Add tracking…"), self.add_tracking),
                                ("file", self.tr("Add file…"), self.add_file),
                                ("remove", self.tr("Remove"), self.remove_selected)):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].clicked.connect(slot)
            tools.addWidget(self.buttons[key])
        tools.addStretch(1)
        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addWidget(self.table, 1)

        self.statement = QPlainTextEdit()
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        fill, save = QPushButton(self.tr("Fill from template")), QPushButton(self.tr("Save statement"))
        fill.clicked.connect(self.fill_statement)
        save.clicked.connect(self.save_statement)
        self.buttons["fill"], self.buttons["save"] = fill, save
        row = QHBoxLayout()
        row.addWidget(self.language)
        row.addWidget(fill)
        row.addStretch(1)
        row.addWidget(save)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(QLabel(self.tr("<b>Seller's statement</b>")))
        right_column.addWidget(self.statement, 1)
        right_column.addLayout(row)

        splitter = QSplitter()
        splitter.addWidget(self.checklist)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setSizes([260, 640, 420])

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_text = QLabel()
        self.progress_text.setMinimumWidth(120)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        bottom = QHBoxLayout()
        for key, text, slot in (("pdf", self.tr("Build PDF…"), lambda: self.build(".pdf")),
                                ("zip", self.tr("Export ZIP…"), lambda: self.build(".zip")),
                                ("print", self.tr("Print…"), self.print_pack),
                                ("submit", self.tr("Mark submitted"), self.submit)):
            self.buttons[key] = QPushButton(text)
            self.buttons[key].clicked.connect(slot)
            bottom.addWidget(self.buttons[key])
        bottom.addStretch(1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_text)
        progress_row.addWidget(self.cancel_button)

        inner = QWidget()     # scrolls when the window is narrower than the builder needs
        layout = QVBoxLayout(inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout.addLayout(top)
        self.read_only_note = read_only.note()     # a viewer's login: building writes the pack
        layout.addWidget(self.read_only_note)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        layout.addLayout(progress_row)

        self.job = EvidenceJob(self)
        self.job.progressed.connect(self._progress)
        self.job.failed.connect(self._job_failed)
        self.job.finished.connect(lambda result: self._then(result))
        self._then = lambda result: None
        self.cancel_button.clicked.connect(self.job.cancel)
        self._set_enabled(False)
        self._cases_asked = False
        self._wanted: str | None = None      # a case asked for before the list was read

    def showEvent(self, event) -> None:
        # The case list is read when the page is first shown, not at the window's start.
        if not self._cases_asked:
            self._cases_asked = True
            run_in_background(lambda: run_read(list_cases), self._cases_loaded, context=self)
        super().showEvent(event)

    # --- loading --------------------------------------------------------------------------
    def _cases_loaded(self, rows) -> None:
        self.case_box.blockSignals(True)
        self.case_box.clear()
        for row in rows:
            self.case_box.addItem(f"{row.id} · {row.shop} · {row.order_no} · "
                                  f"{reason_text(row)} · {state_words(row)}", row.id)
        self.case_box.blockSignals(False)
        wanted = self.case_box.findData(self._wanted) if self._wanted else -1
        self._wanted = None
        if rows:
            self.case_box.setCurrentIndex(max(wanted, 0))
            self._case_chosen(max(wanted, 0))

    def show_case(self, ref: str) -> None:
        index = self.case_box.findData(ref)
        if index >= 0:
            self.case_box.setCurrentIndex(index)
        elif self.case_box.count() == 0:
            self._wanted = ref            # chosen once the case list has been read

    def _case_chosen(self, index: int) -> None:
        ref = self.case_box.itemData(index)
        if ref:
            self.ref = ref
            self.reload()

    def reload(self) -> None:
        if self.ref:
            run_in_background(lambda ref=self.ref: run_read(_load_case, ref), self._show,
                              context=self)

    def _show(self, state: dict) -> None:
        if state["ref"] != self.ref:
            return
        pack = state["pack"]
        self.model.set_rows(state["rows"])
        self.checklist.show_checklist(state["checklist"])
        self.statement.setPlainText(pack.statement if pack else state["template"])
        self.language.setCurrentIndex(max(0, self.language.findData(state["language"])))
        states = {"submitted": self.tr("submitted"), "draft": self.tr("draft")}
        versions = ", ".join(f"v{p.version} {states.get(p.state, p.state)}"
                             for p in state["history"])
        self.version.setText(versions or self.tr("no pack yet"))
        self._set_enabled(True)
        self.loaded.emit()

    def _set_enabled(self, enabled: bool) -> None:
        """Off while a job runs; off for a viewer, whose login may not add to a pack nor
        build one (a build records the pack: app/server/roles.py)."""
        may = read_only.show_role(self.read_only_note, self.buttons.values(), enabled)
        self.statement.setReadOnly(not may)

    # --- editing (small writes, through the service) -----------------------------------
    def _write(self, fn) -> None:
        ref = self.ref

        def write():
            evidence.ensure_pack(ref)   # a first pack starts with the conversation and tracking
            fn()
        run_write(self, write, changes=[EVIDENCE], refs=[ref])
        self.reload()

    def add_messages(self) -> None:
        who = {"in": self.tr("Buyer"), "out": self.tr("Seller")}
        choices = [(m.id, f"{m.at:%Y-%m-%d %H:%M} · {word(CHANNELS, m.channel)} · "
                    f"{who.get(m.direction, who['out'])} · {m.body[:80]}")
                   for m in evidence.message_choices(self.ref)]
        dialog = PickDialog(self.tr("Add messages"), self.tr(
            "Messages of this order's conversations. Internal notes are never shown."),
            choices, self)
        if dialog.exec():
            self._write(lambda: evidence.add_messages(self.ref, dialog.chosen()))

    def add_tracking(self) -> None:
        choices = [(t.id, f"{t.at:%Y-%m-%d %H:%M} · {t.location} {t.description}")
                   for t in evidence.tracking_choices(self.ref)]
        dialog = PickDialog(self.tr("Add tracking"), self.tr("Tracking events of the order."),
                            choices, self)
        if dialog.exec():
            self._write(lambda: evidence.add_tracking(self.ref, dialog.chosen()))

    def add_file(self, path: str | None = None, category: str | None = None,
                 caption: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Add a photo or PDF"), "",
                                                  self.tr("Photos and PDF (*.jpg *.jpeg *.png "
                                                          "*.gif *.webp *.bmp *.pdf)"))
            if not path:
                return
        if category is None:
            missing = evidence.checklist(self.ref).missing_categories
            names = [category_label(c, window_language()) for c in FILE_CATEGORIES]
            first = next((i for i, c in enumerate(FILE_CATEGORIES) if c in missing), 0)
            label, ok = QInputDialog.getItem(self, self.tr("Category"),
                                             self.tr("What does this file show?"), names, first,
                                             False)
            if not ok:
                return
            category = FILE_CATEGORIES[names.index(label)]
        if caption is None:
            caption, ok = QInputDialog.getText(self, self.tr("Caption"),
                                               self.tr("Caption under the file in the pack:"))
            if not ok:
                return
        self._write(lambda: evidence.add_file(self.ref, path, category, caption))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.row_object(r).id for r in rows]
        if ids:
            self._write(lambda: evidence.remove_items(self.ref, ids))

    def fill_statement(self) -> None:
        self.statement.setPlainText(evidence.statement_template(self.ref,
                                                                self.language.currentData()))

    def save_statement(self) -> None:
        text = self.statement.toPlainText()
        self._write(lambda: evidence.set_statement(self.ref, text))

    def submit(self) -> None:
        answer = QMessageBox.question(self, self.tr("Mark submitted"), self.tr(
            "Freeze this version as handed in to the platform? Later changes make a new "
            "version; this one stays as it is."))
        if answer == QMessageBox.StandardButton.Yes:
            self._write(lambda: evidence.submit(self.ref))

    # --- building and printing (off the window's thread) ----------------------------------
    def build(self, suffix: str, out: str | None = None, confirm=None) -> None:
        """`confirm(text) -> bool` asks the rep to go on despite gaps (a question box unless
        given)."""
        ready = evidence.readiness(self.ref) if evidence.latest(self.ref) else None
        allow = False
        if ready is not None and (ready.empty_statement or ready.score < 100):
            lines = [self.tr("The pack is {0}% complete.").format(ready.score)]
            if ready.missing:
                lines.append(self.tr("Missing: {0}").format(self.tr(", ").join(ready.missing)))
            if ready.empty_statement:
                lines.append(self.tr("The seller's statement is empty."))
            lines.append(self.tr("Build it anyway?"))
            text = "\n\n".join(lines)
            ask = confirm or (lambda body: QMessageBox.question(
                self, self.tr("Evidence pack"), body) == QMessageBox.StandardButton.Yes)
            if not ask(text):
                return
            allow = True
        if out is None:
            out, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save evidence pack"), str(Path.home() / f"{self.ref}{suffix}"),
                f"*{suffix}")
            if not out:
                return
        ref = self.ref
        self._busy(True)
        self._then = self._built

        def work(progress, cancelled):
            evidence.ensure_pack(ref)
            return evidence.build_pack(ref, out, progress=progress, cancel=cancelled,
                                       allow_incomplete=allow)

        self.job.start(work, changes=[EVIDENCE], refs=[ref])

    def _built(self, result) -> None:
        self._busy(False)
        self.last_result = result
        text = self.tr("{0}: {1} pages").format(Path(result.path).name, result.pages)
        self.progress_text.setText(text)
        if result.warnings:
            self.warning_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Evidence pack"),
                                           "\n\n".join(result.warnings), parent=self)
            self.warning_box.open()         # not modal: the page stays usable
        self.reload()
        self.built.emit(result)

    def print_pack(self) -> None:
        ref = self.ref
        self._busy(True)
        self._then = self._print_ready

        def work(progress, cancelled):
            evidence.ensure_pack(ref)
            return evidence.print_material(ref, cancel=cancelled,
                                           progress=lambda d, n: progress(100 * d // n, ""))

        self.job.start(work, changes=[EVIDENCE], refs=[ref])   # a first pack is written

    def _print_ready(self, result) -> None:
        self._busy(False)
        self.preview = preview(self, *result)
        self.preview.open()

    def _progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.progress_text.setText(text)

    def _job_failed(self, error) -> None:
        self._busy(False)
        if isinstance(error, BuildCancelled):
            self.progress.setValue(0)
            self.progress_text.setText(self.tr("Cancelled"))
        # any other problem: the write helper has shown it

    def _busy(self, busy: bool) -> None:
        self._set_enabled(not busy)
        self.cancel_button.setEnabled(busy)
        if busy:
            self.progress.setValue(0)
