"""What the monitor says to a rep: the start-up "what is due" summary and each alert's text.

Pure: the instant and the rep's time zone are handed in. "Today" is the rep's local day,
so the summary stays right across daylight-saving changes.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, tzinfo

from app.clock import end_of_local_day, format_instant
from app.monitor.schedule import DUE, PLATFORM, WARNING, Step
from app.rules.deadline import Deadline

# subject -> (one, many, what is needed)
NOUNS = {
    "dispute": ("dispute", "disputes", "a response"),
    "aftersales": ("after-sales request", "after-sales requests", "an answer"),
    "order": ("order", "orders", "action"),
    "conversation": ("conversation", "conversations", "a reply"),
    "complaint": ("complaint", "complaints", "action"),
}
SUBJECT_ORDER = tuple(NOUNS)


def due_counts(deadlines: list[Deadline], now: datetime, tz: tzinfo | None = None
               ) -> tuple[Counter, Counter]:
    """(overdue, due today) counts by subject, of the deadlines the shop must act on."""
    end = end_of_local_day(now, tz)
    overdue: Counter = Counter()
    today: Counter = Counter()
    for d in deadlines:
        if d.informational:
            continue
        if d.state == "missed" or (d.state == "pending" and d.due_at < now):
            overdue[d.subject] += 1
        elif d.state == "pending" and d.due_at < end:
            today[d.subject] += 1
    return overdue, today


def _phrase(subject: str, count: int, tail_one: str, tail_many: str) -> str:
    one, many, _ = NOUNS.get(subject, (subject, subject + "s", "action"))
    return f"{count} {one if count == 1 else many} {tail_one if count == 1 else tail_many}"


class DueSummary(str):
    """The summary in English, carrying the counts behind it (`today`, `overdue`: subject ->
    count) so that a window can say the same in the rep's language."""

    today: dict
    overdue: dict


def due_summary(deadlines: list[Deadline], now: datetime, tz: tzinfo | None = None
                ) -> DueSummary:
    """E.g. "3 disputes need a response today; 1 after-sales request is overdue."."""
    overdue, today = due_counts(deadlines, now, tz)
    summary = DueSummary(_summary_text(overdue, today))
    summary.today = {k: n for k, n in today.items() if n}
    summary.overdue = {k: n for k, n in overdue.items() if n}
    return summary


def _summary_text(overdue: Counter, today: Counter) -> str:
    parts = []
    for subject in SUBJECT_ORDER + tuple(sorted(set(today) - set(SUBJECT_ORDER))):
        if today[subject]:
            need = NOUNS.get(subject, ("", "", "action"))[2]
            parts.append(_phrase(subject, today[subject], f"needs {need} today",
                                 f"need {need} today"))
    for subject in SUBJECT_ORDER + tuple(sorted(set(overdue) - set(SUBJECT_ORDER))):
        if overdue[subject]:
            parts.append(_phrase(subject, overdue[subject], "is overdue", "are overdue"))
    if not parts:
        return "Nothing is due today."
    return "; ".join(parts) + "."


def _span(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    if hours >= 1 and hours == int(hours):
        return f"{int(hours)} h"
    return f"{int(delta.total_seconds() // 60)} min"


def alert_text(step: Step) -> str:
    d = step.deadline
    who = d.case_id or (f"order {d.order_no}" if d.order_no else "a conversation")
    if step.step == WARNING:
        when = f"due in {_span(step.lead)}"
    elif step.step == DUE:
        when = "due now"
    else:
        when = "missed"
    todo = f" — {d.action}" if d.action and step.step != PLATFORM else ""
    return f"{who}: {d.label} ({when}, rule {d.rule}){todo}"


def alert_payload(step: Step, text: str | None = None) -> dict:
    """What the GUI receives for one alert: plain strings and numbers only."""
    d = step.deadline
    return {
        "step": step.step,
        "lead_hours": int(step.lead.total_seconds() // 3600) if step.lead else None,
        "text": text if text is not None else alert_text(step),
        "subject": d.subject, "case_id": d.case_id or "", "order_no": d.order_no or "",
        "conversation_id": d.conversation_id or 0, "shop": d.shop, "platform": d.platform,
        "rule": d.rule, "kind": d.kind, "label": d.label, "action": d.action,
        "due_at": format_instant(d.due_at), "fire_at": format_instant(step.fire_at),
    }
