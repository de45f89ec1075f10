"""One process per database does each shop-wide job: two processes sending the same outbox
could send an answer twice, two deadline monitors could record the platform's action
twice. The lease is an operating-system lock on a file beside the database, one file per
job (`purpose`); the system drops it when the process ends, even after a kill.

A shop database on a server is shared by every rep's AfterDesk, on other computers: there
the lease is the server's own session advisory lock (`ServerLease`, one key per job in
the shop database), held on a connection of its own. The server drops it when that
connection ends: the process ended (even killed), the computer lost the network, or the
server restarted. A holder asks `still_held()` before each round of work, so one that lost
its lock stops and another AfterDesk may take over. `lease_for` gives the right kind for
the database the process has open."""

from __future__ import annotations

import logging
import os
import zlib
from pathlib import Path

from app.errors import ServiceError


class Busy(ServiceError):
    """Another AfterDesk (the window, or `afterdesk sync`) is syncing this database."""


SYNC = "sync"
PLATFORM_ACTIONS = "monitor"      # the deadline monitor's records of the platform's actions
# The first key of every job's advisory lock on a server ("AfLe"); the second is the job's.
# Two 32-bit keys are a key space of their own, apart from the writers' one-key lock.
LEASE_KEY = 0x41664C65

log = logging.getLogger("afterdesk.channels")


def lease_for(purpose: str = SYNC):
    """The lease of `purpose` for the database the process has open (app.db): the
    server's advisory lock on a server, else the lock file beside the database file."""
    from app import db
    if db.on_server():
        return ServerLease(purpose)
    return Lease(db.database.database, purpose)


def _busy(purpose: str) -> Busy:
    if purpose != SYNC:
        return Busy("another AfterDesk on this database does this")
    return Busy("another AfterDesk is syncing the mail of this database (the window, "
                "or `afterdesk sync`): close it first")


class Lease:
    shared = False          # one computer's file: a second holder is a mistake to report

    def __init__(self, database_path: str | Path, purpose: str = SYNC):
        # The same file by any name (relative, absolute) is the same lease.
        self.path = Path(f"{Path(database_path).resolve()}.{purpose}-lock")
        self.purpose = purpose
        self._fd: int | None = None

    def acquire(self) -> "Lease":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise _busy(self.purpose) from None
        self._fd = fd
        return self

    def still_held(self) -> bool:
        return self._fd is not None         # the system keeps a file lock while we live

    def release(self) -> None:
        if self._fd is not None:
            try:
                _unlock(self._fd)
            finally:
                os.close(self._fd)
                self._fd = None

    def __enter__(self) -> "Lease":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


class ServerLease:
    """The job's lock on the shop server: a session advisory lock on a connection of its
    own (autocommit), so no unit of work's transaction holds or ends it."""

    shared = True           # every rep's AfterDesk asks: one does the job, the others wait

    def __init__(self, purpose: str = SYNC):
        self.purpose = purpose
        self.keys = (LEASE_KEY, zlib.crc32(purpose.encode()) & 0x7FFFFFFF)
        self._connection = None

    def acquire(self) -> "ServerLease":
        from app.db import database
        connection = database.obj.new_connection()
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", self.keys)
                taken = cursor.fetchone()[0]
        except Exception:
            connection.close()
            raise
        if not taken:
            connection.close()
            raise _busy(self.purpose)
        self._connection = connection
        return self

    def still_held(self) -> bool:
        """Whether the lock is still ours: its connection still answers (the server drops
        the lock with the connection). A lost one is let go of here."""
        if self._connection is None:
            return False
        try:
            with self._connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return True
        except Exception as exc:  # noqa: BLE001 - any failure: the lock may be gone
            log.warning("the server lease of %s was lost (%s)", self.purpose, exc)
            self.release()
            return False

    def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", self.keys)
        except Exception:  # noqa: BLE001 - a dead connection: the server dropped the lock
            pass
        finally:
            connection.close()

    def __enter__(self) -> "ServerLease":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


if os.name == "nt":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
