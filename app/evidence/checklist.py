"""What evidence a case needs, by its kind and reason, and how much of it a pack holds.

The lists come from the shop's policy profile (rule GEN-4: conversation, tracking, photos,
proof of authenticity, the seller's statement, the post-office proof of delivery of rule AE-8),
so a shop that learns what its platform asks for can change them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.evidence.labels import category_label
from app.models import Dispute

NOT_AS_DESCRIBED_REASONS = ("quality", "damaged", "not_as_described", "short_quantity",
                            "wrong_item", "not_working")


@dataclass(frozen=True)
class ChecklistEntry:
    category: str
    label: str
    count: int             # items of this category in the pack

    @property
    def present(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class Checklist:
    group: str             # not_received / not_as_described / counterfeit / general
    entries: tuple[ChecklistEntry, ...]

    @property
    def score(self) -> int:
        """Share of the needed categories the pack has, in percent."""
        if not self.entries:
            return 100
        return round(100 * sum(e.present for e in self.entries) / len(self.entries))

    @property
    def missing(self) -> list[str]:
        return [e.label for e in self.entries if not e.present]

    @property
    def missing_categories(self) -> list[str]:
        return [e.category for e in self.entries if not e.present]


def evidence_group(case) -> str:
    """Which list of evidence a case needs: by dispute kind and sub-kind, or request reason."""
    if isinstance(case, Dispute):
        text = f"{case.sub_kind} {case.reason}".lower()
        if "counterfeit" in text or "fake" in text:
            return "counterfeit"
        return "not_received" if case.kind == "not_received" else "not_as_described"
    reason = (case.reason or "").lower()
    if "counterfeit" in reason or "fake" in reason:
        return "counterfeit"
    if reason == "not_received":
        return "not_received"
    if reason in NOT_AS_DESCRIBED_REASONS:
        return "not_as_described"
    return "general"


def required_categories(case, profile) -> list[str]:
    """The categories a pack for `case` needs, always-needed ones first."""
    group = evidence_group(case)
    needed = list(profile.items("evidence_always"))
    if group != "general":
        needed += [c for c in profile.items(f"evidence_{group}") if c not in needed]
    return needed


def evaluate(case, profile, counts: dict[str, int], statement: str,
             language: str = "en") -> Checklist:
    """`counts`: items per category in the pack. The statement counts when it has text."""
    entries = []
    for category in required_categories(case, profile):
        count = counts.get(category, 0)
        if category == "statement" and statement.strip():
            count += 1
        entries.append(ChecklistEntry(category, category_label(category, language), count))
    return Checklist(evidence_group(case), tuple(entries))
