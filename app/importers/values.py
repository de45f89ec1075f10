"""Cells of an export turned into order values. Each parser raises CellError with a message
a rep understands; the caller adds the row and the column.

Order numbers are read as text and never pass through a float: a number cell is accepted
only when it is whole and small enough to be exact (spreadsheets keep 15-16 digits).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.models.fields import MONEY_LIMIT

WHOLE_DIGITS = 9               # a count of pieces: anything longer is not one
EXACT_LIMIT = 2 ** 53          # beyond this a number cell has already lost digits
CENT = Decimal("0.01")
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M",
                "%Y.%m.%d %H:%M:%S", "%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日 %H:%M:%S",
                "%Y年%m月%d日 %H:%M", "%Y年%m月%d日", "%Y-%m-%dT%H:%M:%S")
_CURRENCY_WORDS = re.compile(r"(US\s*\$|USD|CNY|RMB|EUR|€|\$|¥|￥|元|£)", re.IGNORECASE)
_ORDER_NO = re.compile(r"^[0-9A-Za-z_-]{1,64}$")
MASK = "*"


class CellError(ValueError):
    pass


def shown(value, limit: int = 40) -> str:
    """A cell as a message quotes it: long text cut short."""
    text = cell_text(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


_ISO_TIME = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def cell_text(value) -> str:
    """Any cell as clean text: Taobao's ="…" wrapper and a leading ' removed, spaces trimmed."""
    if value.__class__ is str and value[:1] not in ("=", "'", " ", "\u3000") and (
            value[-1:] not in (" ", "\t", "\n", "\r", "\u3000")):
        return value
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < EXACT_LIMIT:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    text = str(value).replace("\u3000", " ").strip()
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1].strip()
    elif text.startswith("'"):
        text = text[1:].strip()
    return text


def order_no(value) -> str:
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= EXACT_LIMIT:
            raise CellError(f"the order number is stored as a number ({value!r}) and has lost "
                            "digits; export the order numbers as text and import again")
        return str(int(value))
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= EXACT_LIMIT:
            raise CellError("the order number is stored as a number and may have lost digits; "
                            "export the order numbers as text and import again")
        return str(value)
    text = cell_text(value).replace(" ", "")
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    if not text:
        raise CellError("the order number is empty")
    if re.fullmatch(r"\d+(\.\d+)?[eE]\+?\d+", text):
        raise CellError(f"the order number '{shown(text)}' was shortened to scientific notation by a "
                        "spreadsheet; export it again as text")
    if not _ORDER_NO.match(text):
        raise CellError(f"'{shown(text)}' is not an order number")
    return text


def amount(value, *, required: bool = True) -> Decimal | None:
    """An amount of money, exact to the cent; never negative."""
    if value is None or (isinstance(value, str) and not cell_text(value)):
        if required:
            raise CellError("the amount is empty")
        return None
    if isinstance(value, bool):
        raise CellError(f"'{value}' is not an amount")
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = _CURRENCY_WORDS.sub("", cell_text(value)).replace(",", "").replace(" ", "")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError(f"'{shown(value)}' is not an amount") from None
    if not number.is_finite():
        raise CellError(f"'{shown(value)}' is not an amount")
    if abs(number) >= MONEY_LIMIT:
        raise CellError(f"the amount '{shown(value)}' is too large: an order amount is below "
                        "1,000,000,000,000")
    if number < 0:
        raise CellError(f"the amount {number} is negative; an order amount must be 0 or more")
    return number.quantize(CENT, rounding=ROUND_HALF_UP)


def wall_time(value, *, required: bool = False) -> datetime | None:
    """A date and time as the export shows it (no zone yet)."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = cell_text(value)
    if not text or text in ("-", "--", "/"):
        if required:
            raise CellError("the date is empty")
        return None
    match = _ISO_TIME.match(text)
    if match:
        try:
            return datetime(*(int(g) for g in match.groups() if g is not None))
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise CellError(f"'{shown(text)}' is not a date and time (expected e.g. 2026-03-01 10:22:33)")


def whole_number(value, *, minimum: int = 0) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = cell_text(value)
    if not re.fullmatch(r"\d+", text or ""):
        raise CellError(f"'{shown(text)}' is not a whole number")
    if len(text) > WHOLE_DIGITS:
        raise CellError(f"'{shown(text)}' is too large for a number of pieces")
    number = int(text)
    if number < minimum:
        raise CellError(f"{number} is less than {minimum}")
    return number


def phone(value) -> str:
    """A phone number: the ' Excel needs to keep the leading zero is dropped; a masked
    number (138****5678) is kept as the platform shows it."""
    return cell_text(value).replace(" ", "")[:64]


def is_masked(text: str) -> bool:
    return MASK * 3 in text


def split_shipment(text: str) -> tuple[str, str]:
    """'CAINIAO_STANDARD:LP00123456789' -> (carrier, tracking number); several shipments
    separated by commas keep the first carrier and all numbers."""
    parts = [p.strip() for p in re.split(r"[,;，；\n]", text) if p.strip()]
    if not parts:
        return "", ""
    carriers, numbers = [], []
    for part in parts:
        carrier, sep, number = part.rpartition(":")
        if not sep:
            carrier, number = "", part
        carriers.append(carrier.strip())
        numbers.append(number.strip())
    carrier = next((c for c in carriers if c), "")
    return carrier[:100], ",".join(n for n in numbers if n)[:100]


def tracking_number(text: str) -> str:
    text = cell_text(text)
    if text.lower().startswith("no:"):
        text = text[3:]
    return text.strip()[:100]
