"""Files kept content-addressed (SHA-256) and the records they are attached to."""

import peewee as pw

from app.models.base import BaseModel
from app.models.cases import AftersalesRequest, Dispute
from app.models.fields import UTCDateTimeField
from app.models.messaging import Message


class StoredFile(BaseModel):
    sha256 = pw.CharField(max_length=64, unique=True)
    size = pw.BigIntegerField()
    mime = pw.CharField(max_length=100, default="application/octet-stream")
    original_name = pw.CharField(max_length=300, default="")
    created_at = UTCDateTimeField()


class Attachment(BaseModel):
    """A file on a message, a request or a dispute (exactly one of the three)."""
    file = pw.ForeignKeyField(StoredFile, backref="attachments", on_delete="RESTRICT")
    message = pw.ForeignKeyField(Message, backref="attachments", null=True, on_delete="CASCADE")
    request = pw.ForeignKeyField(AftersalesRequest, backref="attachments", null=True,
                                 on_delete="CASCADE")
    dispute = pw.ForeignKeyField(Dispute, backref="attachments", null=True, on_delete="CASCADE")
    caption = pw.TextField(default="")
    created_at = UTCDateTimeField()
