"""Shops and their buyers: added and looked up through here, every addition audited."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.clock import utcnow
from app.db import database
from app.models import Buyer, Shop
from app.vocab import PLATFORMS
from app.services.common import audit
from app.errors import InvalidInput, NotFound
from app.services.common.input_checks import choice, text

KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
CURRENCY_PATTERN = re.compile(r"^[A-Z]{3}$")
# What a shop's money is in unless the rep says otherwise.
DEFAULT_CURRENCY = {"aliexpress": "USD", "taobao": "CNY"}


def check_zone(zone: str, record: str | None = None, field: str = "timezone") -> str:
    """An IANA time-zone name such as 'Asia/Shanghai' or 'America/Los_Angeles'."""
    zone = text(zone, field, record, max_len=64)
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("'{zone}' is not a known time zone (use a name like "
                           "'Asia/Shanghai' or 'America/Los_Angeles')",
                           zone=zone,
                           record=record, field=field) from None
    return zone


def check_currency(currency: str, record: str | None = None) -> str:
    currency = text(currency, "currency", record).upper()
    if not CURRENCY_PATTERN.match(currency):
        raise InvalidInput("'{currency}' is not a three-letter currency code such as CNY or USD",
                           currency=currency,
                           record=record, field="currency")
    return currency


def add_shop(key: str, platform: str, name: str, tz: str, currency: str | None = None, *,
             actor: str = "rep") -> Shop:
    record = f"shop {key}"
    key = text(key, "key", "shop")
    if not KEY_PATTERN.match(key):
        raise InvalidInput("'{key}' may hold only letters, digits, '-', '_' and '.', at most "
                           "64 characters, starting with a letter or digit",
                           key=key,
                           record="shop", field="key")
    choice(platform, PLATFORMS, "platform", record)
    name = text(name, "name", record, max_len=200)
    tz = check_zone(tz, record)
    currency = check_currency(currency or DEFAULT_CURRENCY[platform], record)
    if Shop.get_or_none(Shop.key == key) is not None:
        raise InvalidInput("a shop with the key '{key}' already exists", key=key, record="shop",
                           field="key")
    with database.atomic():
        shop = Shop.create(key=key, platform=platform, name=name, timezone=tz,
                           currency=currency, created_at=utcnow())
        audit.record(actor, "shop", key, "add",
                     {"platform": platform, "name": name, "timezone": tz, "currency": currency})
    return shop


def list_shops() -> list[Shop]:
    return list(Shop.select().order_by(Shop.key))


def get_shop(key) -> Shop:
    """A shop by its key (a Shop passes through unchanged)."""
    if isinstance(key, Shop):
        return key
    shop = Shop.get_or_none(Shop.key == str(key).strip())
    if shop is None:
        raise NotFound("no shop with the key '{key}'", key=key)
    return shop


def add_buyer(shop, login: str, *, name: str = "", country: str = "", language: str = "",
              timezone: str | None = None, email: str = "", phone: str = "",
              actor: str = "rep") -> Buyer:
    shop = get_shop(shop)
    record = f"buyer of shop {shop.key}"
    login = text(login, "login", record, max_len=200)
    country = text(country, "country", record, required=False).upper()
    if country and not re.match(r"^[A-Z]{2}$", country):
        raise InvalidInput("'{country}' is not a two-letter country code such as BR or US",
                           country=country,
                           record=record, field="country")
    if timezone is not None:
        timezone = check_zone(timezone, record)
    if Buyer.get_or_none((Buyer.shop == shop) & (Buyer.login == login)) is not None:
        raise InvalidInput("shop {key} already has a buyer '{login}'",
                           key=shop.key, login=login, record=record,
                           field="login")
    with database.atomic():
        buyer = Buyer.create(shop=shop, login=login,
                             name=text(name, "name", record, max_len=200, required=False),
                             country=country,
                             language=text(language, "language", record, max_len=16,
                                           required=False),
                             timezone=timezone,
                             email=text(email, "email", record, max_len=200, required=False),
                             phone=text(phone, "phone", record, max_len=64, required=False))
        audit.record(actor, "buyer", f"{shop.key}/{login}", "add",
                     {"country": country, "language": buyer.language})
    return buyer


def find_buyer(shop, login: str) -> Buyer | None:
    shop = get_shop(shop)
    return Buyer.get_or_none((Buyer.shop == shop) & (Buyer.login == str(login).strip()))


def get_or_add_buyer(shop, login: str, *, actor: str = "rep", **details) -> Buyer:
    """The shop's buyer with this login, added (and audited) when new."""
    return find_buyer(shop, login) or add_buyer(shop, login, actor=actor, **details)
