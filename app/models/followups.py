"""Following up buyers who go quiet (rule GEN-7): the follow-ups sent and each
conversation's plan state (reason tag, a stop noted by the rep)."""

import peewee as pw

from app.models.base import BaseModel
from app.models.fields import UTCDateTimeField
from app.models.messaging import Conversation, Message


class FollowUpAttempt(BaseModel):
    """One follow-up sent to a quiet buyer: the message and the channel it went by (GEN-5)."""
    conversation = pw.ForeignKeyField(Conversation, backref="follow_ups", on_delete="CASCADE")
    message = pw.ForeignKeyField(Message, backref="follow_up", null=True, on_delete="SET NULL")
    number = pw.IntegerField()                       # 1, 2, 3 since the buyer's last reply
    channel = pw.CharField(max_length=16)            # vocab.CHANNELS
    sent_at = UTCDateTimeField()
    suggested_channel = pw.CharField(max_length=16, default="")
    author = pw.CharField(max_length=100, default="")

    class Meta:
        indexes = ((("conversation", "sent_at"), False),)


class FollowUpState(BaseModel):
    """The plan state of one conversation: why the buyer is quiet (a tag the rep sets) and
    when the rep stopped following up (after the last follow-up, or by choice)."""
    conversation = pw.ForeignKeyField(Conversation, backref="follow_up_state", unique=True,
                                      on_delete="CASCADE")
    reason = pw.CharField(max_length=24, default="")  # vocab.REASON_TAGS or ""
    reason_set_at = UTCDateTimeField(null=True)
    reason_set_by = pw.CharField(max_length=100, default="")
    stopped_at = UTCDateTimeField(null=True)          # a buyer reply after it restarts the plan
    stop_note = pw.TextField(default="")
    stopped_by = pw.CharField(max_length=100, default="")
    updated_at = UTCDateTimeField()
