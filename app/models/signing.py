"""The public half of each shop's evidence signing key (Ed25519). The private half is in the
operating system's keyring, never here. A key replaced (say the keyring was lost) stays
listed, so packs signed with it still verify as the shop's."""

import peewee as pw

from app.models.base import BaseModel
from app.models.commerce import Shop
from app.models.fields import UTCDateTimeField


class ShopSigningKey(BaseModel):
    shop = pw.ForeignKeyField(Shop, backref="signing_keys", on_delete="CASCADE")
    public_key = pw.CharField(max_length=64, unique=True)    # 32 bytes, hex
    fingerprint = pw.CharField(max_length=24)                 # as printed on a pack's cover
    created_at = UTCDateTimeField()
