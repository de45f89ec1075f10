"""What a report is made of: sections, each a table with the chart drawn from it.

A chart never has data of its own: it names the table's label column and value columns,
so the table on screen and in the export is exactly what the chart shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Chart:
    kind: str                       # "bar" or "line"
    label_column: int               # the column naming each bar / point
    value_columns: tuple            # the columns drawn, one series each
    unit: str = ""                  # "%", "h", "USD"...


@dataclass
class Section:
    key: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    chart: Chart | None = None
    note: str = ""                  # how the figures are computed (rule IDs)
    params: dict = field(default_factory=dict)   # the values inside title and note (days...)

    def to_json(self) -> dict:
        return {"key": self.key, "title": self.title, "note": self.note,
                "columns": list(self.columns),
                "rows": [[_plain(c) for c in row] for row in self.rows]}


@dataclass
class Report:
    start: date
    end: date                       # inclusive
    zone: str
    shops: list                     # shop keys
    generated_at: datetime
    sections: list = field(default_factory=list)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def to_json(self) -> dict:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "zone": self.zone,
                "shops": self.shops,
                "generated_at": self.generated_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "sections": [s.to_json() for s in self.sections]}


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)       # Decimal: exact text
