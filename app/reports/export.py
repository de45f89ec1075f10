"""A report to CSV (UTF-8 with a byte-order mark, so Excel shows the Chinese) or XLSX (one
sheet per table, written with openpyxl).

Guard against formula injection: a text cell that starts with = + - @ (or their full-width
forms), a tab or a carriage return would be run as a formula by Excel or WPS. In a CSV such
text gets a leading apostrophe (a CSV has no cell types); in an XLSX it is stored as a text
cell marked "quote prefix", which Excel and WPS show as the text it is, with no apostrophe.
Numbers stay numbers.
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


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(DANGEROUS_START)


def safe_cell(value):
    """The value as it may go into a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    text = str(value)
    if is_formula_like(text):
        return "'" + text
    return text


def _xlsx_row(sheet, values) -> None:
    """Append a row; text that looks like a formula becomes a plain text cell."""
    plain = ["" if v is None else v for v in values]
    cells = [safe_cell(v) if not is_formula_like(v) else v for v in plain]
    sheet.append([c if not is_formula_like(c) else "" for c in cells])
    row = sheet.max_row
    for column, value in enumerate(cells, 1):
        if is_formula_like(value):
            cell = sheet.cell(row=row, column=column)
            cell.value = value
            cell.data_type = "s"          # text, never a formula
            cell.quotePrefix = True


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
        _xlsx_row(about, row)
    for section in report.sections:
        _xlsx_row(about, [section.title, section.note])
    used = {"Report"}
    for section in report.sections:
        name = _SHEET_BAD.sub(" ", section.title)[:31].strip() or section.key
        while name in used:
            name = name[:28] + f"~{len(used)}"
        used.add(name)
        sheet = book.create_sheet(name)
        _xlsx_row(sheet, section.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            _xlsx_row(sheet, row)
        sheet.column_dimensions["A"].width = 40
    book.save(path)
    return path
