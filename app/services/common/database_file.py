"""The database file the window works on, as the screens see it: open it (its schema
upgraded first when needed), close it, and the errors opening it may raise.

The screens reach the database only through app.services (docs/architecture.md,
`lint-imports`): this module is their one door to app.db and app.migrations.
"""

from __future__ import annotations

import sqlite3
import sys

from app import db
from app.db import DatabaseError, close_database, open_database, ready_as_is
from app.migrations import SchemaTooNew, upgrade_pending

__all__ = ["DatabaseError", "SchemaTooNew", "close_database", "close_thread_connection",
           "open_database", "operational_errors", "ready_as_is", "upgrade_pending"]


def close_thread_connection() -> None:
    """Close this thread's own connection (a worker that opened the file for one job); the
    other threads' connections stay open."""
    if not db.database.is_closed():
        db.database.close()


def operational_errors() -> tuple:
    """SQLite's operational errors (locked, read-only, disk I/O…), as the standard library
    and peewee raise them (peewee's only once it has loaded: before that none can be
    raised)."""
    peewee = sys.modules.get("peewee")
    return (sqlite3.OperationalError,) + ((peewee.OperationalError,) if peewee else ())
