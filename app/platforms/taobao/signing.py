"""TOP request signing, as the platform documents it.

All parameters but `sign` (and files) with a non-empty value, sorted by name in byte
(ASCII) order, joined as name+value with no separator, UTF-8 encoded, then:
- md5:          MD5(secret + joined + secret)
- hmac:         HMAC-MD5 keyed with the secret
- hmac-sha256:  HMAC-SHA256 keyed with the secret
written as upper-case hex.
"""

from __future__ import annotations

import hashlib
import hmac

SIGN_METHODS = ("md5", "hmac", "hmac-sha256")


def joined(params: dict) -> str:
    return "".join(f"{name}{value}" for name, value in sorted(params.items())
                   if name != "sign" and value not in (None, ""))


def sign(params: dict, secret: str, method: str) -> str:
    text = joined(params).encode("utf-8")
    key = secret.encode("utf-8")
    if method == "md5":
        digest = hashlib.md5(key + text + key).digest()
    elif method == "hmac":
        digest = hmac.new(key, text, hashlib.md5).digest()
    elif method == "hmac-sha256":
        digest = hmac.new(key, text, hashlib.sha256).digest()
    else:
        raise ValueError(f"unknown sign_method {method!r} (one of {', '.join(SIGN_METHODS)})")
    return digest.hex().upper()
