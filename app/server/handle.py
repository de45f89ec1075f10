"""peewee's PostgreSQL handle with AfterDesk's transaction rules (those of app/db_handle.py
for the SQLite file, on a server).

Writes wait their turn. SQLite's `BEGIN IMMEDIATE` takes the file's write lock before a
unit of work's first read; on the server a write transaction begins with
`pg_advisory_xact_lock(WRITE_LOCK)`: one lock for the whole shop database, held until
the commit or rollback. So a unit of work that reads then writes (the next case number,
a case's state before its step, a conversation's unread count) never works from a view
another rep's unit of work is about to change, exactly as with the file, and no unit
needs a retry on a serialization failure. Reads take no lock and see what was committed
(READ COMMITTED); `reading()` gives one consistent view for an export (REPEATABLE READ,
READ ONLY) without holding up writers.

One lock per database rather than per row or per shop: the units of work are short and
the writers are a handful of reps, and it keeps every unit correct without knowing which
rows it reads. Reps' own identities (PostgreSQL login roles) do not change this.
"""

from __future__ import annotations

import peewee

# The advisory lock key of the shop database's writers ("AfDk" in ASCII).
WRITE_LOCK = 0x4166446B


def qmark_to_format(sql: str) -> str:
    """AfterDesk's plain SQL, written once with SQLite's `?` placeholders, in the driver's
    `%s` style: each `?` outside quotes becomes `%s`, a `%s` already there stays (a
    search subquery written for the server), and every other `%` is doubled so the
    driver reads it as itself."""
    out: list[str] = []
    quote = None
    i = 0
    while i < len(sql):
        c = sql[i]
        if quote:
            if c == quote:
                quote = None
            out.append("%%" if c == "%" else c)
        elif c in "'\"":
            quote = c
            out.append(c)
        elif c == "?":
            out.append("%s")
        elif c == "%":
            if sql.startswith("%s", i):
                out.append("%s")
                i += 1
            else:
                out.append("%%")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _register_adapters() -> None:
    """The schema keeps SQLite's column types where the services' SQL relies on them: a
    yes/no column is an INTEGER holding 0 or 1 (docs/schema.md), so a Python bool goes to
    the server as 0/1, as the SQLite driver sends it."""
    from psycopg2.extensions import AsIs, register_adapter

    register_adapter(bool, lambda value: AsIs("1" if value else "0"))


class PostgresDatabase(peewee.PostgresqlDatabase):
    """See the module's text. `path` is the address shown (no password) and `read_only`
    how the handle was opened, as on the SQLite handle."""

    backend = "postgresql"

    def __init__(self, database=None, **kwargs):
        self.read_only = False
        self.path = None
        super().__init__(database, **kwargs)

    def init(self, database, *, address=None, read_only: bool = False, **kwargs):
        if database is not None:
            _register_adapters()
        super().init(database, **kwargs)
        self.read_only = read_only
        self.path = address.shown() if address is not None else database

    def begin(self, lock_type=None, isolation_level=None):
        cursor = self.cursor()
        with peewee.__exception_wrapper__:
            if self.read_only or lock_type == "DEFERRED":
                cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                               if lock_type == "DEFERRED" else "BEGIN READ ONLY")
            else:
                cursor.execute("BEGIN")
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))

    def cursor(self, named_cursor=None):
        """A cursor on this thread's connection; one the server dropped is replaced first
        (outside a transaction: inside one, the error ends the unit of work)."""
        state = self._state
        if not state.closed and state.conn is not None and state.conn.closed \
                and not state.transactions:
            state.reset()
        return super().cursor(named_cursor)

    def new_connection(self):
        """A connection of its own to the same database, with the handle's login, in
        autocommit (the live changes' listener: app/server/notifications.py)."""
        with peewee.__exception_wrapper__:
            connection = self._connect()
        connection.autocommit = True
        return connection

    def execute_sql(self, sql, params=None):
        if "?" in sql:
            sql = qmark_to_format(sql)
        return super().execute_sql(sql, params)

    def execute_many(self, sql: str, rows) -> None:
        """One statement (`?` placeholders) for each of `rows`, sent in pages."""
        from psycopg2.extras import execute_batch
        with peewee.__exception_wrapper__:
            execute_batch(self.cursor(), qmark_to_format(sql), list(rows), page_size=500)

    def reading(self):
        """A transaction that only reads: one consistent view of the data (an export),
        without taking the write lock."""
        return self.atomic(lock_type="DEFERRED")

    def in_transaction(self) -> bool:
        """True while the server holds a transaction open on this thread's connection."""
        if self.is_closed() or self._state.conn.closed:
            return False
        from psycopg2.extensions import TRANSACTION_STATUS_IDLE
        return self.connection().info.transaction_status != TRANSACTION_STATUS_IDLE

    def rollback(self):
        if self.in_transaction():
            super().rollback()

    def savepoint(self):
        return _Savepoint(self)


class _Savepoint(peewee._savepoint):
    def rollback(self, begin=True):
        if self.db.in_transaction():
            super().rollback(begin)
