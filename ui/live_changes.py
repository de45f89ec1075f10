"""The other AfterDesks' changes, live: a timer reads the shop database's change log
(app.services.common.live_changes: one query on its primary key) on a pool thread (on a
server database the read waits on the network) and announces on the GUI thread what the
other reps changed as a change notice, so the lists and open views reload as they do after
the rep's own writes, and the deadline monitor re-plans.

A database that cannot be read for a moment (busy, gone) is tried again at the next tick;
the window says nothing of it here. A tick while the last reading is still under way reads
nothing more.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from app.services.common import live_changes
from ui.errors import is_expected
from ui.worker import run_in_background

log = logging.getLogger("afterdesk.ui.live")

POLL_MS = 1000          # the change log is read this often (changes seen well within 2 s)


class LiveChanges(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.feed: live_changes.ChangeFeed | None = None
        self.reading = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Read from the change log's end as it is now (the database is open)."""
        self.feed = live_changes.ChangeFeed()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def poll(self) -> None:
        if self.feed is None or self.reading:
            return
        self.reading = True
        run_in_background(self.feed.poll, self._announce, self._missed, context=self)

    def _announce(self, change) -> None:
        self.reading = False
        live_changes.announce(change)

    def _missed(self, exc: BaseException) -> None:
        self.reading = False
        if not is_expected(exc):
            raise exc
        log.info("change log not read this time: %s", exc)
