"""The HTTP side of a TOP call: POST the form parameters, read the JSON answer.

Kept in this one file so the shared platform gateway (app.platforms.gateway) can take its
place. Network problems become app.channels.errors problems (the account goes offline and
AfterDesk keeps trying); an answer that is not JSON is a problem of the platform.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from app.channels import states
from app.channels.errors import ChannelProblem, classify

TIMEOUT = 60


def post_form(url: str, params: dict, *, server: str = "Taobao") -> dict:
    data = urllib.parse.urlencode(params).encode("utf-8")
    request = urllib.request.Request(
        url, data=data, method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded;charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            body = answer.read()
    except urllib.error.HTTPError as exc:
        body = exc.read() or b""
        if exc.code >= 500 or not body:
            raise ChannelProblem(states.OFFLINE, f"{server} is not answering properly "
                                 f"(HTTP {exc.code}). AfterDesk keeps trying.",
                                 detail=f"HTTP {exc.code}") from exc
    except urllib.error.URLError as exc:
        raise classify(exc.reason if isinstance(exc.reason, BaseException) else exc,
                       server) from exc
    except (OSError, ValueError) as exc:
        raise classify(exc, server) from exc
    try:
        decoded = json.loads(body.decode("utf-8"))   # ints stay exact (19-digit ids)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ChannelProblem(states.ERROR, f"{server} sent an answer AfterDesk cannot "
                             "read; nothing was changed. AfterDesk tries again later.",
                             detail=f"{type(exc).__name__}: {body[:200]!r}") from exc
    if not isinstance(decoded, dict):
        raise ChannelProblem(states.ERROR, f"{server} sent an answer AfterDesk cannot read; "
                             "nothing was changed.", detail=repr(decoded)[:200])
    return decoded


PICTURE_LIMIT = 10 * 1024 * 1024


def get_bytes(url: str, *, limit: int = PICTURE_LIMIT, server: str = "Taobao") -> bytes:
    """A file the platform links to (a refund message's picture), at most `limit` bytes."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"not a web address: {url[:100]}")
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as answer:
            data = answer.read(limit + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise classify(exc, server) from exc
    if len(data) > limit:
        raise ValueError(f"larger than {limit} bytes")
    return data
