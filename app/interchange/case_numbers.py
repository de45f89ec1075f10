"""Case numbers across an export and an import (issue #20, defect 6).

A case's id, D-48, A-7 or C-3, is what a rep writes down and what scripts and evidence pack
file names use; it is the n of the case's row. Since format version 3 a dispute, an
after-sales request and a complaint carry it as `number`, and an import gives the case the
same number.
A number this database already uses (an import into a desk that has cases of its own)
is replaced by a free one, past every number of the database and of the document, and
the import's summary says which: "D-3 is D-51 here". A document without numbers (version
1 or 2) gets new numbers, as before.
"""

from __future__ import annotations

from app.interchange import schema as s
from app.models import AftersalesRequest, Dispute
from app.models.complaints import Complaint

PREFIXES = {Dispute: "D", AftersalesRequest: "A", Complaint: "C"}


def _numbers_in(doc) -> dict[str, list[int]]:
    """The case numbers a document holds, by prefix (anything not a whole number is
    left for the record's own check)."""
    found: dict[str, list[int]] = {prefix: [] for prefix in PREFIXES.values()}

    def listed(parent, key):
        value = parent.get(key) if isinstance(parent, dict) else None
        return value if isinstance(value, list) else []

    def note(prefix, case):
        number = case.get("number") if isinstance(case, dict) else None
        if isinstance(number, int) and not isinstance(number, bool):
            found[prefix].append(number)

    for shop in listed(doc, "shops"):
        for complaint in listed(shop, "complaints"):
            note("C", complaint)
        for order in listed(shop, "orders"):
            if isinstance(order, dict):
                note("A", order.get("aftersales_request"))
            for dispute in listed(order, "disputes"):
                note("D", dispute)
    return found


class CaseNumbers:
    """Hands out the number of each imported case."""

    def __init__(self, doc):
        in_document = _numbers_in(doc)
        self.next_free = {}
        for model, prefix in PREFIXES.items():
            last = model.select(model.id).order_by(model.id.desc()).limit(1).scalar() or 0
            self.next_free[prefix] = max([last, *in_document[prefix]]) + 1
        self.renumbered: dict[str, str] = {}

    def _free(self, prefix: str) -> int:
        number = self.next_free[prefix]
        self.next_free[prefix] += 1
        return number

    def number(self, model, data: dict, where: s.Where, claim) -> int:
        """The id the case of `data` gets; `claim` refuses a number the document holds
        twice (the importer's claim)."""
        prefix = PREFIXES[model]
        raw = data.get("number")
        if raw is None:
            return self._free(prefix)
        number = s.READERS["int"](raw, where, "number")
        if number < 1:
            raise where.fail(f"{s.show(raw)} is not a case number (1 or more)", "number")
        claim("case", f"{prefix}-{number}", where, "number")
        if not model.select().where(model.id == number).exists():
            return number
        free = self._free(prefix)
        self.renumbered[f"{prefix}-{number}"] = f"{prefix}-{free}"
        return free
