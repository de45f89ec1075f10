"""Signed packs: each shop has an Ed25519 key; a pack's manifest.json is signed with it.

The private key lives in the system keyring (app.secrets), under the service below and the
shop's key; its public half is recorded in the shop's database (ShopSigningKey) and carried
in every manifest. The fingerprint, the first 16 hex digits of the SHA-256 of the public key
in groups of four, is printed on each pack's cover: a reviewer who knows the shop's
fingerprint knows that a pack signed with that key came from the shop, and that nothing in
its manifest (every file's SHA-256, the buyer, order and case) changed since.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from app.clock import utcnow
from app.secrets import get_secret, set_secret

SERVICE = "AfterDesk evidence signing"
ALGORITHM = "Ed25519"


@dataclass(frozen=True)
class Signer:
    """What signs a pack: the private key and how it reads on the cover."""
    private_key: Any                # cryptography's Ed25519PrivateKey
    public_hex: str
    fingerprint: str

    def sign(self, data: bytes) -> str:
        return base64.b64encode(self.private_key.sign(data)).decode("ascii")


def fingerprint(public_hex: str) -> str:
    digest = hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def _public_hex(private_key) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def _secret_name(shop) -> str:
    return f"shop:{shop.key}"


def shop_signer(shop, *, create: bool = True) -> Signer | None:
    """The shop's signing key from the keyring; a new one is made (and its public half
    recorded) when the keyring has none. Raises SecretStoreUnavailable without a keyring."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    stored = get_secret(SERVICE, _secret_name(shop))
    if stored:
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
    elif not create:
        return None
    else:
        from cryptography.hazmat.primitives.serialization import (
            Encoding,
            NoEncryption,
            PrivateFormat,
        )
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        set_secret(SERVICE, _secret_name(shop), raw.hex())
    public_hex = _public_hex(key)
    _record(shop, public_hex)
    return Signer(key, public_hex, fingerprint(public_hex))


def _record(shop, public_hex: str) -> None:
    from app.db import database
    from app.models.signing import ShopSigningKey
    if ShopSigningKey.get_or_none(ShopSigningKey.public_key == public_hex) is not None:
        return
    with database.atomic():
        ShopSigningKey.create(shop=shop, public_key=public_hex,
                              fingerprint=fingerprint(public_hex), created_at=utcnow())


def check_signature(public_hex: str, signature_b64: str, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex))
        key.verify(base64.b64decode(signature_b64, validate=True), data)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def shop_of_key(public_hex: str):
    """The shop whose key this is in the open database, or None."""
    from app.models.signing import ShopSigningKey
    row = ShopSigningKey.get_or_none(ShopSigningKey.public_key == public_hex)
    return row.shop if row is not None else None
