"""Which code speaks to which kind of account. A new channel adds its kind to
app.channels.states.KINDS and its connector class here (docs/channels.md).

Connectors are named, not imported: the open platforms' packages (app.platforms) are
built on the channel layer, so the layer never imports them itself.
"""

from __future__ import annotations

from importlib import import_module

from app.models.channels import ChannelAccount

CONNECTORS = {
    "mail": "app.channels.mail.connector:MailConnector",
    "aliexpress": "app.platforms.aliexpress.connector:AliExpressConnector",
    "taobao": "app.platforms.taobao.connector:TaobaoConnector",
}


def connector_class(kind: str):
    name = CONNECTORS.get(kind)
    if name is None:
        raise ValueError(f"no connector for accounts of kind {kind!r}")
    module, _, cls = name.partition(":")
    return getattr(import_module(module), cls)


def connector_for(account: ChannelAccount):
    return connector_class(account.kind)(account)


def forget_secrets(account: ChannelAccount) -> None:
    """Remove the account's secrets from the keyring (its connector knows their names)."""
    connector_class(account.kind).forget_secrets(account.key)
