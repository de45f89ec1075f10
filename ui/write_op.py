"""Every write the window makes goes through here: run it, report what went wrong, and
announce what changed.

    run_write(self, partial(followups.set_reason, conv, "busy"), changes=[FOLLOWUPS])

runs the write now, on the GUI thread (a write that stays small whatever the shop's size:
one message, one step of a case). A write that grows with the data (an import, a restore)
goes to a pool thread with `run_write_in_background`, with a database connection of its
own; its outcome comes back to the GUI thread.

Afterwards, one of three things:
- it went through: `on_done(result)`, then one notice (app.services.common.change_notice)
  saying what kind of thing changed, e.g. cases, conversations, orders. The pages listen to
  it and reload what they show; it wakes the deadline monitor when a deadline may move. No
  page reloads another page or wakes the monitor by hand.
- it was refused or the database could not take it (a ServiceError, a locked or read-only
  database…, ui.errors.is_expected): the usual message box, or `on_refused(error)` for a
  form that shows the refusal in its own error line. Nothing is announced.
- anything else is a bug: the crash dialog (ui.errors.report_exception).
`on_failed(error)` runs first after either failure, e.g. to put a ticked box back.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterable

from PySide6.QtWidgets import QWidget

from app.services.common import change_notice
from app.services.common.change_notice import (  # noqa: F401 - the kinds, for the callers
    CASES, COMPLAINTS, CONVERSATIONS, EVERYTHING, EVIDENCE, FOLLOWUPS, ORDERS, PHRASES,
    POLICY, SHOPS, VIEWS)
from ui.errors import is_expected, report_exception
from ui.server_state import server_state

Refs = Iterable[str] | Callable[[Any], Iterable[str]]


@dataclass(frozen=True)
class Written:
    """What run_write did: true when the write went through, with its result."""

    ok: bool
    result: Any = None
    error: BaseException | None = None

    def __bool__(self) -> bool:
        return self.ok


def run_write(parent: QWidget | None, write: Callable[[], Any], *, changes: Iterable[str],
              refs: Refs = (), on_done: Callable[[Any], None] | None = None,
              on_refused: Callable[[BaseException], None] | None = None,
              on_failed: Callable[[BaseException], None] | None = None) -> Written:
    """Run `write()` now (GUI thread). `changes`: the kinds of thing it changes (the kinds
    of app.services.common.change_notice); `refs`: the cases it concerns, or a function of
    the result that says them (a new case's ref is known only afterwards)."""
    try:
        result = write()
    except Exception as error:  # noqa: BLE001 - shown to the rep (or the crash dialog)
        _failed(parent, error, on_refused, on_failed)
        return Written(False, error=error)
    _succeeded(result, changes, refs, on_done)
    return Written(True, result)


def run_write_in_background(parent: QWidget, write: Callable[[], Any], *,
                            changes: Iterable[str], refs: Refs = (),
                            on_done: Callable[[Any], None] | None = None,
                            on_refused: Callable[[BaseException], None] | None = None,
                            on_failed: Callable[[BaseException], None] | None = None,
                            connect: bool = True) -> None:
    """Run `write()` on a pool thread with a database connection of that thread (none with
    `connect=False`: a restore replaces the closed database file); the outcome is handled
    as run_write handles it, on the GUI thread. When `parent` has been destroyed meanwhile
    the change is still announced (and a problem still reported)."""
    import shiboken6

    from app.services.common.background import run_read     # a connection for the thread
    from ui.worker import run_in_background
    changes = tuple(changes)

    def alive() -> bool:
        return parent is not None and shiboken6.isValid(parent)

    def done(result) -> None:
        _succeeded(result, changes, refs, on_done if alive() else None)

    def failed(error: BaseException) -> None:
        if alive():
            _failed(parent, error, on_refused, on_failed)
        else:
            report_exception(error)

    run_in_background(partial(run_read, write) if connect else write, on_result=done,
                      on_error=failed)


def _succeeded(result, changes: Iterable[str], refs: Refs, on_done) -> None:
    if on_done is not None:
        on_done(result)
    change_notice.changed(changes, refs(result) if callable(refs) else refs)


def _failed(parent, error: BaseException, on_refused=None, on_failed=None) -> None:
    server_state().noticed(error)       # the server gone: the window's banner says so
    if on_failed is not None:           # first: e.g. the database opened again
        on_failed(error)
    if on_refused is not None and is_expected(error):
        on_refused(error)
    else:
        report_exception(error, parent)
