"""After a write: one notice that says what kind of thing changed.

Every write the window makes goes through one helper (ui/write_op.py) that calls
`changed(kinds, refs)` once the write has gone through. The notice tells every subscribed
listener: a running deadline monitor (app.monitor.runner subscribes it; it re-plans at
once when the change can move a deadline, DEADLINE_KINDS), an open page that reloads its
list when the change touches what it shows. Listeners are held weakly: a closed page
simply drops out.

Qt-free. Listeners run on the caller's thread; the window announces changes on its own
thread, so its listeners may touch widgets.
"""

from __future__ import annotations

import logging
import weakref
from dataclasses import dataclass
from typing import Callable, Iterable

log = logging.getLogger("afterdesk.changes")

# What can change, in the words the pages listen for.
CONVERSATIONS = "conversations"   # messages, stars, assignees, translations
CASES = "cases"                   # after-sales requests and disputes, their steps and ticks
COMPLAINTS = "complaints"         # complaints and reviews (GEN-8)
FOLLOWUPS = "followups"           # follow-ups of quiet buyers (GEN-7)
ORDERS = "orders"                 # orders (imports, parcel window extensions)
EVIDENCE = "evidence"             # evidence packs
SHOPS = "shops"
POLICY = "policy"                 # rule values, the working-day calendar, settings
PHRASES = "phrases"               # quick phrases and automatic replies
VIEWS = "views"                   # saved inbox views
KINDS = (CONVERSATIONS, CASES, COMPLAINTS, FOLLOWUPS, ORDERS, EVIDENCE, SHOPS, POLICY,
         PHRASES, VIEWS)
EVERYTHING = frozenset(KINDS)     # e.g. after a restore
# Changes that can move a deadline: the monitor re-plans after them.
DEADLINE_KINDS = frozenset((CONVERSATIONS, CASES, COMPLAINTS, FOLLOWUPS, ORDERS, SHOPS,
                            POLICY))


@dataclass(frozen=True)
class Change:
    kinds: frozenset[str]
    refs: tuple[str, ...] = ()      # the cases concerned ("D-3", "A-7", "C-2"), when known;
    # another AfterDesk's change also names its conversations ("conversation 5")

    def touches(self, kinds: Iterable[str]) -> bool:
        return not self.kinds.isdisjoint(kinds)


_listeners: list = []     # weak references to callables taking a Change


def subscribe(listener: Callable[[Change], None]) -> None:
    """Call `listener(change)` after every change; a bound method is held weakly."""
    ref = (weakref.WeakMethod(listener) if hasattr(listener, "__self__")
           else weakref.ref(listener))
    _listeners.append(ref)


def unsubscribe(listener) -> None:
    _listeners[:] = [r for r in _listeners if r() is not None and r() != listener]


def changed(kinds: Iterable[str] = EVERYTHING, refs: Iterable[str] = ()) -> int:
    """The data changed (these kinds of thing; for the cases `refs`, when known): tell the
    listeners (the running monitor among them). Returns how many listeners were told. A failing listener is logged and the others are still told: the
    write itself has already succeeded."""
    change = Change(frozenset(kinds), tuple(refs))
    unknown = change.kinds - EVERYTHING
    if unknown:
        raise ValueError(f"unknown kind(s) of change: {', '.join(sorted(unknown))}")
    told = 0
    for ref in list(_listeners):
        listener = ref()
        if listener is None:
            _listeners.remove(ref)
            continue
        try:
            listener(change)
            told += 1
        except Exception:  # noqa: BLE001 - one broken view must not hide the change from others
            log.exception("a listener failed after a change of %s", sorted(change.kinds))
    return told
