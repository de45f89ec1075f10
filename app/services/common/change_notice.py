"""After a write: tell whoever keeps a copy of the cases that the data changed.

The callers of the case services (the window's actions, an import) call `changed()` once a
write has gone through. It tells every subscribed listener: a running deadline monitor
(app.monitor.runner subscribes it, so it re-plans at once), an open page that reloads its
list. Listeners are held weakly: a closed page simply drops out.

Qt-free. Listeners run on the caller's thread; the window only writes on its own thread,
so its listeners may touch widgets.
"""

from __future__ import annotations

import logging
import weakref
from typing import Callable

log = logging.getLogger("afterdesk.changes")

_listeners: list = []     # weak references to callables taking the changed case ids


def subscribe(listener: Callable[[tuple[str, ...]], None]) -> None:
    """Call `listener(case_ids)` after every change; a bound method is held weakly."""
    ref = (weakref.WeakMethod(listener) if hasattr(listener, "__self__")
           else weakref.ref(listener))
    _listeners.append(ref)


def unsubscribe(listener) -> None:
    _listeners[:] = [r for r in _listeners if r() is not None and r() != listener]


def changed(*case_ids: str) -> int:
    """The data changed (for `case_ids`, when known): tell the listeners (the running
    monitor among them). Returns how many listeners were told. A failing listener is logged and the
    others are still told: the write itself has already succeeded."""
    told = 0
    for ref in list(_listeners):
        listener = ref()
        if listener is None:
            _listeners.remove(ref)
            continue
        try:
            listener(tuple(case_ids))
            told += 1
        except Exception:  # noqa: BLE001 - one broken view must not hide the change from others
            log.exception("a listener failed after a change of %s", case_ids or "the data")
    return told
