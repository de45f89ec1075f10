"""Giving memory back to the system after a big read.

A list read on a big shop builds tens of MB of temporary objects that are freed when the
read ends. On Linux, glibc's allocator keeps such freed memory inside the process for
later use, so the process stays as large as its biggest read; `malloc_trim` hands the
free pages back. Windows' heap returns them by itself: there this does nothing.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger("afterdesk.heap")

_UNKNOWN = object()
_trim = _UNKNOWN        # glibc's malloc_trim, looked up at the first call (None: nothing to do)


def _find_trim():
    if not sys.platform.startswith("linux"):
        return None
    import ctypes           # only where it is used, not in every start
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):      # not glibc (e.g. musl): nothing to trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back() -> None:
    """Return the freed heap memory to the system where the allocator keeps it."""
    global _trim
    if _trim is _UNKNOWN:
        _trim = _find_trim()
    if _trim is not None:
        try:
            _trim(0)
        except OSError as exc:          # never worth failing a read for
            log.debug("malloc_trim failed: %s", exc)
