"""The one database handle of the process.

`database` is made on first use (peewee loads then) and points at a file once
`open_database()` has initialised it, or `ready_as_is()` has found one usable as it is.
Peewee keeps one connection per thread; each unit of work runs inside
`database.atomic()`, which takes the write lock at its start (app/db_handle.py). Commands
that only read open the file with `open_read_only` instead. SQLite's errors are told apart
by their result code (`problem_key`); each kind a rep can act on has its message in PROBLEMS
(docs/reliability.md).

A window start does not load peewee before its first list is painted: `ready_as_is`
checks the file with the standard library's sqlite3, the first screenful is read through
`plain_connection`, and `database` (with peewee) is made on first use, already pointed
at the checked file.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger("afterdesk.db")

_lock = threading.Lock()
_checked: dict = {"path": None}     # a file found ready by ready_as_is, not opened since


def __getattr__(name: str):
    if name == "database":
        return _handle()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _handle():
    """The process's peewee handle, made on first use (any thread)."""
    with _lock:
        handle = globals().get("database")
        if handle is None:
            from app.db_handle import Database, Handle
            handle = Handle()
            handle.initialize(Database(None))
            if _checked["path"] is not None:        # checked at start: used as it is
                _point(handle, _checked["path"])
                log.info("database open: %s", _checked["path"])
            globals()["database"] = handle
        return handle


def _point(handle, path: str) -> None:
    """Point `handle` at the file `path` (this thread's connection closed first)."""
    if not handle.is_closed():
        handle.close()
    if handle.backend != "sqlite":
        from app.db_handle import Database
        handle.initialize(Database(None))
    handle.init(path, pragmas=PRAGMAS, check_same_thread=False)


def is_server_address(path) -> bool:
    """True when `path` names a shop database on a PostgreSQL server (docs/server.md)."""
    from app.server.address import is_server_address as server
    return server(path)


def _point_server(handle, text: str, *, read_only: bool = False):
    """Point `handle` at the server database `text` names; the address without its
    password (a password typed in it goes to the keyring)."""
    from app.server import address as server_address
    from app.server.handle import PostgresDatabase

    address = server_address.remember(server_address.parse(text))
    if not handle.is_closed():
        handle.close()
    if handle.backend != "postgresql":
        handle.initialize(PostgresDatabase(None))
    handle.init(address.name, address=address, read_only=read_only,
                **address.connect_params(server_address.password(address)))
    return address


def _open_server(text: str, *, migrate: bool, read_only: bool = False):
    """open_database / open_read_only for a server address."""
    import peewee

    from app import migrations

    _checked["path"] = None
    database = _handle()
    address = _point_server(database, text, read_only=read_only)
    try:
        database.connect(reuse_if_open=True)
        if migrate:
            migrations.upgrade(database)
        else:
            version = _server_version(database)
            if version > migrations.LATEST:
                raise migrations.SchemaTooNew(migrations.too_new_text(version))
            if version == 0:            # an empty database: made as open_database does
                database.close()
                return _open_server(text, migrate=True)
            if version != migrations.LATEST:
                database.close()
                raise DatabaseError(PROBLEMS["needs_upgrade"], path=address.shown())
    except migrations.SchemaTooNew as exc:
        database.close()
        raise DatabaseError(str(exc)) from exc
    except peewee.DatabaseError as exc:
        if not database.is_closed():
            database.close()
        raise _opening_problem(exc, address.shown()) from exc
    log.info("database open: %s", address.shown())
    return database


def _server_version(database) -> int:
    from app import migrations
    row = database.execute_sql(
        "SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    return migrations.stored_version(database) if row[0] else 0

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
    shows the same template in the rep's language (ui/words/problems.py)."""

    def __init__(self, message: str, **values):
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)

    @classmethod
    def operational(cls, exc: Exception, path) -> "DatabaseError":
        """The problem an SQLite error on `path` means for the rep."""
        return cls(PROBLEMS[problem_key(exc, path) or "other"], **_values(exc, path))


def open_database(path: str | Path, *, migrate: bool = True):
    """Point the shared handle at `path`, create folders, and bring the schema up to date."""
    import peewee

    from app import migrations

    if is_server_address(path):
        return _open_server(str(path), migrate=migrate)
    _checked["path"] = None
    database = _handle()
    if str(path) != ":memory:":
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    _point(database, str(path))
    try:
        database.connect(reuse_if_open=True)
        if migrate:
            migrations.upgrade(database)
        if str(path) != ":memory:":
            probe_writable(database.execute_sql)
    except migrations.SchemaTooNew as exc:
        database.close()
        raise DatabaseError(str(exc)) from exc
    except peewee.DatabaseError as exc:
        database.close()
        raise _opening_problem(exc, path) from exc
    log.info("database open: %s", path)
    return database


def _opening_problem(exc: Exception, path) -> DatabaseError:
    if problem_key(exc, path) is not None:
        return DatabaseError.operational(exc, path)
    return DatabaseError(PROBLEMS["unreadable"], path=str(path), problem=str(exc))


def open_read_only(path: str | Path):
    """Point the shared handle at `path` for reading only (commands that only read: cases,
    deadlines, search, export, report…). The file is opened through SQLite's read-only
    mode: no migration, no write probe, nothing in it changes, so a read-only file works,
    and in WAL mode a program holding the write lock does not hold up the reading.
    A schema older than this AfterDesk's: "needs an upgrade"; a newer one: SchemaTooNew's
    text. A file that does not exist yet is created as `open_database` does (there is
    nothing to read, and nothing to keep from changing)."""
    import peewee

    from app import migrations

    if is_server_address(path):
        return _open_server(str(path), migrate=False, read_only=True)
    if str(path) == ":memory:" or not Path(path).is_file():
        return open_database(path)
    _checked["path"] = None
    database = _handle()
    database.init(str(path), read_only=True, pragmas=PRAGMAS, check_same_thread=False)
    try:
        database.connect(reuse_if_open=True)
        version = migrations.stored_version(database)
    except peewee.DatabaseError as exc:
        database.close()
        if problem_key(exc, path) is not None or "no such table" not in str(exc):
            raise _opening_problem(exc, path) from exc
        version = 0
    if version == 0:                # an empty file, no AfterDesk data in it yet
        database.close()
        return open_database(path)
    if version != migrations.LATEST:
        database.close()
        if version > migrations.LATEST:
            raise DatabaseError(migrations.too_new_text(version))
        raise DatabaseError(PROBLEMS["needs_upgrade"], path=str(path))
    mode = database.execute_sql("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":       # every writing open sets WAL: a file AfterDesk never wrote
        log.info("%s is in %s mode: reading waits while another program commits", path, mode)
    log.info("database open for reading: %s", path)
    return database


def probe_writable(execute) -> None:
    """Raise an operational error ('readonly') when the file cannot be written.

    SQLite quietly opens a file it may not write read-only and only fails at the first
    save; trying a write that is rolled back finds out at once (a file with the read-only
    attribute, a read-only folder or share, an immutable file).
    `execute`: the handle's `execute_sql`, or a standard-library connection's `execute`.
    """
    execute("SAVEPOINT afterdesk_write_probe")
    try:
        execute('CREATE TABLE "afterdesk_write_probe" ("x" INTEGER)')
    finally:
        execute("ROLLBACK TO afterdesk_write_probe")
        execute("RELEASE afterdesk_write_probe")


def close_database() -> None:
    _checked["path"] = None
    database = globals().get("database")
    if database is None or database.deferred:
        return
    if not database.is_closed():
        database.close()


def ready_as_is(path: str | Path) -> bool:
    """True when the file at `path` can be used as it is: it exists, its schema is this
    version's and it can be written (checked with the standard library's sqlite3, so
    peewee need not load yet). Then `database` is pointed at it when first used and
    `plain_connection` reads it. Anything else (a missing, older, newer, locked, damaged
    or read-only file): False, and `open_database` says what is wrong or upgrades it."""
    from app import migrations

    if is_server_address(path) or str(path) == ":memory:" or not Path(path).is_file():
        return False
    try:
        # A plain path (a file: URI cannot name a Windows share), no waiting: a locked file
        # takes the full way, whose own wait and message are the ones the rep knows.
        connection = sqlite3.connect(str(Path(path).absolute()), timeout=0)
        try:
            row = connection.execute('SELECT MAX("version") FROM "schema_version"').fetchone()
            if not row or row[0] != migrations.LATEST:
                return False
            probe_writable(connection.execute)
        finally:
            connection.close()
    except sqlite3.Error:
        return False
    with _lock:
        _checked["path"] = str(path)
        existing = globals().get("database")
        if existing is not None:        # made before (tests, a second window): repointed
            _point(existing, str(path))
    return True


def checked_path() -> str | None:
    """The file `ready_as_is` accepted, until `open_database` or `close_database`."""
    return _checked["path"]


def plain_connection(path: str | Path) -> sqlite3.Connection:
    """A read connection of the standard library to `path`, with the handle's settings
    (for the first screenful of a start, before peewee has loaded). Close it after use."""
    connection = sqlite3.connect(str(path), timeout=PRAGMAS["busy_timeout"] / 1000,
                                 check_same_thread=False)
    connection.execute(f'PRAGMA cache_size = {PRAGMAS["cache_size"]}')
    connection.execute("PRAGMA query_only = 1")
    return connection


# What a rep reads about SQLite's errors, by what went wrong (problem_key).
PROBLEMS = {
    "locked": ("AfterDesk is busy writing: try again in a moment. If it stays busy, close "
               "the other AfterDesk window or program that uses the database {path}."),
    "readonly": ("The database {path} is read-only, so AfterDesk cannot save anything. Make "
                 "the file writable (Windows: right-click it, Properties, untick Read-only), "
                 "check that its folder may be written, or choose another data folder."),
    "full": ("The disk holding {folder} is full: free space and try again. Nothing was "
             "saved."),
    "io": ("The disk holding {folder} could not be read or written ({problem}). Check that "
           "the drive or network share is still there, then try again. Nothing was saved."),
    "damaged": ("The database {path} is damaged and cannot be read ({problem}). Restore it "
                "from a backup; nothing was saved."),
    "cannot_open": ("The database {path} cannot be opened. Check that the folder exists and "
                    "may be written."),
    "other": "Database error on {path}: {problem}",
    "unreadable": "The database {path} cannot be read: {problem}",
    "needs_upgrade": ("The database {path} was made by an older AfterDesk and needs an "
                      "upgrade: run `afterdesk init` (or open the window) first."),
    # A shop database on a PostgreSQL server (app/server/problems.py).
    "server_unreachable": ("The shop server {path} cannot be reached ({problem}). Check that "
                           "the server is running and that this computer can reach it; "
                           "nothing was saved."),
    "server_login": ("The shop server {path} refused the login ({problem}). Check the user "
                     "name, and give AfterDesk the password once in the address "
                     "(postgresql://user:password@host/name): it keeps it in the keyring."),
    "server_missing": ("The shop server has no database named in {path}. Check the address, "
                       "or create the shop database with `afterdesk server init`."),
    "server_denied": ("The shop server {path} does not allow this login to do that "
                      "({problem}). Ask the shop's owner for the right. Nothing was saved."),
    "server_full": ("The shop server {path} has run out of disk space or memory: tell whoever "
                    "looks after it. Nothing was saved."),
    "server_conflict": ("Another AfterDesk changed the same records at the same moment: try "
                        "again. Nothing was saved."),
}

# SQLite's primary result codes (https://sqlite.org/rescode.html) and what each means for
# a rep. An extended code carries its primary code in its low byte.
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26
_KEY_BY_CODE = {
    _SQLITE_BUSY: "locked", _SQLITE_LOCKED: "locked",
    _SQLITE_READONLY: "readonly", _SQLITE_PERM: "readonly",
    _SQLITE_FULL: "full", _SQLITE_IOERR: "io",
    _SQLITE_CORRUPT: "damaged", _SQLITE_NOTADB: "damaged",
    _SQLITE_CANTOPEN: "cannot_open",
}
# Free space under which an I/O error is taken for a full disk: SQLite reports a write
# that found no room while growing its shared-memory or journal files as an I/O error.
_NEARLY_FULL = 1 << 20


def _sqlite_error(exc: BaseException | None) -> sqlite3.Error | None:
    """The standard library's SQLite error behind `exc` (peewee keeps it as `orig`), the
    first in the chain of causes that carries a result code other than the generic
    SQLITE_ERROR (such as "cannot rollback" after SQLite undid a transaction itself)."""
    found = None
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, sqlite3.Error) and getattr(exc, "sqlite_errorcode", None):
            if exc.sqlite_errorcode & 0xFF != 1:
                return exc
            found = found or exc
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return found


def problem_key(exc: BaseException, path: str | Path | None = None) -> str | None:
    """Which of PROBLEMS an error is, by SQLite's result code (not its words); None for an
    error that is no expected database problem (a bug, a constraint, not SQLite at all)."""
    error = _sqlite_error(exc)
    if error is None:
        from app.server.problems import problem_key as server_problem_key
        return server_problem_key(exc)
    key = _KEY_BY_CODE.get(error.sqlite_errorcode & 0xFF)
    if key == "io" and _nearly_full(path or current_path()):
        return "full"
    return key


def _nearly_full(path) -> bool:
    import shutil
    if not path or str(path) == ":memory:":
        return False
    try:
        return shutil.disk_usage(Path(path).parent).free < _NEARLY_FULL
    except OSError:
        return False


def expected_problem(exc: BaseException, path: str | Path | None = None) -> "DatabaseError | None":
    """`exc` as the DatabaseError a rep reads, when it is an expected database problem
    (busy, read-only, disk full, I/O, damaged, cannot open); None otherwise."""
    if isinstance(exc, DatabaseError):
        return exc
    if problem_key(exc, path) is None:
        return None
    path = path or current_path() or "?"
    return DatabaseError(PROBLEMS[problem_key(exc, path)], **_values(exc, path))


def _values(exc: BaseException, path) -> dict:
    """The values of a problem's template: the file, its folder, SQLite's own words (a
    server: its address, twice, and the server's words)."""
    if is_server_address(path):
        from app.server.address import shown
        from app.server.problems import problem_text
        path = shown(path)
        return {"path": str(path), "folder": str(path), "problem": problem_text(exc)}
    folder = Path(path).absolute().parent if str(path) not in ("?", ":memory:") else path
    return {"path": str(path), "folder": str(folder), "problem": str(_sqlite_error(exc) or exc)}


def on_server() -> bool:
    """True when the shared handle points at a PostgreSQL server (without making the
    handle, nor loading peewee, when there is none yet)."""
    handle = globals().get("database")
    return handle is not None and handle.backend == "postgresql"


def current_path() -> str | None:
    """The file the shared handle points (or last pointed) at; None before any."""
    handle = globals().get("database")
    return getattr(handle, "path", None)
