"""After-sales requests (Taobao) and disputes (AliExpress), with every event."""

import peewee as pw

from app.models.base import BaseModel, new_uid
from app.models.commerce import Order
from app.models.fields import JSONTextField, MoneyField, UTCDateTimeField
from app.models.versioned import Versioned


class AftersalesRequest(Versioned, BaseModel):
    audit_entity = "aftersales"

    uid = pw.CharField(max_length=32, unique=True, default=new_uid)
    # One request per order, whatever became of it (TB-2).
    order = pw.ForeignKeyField(Order, backref="aftersales_requests", unique=True,
                               on_delete="CASCADE")
    service_type = pw.CharField(max_length=20)       # vocab.SERVICE_TYPES
    reason = pw.CharField(max_length=64)             # code from the platform's reason list
    reason_text = pw.TextField(default="")
    amount = MoneyField()
    currency = pw.CharField(max_length=3)
    description = pw.TextField(default="")
    goods_intact = pw.BooleanField(null=True)        # for seven-day no-reason returns
    state = pw.CharField(max_length=24)              # vocab.REQUEST_STATES
    opened_at = UTCDateTimeField()                   # the buyer's first submission
    submitted_at = UTCDateTimeField()                # latest (re)submission: starts the seller's clock
    refused_at = UTCDateTimeField(null=True)
    refuse_reason = pw.TextField(default="")
    return_agreed_at = UTCDateTimeField(null=True)
    return_carrier = pw.CharField(max_length=100, default="")
    return_tracking_no = pw.CharField(max_length=100, default="")
    return_shipped_at = UTCDateTimeField(null=True)
    platform_requested_at = UTCDateTimeField(null=True)
    resolved_at = UTCDateTimeField(null=True)
    refund_paid = MoneyField(null=True)
    cause = pw.CharField(max_length=16, default="unknown")  # GEN-1
    next_due_at = UTCDateTimeField(null=True)        # earliest pending deadline (queue order)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    version = pw.IntegerField(default=0)            # counted up by every save (Versioned)

    def label(self) -> str:
        return f"A-{self.id}"

    class Meta:
        indexes = ((("state", "next_due_at"), False),)


class RequestEvent(BaseModel):
    request = pw.ForeignKeyField(AftersalesRequest, backref="events", on_delete="CASCADE")
    at = UTCDateTimeField()                          # when it happened on the platform
    actor = pw.CharField(max_length=16)              # vocab.ACTORS
    action = pw.CharField(max_length=40)
    from_state = pw.CharField(max_length=24, null=True)
    to_state = pw.CharField(max_length=24, null=True)
    detail = JSONTextField(null=True)
    by_rule = pw.CharField(max_length=16, null=True)  # applied by a platform rule, e.g. TB-3
    recorded_at = UTCDateTimeField()
    recorded_by = pw.CharField(max_length=100, default="")

    class Meta:
        indexes = ((("request", "at"), False),)


class Dispute(Versioned, BaseModel):
    audit_entity = "dispute"

    uid = pw.CharField(max_length=32, unique=True, default=new_uid)
    order = pw.ForeignKeyField(Order, backref="disputes", on_delete="CASCADE")
    issue_id = pw.CharField(max_length=64, null=True, unique=True)  # the platform's id
    kind = pw.CharField(max_length=24)               # vocab.DISPUTE_KINDS (AE-1)
    sub_kind = pw.CharField(max_length=32)
    reason = pw.CharField(max_length=100)            # reason_english; some do not count (AE-2)
    reason_text = pw.TextField(default="")
    state = pw.CharField(max_length=24)              # vocab.DISPUTE_STATES
    opened_at = UTCDateTimeField()                   # the buyer submitted the dispute
    first_request_at = UTCDateTimeField()            # the buyer's first refund request (AE-5 day 1)
    buyer_changed_at = UTCDateTimeField()            # last open or modification (AE-3 clock)
    seller_responded_at = UTCDateTimeField(null=True)  # last seller response after that
    staff_joined_at = UTCDateTimeField(null=True)    # platform staff stepped in (AE-4)
    escalated_at = UTCDateTimeField(null=True)
    escalated_by = pw.CharField(max_length=16, null=True)
    proof_submitted_at = UTCDateTimeField(null=True)
    return_agreed_at = UTCDateTimeField(null=True)
    return_shipped_at = UTCDateTimeField(null=True)
    closed_at = UTCDateTimeField(null=True)
    resolution = pw.CharField(max_length=32, null=True)  # vocab.RESOLUTIONS
    refund_amount = MoneyField(null=True)            # what the outcome pays the buyer
    currency = pw.CharField(max_length=3)
    appealed_at = UTCDateTimeField(null=True)
    cause = pw.CharField(max_length=16, default="unknown")  # GEN-1
    next_due_at = UTCDateTimeField(null=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()
    version = pw.IntegerField(default=0)            # counted up by every save (Versioned)

    def label(self) -> str:
        return f"D-{self.id}"

    class Meta:
        indexes = ((("state", "next_due_at"), False),)


class DisputeProposal(BaseModel):
    """The current proposal of one party; the three stand side by side (AE-9)."""
    dispute = pw.ForeignKeyField(Dispute, backref="proposals", on_delete="CASCADE")
    party = pw.CharField(max_length=10)              # vocab.PARTIES
    solution_type = pw.CharField(max_length=20)      # vocab.SOLUTION_TYPES
    refund_amount = MoneyField()
    currency = pw.CharField(max_length=3)
    note = pw.TextField(default="")
    status = pw.CharField(max_length=40, default="wait_seller_accept")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()

    class Meta:
        indexes = ((("dispute", "party"), True),)


class DisputeEvent(BaseModel):
    dispute = pw.ForeignKeyField(Dispute, backref="events", on_delete="CASCADE")
    at = UTCDateTimeField()
    actor = pw.CharField(max_length=16)              # submit_member_type
    action = pw.CharField(max_length=40)             # action_type
    from_state = pw.CharField(max_length=24, null=True)
    to_state = pw.CharField(max_length=24, null=True)
    detail = JSONTextField(null=True)
    by_rule = pw.CharField(max_length=16, null=True)  # e.g. AE-3, AE-6 when the platform acted
    recorded_at = UTCDateTimeField()
    recorded_by = pw.CharField(max_length=100, default="")

    class Meta:
        indexes = ((("dispute", "at"), False),)
