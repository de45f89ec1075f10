"""The window's way to send a rep's decision to the marketplace: which steps of a case can
go to the platform (a dispute or refund the shop's connected account brought in), the step
recorded and queued in one transaction (app.platforms.aliexpress.decisions,
app.platforms.taobao.decisions), and the state of each decision sent (the outbox item:
queued, sending, sent, failed with the platform's words and code). A Taobao refund
agreement that failed because the platform sent the seller an SMS code goes again with
that code (`retry_with_code`; `needs_code` tells its bubble to ask for it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.errors import InvalidInput
from app.models import Conversation, Dispute
from app.models.channels import OutboxItem

# case step (app.services.casework.case_actions) → what the platform is asked
SENDABLE = {
    "dispute": {"seller_accept": "aliexpress.issue.solution.agree",
                "seller_counter_propose": "aliexpress.issue.solution.save",
                "submit_proof": "aliexpress.issue.image.upload"},
    "aftersales": {"agree": "taobao.rp.refunds.agree",
                   "agree_return": "taobao.rp.returngoods.agree",
                   "refuse": "taobao.refund.refuse"},
}
STEP_OF_METHOD = {m: step for steps in SENDABLE.values() for step, m in steps.items()}


@dataclass(frozen=True)
class SentDecision:
    """One decision sent (or being sent) to the platform, as the case view shows it."""
    item: int
    step: str                # the case step (seller_accept, refuse…)
    method: str
    state: str               # queued / sending / sent / failed
    error: str               # the platform's words and code when it failed
    at: datetime
    conversation: int | None = None     # the thread whose bubble offers its Retry


def platform_of(case) -> str:
    """'aliexpress' / 'taobao' when the case's decisions can go to the platform, else ''."""
    if isinstance(case, Dispute):
        from app.platforms.aliexpress import decisions as ae
        return "aliexpress" if ae.account_of(case) is not None else ""
    from app.platforms.taobao import decisions as tb
    return "taobao" if tb.account_of(case) is not None else ""


def sent_decisions(case, ref: str) -> tuple[SentDecision, ...]:
    query = (OutboxItem.select().join(Conversation)
             .where((Conversation.order == case.order_id) & OutboxItem.action.is_null(False))
             .order_by(OutboxItem.id))
    out = []
    for item in query:
        action = item.action or {}
        if action.get("case") != ref:
            continue
        method = str(action.get("method") or "")
        out.append(SentDecision(item.id, STEP_OF_METHOD.get(method, ""), method, item.state,
                                item.error, item.updated_at, item.conversation_id))
    return tuple(out)


def case_detail(ref: str, at: datetime | None = None):
    """The case view's detail (app.services.casework.case_view.case_detail) with what can
    go to the platform and the decisions sent."""
    from app.services.casework import case_view
    from app.services.casework.case_ids import get_case
    detail = case_view.case_detail(ref, at)
    case = get_case(ref)
    platform = platform_of(case)
    sendable = tuple(SENDABLE[detail.type]) if platform else ()
    return replace(detail, send_to=platform, sendable=sendable,
                   sent=sent_decisions(case, detail.ref))


def send_step(ref: str, action: str, at: datetime, *, files=(), shown_version=None,
              actor: str = "rep", **values):
    """Record `action` on case `ref` and queue it for the platform, in one transaction;
    the outbox item back. `files`: paths of pictures (evidence for a dispute)."""
    from app.services.casework.case_ids import case_id, get_case
    from app.services.common.input_checks import instant
    from app.services.common.versions import as_shown
    case = as_shown(get_case(ref), shown_version)
    ref = case_id(case)
    kind = "dispute" if isinstance(case, Dispute) else "aftersales"
    if action not in SENDABLE[kind] or not platform_of(case):
        raise InvalidInput("'{action}' cannot be sent to the platform for {case}",
                           action=action, case=ref, record=ref, field="action")
    from app.services.casework.case_actions import check_inputs
    check_inputs(ref, action, values)
    at = instant(at, "at", ref)
    if kind == "dispute":
        from app.platforms.aliexpress import decisions as ae
        if action == "seller_accept":
            return ae.accept(case, at, actor=actor)
        if action == "seller_counter_propose":
            return ae.counter_propose(case, values.get("solution_type") or "",
                                      values.get("refund_amount"), values.get("note") or "",
                                      at, actor=actor)
        return ae.upload_evidence(case, _read(files), values.get("note") or "", at,
                                  actor=actor)
    from app.platforms.taobao import decisions as tb
    if action == "agree":
        return tb.agree(case, at, actor=actor)
    if action == "agree_return":
        return tb.agree_return(case, at, actor=actor)
    pictures = _read(files)
    if len(pictures) > 1:
        raise InvalidInput("Taobao takes one picture as a refusal's proof", record=ref,
                           field="files")
    return tb.refuse(case, values.get("reason") or "", at,
                     proof=pictures[0] if pictures else None, actor=actor)


def retry_with_code(item: int, code: str, *, actor: str = "rep"):
    """A Taobao refund agreement that failed because the platform sent the seller an SMS
    code, sent again with that code (app.platforms.taobao.decisions.retry_with_code)."""
    from app.platforms.taobao import decisions as tb
    return tb.retry_with_code(item, code, actor=actor)


def needs_code(error: str) -> bool:
    """Whether an item's failure asks for the SMS code (its bubble offers Retry with it)."""
    from app.channels.problem_texts import TEMPLATES
    head = TEMPLATES["platform_code_needed"].split("{platform}")[1].split("{words}")[0]
    return bool(error) and head in error


def _read(paths) -> list[tuple[str, bytes]]:
    from pathlib import Path

    from app.evidence import store
    out = []
    for source in paths or ():
        path = Path(source)
        data, _mime = store.read_source(path, "files")
        out.append((path.name, data))
    return out
