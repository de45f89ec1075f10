"""`afterdesk about`: versions of AfterDesk, its schema and its libraries (for support)."""

from __future__ import annotations


def register(subparsers) -> dict:
    subparsers.add_parser("about", help="versions of AfterDesk, its database schema and "
                          "libraries").set_defaults(read_only=True)
    return {"about": run}


def run(args, db_path) -> int:
    import sqlite3
    import sys

    import peewee

    from app import __version__
    from app.db import database
    from app.migrations import LATEST, stored_version
    print(f"AfterDesk {__version__}")
    print(f"database {db_path} (schema {stored_version(database)}, this version knows {LATEST})")
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, "
          f"Peewee {peewee.__version__}")
    return 0
