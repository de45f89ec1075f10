"""AliExpress's error envelope in the account states a rep sees (app.channels.states).

Codes seen in the platform's answers and public SDKs: IncompleteSignature (the signature
does not match: a wrong app secret), IllegalAccessToken (the seller's token is invalid or
expired: refreshed once, then the shop must authorise again), ApiCallLimit (the call
limit: wait), permission codes (the app may not call the method), timestamp codes (the
computer's clock is off). Anything else keeps the platform's words and code.
"""

from __future__ import annotations

from app.channels import states
from app.channels.errors import ChannelProblem
from app.platforms.gateway import PlatformError

SERVER = "AliExpress"
TOKEN_CODES = ("IllegalAccessToken", "IllegalRefreshToken", "InvalidSession",
               "AccessTokenExpired", "SessionExpired")
SIGNATURE_CODES = ("IncompleteSignature", "InvalidSignature", "IllegalSignature")
LIMIT_CODES = ("ApiCallLimit", "AppCallLimit", "ApiCallLimitExceeded", "RateLimit")
TIMESTAMP_CODES = ("InvalidTimestamp", "IllegalTimestamp", "TimestampExpired")


def is_token_problem(error: PlatformError) -> bool:
    return error.code in TOKEN_CODES or error.sub_code in TOKEN_CODES


def _has(error: PlatformError, codes) -> bool:
    return error.code in codes or error.sub_code in codes


def _permission(error: PlatformError) -> bool:
    text = f"{error.code} {error.sub_code}".lower()
    return "permission" in text or "unauthorized" in text or "forbidden" in text


# (which errors, the account state, the rep's words, whether trying again may help)
_MEANINGS = (
    (lambda e: _has(e, SIGNATURE_CODES), states.AUTH_FAILED,
     "{server} refused the request's signature: the app secret kept for this account is "
     "wrong. Enter it again (afterdesk account add …).", False),
    (is_token_problem, states.TOKEN_EXPIRED,
     "The shop's authorisation on {server} has expired or was withdrawn and could not be "
     "renewed: authorise the app again in the seller centre and enter the new token.", False),
    (lambda e: _has(e, LIMIT_CODES), states.RATE_LIMITED,
     "{server} asks AfterDesk to slow down (call limit): it waits and goes on where it "
     "stopped.", True),
    (_permission, states.NO_PERMISSION,
     "The shop's app may not use this part of {server} ({method}). Ask for the permission "
     "in the developer console, or keep using the export import and copy & open.", False),
    (lambda e: _has(e, TIMESTAMP_CODES), states.ERROR,
     "{server} refused the request's time: set this computer's clock right (automatic "
     "time).", True),
)


def problem(error: PlatformError, method: str) -> ChannelProblem:
    """The account problem an error envelope means (the platform's words and code kept)."""
    said = error.words()
    detail = f"{method}: {error}"
    for matches, state, words, retry in _MEANINGS:
        if matches(error):
            return ChannelProblem(
                state, words.format(server=SERVER, method=method) + f" {SERVER} said: {said}",
                retry=retry, detail=detail)
    return PlatformAnswer(error, f"{SERVER} answered with an error: {said}", detail=detail)


class PlatformAnswer(ChannelProblem):
    """An error of the platform's that names no account problem (a refusal of this
    request: its parameters or the record's state); `error` keeps its envelope, so a
    pushed decision can fail alone with the platform's words and code."""

    def __init__(self, error: PlatformError, message: str, detail: str = ""):
        super().__init__(states.ERROR, message, detail=detail)
        self.error = error
