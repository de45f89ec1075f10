"""Which steps the case view offers at an instant, and from when the others become possible.

The state machine says which steps a case's state allows at all
(`disputes.available_actions`, `aftersales.available_actions`); the clocks of the
platform rules say when: the seller answers within AE-3's days and the platform carries
out the buyer's proposal only after them; the buyer escalates from day 4 to day 15 (AE-5)
and not while the parcel is within its promised time (AE-17); the system escalates after
AE-6's day; an appeal comes within AE-14's days of the closure; a return ships within
AE-15's days and times out after them; TB-3's seller time and the buyer's days to revise.
The windows are the same instants the services check (app.services.casework.dispute_rules,
app.services.casework.aftersales_rules), so a step offered now is not refused for its timing.

Each step is `now` (can be recorded at the instant asked about, `until` its last instant
if it has one), `later` (from `opens_at`) or `over` (its time ended at `closed_at`, or it
can no longer come: e.g. the parcel stays in transit past the buyer's last day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.clock import as_utc, utcnow
from app.models import Dispute
from app.services.casework import aftersales, disputes
from app.services.casework import aftersales_rules as request_rules
from app.services.casework import dispute_rules
from app.services.commerce.policy import load_profile

NOW, LATER, OVER = "now", "later", "over"
SECOND = timedelta(seconds=1)     # a deadline is missed from due + 1 s


@dataclass(frozen=True)
class StepOffer:
    action: str
    status: str                       # NOW, LATER or OVER
    opens_at: datetime | None = None  # LATER: the first instant it may be recorded
    until: datetime | None = None     # NOW, LATER: its last instant, when it has one
    closed_at: datetime | None = None  # OVER: when its time ended (None: it cannot come)
    rule: str = ""                    # the rule whose clock times it

    @property
    def available(self) -> bool:
        return self.status == NOW

    def status_at(self, now: datetime) -> str:
        """The status at a later instant `now`, from the same window (no database read):
        a countdown moves a step from `later` to `now` and from `now` to `over`."""
        if self.status == OVER:
            return OVER
        if self.until is not None and now > self.until:
            return OVER
        if self.opens_at is not None and now < self.opens_at:
            return LATER
        return NOW


@dataclass(frozen=True)
class _Window:
    """[start, end] of the instants a step may be recorded at (None: unbounded)."""
    start: datetime | None = None
    end: datetime | None = None
    rule_key: str | None = None

    def offer(self, action: str, at: datetime, profile) -> StepOffer:
        rule = profile.rule(self.rule_key) if self.rule_key else ""
        if self.start is not None and self.end is not None and self.start > self.end:
            return StepOffer(action, OVER, rule=rule)
        if self.end is not None and at > self.end:
            return StepOffer(action, OVER, closed_at=self.end, rule=rule)
        if self.start is not None and at < self.start:
            return StepOffer(action, LATER, opens_at=self.start, until=self.end, rule=rule)
        return StepOffer(action, NOW, until=self.end, rule=rule)


def _latest(*instants):
    found = [i for i in instants if i is not None]
    return max(found) if found else None


def _dispute_window(dispute, action: str, at: datetime, profile) -> _Window:
    state, order = dispute.state, dispute.order
    if state == "awaiting_seller" and action in dispute_rules.SELLER_RESPONSES:   # rule AE-3
        return _Window(end=dispute_rules.seller_response_due(dispute, profile),
                       rule_key="seller_response")
    if action == "seller_response_timeout":                                        # rule AE-3
        return _Window(start=dispute_rules.seller_response_due(dispute, profile) + SECOND,
                       rule_key="seller_response")
    if action == "buyer_escalate":                                     # rules AE-5, AE-17
        opens, closes = dispute_rules.escalation_window(dispute, profile)
        transit = dispute_rules.in_transit_until(dispute, order, at, profile)
        return _Window(start=_latest(opens, transit), end=closes,
                       rule_key="buyer_escalation_opens")
    if action == "auto_escalate":                                      # rules AE-6, AE-17
        due = dispute_rules.auto_escalation_at(dispute, profile)
        transit = dispute_rules.in_transit_until(dispute, order, at, profile)
        return _Window(start=_latest(due + SECOND, transit), rule_key="auto_escalation")
    if action == "appeal":                                                         # rule AE-14
        return _Window(start=dispute.closed_at, end=dispute_rules.appeal_due(dispute, profile),
                       rule_key="appeal_window")
    if state == "awaiting_return" and action in ("buyer_ship_return", "return_timeout"):
        return_by = dispute_rules.return_due(dispute, profile)                     # rule AE-15
        if return_by is None:
            return _Window()
        if action == "buyer_ship_return":
            return _Window(end=return_by, rule_key="return_shipment")
        return _Window(start=return_by + SECOND, rule_key="return_shipment")
    return _Window()


def _request_window(request, action: str, profile) -> _Window:
    state, order = request.state, request.order
    if state == "waiting_seller" and action in request_rules.SELLER_CLOCK_ACTIONS + (
            "auto_agree",):                                                        # rule TB-3
        key, _ = request_rules.seller_time(request, order, profile)
        due = request_rules.seller_due(request, order, profile)
        if action == "auto_agree":
            return _Window(start=due + SECOND, rule_key=key)
        return _Window(end=due, rule_key=key)
    if state == "seller_refused" and action in ("revise", "request_platform",
                                                "revise_window_expired"):          # rule TB-3
        revise_by = request_rules.revise_due(request, profile)
        if revise_by is None:
            return _Window()
        if action == "revise_window_expired":
            return _Window(start=revise_by + SECOND, rule_key="buyer_revise_window")
        return _Window(end=revise_by, rule_key="buyer_revise_window")
    return _Window()


def step_offers(case, at: datetime | None = None) -> tuple[StepOffer, ...]:
    """Every step the state of `case` (a Dispute or AftersalesRequest) allows, judged
    against the rule clocks at `at` (default now), in the state machine's order."""
    at = as_utc(at) if at is not None else utcnow()
    profile = load_profile(case.order.shop.platform)
    if isinstance(case, Dispute):
        return tuple(_dispute_window(case, action, at, profile).offer(action, at, profile)
                     for action in disputes.available_actions(case))
    return tuple(_request_window(case, action, profile).offer(action, at, profile)
                 for action in aftersales.available_actions(case))
