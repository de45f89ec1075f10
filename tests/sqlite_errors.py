"""Real SQLite errors for tests of how they are shown: raised by SQLite itself, so they carry
its result code (sqlite_errorcode), as in the field; a hand-made OperationalError has none."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path


def busy_error() -> sqlite3.OperationalError:
    """SQLITE_BUSY: a write while another connection holds the write lock."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "busy.db"
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("CREATE TABLE t (x)")
        holder.execute("BEGIN IMMEDIATE")
        writer = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            writer.execute("INSERT INTO t VALUES (1)")
        except sqlite3.OperationalError as error:
            return error
        finally:
            writer.close()
            holder.close()
    raise AssertionError("SQLite let a second writer in")


def full_error() -> sqlite3.OperationalError:
    """SQLITE_FULL: a write past the pages the connection may use (as on a full disk)."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (x)")
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    try:
        connection.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    except sqlite3.OperationalError as error:
        return error
    finally:
        connection.close()
    raise AssertionError("SQLite wrote past max_page_count")
