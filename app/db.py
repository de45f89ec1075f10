"""The one database handle of the process.

`database` is made on first use (peewee loads then) and points at a file once
`open_database()` has initialised it, or `ready_as_is()` has found one usable as it is.
Peewee keeps one connection per thread; each unit of work runs inside
`database.atomic()`.

A window start does not load peewee before its first list is painted: `ready_as_is`
checks the file with the standard library's sqlite3, the first screenful is read through
`plain_connection`, and `database` (with peewee) is made on first use, already pointed
at the checked file.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger("afterdesk.db")

_lock = threading.Lock()
_checked: dict = {"path": None}     # a file found ready by ready_as_is, not opened since


def __getattr__(name: str):
    if name == "database":
        return _handle()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _handle():
    """The process's peewee handle, made on first use (any thread)."""
    with _lock:
        handle = globals().get("database")
        if handle is None:
            import peewee
            handle = peewee.SqliteDatabase(None)
            if _checked["path"] is not None:        # checked at start: used as it is
                _point(handle, _checked["path"])
                log.info("database open: %s", _checked["path"])
            globals()["database"] = handle
        return handle


def _point(handle, path: str) -> None:
    """Point `handle` at the file `path` (this thread's connection closed first)."""
    if not handle.is_closed():
        handle.close()
    handle.init(path, pragmas=PRAGMAS, check_same_thread=False)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "normal",
    # 4 MB of pages per connection: each thread has its own connection, and on a big
    # shop larger caches fill up and stay in memory; the operating system keeps the file
    # cached anyway, so a read outside this cache is still a memory copy, not a disk read.
    "cache_size": -4000,
}


class DatabaseError(Exception):
    """An expected database problem a rep can act on (locked, read-only, damaged). With
    `values`, `message` is one of PROBLEMS (or another template) they fill; the window
    shows the same template in the rep's language (ui/words/problems.py)."""

    def __init__(self, message: str, **values):
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)

    @classmethod
    def operational(cls, exc: Exception, path) -> "DatabaseError":
        """The problem an SQLite operational error on `path` means for the rep."""
        return cls(PROBLEMS[_problem_key(exc)], path=str(path), problem=str(exc))


def open_database(path: str | Path, *, migrate: bool = True):
    """Point the shared handle at `path`, create folders, and bring the schema up to date."""
    import peewee

    from app import migrations

    _checked["path"] = None
    database = _handle()
    if str(path) != ":memory:":
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    _point(database, str(path))
    try:
        database.connect(reuse_if_open=True)
        if migrate:
            migrations.upgrade(database)
        if str(path) != ":memory:":
            probe_writable(database.execute_sql)
    except migrations.SchemaTooNew as exc:
        database.close()
        raise DatabaseError(str(exc)) from exc
    except peewee.OperationalError as exc:
        database.close()
        raise DatabaseError.operational(exc, path) from exc
    except peewee.DatabaseError as exc:
        raise DatabaseError(PROBLEMS["unreadable"], path=str(path), problem=str(exc)) from exc
    log.info("database open: %s", path)
    return database


def probe_writable(execute) -> None:
    """Raise an operational error ('readonly') when the file cannot be written.

    SQLite quietly opens a file it may not write read-only and only fails at the first
    save; trying a write that is rolled back finds out at once (a file with the read-only
    attribute, a read-only folder or share, an immutable file).
    `execute`: the handle's `execute_sql`, or a standard-library connection's `execute`.
    """
    execute("SAVEPOINT afterdesk_write_probe")
    try:
        execute('CREATE TABLE "afterdesk_write_probe" ("x" INTEGER)')
    finally:
        execute("ROLLBACK TO afterdesk_write_probe")
        execute("RELEASE afterdesk_write_probe")


def close_database() -> None:
    _checked["path"] = None
    database = globals().get("database")
    if database is None or database.deferred:
        return
    if not database.is_closed():
        database.close()


def ready_as_is(path: str | Path) -> bool:
    """True when the file at `path` can be used as it is: it exists, its schema is this
    version's and it can be written (checked with the standard library's sqlite3, so
    peewee need not load yet). Then `database` is pointed at it when first used and
    `plain_connection` reads it. Anything else (a missing, older, newer, locked, damaged
    or read-only file): False, and `open_database` says what is wrong or upgrades it."""
    from app import migrations

    if str(path) == ":memory:" or not Path(path).is_file():
        return False
    try:
        # A plain path (a file: URI cannot name a Windows share), no waiting: a locked file
        # takes the full way, whose own wait and message are the ones the rep knows.
        connection = sqlite3.connect(str(Path(path).absolute()), timeout=0)
        try:
            row = connection.execute('SELECT MAX("version") FROM "schema_version"').fetchone()
            if not row or row[0] != migrations.LATEST:
                return False
            probe_writable(connection.execute)
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    with _lock:
        _checked["path"] = str(path)
        existing = globals().get("database")
        if existing is not None:        # made before (tests, a second window): repointed
            _point(existing, str(path))
    return True


def checked_path() -> str | None:
    """The file `ready_as_is` accepted, until `open_database` or `close_database`."""
    return _checked["path"]


def plain_connection(path: str | Path) -> sqlite3.Connection:
    """A read connection of the standard library to `path`, with the handle's settings
    (for the first screenful of a start, before peewee has loaded). Close it after use."""
    connection = sqlite3.connect(str(path), timeout=PRAGMAS["busy_timeout"] / 1000,
                                 check_same_thread=False)
    connection.execute(f'PRAGMA cache_size = {PRAGMAS["cache_size"]}')
    connection.execute("PRAGMA query_only = 1")
    return connection


# What a rep reads about SQLite's operational errors, by what went wrong.
PROBLEMS = {
    "locked": ("The database {path} is locked by another program. Close the other AfterDesk "
               "window or wait a moment, then try again."),
    "readonly": ("The database {path} is read-only, so AfterDesk cannot save anything. Make "
                 "the file writable (Windows: right-click it, Properties, untick Read-only), "
                 "check that its folder may be written, or choose another data folder."),
    "full": "The disk is full. Free some space, then try again; nothing was saved.",
    "cannot_open": ("The database {path} cannot be opened. Check that the folder exists and "
                    "may be written."),
    "other": "Database error on {path}: {problem}",
    "unreadable": "The database {path} cannot be read: {problem}",
}


def _problem_key(exc: Exception) -> str:
    """Which of PROBLEMS an SQLite operational error is."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "readonly" in text or "read-only" in text:
        return "readonly"
    if "disk" in text and "full" in text:
        return "full"
    if "unable to open" in text:
        return "cannot_open"
    return "other"
