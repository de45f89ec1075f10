"""The other AfterDesks' changes, live: the shop database's change log
(app.services.common.live_changes: one query on its primary key) is read on a pool thread
(on a server database the read waits on the network) and what the other reps changed is
announced on the GUI thread as a change notice, so the lists and open views reload as they
do after the rep's own writes, and the deadline monitor re-plans.

When it is read:
- on a SQLite file, every POLL_MS;
- on a PostgreSQL server, at once when the server notifies a change (a listener on a
  connection and a thread of its own, app/server/notifications.py), and every FALLBACK_MS
  besides; every POLL_MS while the listener is not listening. A notification only wakes
  the reader: the log says what changed.

A database that cannot be read for a moment (busy, gone) is tried again at the next tick.
A server that cannot be reached is told to the window's server state (ui/server_state.py:
the banner), at once when the listener loses its connection; the next good reading says
it is back. A tick while the last reading is still under way reads nothing more.

The log is pruned (rows older than a day) when the window starts and every PRUNE_MS.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.common import live_changes
from ui.errors import is_expected
from ui.server_state import server_state
from ui.worker import run_in_background

log = logging.getLogger("afterdesk.ui.live")

POLL_MS = 1000          # the change log is read this often (changes seen well within 2 s)
FALLBACK_MS = 5000      # … and this often while the server's notifications wake it
PRUNE_MS = 60 * 60 * 1000


class LiveChanges(QObject):
    woken = Signal()                    # from the listener's thread: read now
    listening = Signal(bool, object)    # from the listener's thread: its connection

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.feed: live_changes.ChangeFeed | None = None
        self.listener = None
        self.reading = False
        self.again = False              # woken while reading: read once more after it
        self.interval_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.prune_timer = QTimer(self)
        self.prune_timer.setInterval(PRUNE_MS)
        self.prune_timer.timeout.connect(self.prune)
        self.woken.connect(self.poll)               # queued: emitted on another thread
        self.listening.connect(self._listening)

    def start(self) -> None:
        """Read from the change log's end as it is now (the database is open)."""
        self.feed = live_changes.ChangeFeed()
        self.timer.start()
        self.prune_timer.start()
        self.prune()
        self.listener = live_changes.listen(self.woken.emit, self.listening.emit)
        if self.listener is not None:       # the window gone without stop(): stop listening
            self.destroyed.connect(self.listener.stop)

    def stop(self) -> None:
        self.timer.stop()
        self.prune_timer.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None

    def poll(self) -> None:
        if self.feed is None:
            return
        if self.reading:
            self.again = True
            return
        self.reading, self.again = True, False
        run_in_background(self.feed.poll, self._announce, self._missed, context=self)

    def prune(self) -> None:
        run_in_background(live_changes.prune, lambda _count: None, self._not_pruned,
                          context=self)

    def _announce(self, change) -> None:
        self.reading = False
        server_state().reached()
        live_changes.announce(change)
        if self.again:
            self.poll()

    def _missed(self, exc: BaseException) -> None:
        self.reading = False
        if not is_expected(exc):
            raise exc
        server_state().noticed(exc)
        log.info("change log not read this time: %s", exc)

    def _not_pruned(self, exc: BaseException) -> None:
        if not is_expected(exc):
            raise exc
        log.info("change log not pruned this time: %s", exc)

    def _listening(self, listening: bool, error) -> None:
        if self.listener is None:
            return                      # stopped meanwhile
        self.timer.setInterval(FALLBACK_MS if listening else self.interval_ms)
        if listening:
            self.poll()                 # what was notified while it was not listening
        else:
            server_state().noticed(error)
