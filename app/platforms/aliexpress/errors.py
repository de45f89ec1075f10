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


def problem(error: PlatformError, method: str) -> ChannelProblem:
    """The account problem an error envelope means."""
    said = error.words()
    detail = f"{method}: {error} "
    if _has(error, SIGNATURE_CODES):
        return ChannelProblem(
            states.AUTH_FAILED, f"{SERVER} refused the request's signature: the app secret "
            f"kept for this account is wrong. Enter it again (afterdesk account add …). "
            f"{SERVER} said: {said}", retry=False, detail=detail)
    if is_token_problem(error):
        return ChannelProblem(
            states.TOKEN_EXPIRED, f"The shop's authorisation on {SERVER} has expired or was "
            f"withdrawn and could not be renewed: authorise the app again in the seller "
            f"centre and enter the new token. {SERVER} said: {said}", retry=False,
            detail=detail)
    if _has(error, LIMIT_CODES):
        return ChannelProblem(
            states.RATE_LIMITED, f"{SERVER} asks AfterDesk to slow down (call limit): "
            f"it waits and goes on where it stopped. {SERVER} said: {said}", detail=detail)
    if _permission(error):
        return ChannelProblem(
            states.NO_PERMISSION, f"The shop's app may not use this part of {SERVER} "
            f"({method}). Ask for the permission in the developer console, or keep using "
            f"the export import and copy & open. {SERVER} said: {said}", retry=False,
            detail=detail)
    if _has(error, TIMESTAMP_CODES):
        return ChannelProblem(
            states.ERROR, f"{SERVER} refused the request's time: set this computer's clock "
            f"right (automatic time). {SERVER} said: {said}", detail=detail)
    return ChannelProblem(states.ERROR, f"{SERVER} answered with an error: {said}",
                          detail=detail)
