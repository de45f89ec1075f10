"""Demo after-sales requests (Taobao) and disputes (AliExpress): where their scripts are
placed in time, and how a script is played through the case services.

A script (app/demo/dispute_scripts.py, app/demo/request_scripts.py) lists the actions of
the buyer, the seller and the platform as offsets from the instant the buyer opens the
case; every offset that a rule decides comes from the shop's policy profile. Scripts are
placed three ways:
- live: three per open state, opened so that the last action is before the anchor and
  the next deadline after it;
- history: settled cases spread over the year before the anchor (monthly reports, AE-16);
- check: a few cases open at CHECK_INSTANT (opened before, settled after), so the
  documented check `afterdesk deadlines --at 2026-03-01T00:00:00Z` finds live clocks on
  both platforms whenever the anchor is at least CHECK_MARGIN after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from app.demo import content

SECOND = timedelta(seconds=1)
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
ZERO = timedelta(0)
COPIES = 3                                              # live cases per open state
CHECK_INSTANT = datetime(2026, 3, 1, tzinfo=timezone.utc)
CHECK_MARGIN = timedelta(days=14)
# Settled cases open between anchor - HISTORY[0] and anchor - HISTORY[1].
HISTORY = (timedelta(days=330), timedelta(days=20))


def part(duration: timedelta, share: float) -> timedelta:
    """A share of a rule's duration, in whole seconds."""
    return timedelta(seconds=int(duration.total_seconds() * share))


class Script:
    """Actions at offsets from the opening; `lead` is how long before the anchor a live
    copy opens (the last action plus a margin)."""

    def __init__(self, needs: str, solution: str, kind: str = "", *, share: str = "1"):
        self.needs, self.solution, self.kind, self.share = needs, solution, kind, share
        self.steps: list[tuple[timedelta, str, dict]] = []
        self.t, self.lead = ZERO, ZERO

    def at(self, offset: timedelta, action: str, **kw) -> "Script":
        self.t = offset
        self.steps.append((offset, action, kw))
        return self

    def then(self, delay: timedelta, action: str, **kw) -> "Script":
        return self.at(self.t + delay, action, **kw)

    def wait(self, margin: timedelta) -> "Script":
        """A live copy's last action comes `margin` before the anchor."""
        self.lead = self.t + margin
        return self

    def opens(self, lead: timedelta) -> "Script":
        """The case opens `lead` before the anchor (or before CHECK_INSTANT)."""
        self.lead = lead
        return self


@dataclass
class Case:
    script: Script
    t0: datetime
    live: bool
    steps: list = field(default_factory=list)   # (instant, action, kwargs)
    shipped_before: timedelta = ZERO            # the order shipped at least this long before
    received_before: timedelta = ZERO           # ... and was received about this long before

    @property
    def needs(self) -> str:
        return self.script.needs

    @property
    def end(self) -> datetime:
        return self.steps[-1][0] if self.steps else self.t0


def place(script: Script, t0: datetime, live: bool) -> Case:
    t0 = t0.replace(microsecond=0)
    return Case(script, t0, live, [(t0 + off, a, kw) for off, a, kw in script.steps])


def plan_cases(live: dict, history: list, check: list, anchor: datetime, n_history: int,
               rng) -> list[Case]:
    """Live copies of each open state, `n_history` settled cases over the year, the check
    cases when the anchor allows them."""
    cases = []
    for builders in live.values():
        for build in builders[:COPIES]:
            script = build()
            cases.append(place(script, anchor - script.lead - rng.randint(0, 90) * MINUTE,
                               True))
    oldest, newest = anchor - HISTORY[0], anchor - HISTORY[1]
    width = (newest - oldest) / n_history
    for i in range(n_history):      # evenly spaced: every month of the year has some
        script = history[i % len(history)]()
        t0 = oldest + width * (i + 0.5) + (rng.random() - 0.5) * DAY
        latest = anchor - script.t - DAY
        cases.append(place(script, min(t0, latest), False))
    if anchor >= CHECK_INSTANT + CHECK_MARGIN:
        for build in check:
            script = build()
            cases.append(place(script, CHECK_INSTANT - script.lead, False))
    return cases


def amount(paid: Decimal, share) -> Decimal:
    return (paid * Decimal(share)).quantize(Decimal("0.01"))


def play(case: Case, opened, service, anchor: datetime, fill, cause: str, rng):
    """Record the case's actions up to the anchor (facts after it have not happened), then
    the rep's judgement of the cause (GEN-1) on settled cases and most live ones."""
    last = case.t0
    for at, action, kw in case.steps:
        if at > anchor or at < last:
            break
        last = at
        opened = getattr(service, action)(opened, at=at, actor="demo", **fill(dict(kw), action))
    if not case.live or rng.random() < 0.6:
        opened = service.set_cause(opened, cause, actor="demo")     # rule GEN-1
    return opened


def cause_of(code: str) -> str:
    return content.CAUSE_OF.get(code, "unknown")
