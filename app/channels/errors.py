"""Problems a channel reports, each with the account state it leads to and words a rep
understands (app/channels/problem_texts.py: the server's own words quoted after them; the
technical detail goes to the log)."""

from __future__ import annotations

import socket
import ssl

from app.channels import states
from app.channels.problem_texts import text
from app.errors import ServiceError


class ChannelProblem(ServiceError):
    """A channel could not do what was asked. `state` is the account state it means;
    `retry` whether trying again later may work by itself."""

    def __init__(self, state: str, message: str, *, retry: bool = True, detail: str = ""):
        super().__init__(message)
        self.state = state
        self.retry = retry
        self.detail = detail


class Refused(ChannelProblem):
    """The channel refused this one item (a bad recipient address, a mail too big): the
    item fails with this reason; the account itself is fine."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(states.CONNECTED, message, retry=False, detail=detail)


def problem(state: str, key: str, *, retry: bool = True, detail: str = "", said: str = "",
            **values) -> ChannelProblem:
    """A ChannelProblem in the words of problem_texts.TEMPLATES[key]."""
    return ChannelProblem(state, text(key, said, **values), retry=retry, detail=detail)


def refused(key: str, *, detail: str = "", said: str = "", **values) -> Refused:
    return Refused(text(key, said, **values), detail)


def server_words(exc: BaseException) -> str:
    """What a server said, from a protocol library's exception (bytes decoded)."""
    value = getattr(exc, "smtp_error", None) or (exc.args[0] if exc.args else "")
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    code = getattr(exc, "smtp_code", None)
    return f"{code} {value}" if code and value else str(value)


def wrong_password(host: str, exc: BaseException | None = None) -> ChannelProblem:
    return problem(states.AUTH_FAILED, "wrong_password", retry=False, host=host,
                   detail=str(exc or ""), said=server_words(exc) if exc else "")


def classify(exc: BaseException, host: str) -> ChannelProblem:
    """The problem behind a network or protocol exception."""
    if isinstance(exc, ChannelProblem):
        return exc
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return problem(states.CERTIFICATE, "untrusted", retry=False, detail=detail, host=host)
    if isinstance(exc, ssl.SSLError):
        return problem(states.CERTIFICATE, "secure_failed", retry=False, detail=detail,
                       host=host)
    if isinstance(exc, socket.gaierror):
        return problem(states.OFFLINE, "not_found", detail=detail, host=host)
    if isinstance(exc, (ConnectionError, TimeoutError, socket.timeout, EOFError, OSError)):
        return problem(states.OFFLINE, "unreachable", detail=detail, host=host)
    return problem(states.ERROR, "server_error", detail=detail, said=server_words(exc),
                   host=host)
