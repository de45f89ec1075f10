"""Secrets (mail passwords, signing keys) in the operating system's keyring: Windows
Credential Manager on Windows, the Secret Service or KWallet on Linux, the Keychain on
macOS. Never in the database, the settings, logs or exports.

Each secret is named by a service (what it belongs to, e.g. "mail-account") and a name
(e.g. the account's key); the keyring entry is "AfterDesk/<service>" / <name>.
"""

from __future__ import annotations

from app.errors import ServiceError

PREFIX = "AfterDesk"


class SecretsUnavailable(ServiceError):
    """The computer has no keyring AfterDesk can use."""


def _keyring():
    import keyring
    return keyring


def _entry(service: str) -> str:
    return f"{PREFIX}/{service}"


def _call(action, *arguments):
    keyring = _keyring()
    try:
        return action(keyring, *arguments)
    except keyring.errors.NoKeyringError as exc:
        raise SecretsUnavailable(
            f"this computer has no password store (keyring) AfterDesk can use: {exc}") from None
    except keyring.errors.KeyringError as exc:
        raise SecretsUnavailable(f"the password store (keyring) refused: {exc}") from None


def get(service: str, name: str) -> str | None:
    """The secret, or None when none is kept."""
    return _call(lambda k, s, n: k.get_password(s, n), _entry(service), name)


def set(service: str, name: str, value: str) -> None:  # noqa: A001 - get/set/delete
    _call(lambda k, s, n, v: k.set_password(s, n, v), _entry(service), name, value)


def delete(service: str, name: str) -> None:
    """Forget the secret (nothing happens when none is kept)."""
    def forget(k, s, n):
        try:
            k.delete_password(s, n)
        except k.errors.PasswordDeleteError:
            pass
    _call(forget, _entry(service), name)
