"""Backups of the rep's database, and restoring one.

A backup is a complete copy made with SQLite's online backup API
(`sqlite3.Connection.backup`), so it is consistent even while the window is open and
the deadline monitor writes. Backups live in <data folder>/backups, named
`afterdesk-YYYYMMDD-HHMMSS.db`; the newest `keep` are kept (setting `backup.keep`).
At start AfterDesk makes one when the newest is older than a day.

Restoring first copies the current database aside (`afterdesk-before-restore-….db`),
then copies the backup's pages into the database file through the same API — one
transaction, so the file is never half old and half new, and the WAL files stay
consistent. A current database that is damaged or cannot be read (it could not be copied)
is renamed instead, with its WAL files, to `<name>.damaged-YYYYMMDD-HHMMSS`, and the backup
is copied into a new file; a missing one is simply created. The caller opens the database
afterwards (which also upgrades an older backup's schema): a restore never opens the
current database through the application first, so it works exactly when it is needed.

Every function here opens its own sqlite3 connections, so it may run on a worker thread.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app import paths
from app.db import DatabaseError

log = logging.getLogger("afterdesk.backup")

BACKUP_FOLDER = "backups"
PREFIX = "afterdesk-"
BEFORE_RESTORE = "before-restore-"
DAMAGED = ".damaged-"
SIDE_FILES = ("-wal", "-shm", "-journal")
# SQLite's result codes for a file that is not a database or whose pages do not hold
# together; the other codes (busy, locked, cannot open...) say nothing about the file.
DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
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


def _copy_file(source: Path, target: Path) -> None:
    """Copy the database file `source` (opened read-only) into a new file `target`."""
    connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        _copy(connection, target)
    finally:
        connection.close()


def _on_server(db_path) -> str | None:
    """The address (without its password) when `db_path` names a server database."""
    from app.server.address import is_server_address, shown
    return shown(db_path) if is_server_address(db_path) else None


def create_backup(db_path: str | Path, out: str | Path | None = None, *,
                  now: datetime | None = None, stem: str = "") -> Path:
    """Copy the database `db_path` to `out` (default: a new dated file in backups_dir()).
    Returns the file written. Raises BackupError saying what to do."""
    if _on_server(db_path):
        raise BackupError("The shop database {db_path} is on a server: it is backed up there "
                          "(docs/server.md, pg_dump).", db_path=_on_server(db_path))
    db_path = Path(db_path)
    if not db_path.exists():
        raise BackupError("There is no database at {db_path} to back up.", db_path=db_path)
    target = Path(out) if out else _free_name(backups_dir(), PREFIX + stem + _stamp(now))
    try:
        _copy_file(db_path, target)
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
    if _on_server(db_path):          # backed up on the server (docs/server.md)
        return None
    now = now or datetime.now()
    newest = next(iter(list_backups()), None)
    if newest is not None and now - made_at(newest) < every:
        return None
    path = create_backup(db_path, now=now)
    prune_backups(keep)
    return path


def check_backup(path: str | Path, *, thorough: bool = False) -> int:
    """Make sure `path` is an intact AfterDesk database; returns its schema version.
    `thorough`: PRAGMA integrity_check (every index against its table) instead of the
    quicker quick_check."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("There is no file {path}. Choose a backup file (afterdesk-….db).",
                          path=path)
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            check = "integrity_check" if thorough else "quick_check"
            verdict = connection.execute(f"PRAGMA {check}").fetchone()[0]
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


@dataclass(frozen=True)
class Restored:
    """What a restore did with the database it replaced: `kept` is the copy made first
    (afterdesk-before-restore-….db), or the damaged file renamed aside (`damaged`), or
    None when there was no database yet."""
    kept: Path | None
    damaged: bool = False


def is_damaged(db_path: str | Path) -> bool:
    """True when the file at `db_path` exists but is not a database SQLite can read
    whole: not a database at all, pages that fail `PRAGMA quick_check`, or a file that
    cannot be opened for reading. A missing file is not damaged; a locked one is not
    either (another program is using it)."""
    db_path = Path(db_path)
    if not db_path.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{db_path.absolute()}?mode=ro", uri=True, timeout=5)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.OperationalError as exc:
        return getattr(exc, "sqlite_errorname", "") not in ("SQLITE_BUSY", "SQLITE_LOCKED")
    except sqlite3.DatabaseError:
        return True
    return rows != [("ok",)]


def set_aside(db_path: Path, *, now: datetime | None = None) -> Path:
    """Rename a damaged database, and its WAL files with it, to
    <name>.damaged-YYYYMMDD-HHMMSS in the same folder; the new name."""
    stem = f"{db_path.name}{DAMAGED}{_stamp(now)}"
    aside, number = db_path.with_name(stem), 2
    while aside.exists():
        aside, number = db_path.with_name(f"{stem}-{number}"), number + 1
    try:
        os.replace(db_path, aside)
        for side in SIDE_FILES:     # a stale WAL beside the new file would be replayed into it
            companion = db_path.with_name(db_path.name + side)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + side))
    except OSError as exc:
        raise BackupError("The damaged database {db_path} could not be moved aside: {problem}. "
                          "Close every program using it, then restore again.",
                          db_path=db_path, problem=exc.strerror or exc) from exc
    log.warning("damaged database %s kept aside as %s", db_path, aside)
    return aside


def restore_backup(backup: str | Path, db_path: str | Path, *,
                   now: datetime | None = None) -> Restored:
    """Replace the database `db_path` with the contents of `backup`.

    The database must not be open in this process (close it first, open it after).
    The current database is first copied to backups_dir() as afterdesk-before-restore-….db;
    a damaged or unreadable one is renamed aside instead (see set_aside).
    """
    backup, db_path = Path(backup), Path(db_path)
    check_backup(backup)
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise BackupError("That file is the database itself; choose a backup file.")
    if is_damaged(db_path):
        aside = set_aside(db_path, now=now)
        try:
            _copy_file(backup, db_path)
        except (sqlite3.Error, OSError) as exc:
            raise BackupError("The restore failed: {problem}. The damaged database is kept as "
                              "{aside}.", problem=exc, aside=aside) from exc
        log.info("database %s restored from %s (damaged one kept as %s)", db_path, backup, aside)
        return Restored(aside, damaged=True)
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
    return Restored(safety)


def newest_intact_backup(folder: Path | None = None) -> Path | None:
    """The newest of AfterDesk's backups that passes `PRAGMA integrity_check`, or None."""
    for path in list_backups(folder):
        if path.name.startswith(PREFIX + BEFORE_RESTORE):
            continue        # what a restore replaced: not what a rep means by a backup
        try:
            check_backup(path, thorough=True)
        except BackupError as exc:
            log.warning("backup %s passed over: %s", path, exc)
            continue
        return path
    return None
