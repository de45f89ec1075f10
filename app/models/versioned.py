"""Rows several reps edit at once carry a version: saving one checks that the row is still
at the version it was read at (or shown at: the window hands that back) and counts it up.
A save from a stale copy is refused with what changed meanwhile and by whom, never a
silent overwrite of another rep's change."""

from __future__ import annotations

from app.errors import StaleEdit


class Versioned:
    """Mixin for a model with `version = IntegerField(default=0)`; `audit_entity` names it
    as the audit trail and the change log do, `label()` as the rep reads it."""

    audit_entity = ""

    def label(self) -> str:
        return f"{self.audit_entity} {self.get_id()}"

    def save(self, force_insert=False, only=None):
        if force_insert or self.get_id() is None:
            return super().save(force_insert=force_insert, only=only)
        model = type(self)
        shown = self.version
        self.version = shown + 1
        self._saving_from = shown       # one UPDATE … WHERE id = ? AND version = shown
        try:
            rows = super().save(only=None if only is None else [*only, model.version])
        finally:
            del self._saving_from
        if not rows:
            self.version = shown
            raise stale_edit(self, shown)
        return rows

    def _pk_expr(self):
        expr = super()._pk_expr()
        shown = getattr(self, "_saving_from", None)
        return expr if shown is None else expr & (type(self).version == shown)


def stale_edit(row, shown: int) -> StaleEdit:
    """The refusal of a change made from `row` as it was at version `shown`: the changes
    made since, from the change log (who, what, when)."""
    from app.models.live import ChangeLog
    since = list(ChangeLog.select()
                 .where((ChangeLog.entity == row.audit_entity)
                        & (ChangeLog.entity_ref == str(getattr(row, "uid", row.get_id())))
                        & ((ChangeLog.version > shown) | ChangeLog.version.is_null()))
                 .order_by(ChangeLog.id.desc()).limit(5))
    since = [c for c in since if c.version is not None] or since[:1]
    newest = since[0] if since else None
    # A change the log does not name (a delivery confirmed by the mail sync): said plainly.
    return StaleEdit(row.label(),
                     reps=", ".join(dict.fromkeys(c.rep for c in since)) or "another AfterDesk",
                     actions=", ".join(dict.fromkeys(c.action for c in reversed(since)))
                     or "update", at=newest.at if newest else None)

