"""Moving a single rep's SQLite file into an empty shop database on a server
(`afterdesk server move-from FILE.db ADDRESS`). (No `register`: app.commands passes it by.)

The move is exact: every row of every table keeps its id and its values, so the
interchange export of the server database is the file's, apart from its time stamp. The
file is first opened as the window would open it (an older schema is upgraded), then
read through the standard library's sqlite3 while the server database, brought to the
same schema version, is written in one transaction: parents before children, each
table's rows in id order, then each id sequence set past the highest id. The message
search index is not copied (the file's is SQLite's own) but written anew on the server,
and the server's planner statistics are gathered (ANALYZE).
A target holding any AfterDesk data is refused: the move never merges two shops.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.errors import InvalidInput

_BATCH = 2000
_SKIPPED = ("schema_version", "message_search")


@dataclass(frozen=True)
class Moved:
    address: str
    tables: int
    rows: int


def _server_tables(db) -> list[str]:
    """The server's tables, parents before the tables that refer to them."""
    names = [name for (name,) in db.execute_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
        "ORDER BY tablename").fetchall()]
    parents: dict[str, set[str]] = {name: set() for name in names}
    for child, parent in db.execute_sql(
            "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text "
            "FROM pg_constraint c WHERE c.contype = 'f'").fetchall():
        child, parent = child.strip('"'), parent.strip('"')
        if child in parents and child != parent:
            parents[child].add(parent)
    ordered: list[str] = []
    while parents:
        ready = sorted(n for n, ps in parents.items() if not ps - set(ordered))
        if not ready:
            raise RuntimeError(f"foreign keys in a cycle: {sorted(parents)}")
        ordered.extend(ready)
        for name in ready:
            del parents[name]
    return ordered


def _columns(db, table: str) -> list[str]:
    return [name for (name,) in db.execute_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = "
        "current_schema() AND table_name = %s ORDER BY ordinal_position", (table,)).fetchall()]


def _refuse_unless_empty(db, tables: list[str], shown: str) -> None:
    for table in tables:
        if table in _SKIPPED:
            continue
        if db.execute_sql(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
            raise InvalidInput("the shop database {address} already holds data ({table}): "
                               "a move goes into an empty one only (afterdesk server init "
                               "makes one)", address=shown, table=table)


def _copy_table(source: sqlite3.Connection, db, table: str) -> int:
    from psycopg2.extras import execute_values

    columns = _columns(db, table)
    listed = ", ".join(f'"{c}"' for c in columns)
    order = ' ORDER BY "id"' if "id" in columns else ""
    rows = source.execute(f'SELECT {listed} FROM "{table}"{order}')
    done = 0
    cursor = db.cursor()
    while batch := rows.fetchmany(_BATCH):
        execute_values(cursor, f'INSERT INTO "{table}" ({listed}) VALUES %s', batch,
                       page_size=_BATCH)
        done += len(batch)
    if "id" in columns:
        db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                       f'COALESCE(MAX("id"), 1), MAX("id") IS NOT NULL) FROM "{table}"')
    return done


def move_from(file: str | Path, text: str) -> Moved:
    """Copy the SQLite file `file` into the empty server database `text` names."""
    from app import db as handle
    from app.migrations import LATEST
    from app.services.messaging import search

    file = Path(file)
    if not file.is_file():
        raise InvalidInput("no database file at {file}", file=str(file))
    handle.open_database(file)          # an older schema is upgraded first
    handle.close_database()
    database = handle.open_database(text)
    shown = handle.current_path()
    source = sqlite3.connect(f"file:{file.absolute().as_posix()}?mode=ro", uri=True)
    try:
        version = source.execute('SELECT MAX("version") FROM "schema_version"').fetchone()[0]
        if version != LATEST:
            raise InvalidInput("{file} is at schema {version}, this AfterDesk at {latest}",
                               file=str(file), version=version, latest=LATEST)
        tables = _server_tables(database)
        copied = rows = 0
        with database.atomic():
            _refuse_unless_empty(database, tables, shown)
            for table in tables:
                if table in _SKIPPED:
                    continue
                rows += _copy_table(source, database, table)
                copied += 1
        search.backend().rebuild()
        # The planner's statistics of the tables just filled: without them it guesses
        # sizes from the empty tables and picks whole-table scans for the inbox's reads.
        database.execute_sql("ANALYZE")
    finally:
        source.close()
        handle.close_database()
    return Moved(shown, copied, rows)
