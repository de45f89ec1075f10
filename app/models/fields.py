"""Portable column types: UTC instants, exact money, JSON text.

They use plain TEXT / BIGINT / TIMESTAMP columns so that the same models work on
SQLite and on a shared PostgreSQL server.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

import peewee

from app.clock import as_utc

CENT = Decimal("0.01")
# Amounts from 10^12 up are refused: far above any order, far inside the whole-cents column
# (a 64-bit integer), and small enough that every amount keeps its cents exactly.
MONEY_LIMIT = Decimal(10) ** 12


class UTCDateTimeField(peewee.DateTimeField):
    """Stores naive UTC (whole seconds); hands back aware UTC datetimes."""

    def db_value(self, value):
        if value is None:
            return None
        if isinstance(value, datetime):
            return as_utc(value).replace(tzinfo=None)
        return value

    def python_value(self, value):
        value = super().python_value(value)
        if isinstance(value, datetime) and value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value


def to_money(value) -> Decimal:
    """Decimal with two places; floats are refused so that no amount is ever rounded by accident."""
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    amount = Decimal(str(value))
    if amount.is_finite() and abs(amount) >= MONEY_LIMIT:
        raise ValueError("an amount must be below 1,000,000,000,000")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


class MoneyField(peewee.BigIntegerField):
    """An amount held exactly as whole cents; the Python side is a Decimal."""

    def db_value(self, value):
        if value is None:
            return None
        return int(to_money(value) * 100)

    def python_value(self, value):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


class JSONTextField(peewee.TextField):
    """A small JSON document kept as text (lists of attachments, event details)."""

    def db_value(self, value):
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

    def python_value(self, value):
        if value is None or value == "":
            return None
        return json.loads(value)
