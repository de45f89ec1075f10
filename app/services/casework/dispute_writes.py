"""The write machinery of the dispute service: one change of a dispute, checked against the
state machine and the clocks, saved with its proposals, event and audit entry together.
"""

from __future__ import annotations

from decimal import Decimal

from app.clock import format_instant
from app.db import database
from app.models import Dispute, DisputeEvent, DisputeProposal
from app.services.casework import dispute_rules as rules
from app.services.casework import case_record
from app.services.casework.case_ids import case_id
from app.services.casework.dispute_rules import DISPUTE_MACHINE, ROLES
from app.errors import InvalidInput
from app.services.common.input_checks import instant, money, not_before, text
from app.services.commerce.policy import load_profile

ENTITY = "dispute"


def proposal(dispute, party: str) -> DisputeProposal | None:
    return DisputeProposal.get_or_none((DisputeProposal.dispute == dispute)
                                       & (DisputeProposal.party == party))


def proposals(dispute) -> dict[str, DisputeProposal]:
    """The proposals side by side (AE-9): {'buyer': ..., 'seller': ..., 'platform': ...}."""
    return {p.party: p for p in dispute.proposals}


def allowed(dispute, action) -> str:
    """Refuse at once an action the state does not allow (before any other check)."""
    ref = case_id(dispute)
    if not DISPUTE_MACHINE.can(dispute.state, action):
        DISPUTE_MACHINE.next_state(dispute.state, action, subject=ref)
    return ref


def amount_of(order, value, record, *, positive=False) -> Decimal:
    amount = money(value, "refund_amount", record, positive=positive)
    assert amount is not None            # money() gives None only with allow_none
    if amount > order.paid_amount:
        raise InvalidInput("{amount} {currency} is more than the buyer paid ({paid_amount} "
                           "{currency})",
                           amount=amount, currency=order.currency,
                           paid_amount=order.paid_amount, record=record,
                           field="refund_amount")
    return amount


def agree(dispute, action, at, actor, accepted, *, by_rule=None, solution=None, extra=None):
    """An agreement on a proposal: the refund ends the dispute, a return waits for the goods.
    The resolution follows from the action (dispute_rules.RESOLUTION_OF)."""
    resolution = rules.RESOLUTION_OF[action]
    at = instant(at, "at", case_id(dispute))
    if solution is not None:
        solution_type, amount, note = solution
        props = [("platform", solution_type, amount, "reached", note)]
    else:
        solution_type, amount = accepted.solution_type, accepted.refund_amount
        props = [(accepted.party, None, None, "reached", None)]
    changes = {"resolution": resolution, "refund_amount": amount}
    if solution_type == "refund":
        changes["closed_at"] = at
    else:
        changes["return_agreed_at"] = at
    detail = {"solution_type": solution_type, "refund_amount": str(amount), **(extra or {})}
    return act(dispute, action, at, actor, changes, detail, by_rule=by_rule,
                branch=solution_type, proposals=props)


def act(dispute, action, at, actor, changes, detail=None, *, by_rule=None, branch=None,
         proposals=(), check=None) -> Dispute:
    ref = case_id(dispute)
    at = instant(at, "at", ref)
    from_state = dispute.state
    to_state = DISPUTE_MACHINE.next_state(from_state, action, branch, subject=ref)
    last = (DisputeEvent.select(DisputeEvent.at).where(DisputeEvent.dispute == dispute)
            .order_by(DisputeEvent.at.desc()).first())
    not_before(at, last.at if last else dispute.opened_at, "at", "the dispute's last step", ref)
    shop = dispute.order.shop
    profile = load_profile(shop.platform)
    rules.check_seller_clock(dispute, action, at, profile, shop.timezone)   # rule AE-3
    rules.check_return_clock(dispute, action, at, profile, shop.timezone)   # rule AE-15
    if check is not None:
        check(profile, shop.timezone)
    changes, detail = keep_first_closure(dispute, changes, detail, at)
    with database.atomic():
        for field, value in changes.items():
            setattr(dispute, field, value)
        # rule AE-3: only accepting, refusing or counter-proposing answers the buyer
        if action in rules.SELLER_RESPONSES and not dispute.seller_responded_at:
            dispute.seller_responded_at = at
        dispute.state = to_state
        for party, solution_type, amount, status, note in proposals:
            propose(dispute, party, at, solution_type, amount, status, note)
        finish(dispute, action, from_state, at, actor, detail,
                profile.rule(by_rule) if by_rule else None)
    return dispute


def keep_first_closure(dispute, changes: dict, detail: dict | None, at):
    """rule AE-14: `closed_at` keeps the dispute's first closure (the appeal window and the
    other clocks count from it). A later closure, after an appeal, is recorded in the
    event's detail instead (`closed_at`, with `first_closed_at`)."""
    if changes.get("closed_at") is None or dispute.closed_at is None:
        return changes, detail
    kept = {k: v for k, v in changes.items() if k != "closed_at"}
    return kept, {**(detail or {}), "closed_at": format_instant(at),
                  "first_closed_at": format_instant(dispute.closed_at)}


def propose(dispute, party, at, solution_type, amount, status, note) -> None:
    """Create or update one party's proposal; a status-only change skips a missing one."""
    current = proposal(dispute, party)
    if current is None:
        if solution_type is None:
            return
        current = DisputeProposal(dispute=dispute, party=party, currency=dispute.currency,
                                  created_at=at)
    if solution_type is not None:
        current.solution_type, current.refund_amount = solution_type, amount
    if note is not None:
        current.note = text(note, "note", required=False)
    current.status, current.updated_at = status, at
    current.save()


def finish(dispute, action, from_state, at, actor, detail=None, by_rule=None) -> None:
    """Event, audit, next deadline, save: the common tail of every change (in a transaction)."""
    case_record.finish(dispute, DisputeEvent.dispute, ROLES[action], ENTITY, action,
                       from_state, at, actor, detail, by_rule)
