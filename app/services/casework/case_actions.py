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
from app.services.casework.case_forms import find_order
from app.services.casework.cases import case_id, get_case
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


def perform(ref: str, action: str, at: datetime, *, actor: str = "rep", **values):
    """Record `action` on case `ref` ("D-3" / "A-7") at the platform instant `at`.
    `values` are the action's own inputs (e.g. reason=, refund_amount=, solution_type=)."""
    case = get_case(ref)
    is_request = case_id(case).startswith("A-")
    module, known = (aftersales, REQUEST_ACTIONS) if is_request else (disputes, DISPUTE_ACTIONS)
    if action not in known:
        raise InvalidInput("'{action}' is not something a rep records on {case}",
                           action=action, case=case_id(case),
                           record=case_id(case), field="action")
    at = instant(at, "at", case_id(case))
    result = getattr(module, action)(case, at=at, actor=actor, **values)
    return result


def set_cause(ref: str, cause: str, *, actor: str = "rep"):
    """The rep's judgement of the cause (GEN-1)."""
    case = get_case(ref)
    module = aftersales if case_id(case).startswith("A-") else disputes
    result = module.set_cause(case, cause, actor=actor)
    return result


def _read_files(paths, max_mb: int | None):
    """(name, bytes, mime) of each file, every one checked before anything is written."""
    from app.evidence import store
    if max_mb is None:
        from app.settings import Settings
        max_mb = Settings().get("evidence.max_file_mb")
    files = []
    for source in paths or ():
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput("'{path}' cannot be read: {problem}",
                               path=path, problem=exc.strerror or exc,
                               field="files") from None
        files.append((path.name, data, store.check_file(data, path.name, max_mb)))
    return files


def open_request(shop: str, order_no: str, service_type: str, reason: str, amount,
                 at: datetime, *, description: str = "", reason_text: str = "",
                 goods_intact: bool | None = None, files=(), max_mb: int | None = None,
                 actor: str = "rep"):
    """A Taobao after-sales request from the form, with its photos and files (kept in the
    content-addressed file store and attached to the request). TB-1, TB-2, TB-4 and TB-7
    are checked by the request service; a refused request writes nothing."""
    from app.evidence import store
    order = find_order(shop, order_no)
    with database.atomic():     # a file that cannot be taken undoes the request too
        request = aftersales.open_request(order, service_type, reason, amount, at,
                                          description=description, reason_text=reason_text,
                                          goods_intact=goods_intact, actor=actor)
        checked = _read_files(files, max_mb)     # after the rules: their refusal comes first
        now = utcnow()
        for name, data, mime in checked:
            digest, _ = store.put(data)
            stored = StoredFile.get_or_none(StoredFile.sha256 == digest) or StoredFile.create(
                sha256=digest, size=len(data), mime=mime, original_name=name[:300],
                created_at=now)
            Attachment.create(file=stored, request=request, caption=name, created_at=now)
            audit.record(actor, aftersales.ENTITY, request.uid, "attach_file",
                         {"name": name, "sha256": digest, "size": len(data)})
    return request


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
