"""A report to CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese) or XLSX (one
sheet per table, written with openpyxl).

Guard against formula injection: a text cell that starts with = + - @ (or their full-width
forms), a tab or a carriage return would be run as a formula by Excel or WPS; such text is
written with a leading apostrophe, so it shows as the text it is. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from app.reports.model import Report

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def safe_cell(value):
    """The value as it may go into a spreadsheet cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    text = str(value)
    if text.startswith(DANGEROUS_START):
        return "'" + text
    return text


def _head(report: Report) -> list:
    return [["AfterDesk dispute report", f"{report.start} – {report.end}", report.zone,
             ", ".join(report.shops) or "all shops",
             f"made {report.generated_at:%Y-%m-%d %H:%M} UTC"]]


def export_csv(report: Report, path) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        for row in _head(report):
            writer.writerow([safe_cell(c) for c in row])
        for section in report.sections:
            writer.writerow([])
            writer.writerow([safe_cell(section.title)])
            writer.writerow([safe_cell(c) for c in section.columns])
            for row in section.rows:
                writer.writerow([safe_cell(c) for c in row])
    return path


def export_xlsx(report: Report, path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    path = Path(path)
    book = Workbook()
    about = book.active
    about.title = "Report"
    for row in _head(report):
        about.append([safe_cell(c) for c in row])
    for section in report.sections:
        about.append([safe_cell(section.title), safe_cell(section.note)])
    used = {"Report"}
    for section in report.sections:
        name = _SHEET_BAD.sub(" ", section.title)[:31].strip() or section.key
        while name in used:
            name = name[:28] + f"~{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append([safe_cell(c) for c in section.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append([safe_cell(c) for c in row])
        sheet.column_dimensions["A"].width = 40
    book.save(path)
    return path
