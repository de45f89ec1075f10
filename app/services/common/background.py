"""Reading from a worker thread.

Peewee keeps one connection per thread. A list loaded off the window's thread opens
its own connection for the duration of the read and closes it again, so no worker
thread keeps the database file open.
"""

from __future__ import annotations

import time

from app import db, heap

# A read quicker than this cannot have freed much (the first screenful of a list at start is
# well under it); handing memory back is left to the reads that build big lists.
GIVE_BACK_AFTER_S = 0.05


def run_read(fn, *args, **kwargs):
    """Call `fn(*args, **kwargs)` with a connection of this thread, closed afterwards
    if it was opened here; after a long read the memory it freed goes back to the system."""
    began = time.perf_counter()
    database = db.database
    opened_here = database.is_closed()
    if opened_here:
        database.connect()
    try:
        return fn(*args, **kwargs)
    finally:
        if opened_here and not database.is_closed():
            database.close()
        _give_back_after_long(began)


def _give_back_after_long(began: float) -> None:
    if time.perf_counter() - began >= GIVE_BACK_AFTER_S:
        heap.give_back()


def run_plain_read(fn, *args, **kwargs):
    """`fn(*args, reader=connection, **kwargs)` with a standard-library connection to the
    file a start checked (app.db.ready_as_is), so that the first screenful of a start needs
    no peewee; without such a file, `fn(*args, **kwargs)` as `run_read` runs it."""
    path = db.checked_path()
    if path is None:
        return run_read(fn, *args, **kwargs)
    began = time.perf_counter()
    handle = vars(db).get("database")
    was_open = handle is not None and not handle.is_closed()
    connection = db.plain_connection(path)
    try:
        return fn(*args, reader=connection, **kwargs)
    finally:
        connection.close()
        # Anything `fn` read through the handle (a short inbox brings its filter choices)
        # opened this thread's connection: closed again, as run_read does.
        handle = vars(db).get("database")
        if handle is not None and not was_open and not handle.is_closed():
            handle.close()
        _give_back_after_long(began)
