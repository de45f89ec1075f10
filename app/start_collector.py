"""Python's cycle collector during a window start.

A start creates some hundred thousand objects that live as long as the program: modules,
classes, functions, Qt's enum types. The cycle collector would run about seventy times
while they are made (≈ 5 % of a start, measured) and find nothing to free. `pause()` stops
it before the window's modules load; `resume()` — once the first list has been painted,
or when the start ends some other way — moves what exists to the permanent generation
(`gc.freeze`: later collections never scan the start's objects again) and restarts it.
The few hundred objects of cyclic garbage a start leaves (measured on an empty database:
about 560) stay with them; collecting them first would cost a full collection right after
the first paint.
"""

from __future__ import annotations

import gc

_paused = {"by_start": False}


def pause() -> None:
    if gc.isenabled():
        gc.disable()
        _paused["by_start"] = True


def resume() -> None:
    """Restart the collector if `pause` stopped it (again: nothing)."""
    if _paused["by_start"]:
        _paused["by_start"] = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    return _paused["by_start"]
