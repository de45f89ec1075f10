"""Which code speaks to which kind of account. A new channel adds its kind to
app.channels.states.KINDS and its connector class here (docs/channels.md)."""

from __future__ import annotations

from app.models.channels import ChannelAccount


def connector_for(account: ChannelAccount):
    if account.kind == "mail":
        from app.channels.mail.connector import MailConnector
        return MailConnector(account)
    if account.kind == "taobao":
        from app.platforms.taobao.connector import TaobaoConnector
        return TaobaoConnector(account)
    raise ValueError(f"no connector for accounts of kind {account.kind!r}")
