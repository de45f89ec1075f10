"""The one database handle of the process.

`database` is a placeholder until `open_database()` initialises it with a file.
Peewee keeps one connection per thread; each unit of work runs inside
`database.atomic()`.
"""

from __future__ import annotations

import logging
from pathlib import Path

import peewee

log = logging.getLogger("afterdesk.db")

database = peewee.SqliteDatabase(None)

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
    shows the same template in the rep's language (ui/error_words.py)."""

    def __init__(self, message: str, **values):
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)

    @classmethod
    def operational(cls, exc: Exception, path) -> "DatabaseError":
        """The problem an SQLite operational error on `path` means for the rep."""
        return cls(PROBLEMS[_problem_key(exc)], path=str(path), problem=str(exc))


def open_database(path: str | Path, *, migrate: bool = True) -> peewee.SqliteDatabase:
    """Point the shared handle at `path`, create folders, and bring the schema up to date."""
    from app import migrations

    if str(path) != ":memory:":
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    if not database.is_closed():
        database.close()
    database.init(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        database.connect(reuse_if_open=True)
        if migrate:
            migrations.upgrade(database)
        if str(path) != ":memory:":
            probe_writable(database)
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


def probe_writable(db: peewee.SqliteDatabase) -> None:
    """Raise peewee.OperationalError ('readonly') when the file cannot be written.

    SQLite quietly opens a file it may not write read-only and only fails at the first
    save; trying a write that is rolled back finds out at once (a file with the read-only
    attribute, a read-only folder or share, an immutable file).
    """
    db.execute_sql("SAVEPOINT afterdesk_write_probe")
    try:
        db.execute_sql('CREATE TABLE "afterdesk_write_probe" ("x" INTEGER)')
    finally:
        db.execute_sql("ROLLBACK TO afterdesk_write_probe")
        db.execute_sql("RELEASE afterdesk_write_probe")


def close_database() -> None:
    if database.deferred:
        return
    if not database.is_closed():
        database.close()


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
