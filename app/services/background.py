"""Reading from a worker thread.

Peewee keeps one connection per thread. A list loaded off the window's thread opens
its own connection for the duration of the read and closes it again, so no worker
thread keeps the database file open.
"""

from __future__ import annotations

from app import heap
from app.db import database


def run_read(fn, *args, **kwargs):
    """Call `fn(*args, **kwargs)` with a connection of this thread, closed afterwards
    if it was opened here; the memory the read freed goes back to the system."""
    opened_here = database.is_closed()
    if opened_here:
        database.connect()
    try:
        return fn(*args, **kwargs)
    finally:
        if opened_here and not database.is_closed():
            database.close()
        heap.give_back()
