"""The audit trail: who changed what, when. Called inside the caller's transaction.

The rep is named as such (app.services.common.reps: "rep" becomes the rep's name), and
each entry adds a row to the change log the other AfterDesks on the same database poll
(app.services.common.live_changes): the narrowest place every write passes.
"""

from __future__ import annotations

from app.clock import utcnow
from app.models import AuditEntry
from app.services.common.live_changes import log_change
from app.services.common.reps import actor_name


def record(actor: str, entity: str, entity_ref: str, action: str, detail=None, at=None) -> AuditEntry:
    actor = actor_name(actor)
    entry = AuditEntry.create(at=at or utcnow(), actor=actor, entity=entity,
                              entity_ref=str(entity_ref), action=action, detail=detail)
    log_change(actor, entity, str(entity_ref), action)
    return entry


def entries_for(entity: str, entity_ref: str) -> list[AuditEntry]:
    return list(AuditEntry.select()
                .where((AuditEntry.entity == entity) & (AuditEntry.entity_ref == str(entity_ref)))
                .order_by(AuditEntry.at, AuditEntry.id))
