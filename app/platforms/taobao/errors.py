"""TOP's error envelope → the account state a rep sees.

`{"error_response": {"code", "msg", "sub_code", "sub_msg", "request_id"}}`. Codes below 100
are the platform's own checks (classic table: 4-8 call limits, 11/12 permissions, 25
signature, 26/27 session key, 29 app key, 31 timestamp); 15 (remote service error) comes
with a `sub_code`: `isp.` a fault on the platform's side (try again later), `isv.` a
refusal of this request (its parameters or the record's state), and
`accesscontrol.` an access-control (call count or frequency) limit.
"""

from __future__ import annotations

from app.channels import states
from app.channels.errors import ChannelProblem, Refused

LIMIT_CODES = {4, 5, 6, 7, 8}
SESSION_CODES = {26, 27}
SECRET_CODES = {25, 28, 29}
PERMISSION_CODES = {11, 12, 13}
TIMESTAMP_CODES = {30, 31}
SESSION_SUB_CODES = ("isv.session-expired", "isv.invalid-sessionkey", "invalid-sessionkey",
                     "sessionkey-not-generated-by-server")


class TopError(Exception):
    """The platform's error answer, with its own words and codes."""

    def __init__(self, envelope: dict):
        self.code = _int(envelope.get("code"))
        self.msg = str(envelope.get("msg") or "")
        self.sub_code = str(envelope.get("sub_code") or "")
        self.sub_msg = str(envelope.get("sub_msg") or "")
        self.request_id = str(envelope.get("request_id") or "")
        super().__init__(self.words())

    def words(self) -> str:
        """The platform's words and codes, as a rep (or the shop's developer) needs them."""
        main = self.sub_msg or self.msg
        codes = ", ".join(c for c in (str(self.code) if self.code is not None else "",
                                      self.sub_code) if c)
        return f"{main} ({codes})" if codes else main


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def problem_of(error: TopError, *, item: bool = False) -> ChannelProblem:
    """The account problem (or, with `item`, the refusal of one pushed item) behind it."""
    words, code, sub = error.words(), error.code, error.sub_code.lower()
    detail = f"request_id={error.request_id}" if error.request_id else ""
    if code in LIMIT_CODES or sub.startswith("accesscontrol."):
        return ChannelProblem(states.OFFLINE, "Taobao limits how often the shop's app may "
                              f"call it: AfterDesk waits and tries again. Taobao said: {words}",
                              detail=detail)
    if code in SESSION_CODES or any(s in sub for s in SESSION_SUB_CODES):
        return ChannelProblem(states.AUTH_FAILED, "The seller's authorisation (session key) "
                              "has expired or was revoked: authorise the app again in "
                              "Taobao and enter the new session key in Settings › Accounts. "
                              f"Taobao said: {words}", retry=False, detail=detail)
    if code in SECRET_CODES:
        return ChannelProblem(states.AUTH_FAILED, "Taobao refused the app key or the "
                              "signature: check the app key and the app secret. "
                              f"Taobao said: {words}", retry=False, detail=detail)
    if code in TIMESTAMP_CODES or "timestamp" in sub:
        return ChannelProblem(states.ERROR, "Taobao refused the request's time: check this "
                              "computer's clock and time zone (it must be right within 10 "
                              f"minutes). Taobao said: {words}", detail=detail)
    if code in PERMISSION_CODES:
        return ChannelProblem(states.ERROR, "The shop's app has no permission for this "
                              "Taobao call (see docs/connectors.md); import the export "
                              f"instead. Taobao said: {words}", retry=False, detail=detail)
    if sub.startswith("isv.") and item:        # a refusal of this item (code 15 included)
        return Refused(f"Taobao refused it: {words}", detail=detail)
    if sub.startswith("isp.") or (code in (10, 15) and not sub.startswith("isv.")):
        return ChannelProblem(states.OFFLINE, "Taobao has a problem on its side: AfterDesk "
                              f"tries again later. Taobao said: {words}", detail=detail)
    if item:
        return Refused(f"Taobao refused it: {words}", detail=detail)
    return ChannelProblem(states.ERROR, f"Taobao answered with an error: {words}",
                          detail=detail)
