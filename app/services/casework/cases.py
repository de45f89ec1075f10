"""The list of cases: disputes and after-sales requests, as a rep's queue sees them."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime

from app.models import AftersalesRequest, Dispute, Order, Shop
from app.errors import InvalidInput, NotFound

CASE_PREFIXES = {"D": "dispute", "A": "aftersales"}


@dataclass(frozen=True, slots=True)
class CaseRow:
    id: str                 # "D-12" or "A-7": the id the CLI and the UI use
    type: str               # "dispute" or "aftersales"
    platform: str
    shop: str
    order_no: str
    state: str
    kind: str               # dispute kind or request service type
    reason: str
    cause: str
    opened_at: datetime
    next_due_at: datetime | None

    def to_json(self) -> dict:
        from app.clock import format_instant
        return {"id": self.id, "type": self.type, "platform": self.platform, "shop": self.shop,
                "order_no": self.order_no, "state": self.state, "kind": self.kind,
                "reason": self.reason, "cause": self.cause,
                "opened_at": format_instant(self.opened_at),
                "next_due_at": format_instant(self.next_due_at)}


def _word(text):
    return sys.intern(text) if isinstance(text, str) else text


def case_id(case) -> str:
    return f"D-{case.id}" if isinstance(case, Dispute) else f"A-{case.id}"


def parse_case_id(text: str) -> tuple[str, int]:
    """'D-12' -> ('dispute', 12); a bad id is an InvalidInput naming what is expected."""
    prefix, _, number = str(text).strip().upper().partition("-")
    if prefix not in CASE_PREFIXES or not number.isdigit():
        raise InvalidInput("'{text}' is not a case id (expected D-<n> or A-<n>)", text=text,
                           field="case")
    return CASE_PREFIXES[prefix], int(number)


def get_case(text: str):
    kind, number = parse_case_id(text)
    model = Dispute if kind == "dispute" else AftersalesRequest
    case = model.get_or_none(model.id == number)
    if case is None:
        raise NotFound("no case {text}", text=text)
    return case


def list_cases(at: datetime | None = None, *, complaints: bool = False,
               dues: dict | None = None) -> list[CaseRow]:
    """Every case, the most urgent first (rule AE-10: remaining response time, least
    first), settled ones last. A row's `next_due_at` is computed live from the deadline
    engine at `at` (default now): the earliest pending deadline the shop must act on. The
    stored column (kept by the case services for the monitor) is not used: it goes stale
    as time passes."""
    from app.services.clocks.deadlines import next_dues   # deadlines imports this module

    if dues is None:           # the live next due by case id (from next_dues, or handed in)
        dues = next_dues(at)
    rows: list[CaseRow] = []
    # Plain tuples of the columns the queue shows: 10,000 cases read as model objects
    # (with their orders) cost seconds and tens of MB on a big shop.
    for model, kind_column, prefix, type_ in (
            (Dispute, Dispute.kind, "D", "dispute"),
            (AftersalesRequest, AftersalesRequest.service_type, "A", "aftersales")):
        query = (model.select(model.id, Shop.platform, Shop.key, Order.order_no, model.state,
                              kind_column, model.reason, model.cause, model.opened_at)
                 .join(Order).join(Shop).tuples())
        for number, platform, shop, order_no, state, kind, reason, cause, opened in query:
            ref = f"{prefix}-{number}"
            # the words repeat from row to row: one string each, not one per row
            rows.append(CaseRow(ref, type_, _word(platform), _word(shop), order_no,
                                _word(state), _word(kind), _word(reason), _word(cause),
                                opened, dues.get(ref)))
    if complaints:   # complaint cases "C-n" (app.services.aftercare.complaint_queries), on request
        from app.services.aftercare.complaint_queries import complaint_case_rows
        rows += complaint_case_rows(at)
    far = datetime.max.replace(tzinfo=rows[0].opened_at.tzinfo) if rows else None
    rows.sort(key=lambda r: (r.next_due_at is None, r.next_due_at or far, r.opened_at, r.id))
    return rows
