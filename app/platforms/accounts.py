"""A shop's open-platform account (AliExpress, Taobao): its own settings checked here (app
key, gateway, seller), the app secret and the seller's token(s) kept in the keyring
(credentials.py). The account row, its state and its removal are the channel layer's
(app.channels.account)."""

from __future__ import annotations

from app.channels.account import (DEFAULT_POLL_SECONDS, check_new_key, create_account,
                                  is_local)
from app.db import database
from app.errors import InvalidInput
from app.models.channels import ChannelAccount
from app.platforms import DEFAULT_GATEWAYS, credentials
from app.services.commerce.shops import get_shop
from app.services.common.input_checks import choice, text


def add_platform_account(key: str, shop, *, kind: str, app_key: str, gateway: str = "",
                         seller_id: str = "", app_secret: str | None = None,
                         token: str | None = None, refresh_token: str | None = None,
                         messages: bool = False, poll_seconds: int = DEFAULT_POLL_SECONDS,
                         return_address_id: str = "", return_address: dict | None = None,
                         actor: str = "rep") -> ChannelAccount:
    """Add a shop's open-platform account (AliExpress, Taobao). The app secret and the
    seller's token(s), when given, go to the keyring. `messages`: the shop's app may use
    the platform's message methods (else answers stay copy & open). `return_address_id`:
    AliExpress's id of the shop's return address, which a return solution the rep accepts
    or proposes needs (app.platforms.aliexpress.decisions); on Taobao the id of the
    address in the shop's address library. `return_address`: Taobao's return address
    (`RETURN_FIELDS`), which agreeing to a return needs (app.platforms.taobao.decisions)."""
    shop = get_shop(shop)
    record = f"account {key}"
    choice(kind, tuple(DEFAULT_GATEWAYS), "kind", record)
    if shop.platform != kind:
        raise InvalidInput("shop {shop} is a {platform} shop: its platform account is of "
                           "kind {platform}", shop=shop.key, platform=shop.platform,
                           record=record, field="kind")
    app_key = text(app_key, "app_key", record, max_len=100)
    gateway = _gateway(gateway or DEFAULT_GATEWAYS[kind], record)
    seller_id = text(seller_id, "seller_id", record, max_len=100, required=False)
    return_address_id = text(return_address_id, "return_address_id", record, max_len=30,
                             required=False)
    _check_address_id(return_address_id, record)
    key = check_new_key(key, record)
    settings = {"app_key": app_key, "gateway": gateway, "messages": bool(messages),
                "poll_seconds": max(15, int(poll_seconds))}
    if seller_id:
        settings["seller_id"] = seller_id
    if return_address_id:
        settings["return_address_id"] = return_address_id
    settings.update({name: value for name, value in
                     _return_words(kind, return_address or {}, record).items() if value})
    given = {credentials.APP_SECRET: app_secret, credentials.TOKEN: token,
             credentials.REFRESH_TOKEN: refresh_token}
    for part, value in given.items():
        if value is not None and not value.strip():
            raise InvalidInput("the {part} is empty", part=part.replace("_", " "),
                               record=record, field=part)
    with database.atomic():
        account = create_account(key, shop, kind, settings, actor)
        for part, value in given.items():      # last: a refusal undoes the row
            if value is not None:
                credentials.put(key, part, value.strip())
    return account


def _gateway(value: str, record: str) -> str:
    from urllib.parse import urlsplit
    value = text(value, "gateway", record, max_len=300).rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InvalidInput("write the gateway as an address such as "
                           "https://api-sg.aliexpress.com", record=record, field="gateway")
    if parts.scheme == "http" and not is_local(parts.hostname):
        raise InvalidInput("without https the secret and the token would cross the "
                           "network readable: http is only for a server on this computer "
                           "or the shop's own network", record=record, field="gateway")
    return value


def _check_address_id(value: str, record: str) -> None:
    if value and not value.isdigit():
        raise InvalidInput("the return address id is a number (AliExpress seller centre › "
                           "return addresses; Taobao: the address's id in the shop's "
                           "address library)", record=record, field="return_address_id")


# The settings `account set` and the window's account form change (none is a secret):
# the gateway; the return address id (AliExpress and Taobao) and, for Taobao, the return
# address the buyer is given when the seller agrees to a return (taobao.rp.returngoods.agree
# requires each of them for a Taobao refund: docs/connectors.md).
RETURN_FIELDS = {"return_name": 50, "return_address": 200, "return_post": 20,
                 "return_tel": 30, "return_mobile": 30}
EDITABLE = ("gateway", "return_address_id", *RETURN_FIELDS)


def _return_words(kind: str, values: dict, record: str) -> dict:
    """The Taobao return address's fields of `values`, checked."""
    out = {}
    for name, value in values.items():
        if name not in RETURN_FIELDS:
            raise InvalidInput("unknown setting {name}", name=name, record=record, field=name)
        if value and kind != "taobao":
            raise InvalidInput("the return address's words are a Taobao setting "
                               "(AliExpress keeps only its id)", record=record, field=name)
        out[name] = text(value or "", name, record, max_len=RETURN_FIELDS[name],
                         required=False)
    return out


def platform_settings(account) -> dict:
    """The account's editable settings, each as text ('' when not set)."""
    from app.channels.account import get_account
    settings = get_account(account).settings or {}
    return {name: str(settings.get(name) or "") for name in EDITABLE}


def set_platform_settings(account, *, actor: str = "rep", **changes) -> ChannelAccount:
    """Change an open-platform account's non-secret settings (`EDITABLE`; a value None is
    left as it is, '' clears an optional one). The secrets stay in the keyring."""
    from app.channels.account import ENTITY, get_account
    from app.services.common import audit
    account = get_account(account)
    record = f"account {account.key}"
    if account.kind not in DEFAULT_GATEWAYS:
        raise InvalidInput("{key} is a mailbox: only an open-platform account has these "
                           "settings", key=account.key, record=record, field="kind")
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise InvalidInput("unknown setting {name}", name=unknown[0], record=record,
                           field=unknown[0])
    wanted = {}
    for name, value in changes.items():
        if value is None:
            continue
        if name == "gateway":
            wanted[name] = _gateway(value or DEFAULT_GATEWAYS[account.kind], record)
        elif name == "return_address_id":
            found = text(value, name, record, max_len=30, required=False)
            _check_address_id(found, record)
            wanted[name] = found
        else:
            wanted.update(_return_words(account.kind, {name: value}, record))
    with database.atomic():
        account = ChannelAccount.get_by_id(account.id)
        settings = dict(account.settings or {})
        before = {name: settings.get(name, "") for name in wanted}
        for name, value in wanted.items():
            if value:
                settings[name] = value
            else:
                settings.pop(name, None)
        changed = {n: v for n, v in wanted.items() if before[n] != v}
        if changed:
            account.settings = settings
            account.save(only=[ChannelAccount.settings])
            audit.record(actor, ENTITY, account.key, "settings",
                         {n: {"from": before[n], "to": v} for n, v in changed.items()})
    return account
