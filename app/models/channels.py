"""Channels that reach the buyer: the accounts AfterDesk syncs, where each sync stopped,
the channel's own id of every message it stored, and the outbox of answers to deliver
(see app/channels and docs/channels.md)."""

import peewee as pw

from app.models.base import BaseModel, new_uid
from app.models.commerce import Shop
from app.models.fields import JSONTextField, UTCDateTimeField
from app.models.messaging import Conversation, Message


class ChannelAccount(BaseModel):
    """A shop's account on one channel (a mailbox now). Its password lives in the keyring."""
    key = pw.CharField(max_length=64, unique=True)
    shop = pw.ForeignKeyField(Shop, backref="channel_accounts", on_delete="CASCADE")
    kind = pw.CharField(max_length=16)               # app.channels.states.KINDS
    settings = JSONTextField()                       # hosts, ports, user, folders: no secret
    state = pw.CharField(max_length=16, default="new")  # app.channels.states.ACCOUNT_STATES
    last_sync_at = UTCDateTimeField(null=True)
    last_error = pw.TextField(default="")
    last_error_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField()


class ChannelCursor(BaseModel):
    """Where the sync of one part of an account (a mail folder) stopped."""
    account = pw.ForeignKeyField(ChannelAccount, backref="cursors", on_delete="CASCADE")
    scope = pw.CharField(max_length=200)
    value = JSONTextField()
    updated_at = UTCDateTimeField()

    class Meta:
        indexes = ((("account", "scope"), True),)


class ChannelMessage(BaseModel):
    """The channel's own id of a stored message (a mail's Message-ID), both ways: a
    re-fetch finds it and stores nothing twice; a buyer's answer finds its thread."""
    account = pw.ForeignKeyField(ChannelAccount, backref="messages", on_delete="CASCADE")
    channel_id = pw.CharField(max_length=500)
    conversation = pw.ForeignKeyField(Conversation, on_delete="CASCADE")
    message = pw.ForeignKeyField(Message, null=True, on_delete="CASCADE")
    references = pw.TextField(default="")            # the ids it answered, space separated

    class Meta:
        indexes = ((("account", "channel_id"), True),)


class OutboxItem(BaseModel):
    """One answer to deliver, written before it is sent (app.channels.outbox)."""
    uid = pw.CharField(max_length=32, unique=True, default=new_uid)
    conversation = pw.ForeignKeyField(Conversation, on_delete="CASCADE")
    message = pw.ForeignKeyField(Message, unique=True, on_delete="CASCADE")
    account = pw.ForeignKeyField(ChannelAccount, null=True, on_delete="SET NULL")
    channel = pw.CharField(max_length=16)            # vocab.CHANNELS
    state = pw.CharField(max_length=16)              # app.channels.states.OUTBOX_STATES
    channel_message_id = pw.CharField(max_length=500, default="")
    attempts = pw.IntegerField(default=0)
    error = pw.TextField(default="")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    sent_at = UTCDateTimeField(null=True)
    # A decision for a marketplace's platform (app.channels.outbox.queue_platform_action);
    # None for an answer.
    action = JSONTextField(null=True)

    class Meta:
        indexes = ((("state",), False),)
