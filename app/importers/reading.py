"""Read an export into rows of cells with field libraries: python-calamine for .xls/.xlsx/.ods,
the csv module with an explicit encoding for .csv. No spreadsheet format is parsed by hand.

Cells come back as the library gives them (text, int, float, datetime); `values.py` turns
them into order values. Row 1 of the result is row 1 of the file, as Excel numbers it.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from app.importers.problems import ImportRefused, Problem, column_letter, file_problem

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Tried in order when the file does not say (a byte-order mark) and the rep did not choose.
CSV_ENCODINGS = ("utf-8", "gb18030")   # gb18030 reads every GBK file and more
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "gb18030": "GBK/GB18030",
                  "gbk": "GBK", "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16"}


@dataclass
class Table:
    file_name: str
    kind: str                      # "xlsx", "xls", "ods" or "csv"
    rows: list                     # list of lists of cells; rows[0] is spreadsheet row 1
    sha256: str
    encoding: str | None = None    # CSV only
    extra: dict = field(default_factory=dict)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_table(path, encoding: str | None = None) -> Table:
    """The rows of an export file; ImportRefused (naming the file, and the row and column
    where it can) when the file cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused([file_problem(f"no such file: {path}")], path.name) from None
    except OSError as exc:
        raise ImportRefused([file_problem(f"the file cannot be read: {exc.strerror or exc}")],
                            path.name) from None
    if not data.strip():
        raise ImportRefused([file_problem("the file is empty")], path.name)
    digest = sha256_of(data)
    if data.startswith(ZIP_MAGIC) or data.startswith(OLE_MAGIC):
        return _read_workbook(path, data, digest)
    if path.suffix.lower() in (".xls", ".xlsx", ".ods"):
        if data.lstrip()[:1] == b"<":
            raise ImportRefused([file_problem(
                f"{path.name} is a web page saved under a spreadsheet name, not a workbook; "
                "open it in Excel or WPS and save it as .xlsx, then import that")], path.name)
        raise ImportRefused([file_problem(
            f"{path.name} is not a complete workbook (it does not start like an .xls or .xlsx "
            "file); download the export again")], path.name)
    return _read_csv(path, data, digest, encoding)


def _read_workbook(path: Path, data: bytes, digest: str) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook
    kind = "xls" if data.startswith(OLE_MAGIC) else (
        "ods" if b"opendocument" in data[:200] else "xlsx")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = []
        for name in book.sheet_names:
            rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            if any(any(c not in ("", None) for c in r) for r in rows):
                break
    except CalamineError as exc:
        raise ImportRefused([file_problem(
            f"{path.name} is damaged or incomplete and cannot be read as {kind} "
            f"({type(exc).__name__}: {exc}); this usually means the download was cut off. "
            "Download the export again")], path.name) from None
    return Table(path.name, kind, [list(r) for r in rows], digest)


def _read_csv(path: Path, data: bytes, digest: str, encoding: str | None) -> Table:
    text, used = decode_csv(data, path.name, encoding)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    return Table(path.name, "csv", csv_rows(text, delimiter, path.name), digest, encoding=used)


def csv_rows(text: str, delimiter: str, file_name: str) -> list:
    """The records of CSV text; ImportRefused naming the row (and the column where it can)
    when the csv module cannot read one: a cell longer than the module's limit (no
    platform writes such a cell), or a line break where none can be."""
    rows: list = []
    lines = io.StringIO(text, newline="")
    reader = csv.reader(lines, delimiter=delimiter)
    start = 0
    try:
        for row in reader:
            rows.append(row)
            start = lines.tell()
    except csv.Error as exc:
        record = text[start:]
        header = rows[0] if rows else []
        if "field limit" in str(exc):
            index = _oversized_field(record, delimiter, csv.field_size_limit())
            column = header[index].strip() if index < len(header) else None
            raise ImportRefused([Problem(
                len(rows) + 1, column, column_letter(index),
                f"a cell holds more than {csv.field_size_limit():,} characters, which no "
                "order export has: check that this is the right file")], file_name) from None
        raise ImportRefused([Problem(
            len(rows) + 1, None, None,
            f"this line cannot be read as CSV ({exc}); save the export again as UTF-8 or GBK "
            "CSV and import that")], file_name) from None
    return rows


def _oversized_field(record: str, delimiter: str, limit: int) -> int:
    """The index of the first field of a CSV record longer than `limit` characters."""
    index, length, quoted = 0, 0, False
    for char in record:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            index, length = index + 1, 0
            continue
        length += 1
        if length > limit:
            break
    return index


def decode_csv(data: bytes, file_name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding used: a byte-order mark decides, then the
    rep's choice, then UTF-8, then GBK (GB18030)."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    elif not encoding and (bare := _utf16_without_mark(data)):
        candidates = (bare,)
    elif encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ImportRefused([file_problem(f"unknown encoding '{encoding}'")],
                                file_name) from None
        candidates = (encoding,)
    else:
        candidates = CSV_ENCODINGS
    failure = None
    for name in candidates:
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            failure = failure or (name, exc)
            last = (name, exc)
    name, exc = last if len(candidates) > 1 else failure
    raise ImportRefused([_where_undecodable(data, exc, name, candidates)], file_name)


def _utf16_without_mark(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the file looks like UTF-16 text without a byte-order
    mark: UTF-8 and GBK text never holds a zero byte, UTF-16 holds one beside every Latin
    letter, digit, comma and line break, always on the same side. None otherwise."""
    head = data[:4096]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd + even < 2:
        return None
    if odd >= 4 * even:
        return "utf-16-le"
    if even >= 4 * odd:
        return "utf-16-be"
    return None


def _where_undecodable(data: bytes, exc: UnicodeDecodeError, name: str, tried) -> Problem:
    """Name the row and column holding the first byte the encoding cannot read."""
    head = data[:exc.start].decode(name, errors="replace")
    try:
        rows = list(csv.reader(io.StringIO(head, newline="")))
        header = next(csv.reader(io.StringIO(
            data.split(b"\n", 1)[0].decode(name, errors="replace"))), [])
    except csv.Error:           # not CSV-shaped at all: the first bad byte is all we can say
        rows, header = [], []
    row = max(len(rows), 1)
    col = max(len(rows[-1]) - 1, 0) if rows else 0
    column = header[col].strip()[:40] if col < len(header) else None
    tried_names = " or ".join(ENCODING_NAMES.get(t, t) for t in tried)
    bad = data[exc.start:exc.start + 2].hex(" ")
    return Problem(row, column, column_letter(col),
                   f"the file is not {tried_names} text (bytes {bad} cannot be read). Save the "
                   "export again as UTF-8 or GBK CSV, or choose its encoding")
