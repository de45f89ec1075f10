"""Several AfterDesks on one shop database: the change log they poll and who is replying.

`ChangeLog` is written only by appending: one row per audited write
(app.services.common.audit writes it inside the write's transaction), saying what kind of
thing changed, which row, which rep and from which AfterDesk (`origin`, so an AfterDesk
skips its own changes); rows older than a day are pruned
(app.services.common.live_changes.prune). On a server each row added notifies the
listening AfterDesks (migration 16). `Presence`:
a rep replying in a conversation, until `expires_at`.
"""

import peewee as pw

from app.models.base import BaseModel
from app.models.fields import UTCDateTimeField


class ChangeLog(BaseModel):
    at = UTCDateTimeField()
    rep = pw.CharField(max_length=100)
    origin = pw.CharField(max_length=32)             # the writing AfterDesk (live_changes.ORIGIN)
    kind = pw.CharField(max_length=16)               # change_notice's kinds
    entity = pw.CharField(max_length=32)             # as in the audit trail
    entity_ref = pw.CharField(max_length=200)
    action = pw.CharField(max_length=40)
    version = pw.IntegerField(null=True)             # the row's version after the change

    class Meta:
        table_name = "change_log"
        indexes = ((("entity", "entity_ref"), False), (("at",), False))


class Presence(BaseModel):
    conversation_uid = pw.CharField(max_length=32)
    rep = pw.CharField(max_length=100)
    origin = pw.CharField(max_length=32)
    activity = pw.CharField(max_length=16)           # "replying"
    expires_at = UTCDateTimeField()

    class Meta:
        indexes = ((("conversation_uid", "rep"), True),)
