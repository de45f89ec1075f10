"""What the platform does by itself when a deadline passes unmet, recorded by the monitor.

- rule AE-3: the seller did not answer the buyer's proposal in time: it is carried out;
- rule AE-6: no agreement by the day the system escalates: the dispute is escalated;
- rule TB-3: the seller did not act on an after-sales request in time: it is agreed.

Each goes through the case services, so the event carries the rule (`by_rule`), the audit
log names the monitor, and the state machine and clock checks apply. Applying is
idempotent: it happens only while the case still waits at that very deadline (same kind,
same due instant, missed, the action possible in the case's state); otherwise nothing is
written. A rep who learns the platform did otherwise corrects the case through the same
services.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

from app.db import database
from app.models import Dispute
from app.monitor.schedule import MISSED_AFTER
from app.rules.deadline import Deadline
from app.services.casework import aftersales, disputes
from app.services.casework.aftersales_rules import REQUEST_MACHINE
from app.services.casework.case_ids import get_case
from app.services.casework.case_deadlines import case_deadlines
from app.services.casework.dispute_rules import DISPUTE_MACHINE
from app.errors import NotFound, ServiceError

log = logging.getLogger("afterdesk.monitor")

MONITOR_ACTOR = "monitor"   # who recorded it, in the audit log
SETTING_KEY = "monitor.apply_platform_rules"


@dataclass(frozen=True)
class PlatformStep:
    action: str                       # the service action, e.g. "auto_agree"
    apply: Callable                   # service function (case, at, *, actor)
    what: str                         # for a rep: what the platform did


# (deadline subject, deadline kind) -> what the platform does once it is missed.
PLATFORM_STEPS: dict[tuple[str, str], PlatformStep] = {
    # rule AE-3: the buyer's proposal is carried out.
    ("dispute", "seller_response"): PlatformStep(
        "seller_response_timeout", disputes.seller_response_timeout,
        "The seller's time to respond ran out: the platform carried out the buyer's proposal"),
    # rule AE-6: the system escalates a dispute without agreement.
    ("dispute", "auto_escalation"): PlatformStep(
        "auto_escalate", disputes.auto_escalate,
        "No agreement in time: the platform escalated the dispute"),
    # rule TB-3: a request the seller never acted on is agreed automatically.
    ("aftersales", "seller_action"): PlatformStep(
        "auto_agree", aftersales.auto_agree,
        "The seller's time to act ran out: the platform agreed to the request"),
}
PLATFORM_KINDS = frozenset(PLATFORM_STEPS)


@dataclass(frozen=True)
class Outcome:
    applied: bool
    case_id: str
    action: str
    text: str          # what happened, for a rep and the log
    rule: str


def apply_platform_rule(deadline: Deadline, *, actor: str = MONITOR_ACTOR) -> Outcome | None:
    """Record what the platform did when `deadline` was missed (at due + 1 s). None when
    there is nothing to do (the case moved on, or it was recorded already); an Outcome with
    applied=False when a rule or the case's history refused it (logged, nothing written)."""
    step = PLATFORM_STEPS.get((deadline.subject, deadline.kind))
    if step is None or deadline.case_id is None:
        return None
    # The check that the case still waits and the write, in one turn at the write lock: a
    # rep's change in another window between the two cannot be overwritten.
    with database.atomic():
        return _apply(step, deadline, actor)


def _apply(step: PlatformStep, deadline: Deadline, actor: str) -> Outcome | None:
    try:
        case = get_case(deadline.case_id)
    except NotFound:
        return None
    at = deadline.due_at + MISSED_AFTER
    if not _still_waiting(case, step.action, deadline, at):
        return None
    try:
        step.apply(case, at, actor=actor)
    except ServiceError as refusal:
        text = f"{deadline.case_id}: not recorded automatically ({refusal})"
        log.warning("platform rule %s on %s refused: %s", deadline.rule, deadline.case_id,
                    refusal)
        return Outcome(False, deadline.case_id, step.action, text, deadline.rule)
    log.info("platform rule %s applied on %s: %s", deadline.rule, deadline.case_id, step.action)
    return Outcome(True, deadline.case_id, step.action, f"{deadline.case_id}: {step.what}",
                   deadline.rule)


def _still_waiting(case, action: str, deadline: Deadline, at) -> bool:
    machine = DISPUTE_MACHINE if isinstance(case, Dispute) else REQUEST_MACHINE
    if not machine.can(case.state, action):
        return False
    current = [d for d in case_deadlines(deadline.case_id, at)
               if d.kind == deadline.kind and d.due_at == deadline.due_at]
    return any(d.state == "missed" for d in current)
