"""The other AfterDesks' changes, live: a timer on the GUI thread reads the shop database's
change log (app.services.common.live_changes: one query on its primary key) and announces
what the other reps changed as a change notice, so the lists and open views reload as
they do after the rep's own writes, and the deadline monitor re-plans.

`ticked` is emitted after every reading: the open conversation asks then who is replying
in it. A database that cannot be read for a moment (busy, gone) is tried again at the
next tick; the window says nothing of it here.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.common import live_changes
from ui.errors import is_expected

log = logging.getLogger("afterdesk.ui.live")

POLL_MS = 1000          # the change log is read this often (changes seen well within 2 s)


class LiveChanges(QObject):
    ticked = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS):
        super().__init__(parent)
        self.feed: live_changes.ChangeFeed | None = None
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
        if self.feed is None:
            return
        try:
            change = self.feed.poll()
        except Exception as exc:  # noqa: BLE001 - busy, locked, gone: the next tick tries again
            if not is_expected(exc):
                raise
            log.info("change log not read this time: %s", exc)
            return
        live_changes.announce(change)
        self.ticked.emit()
