"""Versioned schema: each release's changes are a numbered migration applied forward.

The database records every version it has reached in `schema_version`; opening a
database applies the missing migrations in order, each inside one transaction.
A database from a newer AfterDesk is refused rather than touched.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

log = logging.getLogger("afterdesk.migrations")


def _discover() -> tuple:
    """Every module named mNNNN_*.py in this package, in version order; each has
    VERSION (== NNNN), DESCRIPTION and apply(db). Numbers may skip (a number reserved for
    work that did not land); each is applied once, in order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = re.fullmatch(r"m(\d{4})_\w+", info.name)
        if match:
            module = importlib.import_module(f"{__name__}.{info.name}")
            if module.VERSION != int(match.group(1)):
                raise RuntimeError(f"migration {info.name} declares version {module.VERSION}")
            found.append(module)
    found.sort(key=lambda m: m.VERSION)
    versions = [m.VERSION for m in found]
    if len(set(versions)) != len(versions) or not versions or versions[0] != 1:
        raise RuntimeError(f"migrations must start at 1 and have distinct numbers: {versions}")
    return tuple(found)


def _latest() -> int:
    """The newest version, from the module names alone (importing every migration, with
    its frozen table definitions, is left to the rare start that upgrades)."""
    return max(int(m.group(1)) for info in pkgutil.iter_modules(__path__)
               if (m := re.fullmatch(r"m(\d{4})_\w+", info.name)))


LATEST = _latest()


_found: tuple | None = None


def _migrations() -> tuple:
    global _found
    if _found is None:
        _found = _discover()
    return _found


def __getattr__(name: str):
    if name == "MIGRATIONS":          # every migration module, in version order
        return _migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SchemaTooNew(Exception):
    pass


def current_version(db) -> int:
    if getattr(db, "backend", "sqlite") == "postgresql" and db.execute_sql(
            "SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]:
        return stored_version(db)   # a rep's login may read it but create no table
    db.execute_sql(
        'CREATE TABLE IF NOT EXISTS "schema_version" ('
        '"version" INTEGER NOT NULL PRIMARY KEY, "description" TEXT NOT NULL, '
        '"applied_at" VARCHAR(32) NOT NULL)')
    return stored_version(db)


def stored_version(db) -> int:
    """The version the database has reached (it must have the table: current_version
    makes it)."""
    row = db.execute_sql('SELECT MAX("version") FROM "schema_version"').fetchone()
    return row[0] or 0


def upgrade_pending(path) -> bool:
    """True when the database file at `path` holds data of an older schema, so opening it
    will run migrations (which may take a while on a big shop). A missing file, a new
    one, an unreadable one or a current one: False (opening it says what is wrong)."""

    if str(path) == ":memory:" or not Path(path).is_file():
        return False
    try:
        # A plain path: a file: URI cannot name a Windows share (\\server\share\…).
        connection = sqlite3.connect(str(Path(path).absolute()))
        try:
            row = connection.execute('SELECT MAX("version") FROM "schema_version"').fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    return bool(row and row[0]) and row[0] < LATEST


def too_new_text(version: int) -> str:
    return (f"This database was written by a newer AfterDesk (schema {version}, this "
            f"version knows up to {LATEST}). Install the newer version to open it.")


def upgrade(db) -> int:
    """Bring the schema to LATEST; returns the version reached."""
    version = current_version(db)
    if version > LATEST:
        raise SchemaTooNew(too_new_text(version))
    if version == LATEST:
        return version
    for migration in _migrations():
        if migration.VERSION <= version:
            continue
        with db.atomic():          # the write lock first: another program may upgrade too
            if stored_version(db) >= migration.VERSION:
                continue            # it did, while this one waited its turn
            log.info("migrating schema to version %d (%s)", migration.VERSION,
                     migration.DESCRIPTION)
            if getattr(db, "backend", "sqlite") == "postgresql":
                from app.migrations import postgres
                postgres.apply(migration, db)
            else:
                migration.apply(db)
            db.execute_sql(
                'INSERT INTO "schema_version" ("version", "description", "applied_at") '
                'VALUES ({0}, {0}, {0})'.format(db.param),
                (migration.VERSION, migration.DESCRIPTION,
                 datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")))
        version = migration.VERSION
    if getattr(db, "backend", "sqlite") == "postgresql":
        from app.migrations import postgres
        postgres.after_upgrade(db)      # a new table gets the reps' grants at once
    return version
