"""Reading from a worker thread.

Peewee keeps one connection per thread. A list loaded off the window's thread opens
its own connection for the duration of the read and closes it again, so no worker
thread keeps the database file open.
"""

from __future__ import annotations

import time

from app import heap
from app.db import database

# A read quicker than this cannot have freed much (the first screenful of a list at start:
# 5-10 ms); handing memory back is left to the reads that build big lists.
GIVE_BACK_AFTER_S = 0.05


def run_read(fn, *args, **kwargs):
    """Call `fn(*args, **kwargs)` with a connection of this thread, closed afterwards
    if it was opened here; after a long read the memory it freed goes back to the system."""
    began = time.perf_counter()
    opened_here = database.is_closed()
    if opened_here:
        database.connect()
    try:
        return fn(*args, **kwargs)
    finally:
        if opened_here and not database.is_closed():
            database.close()
        if time.perf_counter() - began >= GIVE_BACK_AFTER_S:
            heap.give_back()
