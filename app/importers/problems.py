"""What can be wrong with an export, said so that a rep can find it in the file.

Every problem names the spreadsheet row as Excel shows it (the header is usually row 1) and
the column by its header text and letter. Errors stop the import; warnings are shown in the
preview and the import goes ahead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from app.errors import ServiceError

ERROR, WARNING = "error", "warning"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as a spreadsheet names its columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    row: int | None          # spreadsheet row (1 = first line of the file); None: the whole file
    column: str | None       # header text, e.g. "下单时间"
    letter: str | None       # spreadsheet column letter, e.g. "E"
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self) -> str:
        parts = []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}" + (f" ({self.letter})" if self.letter else ""))
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def to_json(self) -> dict:
        return asdict(self)


class ImportRefused(ServiceError):
    """The file cannot be imported as it is; nothing was written. `problems` says why."""

    def __init__(self, problems: list[Problem], file_name: str = ""):
        self.problems = [p for p in problems if p.is_error] or list(problems)
        shown = self.problems[:5]
        more = len(self.problems) - len(shown)
        head = f"{file_name}: " if file_name else ""
        lines = "; ".join(str(p) for p in shown)
        tail = f"; and {more} more problem(s)" if more > 0 else ""
        super().__init__(f"{head}{lines}{tail}. Nothing was imported.")


class ImportCancelled(ServiceError):
    def __init__(self):
        super().__init__("The import was cancelled; nothing was imported.")


def file_problem(message: str) -> Problem:
    return Problem(None, None, None, message)
