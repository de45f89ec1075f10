"""Case ids as the CLI and the window write them: "D-12" (a dispute), "A-7" (an after-sales
request), and finding the case an id names (reading one back: app.case_refs)."""

from __future__ import annotations

from app.case_refs import parse_case_id
from app.errors import NotFound
from app.models import AftersalesRequest, Dispute


def case_id(case) -> str:
    return f"D-{case.id}" if isinstance(case, Dispute) else f"A-{case.id}"


def get_case(text: str):
    kind, number = parse_case_id(text)
    model = Dispute if kind == "dispute" else AftersalesRequest
    case = model.get_or_none(model.id == number)
    if case is None:
        raise NotFound("no case {text}", text=text)
    return case
