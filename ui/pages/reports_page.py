"""Reports: the AE-16 dispute rate (last 30 days, per month, with and without the AE-2
reasons), disputes and requests by kind, reason, cause and outcome, response times and
refunds. Each chart stands beside the table behind it; both export to CSV and XLSX.

The report is built on a pool thread (ui.worker); only the finished report reaches the
window. Orders come in through "Import orders…" (the import dialog)."""

from __future__ import annotations

from datetime import date
from functools import partial

import shiboken6
from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from app.services.common import change_notice
from app.services.common.background import run_read
from app.reports import build_report, export_csv, export_xlsx
from app.services.commerce.shops import list_shops
from ui.errors import report_exception
from ui.worker import run_in_background
from ui.words.reports import localised
from ui import read_only
from ui.import_dialog.dialog import ImportDialog


REPORTED = (change_notice.CASES, change_notice.COMPLAINTS, change_notice.ORDERS,
            change_notice.SHOPS)


def _load(start: date, end: date, shop_key: str | None):
    shops = [(s.key, s.name) for s in list_shops()]
    return shops, build_report(start, end, [shop_key] if shop_key else None)


class ReportsPage(QWidget):
    loaded = Signal()
    exported = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None):
        super().__init__(parent)
        self.report = None
        self.views: list = []
        self._generation = 0
        self.is_loading = False
        self._stale = False
        change_notice.subscribe(self._heard)
        today = today or date.today()

        self.title = QLabel(self.tr("Reports"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.shop_box = QComboBox()
        self.shop_box.addItem(self.tr("All shops"), None)
        self.shop_box.setMinimumContentsLength(10)
        self.shop_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.from_edit = QDateEdit(QDate(today.year, today.month, 1).addMonths(-5))
        self.to_edit = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.import_button = QPushButton(self.tr("Import orders…"))
        self.refresh_button.clicked.connect(self.reload)
        self.csv_button.clicked.connect(partial(self.ask_export, "csv"))
        self.xlsx_button.clicked.connect(partial(self.ask_export, "xlsx"))
        self.import_button.clicked.connect(self.open_import)
        self.shop_box.activated.connect(lambda _=None: self.reload())

        bar = QHBoxLayout()            # two rows, so the page fits a small window
        bar.addWidget(self.title)
        bar.addStretch(1)
        for widget in (self.csv_button, self.xlsx_button, self.import_button):
            bar.addWidget(widget)
        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("Shop")), self.shop_box, QLabel(self.tr("From")),
                       self.from_edit, QLabel(self.tr("to")), self.to_edit, self.refresh_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.status = QLabel(self.tr("Loading…"))
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)   # grey, light or dark
        self.status.setWordWrap(True)
        self.content = QWidget()
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)
        self._set_export_enabled(False)

    # --- loading ---------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def reload(self) -> None:
        self._show_role()
        start, end = self.period()
        if end < start:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        self._generation += 1
        self.is_loading = True
        self._stale = False
        self.status.setText(self.tr("Loading…"))
        job = partial(run_read, _load, start, end, self.shop_box.currentData())
        run_in_background(job, on_result=partial(self._loaded, self._generation),
                          on_error=partial(self._failed, self._generation), context=self)

    def _show_role(self) -> None:
        """A viewer's login imports no orders (the server would refuse it): the button is
        off and says why."""
        may = read_only.allowed()
        self.import_button.setEnabled(may)
        self.import_button.setToolTip("" if may else read_only.note_text())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._show_role()
        if (self.report is None or self._stale) and not self.is_loading:
            self.reload()

    def _heard(self, change) -> None:
        """A write changed what the report counts: built again now if it is on screen,
        else when it is next shown."""
        if not shiboken6.isValid(self) or not change.touches(REPORTED):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _loaded(self, generation: int, result) -> None:
        if generation != self._generation:
            return
        self.is_loading = False
        shops, report = result
        self._fill_shops(shops)
        self.report = report
        for view in self.views:
            view.setParent(None)
            view.deleteLater()
        self.views = []
        from ui.reports.section_view import SectionView
        for section in report.sections:
            view = SectionView(localised(section))
            self.content_layout.insertWidget(self.content_layout.count() - 1, view)
            self.views.append(view)
        self.status.setText(self.tr("{start} – {end}, times in {zone}. Rates follow AE-16; "
                                    "the platform's rate leaves out the reasons of AE-2.")
                            .format(start=report.start, end=report.end, zone=report.zone))
        self._set_export_enabled(True)
        self.loaded.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.is_loading = False
        self.status.setText(self.tr("The report could not be made. Press Refresh to try again."))
        report_exception(error, self)

    def _fill_shops(self, shops) -> None:
        current = self.shop_box.currentData()
        self.shop_box.blockSignals(True)
        self.shop_box.clear()
        self.shop_box.addItem(self.tr("All shops"), None)
        for key, name in shops:
            self.shop_box.addItem(f"{name} ({key})", key)
        index = self.shop_box.findData(current)
        self.shop_box.setCurrentIndex(max(index, 0))
        self.shop_box.blockSignals(False)

    def _set_export_enabled(self, enabled: bool) -> None:
        self.csv_button.setEnabled(enabled)
        self.xlsx_button.setEnabled(enabled)

    # --- export and import -----------------------------------------------------------
    def ask_export(self, kind: str) -> None:
        if self.report is None:
            return
        name = f"afterdesk-report-{self.report.start}-{self.report.end}.{kind}"
        pattern = self.tr("CSV (*.csv)") if kind == "csv" else self.tr("Excel workbook (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), name, pattern)
        if path:
            self.export_to(path, kind)

    def export_to(self, path: str, kind: str) -> None:
        writer = export_csv if kind == "csv" else export_xlsx
        report = self.report

        def done(written) -> None:
            self.status.setText(self.tr("Saved {path}").format(path=written))
            self.exported.emit(str(written))

        def failed(error) -> None:
            QMessageBox.warning(self, self.tr("Export"),
                                self.tr("The report could not be saved: {error}").format(
                                    error=error))

        run_in_background(partial(writer, report, path), on_result=done, on_error=failed,
                          context=self)

    def open_import(self) -> None:
        if not read_only.allowed():
            return
        dialog = ImportDialog(self)
        dialog.open()
        self.import_dialog = dialog     # its write announces the orders: the report follows



