"""The audit trail: who changed what, when. Called inside the caller's transaction."""

from __future__ import annotations

from app.clock import utcnow
from app.models import AuditEntry


def record(actor: str, entity: str, entity_ref: str, action: str, detail=None, at=None) -> AuditEntry:
    return AuditEntry.create(at=at or utcnow(), actor=actor or "system", entity=entity,
                             entity_ref=str(entity_ref), action=action, detail=detail)


def entries_for(entity: str, entity_ref: str) -> list[AuditEntry]:
    return list(AuditEntry.select()
                .where((AuditEntry.entity == entity) & (AuditEntry.entity_ref == str(entity_ref)))
                .order_by(AuditEntry.at, AuditEntry.id))
