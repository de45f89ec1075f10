"""Deadlines of the stored cases: loads facts from the database and asks the engine.

(Placeholder until the deadline engine lands: the signatures below are the contract.)
"""

from __future__ import annotations

from datetime import datetime

from app.rules.deadline import Deadline


def refresh_next_due(case, at: datetime | None = None) -> None:
    """Set `case.next_due_at` (a Dispute or AftersalesRequest, not yet saved) to its
    earliest pending deadline the shop must act on, or None. Called by the case
    services after every change, inside their transaction; the caller saves."""
    case.next_due_at = None


def deadlines_at(at: datetime, *, include_settled: bool = False) -> list[Deadline]:
    """Every deadline of open cases, orders and conversations at `at`, by due instant."""
    return []


def case_deadlines(case_id: str, at: datetime) -> list[Deadline]:
    """All deadlines of one case ("D-12" or "A-7"), met and missed ones included."""
    return []
