"""Case ids as the CLI and the window write them: "D-12" (a dispute), "A-7" (an after-sales
request); reading one back and finding its case."""

from __future__ import annotations

from app.errors import InvalidInput, NotFound
from app.models import AftersalesRequest, Dispute

CASE_PREFIXES = {"D": "dispute", "A": "aftersales"}


def case_id(case) -> str:
    return f"D-{case.id}" if isinstance(case, Dispute) else f"A-{case.id}"


def parse_case_id(text: str) -> tuple[str, int]:
    """'D-12' -> ('dispute', 12); a bad id is an InvalidInput naming what is expected."""
    prefix, _, number = str(text).strip().upper().partition("-")
    if prefix not in CASE_PREFIXES or not number.isdigit():
        raise InvalidInput("'{text}' is not a case id (expected D-<n> or A-<n>)", text=text,
                           field="case")
    return CASE_PREFIXES[prefix], int(number)


def get_case(text: str):
    kind, number = parse_case_id(text)
    model = Dispute if kind == "dispute" else AftersalesRequest
    case = model.get_or_none(model.id == number)
    if case is None:
        raise NotFound("no case {text}", text=text)
    return case
