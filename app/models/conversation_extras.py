"""Conversations workspace extras: saved inbox views and the translation phrase memory.

The message search index is an FTS5 table (`message_search`) created by migration 2;
it has no model: app.services.messaging.search reads and writes it.
"""

import peewee as pw

from app.models.base import BaseModel
from app.models.fields import JSONTextField, UTCDateTimeField


class SavedView(BaseModel):
    """A named combination of inbox filters (and search text) a rep returns to."""
    name = pw.CharField(max_length=100, unique=True)
    filters = JSONTextField()
    position = pw.IntegerField(default=0)
    created_at = UTCDateTimeField()


class PhraseMemory(BaseModel):
    """A text and its translation, remembered for the offline translator (AE-13)."""
    source_lang = pw.CharField(max_length=16)
    target_lang = pw.CharField(max_length=16)
    source_key = pw.CharField(max_length=500)        # normalised source text, for lookup
    source_text = pw.TextField()
    target_text = pw.TextField()
    origin = pw.CharField(max_length=16, default="rep")   # rep | quick_phrase | import
    uses = pw.IntegerField(default=0)
    created_at = UTCDateTimeField()

    class Meta:
        indexes = ((("source_lang", "target_lang", "source_key"), True),)
