"""Words a rep reads for the channel layer's states (app.channels.states)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ACCOUNT_STATES = {
    "new": "Not synced yet", "connected": "Connected", "offline": "Offline",
    "auth_failed": "Wrong password", "certificate": "Certificate problem", "error": "Error",
}

OUTBOX_STATES = {
    "queued": "Queued", "sending": "Sending…", "sent": "Sent", "failed": "Not sent",
    "copied": "Copied, not confirmed", "confirmed": "Sent in the platform",
}


def account_state(state: str) -> str:
    return QCoreApplication.translate("channel_words", ACCOUNT_STATES.get(state, state))


def outbox_state(state: str) -> str:
    return QCoreApplication.translate("channel_words", OUTBOX_STATES.get(state, state))


def _listed_for_translators() -> None:    # pragma: no cover - read by pyside6-lupdate
    QCoreApplication.translate("channel_words", "Not synced yet")
    QCoreApplication.translate("channel_words", "Connected")
    QCoreApplication.translate("channel_words", "Offline")
    QCoreApplication.translate("channel_words", "Wrong password")
    QCoreApplication.translate("channel_words", "Certificate problem")
    QCoreApplication.translate("channel_words", "Error")
    QCoreApplication.translate("channel_words", "Queued")
    QCoreApplication.translate("channel_words", "Sending…")
    QCoreApplication.translate("channel_words", "Sent")
    QCoreApplication.translate("channel_words", "Not sent")
    QCoreApplication.translate("channel_words", "Copied, not confirmed")
    QCoreApplication.translate("channel_words", "Sent in the platform")
