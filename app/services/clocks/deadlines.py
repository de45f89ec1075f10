"""Deadlines of the stored cases: loads the facts from the database in a handful of queries
(cases with their orders and events, shops, profiles, calendar overrides, candidate orders
and unreplied conversations) and asks the pure engine in app.rules.engine.

Every answer is "as of" its instant `at` (app.services.casework.as_of): a case opened later does not
exist yet and facts recorded after `at` have not happened. With `at` = now nothing differs
from the live records.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import peewee as pw

from app.clock import as_utc, utcnow
from app.models import (AftersalesRequest, CalendarOverride, Conversation, Dispute,
                        DisputeEvent, Order, RequestEvent, Shop)
from app.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
from app.rules import engine
from app.rules.calendar import WorkingCalendar
from app.rules.deadline import Deadline
from app.rules.engine_common import ShopContext
from app.rules.policy import Profile
from app.services.aftercare import followup_deadlines
from app.services.casework import as_of
from app.services.casework.cases import get_case
from app.services.commerce.policy import load_profile

# The windows after a Taobao transaction ends that keep an order's clocks worth loading.
TAOBAO_ORDER_WINDOWS = ("aftersales_window", "mismatch_complaint_window",
                        "late_shipment_complaint_window")


class _Contexts:
    """Shops, profiles and calendars of one call: each loaded once."""

    def __init__(self, shops: list[Shop] | None = None):
        self.shops = {s.id: s for s in (shops if shops is not None else Shop.select())}
        self._profiles: dict[str, Profile] = {}
        self._calendars: dict[str, WorkingCalendar] | None = None
        self._contexts: dict[int, ShopContext] = {}

    def profile(self, platform: str) -> Profile:
        if platform not in self._profiles:
            self._profiles[platform] = load_profile(platform)
        return self._profiles[platform]

    def calendar(self, name: str) -> WorkingCalendar:
        if self._calendars is None:
            by_name: dict[str, dict[date, bool]] = {}
            for o in CalendarOverride.select():
                by_name.setdefault(o.calendar, {})[o.day] = o.is_working
            self._calendars = {n: WorkingCalendar(days, n) for n, days in by_name.items()}
        return self._calendars.setdefault(name, WorkingCalendar(None, name))

    def for_shop(self, shop_id: int) -> ShopContext:
        if shop_id not in self._contexts:
            shop = self.shops[shop_id]
            profile = self.profile(shop.platform)
            self._contexts[shop_id] = ShopContext.of(shop, profile,
                                                     self.calendar(profile.calendar))
        return self._contexts[shop_id]


CASE_CHUNK = 500        # cases read (with their events) at a time


def refresh_next_due(case, at: datetime | None = None) -> None:
    """Set `case.next_due_at` (a Dispute or AftersalesRequest, not yet saved) to its
    earliest pending deadline the shop must act on at `at` (default now), or None.
    Called by the case services after every change, inside their transaction, on the case
    as it is in memory: its latest state, the change being saved included (its event is
    written after). The order is read afresh. The caller saves."""
    at = as_utc(at) if at is not None else utcnow()
    order = Order.get_by_id(case.order_id)
    ctxs = _Contexts([Shop.get_by_id(order.shop_id)])
    items = engine.case_deadlines(case, order, ctxs.for_shop(order.shop_id), at)
    case.next_due_at = engine.next_due(items)


def deadlines_at(at: datetime, *, include_settled: bool = False,
                 platform_clocks: bool = True) -> list[Deadline]:
    """Every deadline (met, missed and pending) of the cases open at `at`, the pending
    appeal windows (AE-14) of disputes resolved by then, and the order-level and
    conversation clocks pending at `at`, by due instant. `include_settled` adds every
    deadline of the cases settled by `at`. Without `platform_clocks` only the deadlines
    the shop must act on are given (not the informational ones: on a big shop, tens of
    thousands of buyers' windows on orders)."""
    at = as_utc(at)
    ctxs = _Contexts()
    items: list[Deadline] = []
    for view, order, ctx, settled in _case_views(ctxs, at, include_settled):
        found = engine.case_deadlines(view, order, ctx, at)
        if settled and not include_settled:
            # rule AE-14: the buyer's appeal window still concerns the shop
            found = [d for d in found if d.kind == "appeal_window" and d.state == "pending"]
        items += found
    items += [d for d in _order_items(ctxs, at) if _listed(d)]
    items += [d for d in _conversation_items(ctxs, at) if d.state == "pending"]
    items += followup_deadlines.extra_deadlines(at, ctxs.for_shop)   # GEN-7 / GEN-8 clocks
    if not platform_clocks:
        items = [d for d in items if not d.informational]
    return engine.by_due(items)


def _listed(d: Deadline) -> bool:
    """An order-level clock worth a row in the list of what is due: a pending one, and a
    TB-1 window whose start the export did not carry (rule TB-1: shown as unknown, so the
    missing completion time is seen, not silently absent)."""
    return d.state == "pending" or (d.state == "unknown" and d.due_at is None)


def every_clock(at: datetime, *, order_no: str | None = None,
                case_ref: str | None = None) -> list[Deadline]:
    """Every clock with its state at `at` — met, missed, unknown and those of settled cases
    included —, of the whole desk, of the orders numbered `order_no` (their cases and
    conversations too) or of one case (`afterdesk deadlines --all`)."""
    at = as_utc(at)
    if case_ref is not None:
        return engine.by_due(case_deadlines(case_ref, at))
    ctxs = _Contexts()
    if order_no is None:
        items = [d for view, order, ctx, _settled in _case_views(ctxs, at, True)
                 for d in engine.case_deadlines(view, order, ctx, at)]
        items += _order_items(ctxs, at, every=True)
        items += _conversation_items(ctxs, at)
        items += followup_deadlines.extra_deadlines(at, ctxs.for_shop)   # GEN-7 / GEN-8
        return engine.by_due(items)
    order_no = order_no.strip()
    orders = list(Order.select().where(Order.order_no == order_no))
    if not orders:
        from app.errors import NotFound
        raise NotFound("no order {order_no}", order_no=order_no)
    items = _order_items(ctxs, at, every=True, order_no=order_no)
    for order in orders:
        for model in (Dispute, AftersalesRequest):
            for case in model.select().where(model.order == order):
                prefix = "D" if model is Dispute else "A"
                items += case_deadlines(f"{prefix}-{case.id}", at)
    items += [d for d in _conversation_items(ctxs, at)
              + followup_deadlines.extra_deadlines(at, ctxs.for_shop) if d.order_no == order_no]
    return engine.by_due(items)


def next_dues(at: datetime | None = None) -> dict[str, datetime | None]:
    """rule AE-10: the live next due of every case open at `at` (default now), by case id:
    its earliest pending deadline the shop must act on, or None."""
    at = as_utc(at) if at is not None else utcnow()
    ctxs = _Contexts()
    return {f"{'D' if engine.is_dispute(view) else 'A'}-{view.id}":
            engine.next_due(engine.case_deadlines(view, order, ctx, at))
            for view, order, ctx, settled in _case_views(ctxs, at, False) if not settled}


def case_clocks(at: datetime) -> tuple[dict[str, datetime | None], list[Deadline]]:
    """What the queue needs, in one pass over the open cases at `at`: the live next due of
    each (as next_dues, rule AE-10) and every missed deadline the shop had to act on, the
    complaints' (GEN-8) included."""
    at = as_utc(at)
    ctxs = _Contexts()
    dues: dict[str, datetime | None] = {}
    missed: list[Deadline] = []
    for view, order, ctx, settled in _case_views(ctxs, at, False):
        if settled:
            continue
        found = engine.case_deadlines(view, order, ctx, at)
        dues[f"{'D' if engine.is_dispute(view) else 'A'}-{view.id}"] = engine.next_due(found)
        missed += [d for d in found if d.state == "missed" and not d.informational]
    missed += [d for d in followup_deadlines.extra_deadlines(at, ctxs.for_shop)
               if d.case_id and d.state == "missed" and not d.informational]
    return dues, missed


def case_deadlines(case_id: str, at: datetime) -> list[Deadline]:
    """All deadlines of one case ("D-12" or "A-7") as of `at`, met and missed ones
    included; none when the case was opened after `at`. A malformed id is an
    InvalidInput, an unknown one a NotFound."""
    at = as_utc(at)
    case = get_case(case_id)
    model = DisputeEvent if isinstance(case, Dispute) else RequestEvent
    view = as_of.case_view(case, as_of.events_of([case], model)[case.id], at)
    if view is None:
        return []
    order = Order.get_by_id(case.order_id)
    ctxs = _Contexts([Shop.get_by_id(order.shop_id)])
    return engine.case_deadlines(view, as_of.order_view(order, at) or order,
                                 ctxs.for_shop(order.shop_id), at)


def _case_views(ctxs: _Contexts, at: datetime, include_settled: bool):
    """(view, order view, context, settled at `at`) of every case that existed at `at` and
    was open then; settled ones too with `include_settled`, else only disputes resolved
    within the appeal window (AE-14) before `at`."""
    disputes = (Dispute.select(Dispute, Order).join(Order).where(Dispute.opened_at <= at))
    requests = (AftersalesRequest.select(AftersalesRequest, Order).join(Order)
                .where(AftersalesRequest.opened_at <= at))
    if not include_settled:
        open_then = (Dispute.state.not_in(DISPUTE_FINAL_STATES) | Dispute.closed_at.is_null()
                     | (Dispute.closed_at > at))
        if any(s.platform == "aliexpress" for s in ctxs.shops.values()):
            since = at - ctxs.profile("aliexpress").duration("appeal_window")
            open_then |= (Dispute.state == "resolved") & (Dispute.closed_at >= since)
        disputes = disputes.where(open_then)
        requests = requests.where(AftersalesRequest.state.not_in(REQUEST_FINAL_STATES)
                                  | AftersalesRequest.resolved_at.is_null()
                                  | (AftersalesRequest.resolved_at > at))
    for query, model, final in ((disputes, DisputeEvent, DISPUTE_FINAL_STATES),
                                (requests, RequestEvent, REQUEST_FINAL_STATES)):
        for cases in _chunks(query.iterator(), CASE_CHUNK):   # bounded memory on big shops
            events = as_of.events_of(cases, model)
            for case in cases:
                view = as_of.case_view(case, events[case.id], at)
                if view is None:
                    continue
                settled = view.state in final
                if settled and not include_settled and model is RequestEvent:
                    continue
                order = as_of.order_view(case.order, at) or case.order
                yield view, order, ctxs.for_shop(case.order.shop_id), settled


def _chunks(rows, size: int):
    """Lists of at most `size` items of `rows`, in order."""
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _order_items(ctxs: _Contexts, at: datetime, *, every: bool = False,
                 order_no: str | None = None) -> list[Deadline]:
    """Order-level clocks (AE-11, TB-1, TB-5, TB-6) of the orders that may have had one
    open at `at`, each order as it stood at `at`; with `every`, of every order (or of the
    orders numbered `order_no`), whatever the state of their clocks."""
    ae = [i for i, s in ctxs.shops.items() if s.platform == "aliexpress"]
    tb = [i for i, s in ctxs.shops.items() if s.platform == "taobao"]
    conditions = []
    if every:
        conditions.append(Order.shop.in_(ae + tb) if order_no is None
                          else Order.shop.in_(ae + tb) & (Order.order_no == order_no))
    elif ae:
        # rule AE-11: shipped by `at`, not yet confirmed then, with a promised delivery time.
        # Only while the window may still run at `at`: shipped + promised days + the
        # extensions recorded (as many or more than by `at`) still after `at`.
        window_end = (pw.fn.julianday(Order.shipped_at) + Order.promised_days
                      + pw.fn.COALESCE(Order.confirm_extension_days, 0))
        conditions.append(Order.shop.in_(ae) & (Order.shipped_at <= at)
                          & (Order.confirmed_at.is_null() | (Order.confirmed_at > at))
                          & (Order.completed_at.is_null() | (Order.completed_at > at))
                          & Order.promised_days.is_null(False)
                          & (window_end > pw.fn.julianday(Order.shipped_at.db_value(at))))
    if tb and not every:
        profile = ctxs.profile("taobao")
        longest = max((profile.duration(k) for k in TAOBAO_ORDER_WINDOWS), default=timedelta(0))
        since = at - longest
        # rule TB-5 (paid, not shipped then), TB-1 / TB-5 / TB-6 (recently ended transactions).
        conditions.append(Order.shop.in_(tb) & (
            ((Order.paid_at <= at) & (Order.shipped_at.is_null() | (Order.shipped_at > at))
             & (Order.closed_at.is_null() | (Order.closed_at > at)))
            | Order.completed_at.between(since, at) | Order.closed_at.between(since, at)
            # rule TB-1: a completed order without its completion time (window unknown)
            | ((Order.status == "completed") & Order.completed_at.is_null()
               & (Order.created_at <= at))))
    if not conditions:
        return []
    where = conditions[0] if len(conditions) == 1 else conditions[0] | conditions[1]
    query = (Order.select(Order, AftersalesRequest.opened_at)
             .join(AftersalesRequest, pw.JOIN.LEFT_OUTER,
                   on=(AftersalesRequest.order == Order.id))
             .where(where))
    items: list[Deadline] = []
    for order in query.iterator():      # streamed: tens of thousands of orders
        view = as_of.order_view(order, at)
        if view is None:
            continue
        request = getattr(order, "aftersalesrequest", None)
        request_opened = request.opened_at if request is not None else None
        if request_opened is not None and request_opened > at:
            request_opened = None
        items += engine.order_deadlines(view, ctxs.for_shop(order.shop_id), at,
                                        aftersales_opened_at=request_opened)
    return items


def _conversation_items(ctxs: _Contexts, at: datetime) -> list[Deadline]:
    """rule HOUSE-1: the reply-due clock of every unreplied conversation whose last message
    came at or before `at` (see app.services.casework.as_of)."""
    if not ctxs.shops:
        return []
    # Only the clocks still running at `at` are listed: a message older than the longest
    # reply target of any shop is overdue whatever its shop.
    longest = max(ctxs.profile(s.platform).duration("reply_due") for s in ctxs.shops.values())
    query = (Conversation.select(Conversation, Order.id, Order.order_no)
             .join(Order, pw.JOIN.LEFT_OUTER)
             .where((Conversation.is_replied == False)  # noqa: E712 (SQL comparison)
                    & Conversation.last_inbound_at.is_null(False)
                    & (Conversation.last_inbound_at <= at)
                    & (Conversation.last_inbound_at > at - longest)))
    items: list[Deadline] = []
    for conv in query.iterator():
        if not as_of.conversation_visible(conv, at):
            continue
        order_no = conv.order.order_no if conv.order_id is not None else None
        items += engine.conversation_deadlines(conv, ctxs.for_shop(conv.shop_id), at,
                                               order_no=order_no)
    return items
