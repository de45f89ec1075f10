"""AliExpress disputes (issues): `aliexpress.issue.issuelist.get` and
`aliexpress.issue.detail.get` answers merged into AfterDesk's disputes.

One record per dispute: the issue id is the key. A dispute the rep recorded by hand on
the same order (no issue id yet, still open) becomes the platform's dispute; otherwise a
new one is opened with the buyer's proposal. Then what the platform reports moves it on,
each step through the dispute service's own writes (events, audit, AE deadlines): the
buyer's changed proposal (AE-3 restarts), arbitration (escalated), cancellation, and the
end of the dispute. The platform's word is the fact: a step it reports is recorded even
where AfterDesk's rules would have refused it by hand (it is never a crash); a step that
still cannot be recorded is flagged in the audit trail for the rep.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from app.errors import ServiceError
from app.models import Dispute, Order
from app.platforms.records import ACTOR, amount, flag_unknown_state, platform_time
from app.services.common import audit
from app.vocab import DISPUTE_FINAL_STATES

log = logging.getLogger("afterdesk.platforms")

LIST_METHOD = "aliexpress.issue.issuelist.get"
DETAIL_METHOD = "aliexpress.issue.detail.get"
PAGE_SIZE = 50
PLATFORM = "aliexpress"
PROCESSING, CANCELLED, FINISHED = "processing", "canceled_issue", "finish"
ISSUE_STATES = (PROCESSING, CANCELLED, FINISHED)
NEGOTIABLE = ("awaiting_seller", "negotiating")
SOLUTION_TYPES = ("refund", "return_and_refund")

# reason (English) → (kind, sub_kind) of AE-1; the first matching words win.
_REASONS = (
    (("customs",), ("not_received", "customs")),
    (("return", "sender"), ("not_received", "returned_to_sender")),
    (("address",), ("not_received", "wrong_address")),
    (("tracking",), ("not_received", "no_tracking")),
    (("lost",), ("not_received", "lost")),
    (("not received", "didn't receive", "did not receive", "shipping", "delivery",
      "transit"), ("not_received", "in_transit")),
    (("quantity", "short"), ("not_as_described", "short_quantity")),
    (("damage",), ("not_as_described", "damaged")),
    (("work", "function"), ("not_as_described", "not_working")),
    (("counterfeit", "fake"), ("not_as_described", "counterfeit")),
    (("quality",), ("not_as_described", "quality")),
)


def list_query(page: int, status: str = PROCESSING) -> dict:
    return {"query_dto": {"current_page": page, "page_size": PAGE_SIZE,
                          "issue_status": status}}


def listed(answer: dict) -> list[dict]:
    found = (answer.get("data_list") or {}).get("issue_api_issue_dto") or []
    return [i for i in found if isinstance(i, dict)]


def detail_of(answer: dict) -> dict:
    result = answer.get("result_object")
    return result if isinstance(result, dict) else {}


def kind_of(reason: str) -> tuple[str, str]:
    words = reason.lower()
    for keys, kind in _REASONS:
        if any(k in words for k in keys):
            return kind
    return ("not_as_described", "not_as_described")


def _solutions(detail: dict, side: str) -> list[dict]:
    found = (detail.get(f"{side}_solution_list") or {}).get("solution_api_dto") or []
    return [s for s in found if isinstance(s, dict)]


def _processes(detail: dict) -> list[dict]:
    found = (detail.get("process_dto_list") or {}).get("api_issue_process_dto") or []
    steps = [p for p in found if isinstance(p, dict)]
    return sorted(steps, key=lambda p: str(p.get("gmt_create") or ""))


def buyer_statements(issue_id: str, detail: dict, order_no: str) -> list:
    """What the buyer wrote in the dispute (the proposal's and each step's words), as
    incoming messages of the order's conversation; each keeps an id of its own, so a
    detail read again stores nothing twice."""
    from app.channels.incoming import Incoming
    login = str(detail.get("buyer_login_id") or "").strip().lower()
    out = []
    for step in _processes(detail):
        words = str(step.get("content") or "").strip()
        at = _time(step.get("gmt_create"))
        if not words or at is None or step.get("submit_member_type") != "buyer":
            continue
        action = str(step.get("action_type") or "")
        out.append(Incoming(
            channel_id=f"aliexpress-issue:{issue_id}:{step.get('gmt_create')}:{action}",
            sender=login, sender_name="", subject=f"Dispute {issue_id} · order {order_no}",
            body=words, at=at))
    return out


def _time(value):
    return platform_time(value, PLATFORM)


def _order(shop, issue: dict) -> Order | None:
    for key in ("parent_order_id", "order_id"):
        number = str(issue.get(key) or "").strip()
        if number:
            found = Order.get_or_none((Order.shop == shop) & (Order.order_no == number))
            if found is not None:
                return found
    return None


def _refund(order: Order, solution: dict | None) -> Decimal:
    if solution is None:
        return order.paid_amount
    for key in ("refund_money_post", "refund_money"):
        value = amount(solution.get(key))
        if value > 0:
            return min(value, order.paid_amount)
    return order.paid_amount


def merge(shop, issue: dict, detail: dict) -> str:
    """Merge one issue (its list entry and its detail): 'added', 'linked', 'updated',
    'unchanged', 'waiting' (its order is not here yet: read again next time) or 'skipped'
    (noted in the audit trail)."""
    issue_id = str(issue.get("issue_id") or detail.get("id") or "").strip()
    status = str(detail.get("issue_status") or issue.get("issue_status") or "").strip()
    if not issue_id:
        return "skipped"
    if status not in ISSUE_STATES:
        flag_unknown_state(shop, issue_id, status, "dispute")
        return "skipped"
    dispute = Dispute.get_or_none(Dispute.issue_id == issue_id)
    outcome = "unchanged"
    if dispute is None:
        order = _order(shop, {**issue, **detail})
        if order is None:
            _note(shop, issue_id, "the dispute's order is not in AfterDesk yet: it is "
                  "taken in once the order is")
            return "waiting"
        dispute, outcome = _link_or_open(shop, order, issue_id, issue, detail)
        if dispute is None:
            return "skipped"
    if dispute.state in DISPUTE_FINAL_STATES and status == PROCESSING:
        return outcome
    moved = _advance(shop, dispute, status, detail)
    return "updated" if moved and outcome == "unchanged" else outcome


def _link_or_open(shop, order: Order, issue_id: str, issue: dict, detail: dict):
    from app.services.casework import disputes
    by_hand = (Dispute.select().where((Dispute.order == order) & Dispute.issue_id.is_null()
                                      & Dispute.state.not_in(DISPUTE_FINAL_STATES))
               .order_by(Dispute.id.desc()).first())
    if by_hand is not None:
        by_hand.issue_id = issue_id
        by_hand.save(only=[Dispute.issue_id])
        audit.record(ACTOR, "dispute", by_hand.uid, "linked to the platform",
                     {"issue_id": issue_id})
        return by_hand, "linked"
    opened = _time(detail.get("gmt_create") or issue.get("gmt_create"))
    if opened is None:
        _note(shop, issue_id, "the platform gave no opening time")
        return None, "skipped"
    reason = str(detail.get("issue_reason") or issue.get("reason_english")
                 or issue.get("reason_chinese") or "—")[:100]
    kind, sub_kind = kind_of(f"{issue.get('reason_english') or ''} {reason}")
    buyer = next(iter(_solutions(detail, "buyer")), None)
    solution_type = str((buyer or {}).get("solution_type") or "refund")
    if solution_type not in SOLUTION_TYPES:
        solution_type = "refund"
    refund = _refund(order, buyer)
    if refund <= 0:
        _note(shop, issue_id, "the order's paid amount is not known: record the dispute "
              "by hand")
        return None, "skipped"
    try:
        dispute = disputes.open_dispute(
            order, kind, sub_kind, reason, solution_type, refund,
            max(opened, order.paid_at or order.created_at), issue_id=issue_id,
            reason_text=str(issue.get("reason_chinese") or ""), actor=ACTOR)
    except ServiceError as exc:
        _note(shop, issue_id, f"not recorded: {exc}")
        return None, "skipped"
    return dispute, "added"


def _advance(shop, dispute: Dispute, status: str, detail: dict) -> bool:
    """Record the steps the platform reports that the dispute does not have yet."""
    moved = False
    buyer = next(iter(_solutions(detail, "buyer")), None)
    changed = _time((buyer or {}).get("gmt_modified"))
    if (buyer is not None and changed is not None and dispute.state in NEGOTIABLE
            and changed > dispute.buyer_changed_at):
        moved |= _buyer_modified(shop, dispute, buyer, changed)
    arbitration = next((p for p in _processes(detail)
                        if p.get("action_type") == "buyer_initiate_arbitration"), None)
    if arbitration is not None and dispute.state in NEGOTIABLE:
        at = _time(arbitration.get("gmt_create"))
        if at is not None:
            moved |= _step(shop, dispute, "buyer_escalate", at,
                           {"escalated_at": at, "escalated_by": "buyer"})
    if status == CANCELLED and dispute.state not in DISPUTE_FINAL_STATES:
        moved |= _cancelled(shop, dispute, _last_time(detail))
    if status == FINISHED and dispute.state not in DISPUTE_FINAL_STATES:
        moved |= _finished(shop, dispute, detail)
    return moved


def _buyer_modified(shop, dispute, buyer: dict, at) -> bool:
    from app.services.casework import disputes
    solution_type = str(buyer.get("solution_type") or "")
    try:
        disputes.buyer_modify(
            dispute, at, solution_type=solution_type if solution_type in SOLUTION_TYPES
            else None, refund_amount=_refund(dispute.order, buyer), actor=ACTOR)
    except ServiceError as exc:
        _note(shop, dispute.issue_id, f"the buyer's change was not recorded: {exc}")
        return False
    return True


def _step(shop, dispute, action: str, at, changes: dict) -> bool:
    """A step the platform reports, recorded without AfterDesk's own window checks."""
    from app.services.casework import dispute_writes
    try:
        dispute_writes.act(dispute, action, at, ACTOR, changes, {"source": PLATFORM})
    except ServiceError as exc:
        _note(shop, dispute.issue_id, f"{action.replace('_', ' ')} not recorded: {exc}")
        return False
    return True


def _cancelled(shop, dispute, at) -> bool:
    from app.services.casework import disputes
    try:
        disputes.buyer_cancel(dispute, at or dispute.updated_at, actor=ACTOR)
    except ServiceError as exc:
        _note(shop, dispute.issue_id, f"the cancellation was not recorded: {exc}")
        return False
    return True


def _finished(shop, dispute, detail: dict) -> bool:
    """The dispute ended on the platform: the reached solution says how."""
    from app.services.casework import disputes
    reached = None
    for side in ("platform", "seller", "buyer"):
        for solution in _solutions(detail, side):
            if solution.get("status") in ("reached", "perform"):
                reached = (side, solution)
                break
        if reached:
            break
    at = _time((reached[1] if reached else {}).get("reached_time")) or _last_time(detail)
    if reached is None or at is None:
        _note(shop, dispute.issue_id, "finished on the platform: record its outcome")
        return False
    side, solution = reached
    how = str(solution.get("reached_type") or "")
    solution_type = str(solution.get("solution_type") or "refund")
    refund = _refund(dispute.order, solution)
    try:
        if how == "platform_arbitrate" or side == "platform":
            if dispute.state not in ("escalated", "appealed"):
                _step(shop, dispute, "buyer_escalate", at,
                      {"escalated_at": at, "escalated_by": "buyer"})
            disputes.platform_rule(
                dispute, "buyer" if refund > 0 else "seller", at,
                refund_amount=refund if refund > 0 else None,
                solution_type=solution_type if solution_type in SOLUTION_TYPES else "refund",
                actor=ACTOR)
        elif how in ("seller_reponse_timeout", "seller_response_timeout"):
            disputes.seller_response_timeout(dispute, at, actor=ACTOR)
        elif side == "buyer" and dispute.state in NEGOTIABLE + ("escalated",):
            disputes.seller_accept(dispute, at, actor=ACTOR)
        elif dispute.state in ("negotiating", "escalated"):
            disputes.buyer_accept(dispute, at, actor=ACTOR)
        else:
            _note(shop, dispute.issue_id, "finished on the platform: record its outcome")
            return False
    except ServiceError as exc:
        _note(shop, dispute.issue_id, f"the outcome was not recorded: {exc}")
        return False
    return True


def _last_time(detail: dict):
    times = [t for t in (_time(p.get("gmt_create")) for p in _processes(detail)) if t]
    return max(times) if times else _time(detail.get("gmt_modified"))


def _note(shop, issue_id, words: str) -> None:
    log.warning("shop %s dispute %s: %s", shop.key, issue_id, words)
    audit.record(ACTOR, "dispute", f"{shop.key}/{issue_id}", "platform sync", {"note": words})
