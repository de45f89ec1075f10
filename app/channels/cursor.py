"""Where the sync of one part of an account stopped (a mail folder: its UIDVALIDITY and
the highest UID stored), kept in the database so the next sync continues from there."""

from __future__ import annotations

from dataclasses import dataclass

from app.clock import utcnow
from app.models.channels import ChannelAccount, ChannelCursor


def load(account: ChannelAccount, scope: str) -> dict:
    row = ChannelCursor.get_or_none((ChannelCursor.account == account)
                                    & (ChannelCursor.scope == scope))
    return dict(row.value or {}) if row else {}


def save(account: ChannelAccount, scope: str, value: dict) -> None:
    """Call inside the transaction that stored what the cursor now points past."""
    now = utcnow()
    (ChannelCursor.insert(account=account, scope=scope, value=value, updated_at=now)
     .on_conflict(conflict_target=[ChannelCursor.account, ChannelCursor.scope],
                  update={ChannelCursor.value: value, ChannelCursor.updated_at: now})
     .execute())


@dataclass(frozen=True)
class Advance:
    """The step that moves one scope's cursor to `value` (a connector hands one with each
    message; a batch of messages saves only the last of each scope)."""
    account: ChannelAccount
    scope: str
    value: dict

    def __call__(self) -> None:
        save(self.account, self.scope, self.value)
