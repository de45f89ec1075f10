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
                         return_address_id: str = "", actor: str = "rep") -> ChannelAccount:
    """Add a shop's open-platform account (AliExpress, Taobao). The app secret and the
    seller's token(s), when given, go to the keyring. `messages`: the shop's app may use
    the platform's message methods (else answers stay copy & open). `return_address_id`:
    AliExpress's id of the shop's return address, which a return solution the rep accepts
    or proposes needs (app.platforms.aliexpress.decisions)."""
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
    if return_address_id and not return_address_id.isdigit():
        raise InvalidInput("the return address id is a number (AliExpress seller centre › "
                           "return addresses)", record=record, field="return_address_id")
    key = check_new_key(key, record)
    settings = {"app_key": app_key, "gateway": gateway, "messages": bool(messages),
                "poll_seconds": max(15, int(poll_seconds))}
    if seller_id:
        settings["seller_id"] = seller_id
    if return_address_id:
        settings["return_address_id"] = return_address_id
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
