"""Secrets in the operating system's keyring (Windows Credential Manager, macOS Keychain,
the Secret Service on Linux), never in the database, settings, logs or exports.

A secret is named by a service ("AfterDesk evidence signing") and a name within it. The
`keyring` package picks the system's store; tests set a store of their own with
`keyring.set_keyring`.
"""

from __future__ import annotations

from app.errors import ServiceError


class SecretStoreUnavailable(ServiceError):
    """No keyring this program may use (e.g. a Linux session without a Secret Service)."""


def _keyring():
    import keyring
    return keyring


def _failures() -> tuple:
    """What a keyring that cannot be used raises: keyring's own errors, and the OS and
    runtime errors of a backend whose service is missing (no D-Bus session, say)."""
    from keyring.errors import KeyringError
    return (KeyringError, OSError, RuntimeError)


def _unavailable(exc: Exception) -> SecretStoreUnavailable:
    return SecretStoreUnavailable(
        "the system keyring cannot be used ({problem}); AfterDesk keeps its secrets there. "
        "On Linux, start a Secret Service (GNOME Keyring or KWallet) in this session."
        .format(problem=f"{type(exc).__name__}: {exc}"))


def get_secret(service: str, name: str) -> str | None:
    """The secret, or None when there is none."""
    try:
        return _keyring().get_password(service, name)
    except _failures() as exc:
        raise _unavailable(exc) from None


def set_secret(service: str, name: str, value: str) -> None:
    try:
        _keyring().set_password(service, name, value)
    except _failures() as exc:
        raise _unavailable(exc) from None


def delete_secret(service: str, name: str) -> None:
    """Forget the secret; nothing happens when there is none."""
    from keyring.errors import PasswordDeleteError
    try:
        _keyring().delete_password(service, name)
    except PasswordDeleteError:
        return
    except _failures() as exc:
        raise _unavailable(exc) from None
