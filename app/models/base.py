"""The model base class: every table lives in the one database handle."""

import uuid

import peewee

from app.db import database


def new_uid() -> str:
    """A stable identity for a record across machines (interchange, references)."""
    return uuid.uuid4().hex


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False
