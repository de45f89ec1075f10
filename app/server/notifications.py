"""The shop server's word that the change log grew: LISTEN on a connection of its own.

Each row added to `change_log` on a server sends a notification on CHANNEL when its
transaction commits (migration 16's trigger; the payload is the writing AfterDesk's
origin). `ChangeListener` listens on its own connection, on a thread of its own that
only waits on the socket, and calls `on_wake()` for each notification of another
AfterDesk (its own are skipped). It reads nothing: the caller then reads the change log,
which stays the one source of what changed (app.services.common.live_changes).

The listener also notices at once when the server goes (the server closes the
connection when it stops; a quiet connection is checked every CHECK_S): `on_state(False,
error)`; it then tries again every RETRY_S and says `on_state(True, None)` when it
listens again. Nothing it calls may block: the callbacks run on its thread.
"""

from __future__ import annotations

import logging
import select
import threading
from typing import Callable

CHANNEL = "afterdesk_changes"      # as in migration 16
CHECK_S = 5.0                      # a quiet connection is checked this often
RETRY_S = 1.0                      # a lost server is tried again this often

log = logging.getLogger("afterdesk.server.notifications")


def _connection_errors() -> tuple:
    """What a lost or refused connection raises: the driver's errors, peewee's wrapping of
    them, the socket's own."""
    import peewee
    import psycopg2
    return (psycopg2.Error, peewee.DatabaseError, peewee.InterfaceError, OSError)


class ChangeListener:
    def __init__(self, connect: Callable, origin: str, on_wake: Callable[[], None],
                 on_state: Callable[[bool, BaseException | None], None]):
        self.connect = connect              # () -> a new autocommit driver connection
        self.origin = origin
        self.on_wake = on_wake
        self.on_state = on_state
        self.listening: bool | None = None      # None until the first try
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="afterdesk-listen",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait: float = 2.0) -> None:
        self._stopped.set()
        if self._thread.is_alive():
            self._thread.join(wait)

    def _run(self) -> None:
        while not self._stopped.is_set():
            connection = None
            try:
                connection = self.connect()
                connection.cursor().execute(f"LISTEN {CHANNEL}")
                self._set_state(True, None)
                self._listen(connection)
            except _connection_errors() as exc:         # the server gone (or refusing)
                self._set_state(False, exc)
                log.info("not listening for changes: %s", " ".join(str(exc).split()))
                self._stopped.wait(RETRY_S)
            except Exception as exc:  # noqa: BLE001 - a bug: logged; the reader polls on
                log.exception("the live changes listener stopped")
                self._set_state(False, exc)
                return
            finally:
                if connection is not None:
                    try:
                        connection.close()
                    except Exception:  # noqa: BLE001 - closing a dead connection
                        pass

    def _listen(self, connection) -> None:
        quiet = 0.0
        while not self._stopped.is_set():
            ready, _, _ = select.select([connection], [], [], 0.5)
            if not ready:
                quiet += 0.5
                if quiet >= CHECK_S:         # a server gone without a word
                    connection.cursor().execute("SELECT 1")
                    quiet = 0.0
                continue
            quiet = 0.0
            connection.poll()
            theirs = False
            while connection.notifies:
                notification = connection.notifies.pop(0)
                theirs = theirs or notification.payload != self.origin
            if theirs:
                self._tell(self.on_wake)

    def _set_state(self, listening: bool, error: BaseException | None) -> None:
        if listening is not self.listening:
            self.listening = listening
            self._tell(self.on_state, listening, error)

    @staticmethod
    def _tell(callback, *args) -> None:
        """A callback's own failure is logged; it never ends the listening."""
        try:
            callback(*args)
        except Exception:  # noqa: BLE001 - on the listener's thread: logged, listening goes on
            log.exception("a live changes callback failed")
