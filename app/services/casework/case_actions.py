"""The window's way to change a case: one call per thing a rep records, each going through
the request or dispute service (state machine, rule checks, audit). The window runs them
through its write helper (ui/write_op.py), which tells the monitor and the open pages that
cases changed (app.services.common.change_notice).

A refusal raises the service's error and nothing is written.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.clock import utcnow
from app.db import database
from app.models import Attachment, StoredFile
from app.services.casework import aftersales, disputes
from app.services.common import audit
from app.services.common.versions import as_shown
from app.services.casework.case_forms import find_order
from app.services.casework.case_ids import case_id, get_case
from app.errors import InvalidInput
from app.services.common.input_checks import instant

# The actions a rep records from the case view, by case type (the service's function names).
REQUEST_ACTIONS = ("agree", "agree_return", "ship_return", "confirm_received", "refuse",
                   "revise", "request_platform", "rule_for_buyer", "rule_for_seller", "cancel",
                   "auto_agree", "revise_window_expired")
DISPUTE_ACTIONS = ("buyer_modify", "seller_accept", "seller_refuse", "seller_counter_propose",
                   "buyer_accept", "buyer_escalate", "auto_escalate", "seller_response_timeout",
                   "platform_propose", "platform_rule", "buyer_cancel", "buyer_ship_return",
                   "return_timeout", "seller_confirm_return", "appeal", "submit_proof",
                   "staff_join")

# The inputs of each step beyond its instant, as the case view's step dialog asks for them:
# action -> ((argument, required), ...). Steps not listed take none.
_TRACKING = (("tracking_no", True), ("carrier", False))
ACTION_INPUTS = {
    "refuse": (("reason", True),),
    "seller_refuse": (("reason", True),),
    "ship_return": _TRACKING,
    "buyer_ship_return": _TRACKING,
    "revise": (("service_type", False), ("reason", False), ("amount", False),
               ("description", False)),
    "rule_for_buyer": (("amount", False),),
    "buyer_modify": (("solution_type", False), ("refund_amount", False), ("reason", False)),
    "seller_counter_propose": (("solution_type", True), ("refund_amount", True),
                               ("note", False)),
    "platform_propose": (("solution_type", True), ("refund_amount", True), ("note", False)),
    "platform_rule": (("in_favour_of", True), ("solution_type", True),
                      ("refund_amount", False), ("note", False)),
    "appeal": (("reason", False),),
    "submit_proof": (("note", False),),
}


def check_inputs(ref: str, action: str, values: dict) -> None:
    """The step's inputs as the dialog checks them: none it does not take, every required
    one given (before anything is read from the case's rules)."""
    takes = dict(ACTION_INPUTS.get(action, ()))
    extra = sorted(set(values) - set(takes))
    if extra:
        raise InvalidInput("'{action}' takes no {names} (it takes: {takes})", action=action,
                           names=", ".join(extra), takes=", ".join(takes) or "nothing",
                           record=ref, field=extra[0])
    missing = [name for name, needed in takes.items() if needed and values.get(name) is None]
    if missing:
        raise InvalidInput("'{action}' needs {names}", action=action, names=", ".join(missing),
                           record=ref, field=missing[0])


def perform(ref: str, action: str, at: datetime, *, files=(), max_mb: int | None = None,
            actor: str = "rep", shown_version: int | None = None, **values):
    """Record `action` on case `ref` ("D-3" / "A-7") at the platform instant `at`.
    `values` are the action's own inputs (e.g. reason=, refund_amount=, solution_type=);
    `files` (paths) are attached to the case with the step, or nothing is written.
    `shown_version`: the case's version the rep's view showed; a case changed since is
    refused (app.errors.StaleEdit) and nothing is written."""
    case = as_shown(get_case(ref), shown_version)
    is_request = case_id(case).startswith("A-")
    module, known = (aftersales, REQUEST_ACTIONS) if is_request else (disputes, DISPUTE_ACTIONS)
    if action not in known:
        raise InvalidInput("'{action}' is not something a rep records on {case}",
                           action=action, case=case_id(case),
                           record=case_id(case), field="action")
    check_inputs(case_id(case), action, values)
    at = instant(at, "at", case_id(case))
    with database.atomic():     # a file that cannot be taken undoes the step too
        result = getattr(module, action)(case, at=at, actor=actor, **values)
        if files:
            _attach(case, _read_files(files, max_mb), actor)
    return result


def set_cause(ref: str, cause: str, *, actor: str = "rep", shown_version: int | None = None):
    """The rep's judgement of the cause (GEN-1), as perform's `shown_version` says."""
    case = as_shown(get_case(ref), shown_version)
    module = aftersales if case_id(case).startswith("A-") else disputes
    result = module.set_cause(case, cause, actor=actor)
    return result


def _read_files(paths, max_mb: int | None):
    """(name, bytes, mime) of each file, every one checked before anything is written."""
    from app.evidence import store
    max_mb = store.upload_limit(max_mb)
    files = []
    for source in paths or ():
        path = Path(source)
        data, mime = store.read_source(path, "files", max_mb)
        files.append((path.name, data, mime))
    return files


def open_request(shop: str, order_no: str, service_type: str, reason: str, amount,
                 at: datetime, *, description: str = "", reason_text: str = "",
                 goods_intact: bool | None = None, files=(), max_mb: int | None = None,
                 completed_at: datetime | None = None, actor: str = "rep"):
    """A Taobao after-sales request from the form, with its photos and files (kept in the
    content-addressed file store and attached to the request). TB-1, TB-2, TB-4 and TB-7
    are checked by the request service; a refused request writes nothing. `completed_at`
    is the order's completion time when its export did not carry it (TB-1's window runs
    from it): recorded on the order with the request, or not at all."""
    order = find_order(shop, order_no)
    with database.atomic():     # a file that cannot be taken undoes the request too
        if completed_at is not None:
            _enter_completion(order, completed_at, actor)
        request = aftersales.open_request(order, service_type, reason, amount, at,
                                          description=description, reason_text=reason_text,
                                          goods_intact=goods_intact, actor=actor)
        checked = _read_files(files, max_mb)     # after the rules: their refusal comes first
        _attach(request, checked, actor)
    return request


def attach_checked(case, checked, actor: str) -> None:
    """Files already checked ((name, bytes, mime) each) attached to the case, inside the
    caller's transaction (a decision sent to the platform keeps its pictures here too)."""
    _attach(case, checked, actor)


def _attach(case, checked, actor: str) -> None:
    """Keep the checked files in the content-addressed store and attach them to the case
    (inside the caller's transaction)."""
    from app.evidence import store
    is_request = case_id(case).startswith("A-")
    owner = {"request": case} if is_request else {"dispute": case}
    entity = aftersales.ENTITY if is_request else disputes.ENTITY
    now = utcnow()
    for name, data, mime in checked:
        digest, _ = store.put(data)
        stored = StoredFile.get_or_none(StoredFile.sha256 == digest) or StoredFile.create(
            sha256=digest, size=len(data), mime=mime, original_name=name[:300],
            created_at=now)
        Attachment.create(file=stored, caption=name, created_at=now, **owner)
        audit.record(actor, entity, case.uid, "attach_file",
                     {"name": name, "sha256": digest, "size": len(data)})


def _enter_completion(order, completed_at: datetime, actor: str) -> None:
    """The completion time the rep read on the platform, for an order whose export did not
    carry it (rule TB-1); a known one is never replaced from here."""
    from app.services.commerce.orders import update_order
    completed_at = instant(completed_at, "completed_at", f"order {order.order_no}")
    if order.completed_at is not None:
        if order.completed_at != completed_at:
            raise InvalidInput("order {order_no} already has its completion time ({known:"
                               "%Y-%m-%d %H:%M:%S} UTC)", order_no=order.order_no,
                               known=order.completed_at, field="completed_at")
        return
    if order.status != "completed":
        raise InvalidInput("order {order_no} has not succeeded (交易成功): it has no "
                           "completion time to enter", order_no=order.order_no,
                           field="completed_at")
    update_order(order, completed_at=completed_at, actor=actor)


def record_dispute(shop: str, order_no: str, kind: str, sub_kind: str, reason: str,
                   solution_type: str, refund_amount, opened_at: datetime, *,
                   first_request_at: datetime | None = None, issue_id: str | None = None,
                   reason_text: str = "", note: str = "", actor: str = "rep"):
    """An AliExpress dispute the buyer opened, with the buyer's proposal (AE-1, AE-3)."""
    order = find_order(shop, order_no)
    dispute = disputes.open_dispute(order, kind, sub_kind, reason, solution_type, refund_amount,
                                    opened_at, first_request_at, issue_id or None,
                                    reason_text=reason_text, note=note, actor=actor)
    return dispute
