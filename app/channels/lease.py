"""One process per database does each shop-wide job: two processes sending the same outbox
could send an answer twice, two deadline monitors could record the platform's action
twice. The lease is an operating-system lock on a file beside the database, one file per
job (`purpose`); the system drops it when the process ends, even after a kill. A shop
database on a server takes the server's advisory lock instead."""

from __future__ import annotations

import os
from pathlib import Path

from app.errors import ServiceError


class Busy(ServiceError):
    """Another AfterDesk (the window, or `afterdesk sync`) is syncing this database."""


SYNC = "sync"
PLATFORM_ACTIONS = "monitor"      # the deadline monitor's records of the platform's actions


class Lease:
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
            if self.purpose != SYNC:
                raise Busy("another AfterDesk on this database does this") from None
            raise Busy("another AfterDesk is syncing the mail of this database (the window, "
                       "or `afterdesk sync`): close it first") from None
        self._fd = fd
        return self

    @property
    def held(self) -> bool:
        return self._fd is not None

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
