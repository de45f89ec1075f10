"""The ticks of a case's guided checklist (lost parcel, short shipment: rule GEN-3): read
with the case view, ticked and unticked one step at a time. Each change is one row (or its
removal) and one audit entry on the case, in one transaction; a bad case, guide or step is
an InvalidInput / NotFound and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.clock import utcnow
from app.db import database
from app.models import Dispute
from app.models.case_checklist import CaseChecklistTick
from app.services.casework import aftersales, disputes
from app.services.common import audit
from app.services.casework.case_guides import GUIDES
from app.services.casework.case_ids import case_id, get_case
from app.errors import InvalidInput
from app.services.common.input_checks import choice, optional_instant

@dataclass(frozen=True)
class Tick:
    step: str
    at: datetime
    by: str


@dataclass(frozen=True)
class Checklist:
    """Every ticked step of one case, by guide; `last_guide` is the guide ticked most
    recently (None when nothing is ticked)."""
    ticks: dict = field(default_factory=dict)      # guide key -> {step key: Tick}
    last_guide: str | None = None

    def ticked(self, guide: str) -> frozenset[str]:
        return frozenset(self.ticks.get(guide, {}))


def _owner(case):
    is_dispute = isinstance(case, Dispute)
    column = CaseChecklistTick.dispute if is_dispute else CaseChecklistTick.request
    entity = disputes.ENTITY if is_dispute else aftersales.ENTITY
    return column, entity


def checklist_of(case) -> Checklist:
    """The ticks of `case` (a Dispute or AftersalesRequest)."""
    column, _ = _owner(case)
    rows = list(CaseChecklistTick.select().where(column == case)
                .order_by(CaseChecklistTick.ticked_at, CaseChecklistTick.id))
    ticks: dict[str, dict[str, Tick]] = {}
    for row in rows:
        ticks.setdefault(row.guide, {})[row.step] = Tick(row.step, row.ticked_at, row.ticked_by)
    return Checklist(ticks, rows[-1].guide if rows else None)


def checklist(ref: str) -> Checklist:
    """The ticks of case `ref` ("D-3" / "A-7")."""
    return checklist_of(get_case(ref))


def set_tick(ref: str, guide: str, step: str, done: bool, *, actor: str = "rep",
             at: datetime | None = None) -> bool:
    """Tick (`done`) or untick one step of `guide` on case `ref`. Returns True when
    something changed (ticking a ticked step changes nothing and writes nothing)."""
    case = get_case(ref)
    ref = case_id(case)
    choice(guide, tuple(GUIDES), "guide", ref)
    choice(step, GUIDES[guide].step_keys(), "step", ref)
    if not isinstance(done, bool):
        raise InvalidInput("expected ticked or not (True / False), got {done!r}", done=done,
                           record=ref,
                           field="done")
    at = optional_instant(at, "at", ref) or utcnow()
    column, entity = _owner(case)
    where = (column == case) & (CaseChecklistTick.guide == guide) & (CaseChecklistTick.step == step)
    with database.atomic():
        current = CaseChecklistTick.get_or_none(where)
        if done == (current is not None):
            return False
        if done:
            owner = {"dispute": case} if isinstance(case, Dispute) else {"request": case}
            CaseChecklistTick.create(guide=guide, step=step, ticked_at=at,
                                     ticked_by=(actor or "rep")[:100], **owner)
        else:
            current.delete_instance()
        audit.record(actor, entity, case.uid, "checklist_tick" if done else "checklist_untick",
                     {"guide": guide, "step": step}, at=at)
    return True
