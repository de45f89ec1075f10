"""Case ids as the CLI, the window and evidence packs write them: "D-12" (a dispute), "A-7"
(an after-sales request). Reading one back needs no database; finding the case does
(app.services.casework.case_ids.get_case)."""

from __future__ import annotations

from app.errors import InvalidInput

CASE_PREFIXES = {"D": "dispute", "A": "aftersales"}


def parse_case_id(text: str) -> tuple[str, int]:
    """'D-12' -> ('dispute', 12); a bad id is an InvalidInput naming what is expected."""
    prefix, _, number = str(text).strip().upper().partition("-")
    if prefix not in CASE_PREFIXES or not number.isdigit():
        raise InvalidInput("'{text}' is not a case id (expected D-<n> or A-<n>)", text=text,
                           field="case")
    return CASE_PREFIXES[prefix], int(number)
