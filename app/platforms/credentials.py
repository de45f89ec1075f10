"""A platform account's secrets in the operating system's keyring (app.secrets), never in
the database: service "AfterDesk platform account", names "<account key>:<part>"."""

from __future__ import annotations

from app import secrets

SECRET_SERVICE = "AfterDesk platform account"
APP_SECRET = "app_secret"
TOKEN = "token"                     # AliExpress access token / Taobao session key
REFRESH_TOKEN = "refresh_token"     # AliExpress only
PARTS = (APP_SECRET, TOKEN, REFRESH_TOKEN)


def name(account_key: str, part: str) -> str:
    return f"{account_key}:{part}"


def get(account_key: str, part: str) -> str | None:
    return secrets.get_secret(SECRET_SERVICE, name(account_key, part))


def put(account_key: str, part: str, value: str) -> None:
    secrets.set_secret(SECRET_SERVICE, name(account_key, part), value)


def forget(account_key: str) -> None:
    for part in PARTS:
        secrets.delete_secret(SECRET_SERVICE, name(account_key, part))
