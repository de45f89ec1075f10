"""Evidence packs for appeals: versions and their items (GEN-4)."""

import peewee as pw

from app.models.base import BaseModel, new_uid
from app.models.cases import AftersalesRequest, Dispute
from app.models.commerce import TrackingEvent
from app.models.fields import UTCDateTimeField
from app.models.files import StoredFile
from app.models.messaging import Message


class EvidencePack(BaseModel):
    uid = pw.CharField(max_length=32, unique=True, default=new_uid)
    dispute = pw.ForeignKeyField(Dispute, backref="evidence_packs", null=True, on_delete="CASCADE")
    request = pw.ForeignKeyField(AftersalesRequest, backref="evidence_packs", null=True,
                                 on_delete="CASCADE")
    version = pw.IntegerField(default=1)
    state = pw.CharField(max_length=16, default="draft")  # vocab.PACK_STATES
    statement = pw.TextField(default="")
    pack_hash = pw.CharField(max_length=64, null=True)  # set when submitted (frozen)
    created_at = UTCDateTimeField()
    submitted_at = UTCDateTimeField(null=True)


class EvidenceItem(BaseModel):
    pack = pw.ForeignKeyField(EvidencePack, backref="items", on_delete="CASCADE")
    position = pw.IntegerField()
    category = pw.CharField(max_length=32)           # vocab.EVIDENCE_CATEGORIES
    caption = pw.TextField(default="")
    file = pw.ForeignKeyField(StoredFile, null=True, on_delete="RESTRICT")
    message = pw.ForeignKeyField(Message, null=True, on_delete="SET NULL")
    tracking_event = pw.ForeignKeyField(TrackingEvent, null=True, on_delete="SET NULL")
    # The file's name as the rep added it: two files of the same bytes share one StoredFile
    # but each keeps its own name ("" on items from before schema version 9).
    file_name = pw.CharField(max_length=300, default="")

    class Meta:
        indexes = ((("pack", "position"), True),)
