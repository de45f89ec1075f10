"""How a migration is applied to a shop database on a PostgreSQL server (docs/schema.md,
"Migrations on both backends").

A migration is written once, for SQLite, as before: `SQLITE_STATEMENTS` (or `STATEMENTS`)
and `apply(db)`. On the server, in this order:

1. `apply_postgres(db)` when the module has one (a migration that rewrites data, or
   needs what the translation below cannot do);
2. else its `POSTGRES_STATEMENTS` when it has them;
3. else its SQLite statements translated by `translate`: the standard subset AfterDesk's
   migrations use (CREATE TABLE / INDEX [IF NOT EXISTS], ALTER TABLE ADD COLUMN, the
   column types INTEGER, VARCHAR(n), TEXT, DATETIME, DATE, REAL, BLOB, DEFAULT literals,
   FOREIGN KEY … ON DELETE). Anything else (a virtual table, PRAGMA, INSERT OR …) is
   refused with UnportableStatement, so a migration that needs more says so in one of
   the two ways above rather than half-working on the server.

Every shop database on a server starts at this release's schema or later, so a migration
up to version 10 that only rewrote SQLite data has nothing to do there.
"""

from __future__ import annotations

import re

_ID = re.compile(r'"id" INTEGER NOT NULL PRIMARY KEY', re.IGNORECASE)
_TYPES = (
    (re.compile(r"\bINTEGER\b", re.IGNORECASE), "BIGINT"),   # SQLite's integers are 64-bit
    (re.compile(r"\bDATETIME\b", re.IGNORECASE), "TIMESTAMP"),
    (re.compile(r"\bREAL\b", re.IGNORECASE), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b", re.IGNORECASE), "BYTEA"),
)
_PORTABLE = re.compile(r"\s*(CREATE (UNIQUE )?INDEX|CREATE TABLE|ALTER TABLE \S+ ADD COLUMN"
                       r"|DROP INDEX|DROP TABLE)\b", re.IGNORECASE)


class UnportableStatement(RuntimeError):
    """A migration statement the translation does not know: the migration needs its own
    POSTGRES_STATEMENTS or apply_postgres."""


def translate(statement: str) -> str:
    """One SQLite DDL statement of the standard subset in PostgreSQL's words."""
    if not _PORTABLE.match(statement):
        raise UnportableStatement(f"no PostgreSQL form for: {statement[:80]}")
    text = _ID.sub('"id" BIGSERIAL NOT NULL PRIMARY KEY', statement)
    for pattern, name in _TYPES:
        text = pattern.sub(name, text)
    return text


def sqlite_statements(migration) -> tuple:
    return getattr(migration, "SQLITE_STATEMENTS", None) or getattr(migration, "STATEMENTS", ())


def apply(migration, db) -> None:
    """Apply `migration` to the server database `db` (inside the upgrade's transaction)."""
    special = getattr(migration, "apply_postgres", None)
    if special is not None:
        special(db)
        return
    statements = getattr(migration, "POSTGRES_STATEMENTS", None)
    if statements is None:
        statements = [translate(s) for s in sqlite_statements(migration)]
    for statement in statements:
        db.execute_sql(statement)


def after_upgrade(db) -> None:
    """After migrations on the server: the shop's group roles get their rights on every
    table again, new ones included (app/server/roles.py; nothing when the shop has none)."""
    from app.server import roles
    with db.atomic():
        cursor = db.cursor()
        cursor.execute("SELECT current_database()")
        roles.apply_grants(cursor, cursor.fetchone()[0])
