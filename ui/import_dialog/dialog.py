"""Import an order export: choose the shop and the file (and a Taobao item report), see the
preview — orders to add, update and skip, every problem by row and column — then import with
a progress bar and a Cancel button. Reading, checking and writing run on a pool thread
(ui.worker); a cancelled or failed import stores nothing (one transaction)."""

from __future__ import annotations

import threading
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from app.importers.preview import build_preview
from app.services.common.background import run_read
from app.services.commerce.order_imports import apply_preview
from app.services.commerce.shops import list_shops
from app.importers.problems import ImportCancelled
from ui.errors import describe
from ui.import_dialog.problem_table_model import ProblemTableModel
from ui.table_models.list_table_model import sort_by_header
from ui.write_op import ORDERS, run_write_in_background
from ui.worker import run_in_background

FILE_FILTER = "Order exports (*.xlsx *.xls *.csv *.ods);;All files (*)"


class _ProgressRelay(QObject):
    """Lives on the GUI thread; the worker emits, the dialog's slot runs here."""
    changed = Signal(int, int)


def _apply(preview, progress, cancel):
    return apply_preview(preview, actor="rep", progress=progress, cancel=cancel)


class ImportDialog(QDialog):
    previewed = Signal(object)
    imported = Signal(object)
    finished_import = Signal(str)      # "done", "cancelled" or "failed"

    def __init__(self, parent: QWidget | None = None, *, shops=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import orders"))
        self.resize(860, 520)
        self.preview = None
        self._cancel: threading.Event | None = None
        self._relay = _ProgressRelay(self)
        self._relay.changed.connect(self._progress)

        self.shop_box = QComboBox()
        for shop in (shops if shops is not None else run_read(list_shops)):
            self.shop_box.addItem(f"{shop.name} ({shop.key}, {shop.platform})", shop.key)
        self.file_edit = QLineEdit()
        self.items_edit = QLineEdit()
        self.items_edit.setPlaceholderText(self.tr("Taobao only, optional: the item report (宝贝报表)"))
        form = QFormLayout()
        form.addRow(self.tr("Shop"), self.shop_box)
        form.addRow(self.tr("Export file"), self._with_browse(self.file_edit))
        form.addRow(self.tr("Item report"), self._with_browse(self.items_edit))

        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.start_preview)
        self.summary = QLabel(self.tr("Choose the shop and its export, then press Preview. "
                                      "Nothing is stored before you press Import."))
        self.summary.setWordWrap(True)
        self.counts = QLabel()
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        self.problems = ProblemTableModel(self)
        self.problem_view = QTableView()
        self.problem_view.setModel(self.problems)
        self.problem_view.verticalHeader().hide()
        self.problem_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        sort_by_header(self.problem_view)
        header = self.problem_view.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        for button in (self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.preview_button)
        layout.addLayout(row)
        layout.addWidget(self.counts)
        layout.addWidget(self.problem_view, 1)
        layout.addLayout(buttons)

    def _with_browse(self, edit: QLineEdit) -> QWidget:
        box = QWidget()
        line = QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(partial(self._browse, edit))
        line.addWidget(browse)
        return box

    def _browse(self, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an export"), "", FILE_FILTER)
        if path:
            edit.setText(path)

    # --- preview -----------------------------------------------------------------------
    def start_preview(self) -> None:
        path = self.file_edit.text().strip()
        if not path or self.shop_box.currentData() is None:
            self.summary.setText(self.tr("Choose a shop and an export file first."))
            return
        self.preview = None
        self.import_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.summary.setText(self.tr("Reading {file}…").format(file=path))
        job = partial(run_read, build_preview, path, self.shop_box.currentData(),
                      items_path=self.items_edit.text().strip() or None)
        run_in_background(job, on_result=self._previewed, on_error=self._failed, context=self)

    def _previewed(self, preview) -> None:
        self.preview_button.setEnabled(True)
        self.preview = preview
        counts = preview.counts()
        self.counts.setText(self.tr("{add} to add · {update} to update · {skip} unchanged · "
                                    "{errors} error(s) · {warnings} warning(s)").format(
            errors=len(preview.errors), warnings=len(preview.warnings), **counts))
        text = preview.summary()
        if preview.previous:
            text += self.tr(" — this file was imported before.")
        if preview.errors:
            text += self.tr(" Correct the file and preview again.")
        self.summary.setText(text)
        self.problems.set_problems(preview.problems)
        self.import_button.setEnabled(preview.can_apply and bool(preview.rows))
        self.previewed.emit(preview)

    def _failed(self, error: BaseException) -> None:
        self.preview_button.setEnabled(True)
        self.summary.setText(describe(error))
        self.finished_import.emit("failed")

    # --- import ------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.preview is None or not self.preview.can_apply:
            return
        self._cancel = threading.Event()
        self.progress.setRange(0, max(len(self.preview.rows), 1))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        for button in (self.import_button, self.preview_button, self.close_button):
            button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        # Grows with the file: on the pool. Its problem shows in the summary line, not in a
        # message box over the dialog (a bug still gets the crash dialog).
        run_write_in_background(
            self, partial(_apply, self.preview, self._relay.changed.emit, self._cancel),
            changes=[ORDERS], on_done=self._imported, on_refused=lambda _error: None,
            on_failed=self._import_failed)

    def cancel_import(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _end_import(self) -> None:
        self.cancel_button.hide()
        self.progress.hide()
        self.close_button.setEnabled(True)
        self.preview_button.setEnabled(True)

    def _imported(self, result) -> None:
        self._end_import()
        self.summary.setText(result.summary())
        self.counts.setText(self.tr("Imported: {add} added · {update} updated · {skip} unchanged")
                            .format(add=result.added, update=result.updated, skip=result.skipped))
        self.preview = None
        self.imported.emit(result)
        self.finished_import.emit("done")

    def _import_failed(self, error: BaseException) -> None:
        self._end_import()
        self.import_button.setEnabled(self.preview is not None and self.preview.can_apply)
        self.summary.setText(describe(error))
        self.finished_import.emit("cancelled" if isinstance(error, ImportCancelled) else "failed")
