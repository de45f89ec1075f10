"""Conversations over every channel, their messages, quick phrases and auto-replies."""

import peewee as pw

from app.models.base import BaseModel, new_uid
from app.models.commerce import Buyer, Order, Shop
from app.models.fields import UTCDateTimeField
from app.models.versioned import Versioned


class Conversation(Versioned, BaseModel):
    audit_entity = "conversation"

    uid = pw.CharField(max_length=32, unique=True, default=new_uid)
    shop = pw.ForeignKeyField(Shop, backref="conversations", on_delete="CASCADE")
    buyer = pw.ForeignKeyField(Buyer, backref="conversations", on_delete="CASCADE")
    order = pw.ForeignKeyField(Order, backref="conversations", null=True, on_delete="SET NULL")
    channel = pw.CharField(max_length=16)            # vocab.CHANNELS
    subject = pw.CharField(max_length=300, default="")
    language = pw.CharField(max_length=16, default="")
    star = pw.CharField(max_length=8, default="none")  # vocab.STAR_COLOURS
    assigned_to = pw.CharField(max_length=100, default="")
    created_at = UTCDateTimeField()
    # Kept up to date by the conversation service so the inbox never scans messages.
    last_message_at = UTCDateTimeField(null=True)
    last_inbound_at = UTCDateTimeField(null=True)
    is_read = pw.BooleanField(default=True)
    is_replied = pw.BooleanField(default=True)
    version = pw.IntegerField(default=0)             # counted up by every save (Versioned)

    def label(self) -> str:
        return f"conversation {self.id}"

    class Meta:
        indexes = (
            (("last_message_at",), False),
            (("is_replied", "last_message_at"), False),
        )


class Message(BaseModel):
    conversation = pw.ForeignKeyField(Conversation, backref="messages", on_delete="CASCADE")
    direction = pw.CharField(max_length=3)           # vocab.DIRECTIONS
    channel = pw.CharField(max_length=16)            # the channel actually used (GEN-5)
    body = pw.TextField()
    source_lang = pw.CharField(max_length=16, default="")
    translation = pw.TextField(null=True)
    translation_lang = pw.CharField(max_length=16, default="")
    sent_at = UTCDateTimeField()
    author = pw.CharField(max_length=100, default="")
    is_auto = pw.BooleanField(default=False)         # an automatic reply (AE-12)
    is_internal = pw.BooleanField(default=False)     # a note the buyer never sees

    class Meta:
        indexes = ((("conversation", "sent_at"), False),)


class QuickPhrase(BaseModel):
    shop = pw.ForeignKeyField(Shop, backref="quick_phrases", null=True, on_delete="CASCADE")
    title = pw.CharField(max_length=200)
    shortcut = pw.CharField(max_length=32, default="")
    category = pw.CharField(max_length=64, default="")
    created_at = UTCDateTimeField()


class QuickPhraseVariant(BaseModel):
    phrase = pw.ForeignKeyField(QuickPhrase, backref="variants", on_delete="CASCADE")
    language = pw.CharField(max_length=16)
    body = pw.TextField()

    class Meta:
        indexes = ((("phrase", "language"), True),)


class AutoReplyRule(BaseModel):
    shop = pw.ForeignKeyField(Shop, backref="auto_reply_rules", on_delete="CASCADE")
    name = pw.CharField(max_length=200)
    language = pw.CharField(max_length=16, default="")
    body = pw.TextField()
    enabled = pw.BooleanField(default=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


class AutoReplyRevision(BaseModel):
    """Every earlier text of an auto-reply rule: we allow editing, with history (AE-12)."""
    rule = pw.ForeignKeyField(AutoReplyRule, backref="revisions", on_delete="CASCADE")
    body = pw.TextField()
    changed_at = UTCDateTimeField()
    changed_by = pw.CharField(max_length=100, default="")
