"""The database file the window works on, as the screens see it: open it (its schema
upgraded first when needed), close it, and the errors opening it may raise.

The screens reach the database only through app.services (docs/architecture.md,
`lint-imports`): this module is their one door to app.db and app.migrations.
"""

from __future__ import annotations

from app import db
from app.db import DatabaseError, close_database, expected_problem, open_database, ready_as_is
from app.migrations import SchemaTooNew, upgrade_pending
from app.server.address import is_server_address, shown

__all__ = ["DatabaseError", "SchemaTooNew", "close_database", "close_thread_connection",
           "expected_problem", "is_server_address", "location", "open_database",
           "ready_as_is", "server_unreachable", "upgrade_pending"]


def location(path):
    """Where the database is, as the window may keep and show it: a file's path, or a
    server's address without its password (docs/server.md)."""
    from pathlib import Path
    return shown(path) if is_server_address(path) else Path(path)


def close_thread_connection() -> None:
    """Close this thread's own connection (a worker that opened the file for one job); the
    other threads' connections stay open."""
    if not db.database.is_closed():
        db.database.close()


def server_unreachable(error: BaseException) -> bool:
    """True when `error` says the shop server cannot be reached (docs/server.md, "When the
    server is gone"), raw or as the DatabaseError a rep reads."""
    if isinstance(error, DatabaseError):
        return error.template == db.PROBLEMS["server_unreachable"]
    return db.problem_key(error) == "server_unreachable"
