"""What the deadline engine answers: one deadline of one case (or order, or conversation)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from app.clock import format_instant

STATES = ("pending", "met", "missed", "unknown")
# "unknown": the instant the clock runs from is missing (an export without it); due_at is
# then None when the due instant cannot be computed, and `action` says what is missing.
SUBJECTS = ("dispute", "aftersales", "order", "conversation")


@dataclass(frozen=True, slots=True)   # tens of thousands on a big shop
class Deadline:
    rule: str                 # rule ID from the policy table, e.g. "AE-3"
    kind: str                 # machine name, e.g. "seller_response"
    subject: str              # one of SUBJECTS
    platform: str
    shop: str                 # shop key
    order_no: str | None
    case_id: str | None       # "D-12" (dispute) / "A-7" (after-sales request) or None
    due_at: datetime | None   # UTC; None only in the "unknown" state
    state: str                # one of STATES
    label: str                # what it is, for a rep
    action: str               # what meets it, for a rep ("" when nobody needs to act)
    starts_at: datetime | None = None   # the triggering instant
    informational: bool = False         # the platform's clock, nothing for the shop to do
    conversation_id: int | None = None

    def to_json(self) -> dict:
        data = asdict(self)
        data["due_at"] = format_instant(self.due_at)
        data["starts_at"] = format_instant(self.starts_at)
        return data
