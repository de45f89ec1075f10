"""A change made from what a view showed: the window hands back the version of the row it
showed. A row changed since (by another rep, or another AfterDesk) is refused at once with
who and what (app.errors.StaleEdit); the row's save checks it again inside the write's
transaction (app.models.versioned), so a change made meanwhile is refused too."""

from __future__ import annotations

from app.models.versioned import stale_edit


def as_shown(row, version: int | None):
    """`row`, to be changed as the view showed it at `version` (None: as it is now)."""
    if version is None:
        return row
    if row.version != int(version):
        raise stale_edit(row, int(version))
    return row
