"""The class of the process's database handle (app.db.database): peewee's SQLite handle with
AfterDesk's two rules for transactions.

Writes wait their turn. A unit of work runs inside `database.atomic()`, which begins with
`BEGIN IMMEDIATE`: it takes the write lock before its first read, so when another program
(a second window, a CLI command, the monitor) is writing, it waits for the busy timeout
instead of reading first and then being refused the write at once ("database is locked":
SQLite cannot let a reader that saw older data write without waiting). A handle opened
read-only begins plain (deferred) transactions: it never writes.

A failed write leaves nothing half-written. When a write fails with the disk full, an I/O
error or a busy database, SQLite may already have rolled the whole transaction back; the
rollback AfterDesk then asks for ("cannot rollback - no transaction is active", "no such
savepoint") is not a second error that hides the first: it is skipped, and the first
error is the one raised.
"""

from __future__ import annotations

from pathlib import Path

import peewee

# The settings of a read-only connection: it changes nothing in the file (no journal mode,
# no synchronous setting), and `query_only` refuses a write by mistake.
READ_ONLY_PRAGMAS = {"query_only": 1, "foreign_keys": 1}


def read_only_uri(path: str | Path) -> str:
    """An SQLite URI that opens `path` read-only. A Windows share (\\\\server\\share\\x.db)
    keeps its two leading slashes after an empty authority (file:////server/share/x.db)."""
    from urllib.parse import quote

    text = Path(path).absolute().as_posix()
    if not text.startswith("/"):            # C:/… on Windows
        text = "/" + text
    if text.startswith("//"):
        text = "//" + text
    return "file:" + quote(text, safe="/:") + "?mode=ro"


class _Savepoint(peewee._savepoint):
    def rollback(self, begin=True):
        if self.db.in_transaction():
            super().rollback(begin)


class Handle(peewee.DatabaseProxy):
    """The process's one handle (app.db.database), which models and services keep: it
    passes everything to the database it was last pointed at, the SQLite file's
    `Database` or a server's handle (app/server/handle.py). Transactions are the pointed
    handle's own, so its rules apply."""

    def atomic(self, *args, **kwargs):
        return self.obj.atomic(*args, **kwargs)

    def transaction(self, *args, **kwargs):
        return self.obj.transaction(*args, **kwargs)

    def savepoint(self):
        return self.obj.savepoint()

    def manual_commit(self):
        return self.obj.manual_commit()

    def connection_context(self):
        return self.obj.connection_context()

    def __setattr__(self, name, value):
        """A name of the proxy's own is set here; any other on the database pointed at
        (a test that counts statements replaces its `execute_sql`)."""
        if name in peewee.DatabaseProxy.__slots__:
            super().__setattr__(name, value)
        else:
            setattr(self.obj, name, value)

    def __delattr__(self, name):
        delattr(self.obj, name)


class Database(peewee.SqliteDatabase):
    """See the module's text. `path` is the file the handle was last pointed at, and
    `read_only` how."""

    backend = "sqlite"

    def __init__(self, database, **kwargs):
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(database, **kwargs)
        self.read_only = False
        self.path = database            # the file, also when opened through a URI

    def init(self, database, *, read_only: bool = False, pragmas=None, **kwargs):
        """Point the handle at `database`; with `read_only`, through a read-only URI with
        READ_ONLY_PRAGMAS added to `pragmas` (their write settings left out)."""
        target = database
        if read_only:
            kept = {k: v for k, v in dict(pragmas or {}).items()
                    if k not in ("journal_mode", "synchronous")}
            pragmas = {**kept, **READ_ONLY_PRAGMAS}
            target = read_only_uri(database)
        super().init(target, pragmas=pragmas, uri=read_only, **kwargs)
        self.read_only = read_only
        self.path = database

    def begin(self, lock_type=None):
        super().begin("DEFERRED" if self.read_only else lock_type)

    def reading(self):
        """A transaction that only reads: one consistent view of the data (an export),
        without taking the write lock, so writers are not held up."""
        return self.atomic(lock_type="DEFERRED")

    def in_transaction(self) -> bool:
        """True while SQLite holds a transaction open on this thread's connection."""
        return not self.is_closed() and self.connection().in_transaction

    def rollback(self):
        if self.in_transaction():
            super().rollback()

    def savepoint(self):
        return _Savepoint(self)

    def execute_many(self, sql: str, rows) -> None:
        """One statement (`?` placeholders) for each of `rows`."""
        self.cursor().executemany(sql, rows)
