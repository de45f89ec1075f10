"""Policy overrides, the working-day calendar's overrides, and the audit trail."""

import peewee as pw

from app.models.base import BaseModel
from app.models.fields import JSONTextField, UTCDateTimeField


class PolicyOverride(BaseModel):
    """A value the shop changed in a policy profile; defaults live in app.rules.policy."""
    profile = pw.CharField(max_length=32)
    key = pw.CharField(max_length=64)
    value = pw.CharField(max_length=64)
    changed_at = UTCDateTimeField()
    changed_by = pw.CharField(max_length=100, default="")

    class Meta:
        indexes = ((("profile", "key"), True),)


class CalendarOverride(BaseModel):
    """A day the rep declares working or not, over the holiday library's answer."""
    calendar = pw.CharField(max_length=16, default="CN")
    day = pw.DateField()
    is_working = pw.BooleanField()
    note = pw.CharField(max_length=200, default="")

    class Meta:
        indexes = ((("calendar", "day"), True),)


class AuditEntry(BaseModel):
    at = UTCDateTimeField()
    actor = pw.CharField(max_length=100)
    entity = pw.CharField(max_length=32)             # table name
    entity_ref = pw.CharField(max_length=200)        # uid or natural key, stable across machines
    action = pw.CharField(max_length=40)
    detail = JSONTextField(null=True)

    class Meta:
        indexes = ((("entity", "entity_ref"), False), (("at",), False))
