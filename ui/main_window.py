"""The main window: navigation on the left, the chosen page on the right, status below.

It only arranges pages; each page loads and shows its own list.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from app.services.common import change_notice
from app.services.common.change_notice import CASES, ORDERS
from app.settings import Settings
from ui import keymap
from ui.alert_banner import AlertBanner
from ui.navigation import NavigationList
from ui.server_banner import ServerBanner
from ui.server_state import server_state
from ui.pages import page_specs
from ui.pages.list_page import ListPage
from ui.pages.page_set import PageSet
from ui.status_bar import ShellStatusBar
from ui.menus import add_file_actions, label_controls, label_page, chain_tab_order

log = logging.getLogger("afterdesk.ui")

DEFAULT_SIZE = (1200, 720)
# The other lists wait for the page in front, at most this long (it may fail to load).
OTHERS_WAIT_MS = 3000


class MainWindow(QMainWindow):
    front_shown = Signal()     # the start's first list has been painted (or waited for)

    def __init__(self, db_path: str | Path, settings: Settings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.db_path = db_path if isinstance(db_path, str) and "://" in db_path \
            else Path(db_path)          # a server's address (docs/server.md) stays as it is
        self.setWindowTitle(self.tr("AfterDesk 售后工作台"))
        self.navigation = NavigationList()
        self.stack = QStackedWidget()
        self._reload_round = 0      # each reload of every list; see _reload_pages
        self._others_loaded = 0     # the round whose other lists have been started
        self._start_done = 0        # the round whose page building has finished
        self._front_was_shown = False
        self.status = ShellStatusBar()
        self.setStatusBar(self.status)
        self.status.set_database(db_path)

        specs = page_specs(settings)
        self._specs = {spec.key: spec for spec in specs}
        self.pages = PageSet(list(self._specs), self._build_page)
        for spec in specs:
            self.stack.addWidget(QWidget())         # stands in until the page is built
            self.navigation.add_entry(spec.key, spec.title)
            if spec.is_list:
                self.status.declare_count(spec.key, spec.title)
        front = self.pages[specs[0].key]
        self.navigation.page_chosen.connect(self.show_page)
        self.server_banner = ServerBanner()         # the shop server gone (docs/server.md)
        state = server_state()
        state.gone.connect(self.server_banner.show)
        state.back.connect(self.server_banner.hide)
        state.back.connect(self.reload_all)         # what could not be read meanwhile
        if not state.reachable:
            self.server_banner.show()
        self.banner = AlertBanner()
        self.banner.open_deadlines.connect(lambda: self.show_page("deadlines"))
        self.monitor = None   # ui.monitor_bridge.MonitorBridge once started
        self.channels = None  # ui.channel_bridge.ChannelBridge once started
        self.live = None      # ui.live_changes.LiveChanges once started
        self.tray = None

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.navigation)
        right = QVBoxLayout()
        right.addWidget(self.server_banner)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self._make_menus()
        self._restore_geometry()
        self.navigation.select(specs[0].key)
        self.stack.setCurrentWidget(front)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(keymap.first("quit"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_actions = add_file_actions(self, file_menu, before=quit_action)
        label_controls(self)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(keymap.first("refresh"))
        refresh.triggered.connect(self.refresh_current)
        view_menu.addAction(refresh)
        view_menu.addSeparator()
        for number, (key, title) in enumerate(zip(self.navigation.keys(),
                                                  self.navigation.titles()), start=1):
            go = QAction(title, self)
            if number <= keymap.MAX_PAGES:
                go.setShortcut(keymap.first(f"page_{number}"))
            go.triggered.connect(lambda _checked=False, key=key: self.navigation.select(key))
            view_menu.addAction(go)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("&Keyboard shortcuts"), self)
        keys.setShortcut(keymap.first("shortcuts"))
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)

    def show_shortcuts(self) -> None:
        from ui.shortcuts_dialog import ShortcutsDialog  # loaded when first opened
        ShortcutsDialog(self).exec()

    # --- pages ---------------------------------------------------------------------
    def _build_page(self, key: str) -> QWidget:
        """Make the page (PageSet calls this once per key) and put it in its place."""
        spec = self._specs[key]
        page = spec.make()
        index = list(self._specs).index(key)
        stand_in = self.stack.widget(index)
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if isinstance(page, ListPage):
            page.count_changed.connect(lambda n, key=key: self.status.set_count(key, n))
            if self._reload_round and self._others_loaded == self._reload_round:
                page.reload()           # built after the start: its list is read now
            elif self._reload_round:
                page.mark_pending()     # read with the others, after the front list
        if hasattr(page, "badge_changed"):   # overdue / due-soon count on the navigation
            page.badge_changed.connect(lambda n, key=key: self.navigation.set_badge(key, n))
        label_page(page, spec.title)
        return page

    def show_page(self, key: str) -> None:
        self.stack.setCurrentWidget(self.pages[key])
        if self.navigation.current_key() != key:
            self.navigation.select(key)

    def current_page_key(self) -> str:
        current = self.stack.currentWidget()
        return next(key for key, page in self.pages.built().items() if page is current)

    def reload_all(self) -> None:
        """Read every list again (at start, and after a change made elsewhere)."""
        self._reload_pages()
        if self.monitor is not None:
            self.monitor.notify_changed()

    def _reload_pages(self) -> None:
        """The list in front first; the other pages (built now if not yet), their lists
        and the deadline monitor's first reading once its rows have been painted (or
        after OTHERS_WAIT_MS): on a big database they would otherwise hold the
        interpreter while the list the rep is looking at is read and drawn."""
        front = self.stack.currentWidget()
        self._reload_round += 1
        round_ = self._reload_round
        if not isinstance(front, ListPage):
            self._reload_others(round_, front)
            return
        for page in self.pages.built().values():
            if isinstance(page, ListPage) and page is not front:
                page.mark_pending()
        # A window not on screen paints nothing: then the rows being there is enough.
        ready = front.shown if front.isVisible() else front.loaded
        ready.connect(lambda: self._reload_others(round_, front),
                      Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(OTHERS_WAIT_MS, self, lambda: self._reload_others(round_, front))
        front.reload()

    def _reload_others(self, round_: int, front) -> None:
        """After the list in front: every other page, one at a time (built first if not
        yet), each list read before the next starts, then the deadline monitor. One at a
        time is also the quickest: reads at once would share one interpreter lock, and
        their working memory would add up."""
        if round_ != self._reload_round or self._others_loaded == round_:
            return          # a newer round runs, or this one has started them already
        self._others_loaded = round_
        if not self._front_was_shown:       # the start's first list, whichever round it was
            self._front_was_shown = True
            self.front_shown.emit()
        keys = [key for key in self.pages if self.pages.built().get(key) is not front]
        self._read_next(round_, keys)

    def _read_next(self, round_: int, keys: list[str]) -> None:
        if round_ != self._reload_round:
            return          # closed, or a newer round carries on
        while keys:
            key = keys.pop(0)
            page = self.pages[key]          # a page built now reads its list at once
            if isinstance(page, ListPage):
                if page.pending:
                    page.reload()
                if page.is_loading:
                    page.done.connect(lambda: QTimer.singleShot(
                        0, self, lambda: self._read_next(round_, keys)),
                        Qt.ConnectionType.SingleShotConnection)
                    return
        self._start_done = round_
        chain_tab_order(self)
        if self.monitor is not None and not self.monitor.started:
            self._run_monitor()

    def refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, ListPage):
            page.reload()
        if self.monitor is not None:
            self.monitor.notify_changed()

    # --- deadline monitor -------------------------------------------------------------
    def start_monitor(self, **options) -> None:
        """Start the deadline monitor (the database is open); it stops when the window closes.
        While the first lists are still loading it starts with the lists behind the front one."""
        from ui.monitor_bridge import MonitorBridge  # after the first paint: docs/start.md
        self.monitor = MonitorBridge(self.settings, self, **options)
        self.monitor.alert.connect(self.banner.show_alert)
        self.monitor.summary.connect(self.banner.show_summary)
        self.monitor.error.connect(self.banner.show_error)
        # What the monitor recorded for the platform reaches the pages as any write does.
        self.monitor.cases_changed.connect(lambda: change_notice.changed([CASES, ORDERS]))
        if self._start_done == self._reload_round:
            self._run_monitor()
        # else it starts once the other pages are built and reading their lists

    def _run_monitor(self) -> None:
        """The tray icon (its alerts are the monitor's) and the monitor's first reading."""
        if self.tray is None:
            from ui.tray import make_tray  # after the first paint
            self.tray = make_tray(self)
            if self.tray is not None:
                self.monitor.alert.connect(self.tray.show_alert)
                self.tray.activated.connect(lambda: (self.showNormal(), self.activateWindow()))
        if not self.monitor.started:
            self.monitor.start()
        self._run_channels()
        self.start_live_changes()

    def start_live_changes(self) -> None:
        """The other AfterDesks' changes on this database reach the pages and the monitor as
        this one's own writes do (ui/live_changes.py)."""
        if self.live is not None:
            return
        from ui.live_changes import LiveChanges
        self.live = LiveChanges(self)
        self.live.start()

    def _run_channels(self) -> None:
        """The mail sync (docs/channels.md): its word on the status line; new messages and
        delivered answers reload the lists."""
        if self.channels is not None:
            return
        from ui.channel_bridge import ChannelBridge
        self.channels = ChannelBridge(self)
        self.channels.status.connect(self.status.set_sync)
        self.channels.changed.connect(self._reload_pages)
        self.channels.start()

    # --- window geometry -------------------------------------------------------------
    def _restore_geometry(self) -> None:
        saved = self.settings.get("ui.window_geometry") if self.settings else ""
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(*DEFAULT_SIZE)

    def closeEvent(self, event) -> None:
        if self.settings is not None:
            geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
            try:
                self.settings.set("ui.window_geometry", geometry)
            except OSError as exc:
                log.warning("window size not saved: %s", exc)
        self._reload_round += 1         # the lists still waiting for the front one stay put
        if self.monitor is not None:
            self.monitor.stop()
        if self.channels is not None:
            self.channels.stop()
        if self.live is not None:
            self.live.stop()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)
