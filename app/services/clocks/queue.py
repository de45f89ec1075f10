"""The rep's queue of disputes, after-sales requests and complaints (AE-10): remaining
response time, least first; overdue cases on top, then those due soonest; open cases
without a clock of the shop after them, settled ones last. Filters by type, state,
platform, shop, kind and cause.

Built on app.services.clocks.case_list.list_cases with the complaints (the live next due of
each case from the deadline engine; a complaint's clock is its GEN-8 response or follow-up). The
remaining time of a row is counted against the `now` handed in, so the window's countdown
moves on without reading the database again (`QueueRow.remaining`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from app.clock import as_utc, utcnow
from app.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
from app.services.clocks.case_list import CaseRow, list_cases
from app.services.clocks.deadlines import case_clocks

SETTLED_STATES = frozenset(DISPUTE_FINAL_STATES) | frozenset(REQUEST_FINAL_STATES) | {
    "closed"}    # "closed": a complaint's end too
FILTER_FIELDS = ("type", "state", "platform", "shop", "kind", "cause")
DEFAULT_WARN = timedelta(hours=24)

# urgency of a row, most urgent first
OVERDUE, SOON, LATER, WAITING, SETTLED = "overdue", "soon", "later", "waiting", "settled"
URGENCY_ORDER = (OVERDUE, SOON, LATER, WAITING, SETTLED)


@dataclass(frozen=True)
class QueueFilters:
    """Each field None (any) or the one value wanted."""
    type: str | None = None        # "dispute", "aftersales", "complaint"
    state: str | None = None
    platform: str | None = None
    shop: str | None = None
    kind: str | None = None        # dispute kind, request service type, complaint kind
    cause: str | None = None       # GEN-1
    open_only: bool = False

    def accepts(self, row: CaseRow) -> bool:
        for name in FILTER_FIELDS:
            wanted = getattr(self, name)
            if wanted is not None and getattr(row, name) != wanted:
                return False
        return not (self.open_only and is_settled(row))


@dataclass(frozen=True)
class Queue:
    rows: list[CaseRow]
    read_at: datetime                              # the instant the dues were computed at
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # filter values seen
    total: int = 0                                 # rows before filtering


def is_settled(row: CaseRow) -> bool:
    return row.state in SETTLED_STATES


def remaining(row: CaseRow, now: datetime) -> timedelta | None:
    """Time left to the case's next due (negative when overdue); None without one."""
    if row.next_due_at is None or is_settled(row):
        return None
    return row.next_due_at - now


def urgency(row: CaseRow, now: datetime, warn_within: timedelta = DEFAULT_WARN) -> str:
    """overdue (missed from due + 1 s), soon (due within `warn_within`), later, waiting
    (open, the shop has nothing due), settled."""
    if is_settled(row):
        return SETTLED
    left = remaining(row, now)
    if left is None:
        return WAITING
    if left < timedelta(0):
        return OVERDUE
    return SOON if left <= warn_within else LATER


def sort_key(row: CaseRow):
    """rule AE-10: remaining response time, least first (an overdue case has the least)."""
    settled = is_settled(row)
    due = None if settled else row.next_due_at
    return (settled, due is None, due or row.opened_at, row.opened_at, row.id)


def order_rows(rows) -> list[CaseRow]:
    return sorted(rows, key=sort_key)


def queue(filters: QueueFilters | None = None, at: datetime | None = None, *,
          source=None, complaints: bool = True) -> Queue:
    """The queue at `at` (default now), filtered; `choices` lists the values each filter
    can take (from every case, so a filter never hides its own alternatives). `source`
    replaces list_cases (called with `at`); without `complaints` the complaint cases
    (C-n) are left out."""
    at = as_utc(at) if at is not None else utcnow()
    dues, missed = case_clocks(at)         # one pass over the open cases for both
    every = list(source(at) if source is not None
                 else list_cases(at, complaints=complaints, dues=dues))
    late = overdue_dues(at, missed)
    every = [replace(r, next_due_at=late[r.id]) if r.id in late and not is_settled(r) else r
             for r in every]
    choices = {name: tuple(sorted({getattr(r, name) for r in every if getattr(r, name)}))
               for name in FILTER_FIELDS}
    filters = filters or QueueFilters()
    rows = order_rows(r for r in every if filters.accepts(r))
    return Queue(rows, at, choices, len(every))


def overdue_dues(at: datetime, missed: list) -> dict[str, datetime]:
    """The earliest outstanding missed deadline of each open case at `at`, from `missed`
    (deadlines.case_clocks): missed (due + 1 s
    passed) with nothing recorded on the case since its due instant. A deadline missed
    before the case moved on (a later event) is history, not work, and is left out. A
    complaint's missed clock is always outstanding: the next one starts only when the rep
    acts (GEN-8)."""
    from peewee import fn

    from app.models import DisputeEvent, RequestEvent

    missed = [d for d in missed if d.case_id[:1] in "DAC"]
    if not missed:
        return {}
    last: dict[str, datetime] = {}
    for model, owner, prefix in ((DisputeEvent, DisputeEvent.dispute, "D"),
                                 (RequestEvent, RequestEvent.request, "A")):
        for case, latest in (model.select(owner, fn.MAX(model.at)).where(model.at <= at)
                             .group_by(owner).tuples()):
            last[f"{prefix}-{case}"] = latest
    result: dict[str, datetime] = {}
    for d in missed:
        latest = last.get(d.case_id)
        if isinstance(latest, str):      # SQLite aggregate: text, not a field conversion
            from app.clock import parse_instant
            latest = parse_instant(latest)
        if latest is not None and latest > d.due_at:
            continue
        if d.case_id not in result or d.due_at < result[d.case_id]:
            result[d.case_id] = d.due_at
    return result


def counts(rows, now: datetime, warn_within: timedelta = DEFAULT_WARN) -> dict[str, int]:
    """How many rows of each urgency (for the navigation badge and the page's summary)."""
    result = dict.fromkeys(URGENCY_ORDER, 0)
    for row in rows:
        result[urgency(row, now, warn_within)] += 1
    return result
