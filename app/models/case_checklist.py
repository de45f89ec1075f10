"""The ticks of a case's guided checklist (lost parcel, short shipment: rule GEN-3): which
step the rep ticked off, when and who. One row per ticked step; unticking removes the row
(the audit trail keeps both)."""

import peewee as pw

from app.models.base import BaseModel
from app.models.cases import AftersalesRequest, Dispute
from app.models.fields import UTCDateTimeField


class CaseChecklistTick(BaseModel):
    """One ticked step of a dispute's or an after-sales request's checklist (exactly one
    of the two is set)."""
    dispute = pw.ForeignKeyField(Dispute, backref="checklist_ticks", null=True,
                                 on_delete="CASCADE")
    request = pw.ForeignKeyField(AftersalesRequest, backref="checklist_ticks", null=True,
                                 on_delete="CASCADE")
    guide = pw.CharField(max_length=24)              # app.services.casework.case_guides.GUIDES key
    step = pw.CharField(max_length=32)               # the step's key within the guide
    ticked_at = UTCDateTimeField()
    ticked_by = pw.CharField(max_length=100, default="")

    class Meta:
        indexes = ((("dispute", "guide", "step"), True),
                   (("request", "guide", "step"), True))
