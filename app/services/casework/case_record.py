"""What every change of a case writes, the same for an after-sales request (A-) and a
dispute (D-): the rep's judgement of the cause, and the common tail of a step (next
deadline, save, event, audit entry)."""

from __future__ import annotations

from datetime import datetime

from app.clock import utcnow
from app.db import database
from app.services.casework import case_deadlines
from app.services.casework.case_ids import case_id
from app.services.common import audit
from app.services.common.input_checks import choice
from app.vocab import CAUSES


def set_cause(case, cause: str, entity: str, actor: str):
    """The rep's judgement of who caused the problem, for statistics (GEN-1)."""
    choice(cause, CAUSES, "cause", case_id(case))
    with database.atomic():
        before = case.cause
        case.cause, case.updated_at = cause, utcnow()
        case.save()
        audit.record(actor, entity, case.uid, "set_cause", {"from": before, "to": cause})
    return case


def finish(case, event_link, role: str, entity: str, action: str, from_state, at: datetime,
           actor: str, detail=None, by_rule=None) -> None:
    """Next deadline, save, event, audit: the common tail of every change (in a
    transaction). `event_link`: the event table's field naming the case (e.g.
    RequestEvent.request); `role`: who took the step (buyer, seller, platform…)."""
    case.updated_at = utcnow()
    case_deadlines.refresh_next_due(case, at)
    case.save()
    event_link.model.create(**{event_link.name: case}, at=at, actor=role, action=action,
                            from_state=from_state or None, to_state=case.state, detail=detail,
                            by_rule=by_rule, recorded_at=utcnow(), recorded_by=actor)
    audit.record(actor, entity, case.uid, action,
                 {"from": from_state or None, "to": case.state, "at": at.isoformat(),
                  **({"rule": by_rule} if by_rule else {}), **(detail or {})})
