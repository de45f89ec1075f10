"""Shared pieces of the deadline engine: one shop's context, the met/missed judgement, and
a builder that stamps every deadline with its rule ID from the profile.

The engine is pure: it reads plain attributes and is handed the instant `at`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.rules.calendar import WorkingCalendar
from app.rules.deadline import Deadline
from app.rules.policy import Profile


@dataclass(frozen=True)
class ShopContext:
    """What every rule of one shop needs: who it is, its profile and its calendar."""
    shop: str              # shop key
    platform: str
    profile: Profile
    calendar: WorkingCalendar

    @classmethod
    def of(cls, shop, profile: Profile, calendar: WorkingCalendar | None = None) -> ShopContext:
        return cls(shop.key, shop.platform, profile, calendar or WorkingCalendar())


def judge(due: datetime, at: datetime, *, done_at: datetime | None = None,
          stopped_at: datetime | None = None) -> str | None:
    """The state of a deadline at `at`, from the facts known at `at` only.

    - done (the action that meets it happened): met at or before `due`, missed after;
    - the clock stopped without the action at or before `due` (the case moved on, e.g. the
      buyer cancelled): None, the deadline no longer applies and is not shown;
    - otherwise pending up to and including `due`, missed from due + 1 s.

    An action or a stop later than `at` has not happened yet at `at` and is ignored: the
    services hand the engine an as-of view (app.services.casework.as_of) where such facts are None
    anyway; this keeps a later fact from leaking in when a caller passes the live record.
    """
    done_at, stopped_at = known(done_at, at), known(stopped_at, at)
    if done_at is not None:
        return "met" if done_at <= due else "missed"
    if stopped_at is not None and stopped_at <= due:
        return None
    return "pending" if at <= due else "missed"


def known(instant: datetime | None, at: datetime) -> datetime | None:
    """`instant` when it had happened by `at`, else None (a fact of the future at `at`)."""
    return instant if instant is not None and instant <= at else None


def earliest(*instants: datetime | None) -> datetime | None:
    present = [i for i in instants if i is not None]
    return min(present) if present else None


def not_before(instant: datetime | None, start: datetime | None) -> datetime | None:
    """`instant` when it happened at or after `start` (an action answering that trigger)."""
    if instant is None or start is None or instant < start:
        return None
    return instant


class Builder:
    """Collects the deadlines of one subject (a case, an order or a conversation)."""

    def __init__(self, ctx: ShopContext, subject: str, *, order_no: str | None = None,
                 case_id: str | None = None, conversation_id: int | None = None):
        self.ctx = ctx
        self.subject = subject
        self.order_no = order_no
        self.case_id = case_id
        self.conversation_id = conversation_id
        self.items: list[Deadline] = []

    def add(self, key: str, *, due: datetime | None, state: str | None, label: str,
            action: str = "", starts_at: datetime | None = None, informational: bool = False,
            kind: str | None = None) -> None:
        """Add one deadline; `key` names the policy value it comes from (its rule ID is the
        profile's). A None state means the deadline does not apply and is skipped."""
        if state is None:
            return
        self.items.append(Deadline(
            rule=self.ctx.profile.rule(key), kind=kind or key, subject=self.subject,
            platform=self.ctx.platform, shop=self.ctx.shop, order_no=self.order_no,
            case_id=self.case_id, due_at=due, state=state, label=label, action=action,
            starts_at=starts_at, informational=informational,
            conversation_id=self.conversation_id))
