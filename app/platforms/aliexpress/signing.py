"""The AliExpress Open Platform's request signature (docs/connectors.md, "Signing").

Every parameter but `sign` (and files), empty values left out, sorted by name in byte
order, written name then value without separators; a system API (`/rest`, e.g. the token
refresh) puts its API path in front, a business method (`/sync`) nothing. The string is
signed with HMAC-SHA256 keyed with the app secret; the signature is upper-case hex.
"""

from __future__ import annotations

import hashlib
import hmac

SIGN_METHOD = "sha256"


def signing_text(params: dict, api_path: str = "") -> str:
    pairs = sorted((str(k), str(v)) for k, v in params.items()
                   if k != "sign" and v is not None and str(v) != "")
    return api_path + "".join(name + value for name, value in pairs)


def sign(params: dict, app_secret: str, api_path: str = "") -> str:
    text = signing_text(params, api_path)
    return hmac.new(app_secret.encode("utf-8"), text.encode("utf-8"),
                    hashlib.sha256).hexdigest().upper()
