"""Giving memory back to the system after a big read.

A list read on a big shop builds tens of MB of temporary objects that are freed when the
read ends. On Linux, glibc's allocator keeps such freed memory inside the process for
later use, so the process stays as large as its biggest read; `malloc_trim` hands the
free pages back. Windows' heap returns them by itself: there this does nothing.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger("afterdesk.heap")

_trim = None
if sys.platform.startswith("linux"):
    try:
        _trim = ctypes.CDLL("libc.so.6").malloc_trim
        _trim.argtypes = [ctypes.c_size_t]
        _trim.restype = ctypes.c_int
    except (OSError, AttributeError):      # not glibc (e.g. musl): nothing to trim
        _trim = None


def give_back() -> None:
    """Return the freed heap memory to the system where the allocator keeps it."""
    if _trim is not None:
        try:
            _trim(0)
        except OSError as exc:          # never worth failing a read for
            log.debug("malloc_trim failed: %s", exc)
