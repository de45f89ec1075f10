"""Complaints and negative reviews (rules TB-5, TB-6, GEN-8): a case per complaint with the
seven GEN-8 steps as a checklist, the compensation offered and the outcome."""

import peewee as pw

from app.models.base import BaseModel, new_uid
from app.models.commerce import Buyer, Order, Shop
from app.models.fields import MoneyField, UTCDateTimeField
from app.models.messaging import Conversation

# Late shipment (TB-5), description mismatch / intellectual property / broken promise (TB-6),
# and a negative review (GEN-8).
COMPLAINT_KINDS = ("late_shipment", "description_mismatch", "intellectual_property",
                   "broken_promise", "negative_review")
COMPLAINT_STATES = ("open", "closed")
# The seven steps of GEN-8, in order.
COMPLAINT_STEPS = ("respond", "listen", "explain", "apologise", "propose_compensation",
                   "remedy", "follow_up")
STEP_STATES = ("open", "done", "skipped")
# What became of it (GEN-8 names the first three).
COMPLAINT_OUTCOMES = ("review_revised", "complaint_withdrawn", "penalty", "buyer_satisfied",
                      "no_change")


class Complaint(BaseModel):
    uid = pw.CharField(max_length=32, unique=True, default=new_uid)
    shop = pw.ForeignKeyField(Shop, backref="complaints", on_delete="CASCADE")
    order = pw.ForeignKeyField(Order, backref="complaints", null=True, on_delete="SET NULL")
    buyer = pw.ForeignKeyField(Buyer, backref="complaints", null=True, on_delete="SET NULL")
    conversation = pw.ForeignKeyField(Conversation, backref="complaints", null=True,
                                      on_delete="SET NULL")
    kind = pw.CharField(max_length=24)               # COMPLAINT_KINDS
    buyer_words = pw.TextField()                     # what the buyer said or wrote
    review_rating = pw.IntegerField(null=True)       # stars of a negative review
    state = pw.CharField(max_length=8, default="open")  # COMPLAINT_STATES
    opened_at = UTCDateTimeField()                   # when the buyer complained
    compensation_offer = pw.TextField(default="")    # what was proposed (refund, coupon...)
    compensation_amount = MoneyField(null=True)      # what the buyer gets
    compensation_cost = MoneyField(null=True)        # what it costs the shop
    compensation_currency = pw.CharField(max_length=3, default="")
    compensation_at = UTCDateTimeField(null=True)
    last_contact_at = UTCDateTimeField(null=True)    # the rep's latest step or follow-up
    outcome = pw.CharField(max_length=24, null=True)  # COMPLAINT_OUTCOMES
    outcome_note = pw.TextField(default="")
    skip_reason = pw.TextField(default="")           # why it closed with steps not done
    closed_at = UTCDateTimeField(null=True)
    closed_by = pw.CharField(max_length=100, default="")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()

    class Meta:
        indexes = ((("state", "opened_at"), False),)


class ComplaintStep(BaseModel):
    """One GEN-8 step of a complaint: who did it when, or why it was skipped."""
    complaint = pw.ForeignKeyField(Complaint, backref="steps", on_delete="CASCADE")
    position = pw.IntegerField()                     # 1..7
    step = pw.CharField(max_length=24)               # COMPLAINT_STEPS
    state = pw.CharField(max_length=8, default="open")  # STEP_STATES
    done_at = UTCDateTimeField(null=True)
    done_by = pw.CharField(max_length=100, default="")
    note = pw.TextField(default="")
    skip_reason = pw.TextField(default="")

    class Meta:
        indexes = ((("complaint", "position"), True),)
