"""The list of cases: disputes, after-sales requests and (on request) complaints, each with
its live next due, as the rep's queue (app.services.clocks.queue) and `afterdesk cases` see
them."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime

from app.clock import format_instant
from app.models import AftersalesRequest, Dispute, Order, Shop
from app.rules.complaint_rules import cause_of
from app.services.aftercare.complaint_queries import list_complaints
from app.services.clocks.deadlines import next_dues


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
        return {"id": self.id, "type": self.type, "platform": self.platform, "shop": self.shop,
                "order_no": self.order_no, "state": self.state, "kind": self.kind,
                "reason": self.reason, "cause": self.cause,
                "opened_at": format_instant(self.opened_at),
                "next_due_at": format_instant(self.next_due_at)}


def _word(text):
    return sys.intern(text) if isinstance(text, str) else text


def list_cases(at: datetime | None = None, *, complaints: bool = False,
               dues: dict | None = None) -> list[CaseRow]:
    """Every case, the most urgent first (rule AE-10: remaining response time, least
    first), settled ones last. A row's `next_due_at` is computed live from the deadline
    engine at `at` (default now): the earliest pending deadline the shop must act on. The
    stored column (kept by the case services for the monitor) is not used: it goes stale
    as time passes."""
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
    if complaints:   # complaint cases "C-n", on request
        rows += complaint_case_rows(at)
    far = datetime.max.replace(tzinfo=rows[0].opened_at.tzinfo) if rows else None
    rows.sort(key=lambda r: (r.next_due_at is None, r.next_due_at or far, r.opened_at, r.id))
    return rows


def complaint_case_rows(at: datetime | None = None) -> list[CaseRow]:
    """The complaints (app.services.aftercare.complaint_queries) as rows of the case queue,
    type "complaint", each with its live next due."""
    return [CaseRow(r.id, "complaint", r.platform, r.shop, r.order_no or "", r.state, r.kind,
                    r.buyer_words[:80], cause_of(r.kind), r.opened_at, r.next_due_at)
            for r in list_complaints(at)]
