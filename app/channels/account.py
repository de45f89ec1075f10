"""A shop's account on a channel: its settings (no secret), its state and its password.

The password is kept in the operating system's keyring (app.secrets, service
"AfterDesk mail account", name = the account's key), never in the database.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime

from app import secrets
from app.channels import states
from app.clock import utcnow
from app.db import database
from app.errors import InvalidInput, NotFound
from app.models.channels import ChannelAccount
from app.services.common import audit
from app.services.common.input_checks import choice, text

ENTITY = "channel_account"
SECRET_SERVICE = "AfterDesk mail account"
SECURITY = ("tls", "starttls", "none")
DEFAULT_POLL_SECONDS = 120
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class AccountRow:
    """One account as `account list` and Settings › Accounts show it."""
    key: str
    shop: str
    kind: str
    user: str
    imap: str
    smtp: str
    security: str
    state: str
    last_sync_at: datetime | None
    last_error: str


def _endpoint(value: str, field: str, record: str) -> tuple[str, int]:
    value = text(value, field, record)
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise InvalidInput("write the server as HOST:PORT, e.g. imap.example.com:993",
                           record=record, field=field)
    return host.strip("[]"), int(port)


def is_local(host: str) -> bool:
    """A server on this computer or the shop's own network (where plain may be allowed)."""
    if host in ("localhost",) or host.endswith((".local", ".localhost")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private


def add_account(key: str, shop, *, kind: str = "mail", imap: str, smtp: str, user: str,
                password: str | None = None, security: str = "tls", address: str = "",
                folders=("INBOX",), poll_seconds: int = DEFAULT_POLL_SECONDS,
                actor: str = "rep") -> ChannelAccount:
    """Add a mail account to `shop` (its password, when given, goes to the keyring)."""
    from app.services.commerce.shops import get_shop
    shop = get_shop(shop)
    record = f"account {key}"
    key = text(key, "key", record, max_len=64)
    if not _KEY.match(key):
        raise InvalidInput("a key has letters, digits, '.', '_' or '-' (e.g. shop1-mail)",
                           record=record, field="key")
    choice(kind, states.KINDS, "kind", record)
    choice(security, SECURITY, "security", record)
    imap_host, imap_port = _endpoint(imap, "imap", record)
    smtp_host, smtp_port = _endpoint(smtp, "smtp", record)
    if security == "none" and not (is_local(imap_host) and is_local(smtp_host)):
        raise InvalidInput("without TLS the password would cross the network readable: "
                           "'none' is only for a server on this computer or the shop's "
                           "own network", record=record, field="security")
    user = text(user, "user", record, max_len=200)
    address = text(address, "address", record, max_len=200, required=False) or (
        user if "@" in user else "")
    if not address:
        raise InvalidInput("give the shop's mail address (--address) when the user name "
                           "is not one", record=record, field="address")
    folders = [text(f, "folders", record, max_len=200) for f in folders] or ["INBOX"]
    if ChannelAccount.get_or_none(ChannelAccount.key == key) is not None:
        raise InvalidInput("an account with the key '{key}' exists already", key=key,
                           record=record, field="key")
    settings = {"imap_host": imap_host, "imap_port": imap_port, "smtp_host": smtp_host,
                "smtp_port": smtp_port, "user": user, "address": address.lower(),
                "security": security, "folders": folders,
                "poll_seconds": max(15, int(poll_seconds))}
    with database.atomic():
        account = ChannelAccount.create(key=key, shop=shop, kind=kind, settings=settings,
                                        state=states.NEW, created_at=utcnow())
        audit.record(actor, ENTITY, key, "add", {"shop": shop.key, **settings})
        if password is not None:
            set_password(account, password)     # last: a refusal undoes the row
    return account


def set_password(account, password: str) -> None:
    account = get_account(account)
    if not password:
        raise InvalidInput("the password is empty", record=f"account {account.key}",
                           field="password")
    secrets.set_secret(SECRET_SERVICE, account.key, password)
    if account.state == states.AUTH_FAILED:
        record_state(account, states.NEW, "")


def password_of(account) -> str | None:
    return secrets.get_secret(SECRET_SERVICE, get_account(account).key)


def remove_account(account, *, actor: str = "rep") -> None:
    """Forget the account and its password; its conversations and messages stay."""
    account = get_account(account)
    with database.atomic():
        audit.record(actor, ENTITY, account.key, "remove", {"shop": account.shop.key})
        account.delete_instance()
    secrets.delete_secret(SECRET_SERVICE, account.key)


def get_account(account) -> ChannelAccount:
    if isinstance(account, ChannelAccount):
        return account
    found = ChannelAccount.get_or_none(ChannelAccount.key == str(account).strip())
    if found is None:
        raise NotFound("no account with the key '{key}' (afterdesk account list)",
                       key=account)
    return found


def accounts(shop=None) -> list[ChannelAccount]:
    query = ChannelAccount.select().order_by(ChannelAccount.key)
    if shop is not None:
        from app.services.commerce.shops import get_shop
        query = query.where(ChannelAccount.shop == get_shop(shop))
    return list(query)


def rows(shop=None) -> list[AccountRow]:
    out = []
    for account in accounts(shop):
        s = account.settings
        if account.kind != "mail":      # a platform: its app key and gateway
            out.append(AccountRow(account.key, account.shop.key, account.kind,
                                  str(s.get("app_key", "")), str(s.get("gateway", "")), "",
                                  "", account.state, account.last_sync_at,
                                  account.last_error))
            continue
        out.append(AccountRow(account.key, account.shop.key, account.kind, s["user"],
                              f"{s['imap_host']}:{s['imap_port']}",
                              f"{s['smtp_host']}:{s['smtp_port']}", s["security"],
                              account.state, account.last_sync_at, account.last_error))
    return out


def record_state(account, state: str, error: str = "", *, synced: bool = False) -> None:
    """Keep what the last pass found (a single-row write; no audit: it changes often)."""
    account = get_account(account)
    now = utcnow()
    values = {ChannelAccount.state: state, ChannelAccount.last_error: error}
    if error:
        values[ChannelAccount.last_error_at] = now
    if synced:
        values[ChannelAccount.last_sync_at] = now
    with database.atomic():
        ChannelAccount.update(values).where(ChannelAccount.id == account.id).execute()
    account.state, account.last_error = state, error
    if synced:
        account.last_sync_at = now
