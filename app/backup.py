"""Backups of the rep's database, and restoring one.

A backup is a complete copy made with SQLite's online backup API
(`sqlite3.Connection.backup`), so it is consistent even while the window is open and
the deadline monitor writes. Backups live in <data folder>/backups, named
`afterdesk-YYYYMMDD-HHMMSS.db`; the newest `keep` are kept (setting `backup.keep`).
At start AfterDesk makes one when the newest is older than a day.

Restoring first copies the current database aside (`afterdesk-before-restore-….db`),
then copies the backup's pages into the database file through the same API — one
transaction, so the file is never half old and half new, and the WAL files stay
consistent. The caller opens the database afterwards (which also upgrades an older
backup's schema).

Every function here opens its own sqlite3 connections, so it may run on a worker thread.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from app import paths
from app.db import DatabaseError

log = logging.getLogger("afterdesk.backup")

BACKUP_FOLDER = "backups"
PREFIX = "afterdesk-"
BEFORE_RESTORE = "before-restore-"
SUFFIX = ".db"
STAMP = "%Y%m%d-%H%M%S"
DAILY = timedelta(days=1)


class BackupError(DatabaseError):
    """A backup could not be made or a file cannot be restored; the text says what to do."""


def backups_dir() -> Path:
    return paths.data_dir() / BACKUP_FOLDER


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now()).strftime(STAMP)


def _free_name(folder: Path, stem: str) -> Path:
    path = folder / f"{stem}{SUFFIX}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{SUFFIX}"
        number += 1
    return path


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy the database behind `source` into a new file `target` (atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    copy = sqlite3.connect(partial)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")   # one self-contained file, no -wal
    finally:
        copy.close()
    os.replace(partial, target)


def create_backup(db_path: str | Path, out: str | Path | None = None, *,
                  now: datetime | None = None, stem: str = "") -> Path:
    """Copy the database `db_path` to `out` (default: a new dated file in backups_dir()).
    Returns the file written. Raises BackupError saying what to do."""
    db_path = Path(db_path)
    if not db_path.exists():
        raise BackupError("There is no database at {db_path} to back up.", db_path=db_path)
    target = Path(out) if out else _free_name(backups_dir(), PREFIX + stem + _stamp(now))
    try:
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            _copy(source, target)
        finally:
            source.close()
    except sqlite3.OperationalError as exc:
        raise BackupError("The backup failed: {problem}",
                          problem=DatabaseError.operational(exc, target)) from exc
    except sqlite3.DatabaseError as exc:
        raise BackupError("The database {db_path} cannot be read, so it cannot be backed up: "
                          "{exc}", db_path=db_path, exc=exc) from exc
    except OSError as exc:
        raise BackupError("The backup could not be written to {target}: {problem}. Check the "
                          "folder and the free disk space.",
                          target=target, problem=exc.strerror or exc) from exc
    log.info("backup written: %s", target)
    return target


def made_at(path: Path) -> datetime:
    """When a backup was made: the time in its name, else the file's modification time."""
    match = re.search(r"(\d{8}-\d{6})", path.name)
    if match:
        try:
            return datetime.strptime(match.group(1), STAMP)
        except ValueError:
            pass
    return datetime.fromtimestamp(path.stat().st_mtime)


def list_backups(folder: Path | None = None) -> list[Path]:
    """AfterDesk's backups in `folder` (default backups_dir()), the newest first."""
    folder = folder or backups_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: (made_at(p), p.name), reverse=True)


def prune_backups(keep: int, folder: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` backups (at least one stays); returns those deleted."""
    doomed = list_backups(folder)[max(keep, 1):]
    for path in doomed:
        try:
            path.unlink()
        except OSError as exc:
            log.warning("old backup %s not deleted: %s", path, exc)
    return doomed


def backup_if_due(db_path: str | Path, keep: int, *, now: datetime | None = None,
                  every: timedelta = DAILY) -> Path | None:
    """The automatic backup: make one when the newest is older than `every` (or there is
    none), then keep the newest `keep`. Returns the new file, or None when not due."""
    now = now or datetime.now()
    newest = next(iter(list_backups()), None)
    if newest is not None and now - made_at(newest) < every:
        return None
    path = create_backup(db_path, now=now)
    prune_backups(keep)
    return path


def check_backup(path: str | Path) -> int:
    """Make sure `path` is an intact AfterDesk database; returns its schema version."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("There is no file {path}. Choose a backup file (afterdesk-….db).",
                          path=path)
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            version = connection.execute('SELECT MAX("version") FROM "schema_version"').fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError("{path} is not an AfterDesk backup or is damaged ({exc}). Choose "
                          "another backup file; nothing was changed.",
                          path=path, exc=exc) from exc
    if verdict != "ok":
        raise BackupError("The backup {path} is damaged ({verdict}). Choose another backup "
                          "file; nothing was changed.",
                          path=path, verdict=verdict)
    if not version:
        raise BackupError("{path} is not an AfterDesk backup. Nothing was changed.",
                          path=path)
    return int(version)


def restore_backup(backup: str | Path, db_path: str | Path, *,
                   now: datetime | None = None) -> Path | None:
    """Replace the database `db_path` with the contents of `backup`.

    The database must not be open in this process (close it first, open it after).
    The current database is first copied to backups_dir() as afterdesk-before-restore-….db;
    that copy's path is returned (None when there was no database yet).
    """
    backup, db_path = Path(backup), Path(db_path)
    check_backup(backup)
    if backup.resolve() == db_path.resolve():
        raise BackupError("That file is the database itself; choose a backup file.")
    safety = create_backup(db_path, now=now, stem=BEFORE_RESTORE) if db_path.exists() else None
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        target = sqlite3.connect(db_path, timeout=5)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    except sqlite3.OperationalError as exc:
        raise BackupError("The restore failed and the database was not changed: {problem}",
                          problem=DatabaseError.operational(exc, db_path)) from exc
    log.info("database %s restored from %s (previous copy: %s)", db_path, backup, safety)
    return safety

