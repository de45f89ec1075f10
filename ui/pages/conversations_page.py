"""The conversations workspace: the inbox over every channel and shop on the left, the
chosen thread with its composer in the middle, the order beside it.

The list is a lazy model over ids read on a pool thread, so are search results and
the thread itself; the filters combine and can be saved as named views.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QInputDialog, QLineEdit, QMessageBox, QPushButton,
                               QSplitter, QVBoxLayout, QWidget)

from app.services.common.reps import current_rep, may_write
from app.services.common.background import run_plain_read, run_read
from app.services.messaging.inbox import conversation_ids, conversation_rows, default_sort
from ui.conversation import keyboard
from ui.conversation.filters_bar import FiltersBar
from ui.conversation.shrink import ShrinkableRow
from ui.errors import report_exception
from ui.pages.list_page import ListPage
from ui.table_models.conversation_table_model import ConversationTableModel
from ui.worker import run_in_background
from ui.write_op import (CASES, CONVERSATIONS, FOLLOWUPS, ORDERS, POLICY, SHOPS, VIEWS,
                         run_write)

log = logging.getLogger("afterdesk.ui.conversations")

SEARCH_DELAY_MS = 300
# The rest of a big inbox is read once its first screenful has been painted; a page that
# does not paint meanwhile (a minimised window, another page chosen) reads it after this.
REST_WAIT_MS = 3000
# Rows read with the ids, for the first paint: a screenful (about 25 at the default size)
# with room; the rest come a page at a time as the rep scrolls.
FIRST_ROWS = 40
# Columns given up for the snippet when the page is narrow (first tier) or very narrow.
MEDIUM_HIDDEN = ("shop", "channel", "order")           # column keys
NARROW_HIDDEN = MEDIUM_HIDDEN + ("last_message_at", "case")
MEDIUM_WIDTH = 2300
NARROW_WIDTH = 1700
SIDE_WIDTH = 270


def _read_inbox(filters: dict, first_screen_only: bool = False, sort=None, reader=None):
    """On the pool thread: the matching ids (only a first screenful of them when asked:
    the rest follow, see ConversationsPage._read_rest), the rows of the first screenful,
    the shops and saved views for the filter bar (None with a first screenful: they come
    with the rest, nothing the first paint shows needs them), and the filters to read
    the rest with (None: all read). `sort`: (column key, descending) for the query."""
    ids = conversation_ids(filters, limit=FIRST_ROWS if first_screen_only else None,
                           reader=reader, sort=sort)
    first = ids[:FIRST_ROWS]
    rows = conversation_rows(first, reader=reader)
    complete = not first_screen_only or len(ids) < FIRST_ROWS
    choices = _filter_choices() if complete else (None, None)
    return (ids, {conv_id: rows.get(conv_id) for conv_id in first}, *choices,
            filters if not complete else None)


def _rest_of_inbox(filters: dict, sort=None):
    """On the pool thread: every matching id, the shops and the saved views."""
    return (conversation_ids(filters, sort=sort), *_filter_choices())


def _filter_choices() -> tuple[list[str], list]:
    """The shops and the saved views the filter bar offers."""
    from app.services.messaging import saved_views  # with the models: not before the first paint
    return _shop_keys(), saved_views.views()


def _shop_keys() -> list[str]:
    from app.services.commerce.shops import list_shops  # the models: docs/start.md
    return [shop.key for shop in list_shops()]


class ConversationsPage(ListPage):
    # the list, its Case column, the order states, the reply targets, the filter choices
    listens_to = frozenset((CONVERSATIONS, CASES, ORDERS, SHOPS, POLICY, FOLLOWUPS, VIEWS))

    def __init__(self, parent: QWidget | None = None, settings=None):
        super().__init__(ConversationTableModel(), parent)
        name = settings.get("conversations.my_name") if settings is not None else ""
        self.my_name = name or current_rep()
        self.title.setText(self.tr("Conversations"))
        self.empty_text = self.tr("No conversations yet. Conversations appear here once "
                                  "messages are imported or written.")
        self.filtered_text = self.tr("No conversation matches these filters.")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search 退款, refund…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.reload)
        self.views = QComboBox()
        self.views.setMinimumWidth(150)
        self.views.activated.connect(self._view_chosen)
        self.save_view_button = QPushButton(self.tr("Save view…"))
        self.save_view_button.clicked.connect(self.ask_view_name)   # clicked(bool): no name
        for widget in (self.search, self.views, self.save_view_button):
            self.tools.addWidget(widget)

        self.filters_bar = FiltersBar()
        self.filters_bar.changed.connect(self.reload)
        self.unreplied_only = self.filters_bar.unreplied     # the filters reps use most
        self.unread_only = self.filters_bar.unread

        # The thread and order panels are built once the list has been painted (or when
        # first needed): at start the rep waits for the list, not for them.
        self._thread_panel = None
        self._order_panel = None
        self.shown.connect(lambda: QTimer.singleShot(0, self, self._build_panels),
                           Qt.ConnectionType.SingleShotConnection)

        layout: QVBoxLayout = self.layout()
        layout.removeWidget(self.body)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(QWidget())          # stand-ins until _build_panels
        self.splitter.addWidget(QWidget())
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.insertWidget(1, ShrinkableRow(self.filters_bar))
        layout.addWidget(self.splitter, 1)

        self._count_known = True
        self._rest_started: int | None = None   # the load whose rest is being read
        self._selected: int | None = None
        self._select_after_load: int | None = None
        self.view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self._narrow: bool | None = None
        self._sort_choice: tuple[str, bool] | None = None     # a header the rep clicked
        self.model.sorted_by_changed.connect(self._sort_chosen)
        keyboard.install(self)

    # --- the panels beside the list ---------------------------------------------------
    @property
    def thread_panel(self):
        if self._thread_panel is None:
            self._build_panels()
        return self._thread_panel

    @property
    def order_panel(self):
        if self._order_panel is None:
            self._build_panels()
        return self._order_panel

    def _build_panels(self) -> None:
        if self._thread_panel is not None:
            return
        from ui.conversation.order_panel import OrderPanel  # after the first paint (docs/start.md)
        from ui.conversation.thread_panel import ThreadPanel
        thread_panel = self._thread_panel = ThreadPanel(self.my_name)
        order_panel = self._order_panel = OrderPanel()
        thread_panel.side_loaded.connect(order_panel.show_panel)
        order_panel.write_about_order.connect(self.write_about_order)
        order_panel.open_case.connect(self._open_case)
        for index, panel in ((1, thread_panel), (2, order_panel)):
            self.splitter.replaceWidget(index, panel).deleteLater()
        keyboard.install_composer(self, thread_panel.composer)

    # --- loading ---------------------------------------------------------------------
    def filters(self) -> dict:
        chosen = self.filters_bar.filters(self.my_name)
        text = self.search.text().strip()
        if text:
            chosen["text"] = text
        return chosen

    def sort_order(self, filters: dict | None = None) -> tuple[str, bool] | None:
        """(column key, descending) the list is read in: the header the rep clicked, else
        the filters' own order (unreplied: the most overdue first)."""
        return self._sort_choice or default_sort(self.filters() if filters is None else filters)

    def _sort_chosen(self, key: str, descending: bool) -> None:
        """A header click: read the ids again in that order (SQLite sorts, not the window)."""
        self._sort_choice = (key, descending) if key else None
        self.reload()

    def _show_sort(self, sort: tuple[str, bool] | None) -> None:
        """The header's arrow on the column the list is sorted by (none: latest first)."""
        key, descending = sort or (None, False)
        self.model.show_sorted_by(key, descending)
        header = self.view.horizontalHeader()
        number = self.model.column_number(key) if key else -1
        header.setSortIndicator(number, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)

    def loader(self):
        filters = self.filters()
        sort = self.sort_order(filters)
        self._show_sort(sort)
        # An empty list with nothing to keep selected (the start, mostly) shows its first
        # screenful as soon as it is read; reading all ids of a big inbox takes longer.
        first_screen_only = (self.model.rowCount() == 0 and self._selected is None
                             and self._select_after_load is None)
        return partial(_read_inbox, filters, first_screen_only, sort)

    def read_with(self, loader):
        """The inbox's reads need no peewee: at start the first screenful is read before it
        has loaded (app.services.common.background.run_plain_read)."""
        return run_plain_read(loader)

    def count_known(self) -> bool:
        return self._count_known

    def apply_rows(self, loaded) -> None:
        self.save_view_button.setEnabled(may_write())   # a viewer's login saves no view
        ids, first_rows, shops, views, rest_filters = loaded
        self._count_known = rest_filters is None
        if shops is not None:
            self._fill_choices(shops, views)
        keep = self._select_after_load or self._selected
        self._select_after_load = None
        self.model.set_ids(ids, first_rows)
        if rest_filters is not None:
            read_rest = partial(self._read_rest, self._generation, rest_filters, ids,
                                self.sort_order(rest_filters))
            if self.isVisible():    # once the first screenful is on screen: while it is
                self.shown.connect(read_rest, Qt.ConnectionType.SingleShotConnection)
                QTimer.singleShot(REST_WAIT_MS, self, read_rest)    # drawn, the window wants
            else:                                                   # the interpreter to itself
                read_rest()
        if keep is not None and keep in self.model.ids_set():
            row = self.model.row_of(keep)
            self.view.setCurrentIndex(self.model.index(row, 1))
        elif self._selected is not None:
            self._selected = None
            self.thread_panel.show_conversation(None)

    def _read_rest(self, generation: int, filters: dict, first: list[int], sort=None) -> None:
        """All ids of the list whose first screenful is on show; they join it below. Asked
        by the paint or the timer, whichever comes first; nothing for an older load."""
        if generation != self._generation or self._rest_started == generation:
            return
        self._rest_started = generation
        run_in_background(partial(run_read, _rest_of_inbox, filters, sort),
                          on_result=lambda rest: self._rest_read(generation, first, *rest),
                          on_error=lambda error: self._rest_failed(generation, error),
                          context=self)

    def _rest_read(self, generation: int, first: list[int], ids: list[int], shops: list[str],
                   views: list) -> None:
        if generation != self._generation:
            return                      # a newer reload is on its way
        self._fill_choices(shops, views)
        if ids[:len(first)] == first:
            self.model.append_ids(ids[len(first):])
        else:                           # the list changed in between: show it as it is now
            self.model.set_ids(ids)
            if self._selected is not None and self._selected in self.model.ids_set():
                self.view.setCurrentIndex(
                    self.model.index(self.model.row_of(self._selected), 1))
        self._count_known = True
        self.count_changed.emit(self.model.rowCount())

    def _rest_failed(self, generation: int, error: BaseException) -> None:
        """The first screenful stays; the rep hears why the rest is missing."""
        if generation != self._generation:
            return
        self._count_known = True
        self.count_changed.emit(self.model.rowCount())
        report_exception(error, self)
        # The filter bar's shops and saved views came with the rest: asked for once more.
        run_in_background(partial(run_read, _filter_choices),
                          on_result=lambda choices: self._fill_choices(*choices),
                          on_error=lambda again: log.warning("filter choices not read: %s",
                                                             again),
                          context=self)

    def _row_chosen(self, current, _previous) -> None:
        if not current.isValid():
            return
        conv_id = self.model.conversation_id(current.row())
        if conv_id != self._selected:
            self._selected = conv_id
            self.thread_panel.show_conversation(conv_id)

    def filters_active(self) -> bool:
        return bool(self.filters())

    def clear_filters(self) -> None:
        self.filters_bar.set_filters({})
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.views.setCurrentIndex(0)
        self.reload()

    def open_after_reload(self, conv_id: int | None) -> None:
        """Select this conversation once the list is read again (None: keep the current)."""
        self._select_after_load = conv_id

    def selected_conversation(self) -> int | None:
        return self._selected

    def select_conversation(self, conv_id: int) -> bool:
        if conv_id not in self.model.ids_set():
            return False
        self.view.setCurrentIndex(self.model.index(self.model.row_of(conv_id), 1))
        return True

    # --- saved views ----------------------------------------------------------------------
    def _fill_choices(self, shops: list[str], views) -> None:
        self.filters_bar.set_shops(shops)
        self._fill_views(views)

    def _fill_views(self, views) -> None:
        current = self.views.currentText()
        self.views.blockSignals(True)
        self.views.clear()
        self.views.addItem(self.tr("Saved views"), None)
        for name, filters in views:
            self.views.addItem(name, filters)
        index = self.views.findText(current)
        self.views.setCurrentIndex(max(0, index))
        self.views.blockSignals(False)

    def _view_chosen(self, index: int) -> None:
        filters = self.views.itemData(index)
        if filters is None:
            return
        filters = dict(filters)
        self._sort_choice = None            # a view opens in its own order
        self.search.blockSignals(True)
        self.search.setText(filters.pop("text", ""))
        self.search.blockSignals(False)
        self.filters_bar.set_filters(filters)      # reloads

    def ask_view_name(self) -> None:
        """Save view…: ask for a name (a window-modal dialog, not a nested event loop),
        then save the filters under it."""
        dialog = QInputDialog(self)
        dialog.setObjectName("save_view_dialog")
        dialog.setWindowTitle(self.tr("Save view"))
        dialog.setLabelText(self.tr("Name of this view:"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.save_view)
        dialog.open()

    def save_view(self, name: str) -> None:
        filters = self.filters()
        if filters.get("assigned_to"):
            filters["assigned_to"] = self.my_name
        from app.services.messaging import saved_views

        def show(_view) -> None:
            self.views.addItem(name.strip(), filters)
            self.views.setCurrentIndex(self.views.count() - 1)
        run_write(self, partial(saved_views.save_view, name, filters), changes=[VIEWS],
                  on_done=show)

    # --- beside the thread -----------------------------------------------------------------
    def write_about_order(self, order_id: int) -> None:
        from app.services.messaging import thread  # loaded with the thread panel

        def show(conv_id: int) -> None:
            self.open_after_reload(conv_id)
            self.filters_bar.set_filters({})            # the new conversation must be listed
            self.search.clear()
        if not may_write():     # a viewer's login starts none: the one there is, if any
            run_in_background(partial(run_read, thread.conversation_about_order, order_id),
                              on_result=lambda conv_id: self._show_existing(conv_id, show),
                              context=self)
            return
        run_write(self, partial(thread.start_from_order, order_id), changes=[CONVERSATIONS],
                  on_done=show)

    def _show_existing(self, conv_id: int | None, show) -> None:
        if conv_id is not None:
            show(conv_id)
            return
        self.no_conversation_box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Conversations"), self.tr(
                "There is no conversation with the buyer about this order yet. This login "
                "reads only (a viewer): a rep starts one."), parent=self)
        self.no_conversation_box.open()     # not modal: the page stays usable

    def _open_case(self, ref: str) -> None:
        """Switch to the Requests & Disputes page with case `ref` chosen."""
        window = self.window()
        page = getattr(window, "pages", {}).get("cases")
        if page is None or not hasattr(window, "show_page"):
            return
        window.show_page("cases")
        if hasattr(page, "open_case"):
            page.open_case(ref)

    # --- narrow screens ----------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        narrow = self.width() < NARROW_WIDTH
        total = self.splitter.width()
        if total > 0 and not getattr(self, "_sized", False) and self.isVisible():
            self._sized = True       # first layout: list ~45 %, side panel fixed, thread rest
            side = SIDE_WIDTH if narrow else SIDE_WIDTH + 60
            inbox_width = int((total - side) * (0.5 if narrow else 0.55))
            self.splitter.setSizes([inbox_width, total - side - inbox_width, side])
        tier = 2 if narrow else (1 if self.width() < MEDIUM_WIDTH else 0)
        if tier != self._narrow:
            self._narrow = tier
            hidden = NARROW_HIDDEN if tier == 2 else MEDIUM_HIDDEN if tier == 1 else ()
            for number, column in enumerate(self.model.columns):
                self.view.setColumnHidden(number, column.key in hidden)
                if column.key == "reply_within":     # the full text is in the tooltip
                    sample = "overdue 1 d 5 h" if tier == 2 else "overdue 23 h 59 min"
                    self.view.setColumnWidth(
                        number, self.view.fontMetrics().horizontalAdvance(sample) + 16)
