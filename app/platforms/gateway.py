"""A call to an open platform's gateway: an HTTP POST of form parameters (already signed
by the platform's client), the JSON answer back as a dict.

Failures become channel problems (app.channels.errors) with the account state they mean:
no network or a gateway that does not answer → offline (AfterDesk keeps trying); an
untrusted certificate → certificate; an answer that is not the platform's JSON → error.
What the platform itself refuses (its error envelope) is the platform client's to read.
"""

from __future__ import annotations

import http.client
import json
import ssl
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass

from app.channels import states
from app.channels.errors import ChannelProblem, classify

TIMEOUT_SECONDS = 60
_HEADERS = {"Content-Type": "application/x-www-form-urlencoded;charset=utf-8",
            "Accept": "application/json", "User-Agent": "AfterDesk"}


@dataclass(frozen=True)
class PlatformError:
    """The platform's error envelope, as it wrote it (its words are shown to the rep)."""
    code: str
    msg: str
    sub_code: str = ""
    sub_msg: str = ""
    request_id: str = ""

    def words(self) -> str:
        said = self.sub_msg or self.msg or self.sub_code or self.code
        codes = ", ".join(c for c in (self.code, self.sub_code) if c)
        return f"{said} ({codes})" if codes else said

    @classmethod
    def of(cls, envelope: dict) -> "PlatformError":
        def get(name: str) -> str:
            value = envelope.get(name)
            return "" if value is None else str(value)
        return cls(get("code"), get("msg"), get("sub_code"), get("sub_msg"), get("request_id"))


class Connections:
    """The connections to a platform's gateway kept open between the calls of one sync
    pass: each page is asked on the connection the last one used, without a new TCP
    and TLS handshake per call (docs/performance.md, P11). Closed at the pass's end, so
    none waits idle between passes. Not shared between threads."""

    def __init__(self):
        self._open: dict[tuple, http.client.HTTPConnection] = {}

    def get(self, parts: urllib.parse.SplitResult, timeout: float):
        key = (parts.scheme, parts.netloc)
        connection = self._open.get(key)
        if connection is None:
            if parts.scheme == "https":
                connection = http.client.HTTPSConnection(
                    parts.hostname or "", parts.port, timeout=timeout,
                    context=ssl.create_default_context())
            else:
                connection = http.client.HTTPConnection(parts.hostname or "", parts.port,
                                                        timeout=timeout)
            self._open[key] = connection
        return connection

    def drop(self, parts: urllib.parse.SplitResult) -> None:
        connection = self._open.pop((parts.scheme, parts.netloc), None)
        if connection is not None:
            connection.close()

    def close(self) -> None:
        for connection in self._open.values():
            connection.close()
        self._open.clear()


def post_form(url: str, params: dict, *, server: str, timeout: float = TIMEOUT_SECONDS,
              files: dict | None = None, connections: Connections | None = None) -> dict:
    """POST `params` (str values) to `url`; the decoded JSON object. `server` names the
    platform in the rep's words ("AliExpress"). `files` (name → (file name, bytes)), when
    given, go with the parameters as multipart/form-data parts (never signed). With
    `connections`, the call goes on a kept connection (none through a proxy: those go as
    a single request)."""
    if files:
        data, content_type = _multipart(params, files)
        headers = {**_HEADERS, "Content-Type": content_type}
    else:
        data, headers = urllib.parse.urlencode(params).encode("utf-8"), _HEADERS
    parts = urllib.parse.urlsplit(url)
    if connections is not None and parts.scheme in ("http", "https") \
            and not _proxied(parts):
        return _post_kept(connections, parts, url, data, headers, server, timeout)
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        try:
            body = exc.read() or b""
        finally:
            exc.close()           # the error holds the connection: give it back at once
        return _refused(exc.code, body, url, server)
    except urllib.error.URLError as exc:
        reason = exc.reason if isinstance(exc.reason, BaseException) else exc
        raise classify(reason, server) from None
    except (OSError, http.client.HTTPException) as exc:
        raise classify(exc, server) from None
    return _answer(body, url, server)


def _post_kept(connections: Connections, parts, url: str, data: bytes, headers: dict,
               server: str, timeout: float) -> dict:
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection = connections.get(parts, timeout)
    try:
        connection.request("POST", path, body=data, headers=headers)
        response = connection.getresponse()
        body = response.read()
    except (OSError, http.client.HTTPException) as exc:
        connections.drop(parts)   # whatever it was, the next call starts afresh
        raise classify(exc, server) from None
    if response.status >= 300:
        connections.drop(parts)
        return _refused(response.status, body, url, server)
    return _answer(body, url, server)


def _proxied(parts: urllib.parse.SplitResult) -> bool:
    """Whether the system's proxy settings send this address through a proxy."""
    return bool(urllib.request.getproxies().get(parts.scheme)) \
        and not urllib.request.proxy_bypass(parts.hostname or "")


def _refused(status: int, body: bytes, url: str, server: str) -> dict:
    """An answer with an HTTP error status: the platform's envelope when it sent one."""
    decoded = _decode(body)
    if decoded is not None:
        return decoded            # an error envelope sent with an HTTP error status
    if status >= 500 or status == 429:
        raise ChannelProblem(
            states.OFFLINE, f"{server} is not answering right now (HTTP {status}). "
            "AfterDesk keeps trying.", detail=f"HTTP {status} from {url}") from None
    raise ChannelProblem(
        states.ERROR, f"{server}'s gateway refused the call (HTTP {status}): check the "
        "gateway address in the account.", retry=False,
        detail=f"HTTP {status} from {url}") from None


def _answer(body: bytes, url: str, server: str) -> dict:
    decoded = _decode(body)
    if decoded is None:
        raise ChannelProblem(
            states.ERROR, f"{server} answered with something that is not its usual data: "
            "nothing was changed; AfterDesk tries again at the next sync.",
            detail=f"{url}: {body[:300]!r}")
    return decoded


def _multipart(params: dict, files: dict) -> tuple[bytes, str]:
    boundary = "AfterDesk" + uuid.uuid4().hex
    parts = []
    for name, value in params.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n'
                     f'\r\n{value}\r\n'.encode("utf-8"))
    for name, (file_name, content) in files.items():
        safe = file_name.replace('"', "").replace("\r", "").replace("\n", "")
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{safe}"\r\nContent-Type: application/octet-stream\r\n'
                     f'\r\n'.encode("utf-8") + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode("ascii"))
    return b"".join(parts), f"multipart/form-data; boundary={boundary};charset=utf-8"


def _decode(body: bytes) -> dict | None:
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


FILE_LIMIT = 10 * 1024 * 1024


def fetch_file(url: str, *, server: str, limit: int = FILE_LIMIT,
               timeout: float = TIMEOUT_SECONDS) -> bytes:
    """A file the platform links to (a buyer's picture in a refund message), at most
    `limit` bytes; network problems as in post_form, a bad address or a file too big as
    ValueError."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"not a web address: {url[:100]}")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read(limit + 1)
    except urllib.error.HTTPError as exc:
        exc.close()               # the error holds the connection: give it back at once
        raise ValueError(f"{server} did not give the file (HTTP {exc.code})") from None
    except urllib.error.URLError as exc:
        reason = exc.reason if isinstance(exc.reason, BaseException) else exc
        raise classify(reason, server) from None
    except (OSError, http.client.HTTPException) as exc:
        raise classify(exc, server) from None
    if len(data) > limit:
        raise ValueError(f"larger than {limit} bytes")
    return data
