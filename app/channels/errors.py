"""Problems a channel reports, each with the account state it leads to and words a rep
understands (the technical detail goes to the log)."""

from __future__ import annotations

import socket
import ssl

from app.channels import states
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


def wrong_password(server: str, detail: str = "") -> ChannelProblem:
    return ChannelProblem(
        states.AUTH_FAILED,
        f"{server} refused the user name or password. Enter the password again in "
        "Settings › Accounts (or: afterdesk account add … --password-stdin).",
        retry=False, detail=detail)


def classify(exc: BaseException, server: str) -> ChannelProblem:
    """The problem behind a network or protocol exception."""
    if isinstance(exc, ChannelProblem):
        return exc
    detail = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return ChannelProblem(
            states.CERTIFICATE,
            f"{server}'s certificate is not trusted (expired, or not the server's name). "
            "Check the server name with your mail provider.", retry=False, detail=detail)
    if isinstance(exc, ssl.SSLError):
        return ChannelProblem(
            states.CERTIFICATE,
            f"The secure connection to {server} failed: check the port and the security "
            "setting (TLS or STARTTLS).", retry=False, detail=detail)
    if isinstance(exc, socket.gaierror):
        return ChannelProblem(
            states.OFFLINE,
            f"{server} cannot be found: no network, or the server name is wrong. "
            "AfterDesk keeps trying.", detail=detail)
    if isinstance(exc, (ConnectionError, TimeoutError, socket.timeout, EOFError, OSError)):
        return ChannelProblem(
            states.OFFLINE,
            f"{server} cannot be reached: no network, or the server is down. "
            "AfterDesk keeps trying.", detail=detail)
    return ChannelProblem(states.ERROR, f"{server} answered with an error: {exc}",
                          detail=detail)
