"""A page that shows one list: a title bar, a table, and a line when the list is empty.

The list is read on a pool thread (ui.worker) with its own database connection; only
the finished rows reach the window. A newer reload makes older results stale. The page
reads its list again when a write announces a change of a kind it shows (`listens_to`,
app.services.common.change_notice; the writes go through ui/write_op.py): at once when it
is on screen or its navigation badge counts its rows, else when it is next shown.
"""

from __future__ import annotations

import html
from functools import partial

import shiboken6

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QStackedWidget, QTableView, QVBoxLayout, QWidget)

from app.services.common import change_notice
from app.services.common.background import run_read
from ui.errors import report_exception
from ui.server_state import read_failed_server_gone
from ui.table_models.list_table_model import sort_by_header
from ui.worker import run_in_background


class ListView(QTableView):
    """The list's table. It says when it has painted (watching its viewport instead would
    mean asking Qt for that widget, and the first such question makes the binding load
    every widget class; docs/start.md)."""

    painted = Signal()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.painted.emit()


class MessageLabel(QLabel):
    """The line shown instead of the table ("Loading…", "No conversations yet…"). It says
    when it has painted: an event filter would do, but the binding then makes a Python
    type for every kind of event it passes on; docs/start.md)."""

    painted = Signal()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.painted.emit()


class ListPage(QWidget):
    count_changed = Signal(int)    # rows in the list after a load
    loaded = Signal()
    shown = Signal()               # the rows (or the empty line) of a load have been painted
    done = Signal()                # the latest load has ended, with its rows or an error

    empty_text = ""     # shown instead of the table when the list is empty
    filtered_text = ""  # shown instead when the page's filters hide every row
    listens_to: frozenset[str] = frozenset()    # kinds of change (change_notice) it shows
    reads_while_hidden = False      # its navigation badge counts its rows: kept current

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.model.setParent(self)
        self._generation = 0
        self.is_loading = False
        self.pending = False           # marked to be read soon (mark_pending), not started
        self.stale = False             # changed while hidden: read again when shown
        self._await_paint = False

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        self.tools = QHBoxLayout()          # subclasses add their filters here
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addLayout(self.tools)
        header.addWidget(self.refresh_button)

        self.view = self._make_view()
        self.message = MessageLabel(self.tr("Loading…"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.message.linkActivated.connect(self._message_link)
        self.body = QStackedWidget()
        self.body.addWidget(self.message)
        self.body.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.body, 1)
        self.view.painted.connect(self._view_painted)
        self.message.painted.connect(self._view_painted)
        change_notice.subscribe(self._heard)

    def _heard(self, change) -> None:
        if not shiboken6.isValid(self) or not change.touches(self.listens_to):
            return
        if self.isVisible() or self.reads_while_hidden:
            self.data_changed(change)
        else:
            self.stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.stale = False
            self.reload()

    def data_changed(self, change) -> None:
        """A write changed what this page shows: read the list again (a page may also
        reload what it shows beside the list)."""
        self.reload()

    def _make_view(self) -> QTableView:
        view = ListView()
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setShowGrid(False)
        view.verticalHeader().hide()
        # Fixed sizes: nothing is measured against the contents, so long lists stay fast.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setHighlightSections(False)
        sort_by_header(view)
        metrics = view.fontMetrics()
        char = metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz") / 26
        header = view.horizontalHeader()
        titles = header.fontMetrics()
        last = len(self.model.columns) - 1
        for number, column in enumerate(self.model.columns[:last]):   # the last one stretches
            if isinstance(column.width, str):
                width = metrics.horizontalAdvance(column.width)
            else:
                width = round(column.width * char)
            # never narrower than its title in the window's language (with the sort arrow)
            title = self.model.headerData(number, Qt.Orientation.Horizontal)
            width = max(width, titles.horizontalAdvance(str(title or "")) + 12)
            view.setColumnWidth(number, width + 16)
        return view

    # --- loading ---------------------------------------------------------------------
    def loader(self):
        """A callable that reads the rows; it runs on a pool thread, so it must capture
        everything it needs from the widgets here, on the GUI thread."""
        raise NotImplementedError

    def read_with(self, loader):
        """Run `loader` on the pool thread with a database connection (app.services.
        background.run_read); a page may read another way."""
        return run_read(loader)

    def apply_rows(self, rows) -> None:
        """Put freshly read rows into the model (GUI thread)."""
        self.model.set_rows(rows)

    def count_known(self) -> bool:
        """Whether the rows just loaded are the whole list (a page may show a first part
        before the rest, and says the count once it has it)."""
        return True

    def mark_pending(self) -> None:
        """A reload is coming soon (the window loads the list in front first): the page
        counts as loading from now on."""
        self.is_loading = True
        self.pending = True
        if self.model.rowCount() == 0:
            self._show_message(self.tr("Loading…"))

    def reload(self) -> None:
        self._generation += 1
        self.is_loading = True
        self.pending = False
        self.stale = False
        if self.model.rowCount() == 0:
            self._show_message(self.tr("Loading…"))
        run_in_background(partial(self.read_with, self.loader()),
                          on_result=partial(self._loaded, self._generation),
                          on_error=partial(self._failed, self._generation), context=self)

    def _loaded(self, generation: int, rows) -> None:
        if generation != self._generation:
            return
        self.is_loading = False
        self.apply_rows(rows)
        count = self.model.rowCount()
        if count:
            self.body.setCurrentWidget(self.view)
        elif self.filtered_text and self.filters_active():
            self._show_message(f"{html.escape(self.filtered_text)}<br><br><a href=\"clear\">"
                               f"{html.escape(self.tr('Clear filters'))}</a>")
        else:
            self._show_message(self.empty_text)
        self._await_paint = True
        if self.count_known():
            self.count_changed.emit(count)
        self.loaded.emit()
        self.done.emit()

    def _view_painted(self) -> None:
        if self._await_paint and not self.is_loading:
            self._await_paint = False
            QTimer.singleShot(0, self, self.shown.emit)     # once this paint is done

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.is_loading = False
        if read_failed_server_gone(error):      # the banner says it; read again when back
            self.pending = True
            if self.model.rowCount() == 0:
                self._show_message(self.tr("The list could not be read."))
            self.done.emit()
            return
        self._show_message(self.tr("The list could not be read. Press Refresh to try again."))
        self.done.emit()
        report_exception(error, self)

    def filters_active(self) -> bool:
        """Whether the page's filters may hide rows (a page with filters says so)."""
        return False

    def clear_filters(self) -> None:
        """Show every row again (a page with filters clears them and reads again)."""

    def _message_link(self, link: str) -> None:
        if link == "clear":
            self.clear_filters()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.body.setCurrentWidget(self.message)
