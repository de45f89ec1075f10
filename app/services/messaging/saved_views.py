"""Saved inbox views: a named set of filters (and search words) a rep comes back to."""

from __future__ import annotations

from app.clock import utcnow
from app.db import database
from app.models.conversation_extras import SavedView
from app.services.common import audit
from app.errors import InvalidInput, NotFound
from app.services.messaging.inbox import FILTER_KEYS
from app.services.common.input_checks import text

ENTITY = "saved_view"


def _clean(filters: dict, record: str) -> dict:
    if not isinstance(filters, dict):
        raise InvalidInput("filters must be a mapping", record=record, field="filters")
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise InvalidInput("unknown inbox filter(s): {names}",
                           names=', '.join(sorted(unknown)),
                           record=record, field="filters")
    return {k: v for k, v in filters.items() if v not in (None, "", False)}


def save_view(name: str, filters: dict, *, actor: str = "rep") -> SavedView:
    """Save (or overwrite) the view `name`."""
    record = f"saved view '{name}'"
    name = text(name, "name", record, max_len=100)
    filters = _clean(filters, record)
    with database.atomic():
        view = SavedView.get_or_none(SavedView.name == name)
        if view is None:
            position = SavedView.select().count()
            view = SavedView.create(name=name, filters=filters, position=position,
                                    created_at=utcnow())
            action = "add"
        else:
            view.filters = filters
            view.save()
            action = "update"
        audit.record(actor, ENTITY, name, action, filters)
    return view


def views() -> list[tuple[str, dict]]:
    return [(v.name, dict(v.filters or {}))
            for v in SavedView.select().order_by(SavedView.position, SavedView.id)]


def delete_view(name: str, *, actor: str = "rep") -> None:
    view = SavedView.get_or_none(SavedView.name == name)
    if view is None:
        raise NotFound("there is no saved view '{name}'", name=name)
    with database.atomic():
        audit.record(actor, ENTITY, name, "delete", dict(view.filters or {}))
        view.delete_instance()
