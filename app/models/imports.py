"""Order exports imported into AfterDesk: one row per import, with the file's hash and counts."""

import peewee as pw

from app.models.base import BaseModel
from app.models.commerce import Shop
from app.models.fields import UTCDateTimeField


class ImportBatch(BaseModel):
    shop = pw.ForeignKeyField(Shop, backref="import_batches", on_delete="CASCADE")
    file_name = pw.CharField(max_length=260)
    file_sha256 = pw.CharField(max_length=64)        # the same file imported again is recognised
    items_file_name = pw.CharField(max_length=260, default="")   # Taobao item report joined
    layout = pw.CharField(max_length=40)             # importers.layouts key
    rows = pw.IntegerField()                         # order rows read
    added = pw.IntegerField()
    updated = pw.IntegerField()
    skipped = pw.IntegerField()                      # unchanged since the last import
    warnings = pw.IntegerField(default=0)
    imported_at = UTCDateTimeField()
    imported_by = pw.CharField(max_length=100, default="")

    class Meta:
        indexes = ((("shop", "file_sha256"), False),)
