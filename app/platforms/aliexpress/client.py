"""Calls to the AliExpress Open Platform: business methods POSTed to `<gateway>/sync`,
system APIs (the token refresh) to `<gateway>/rest<path>`, each signed (signing.py).

An expired or invalid access token is refreshed once with the refresh token (the new
pair is kept in the keyring at once), then the call is made again; every other refusal
becomes the account problem it means (errors.py).
"""

from __future__ import annotations

import json
import logging
import time
from typing import Callable

from app.channels import states
from app.channels.errors import ChannelProblem
from app.platforms import gateway
from app.platforms.aliexpress import errors, signing
from app.platforms.gateway import PlatformError

log = logging.getLogger("afterdesk.platforms")

REFRESH_PATH = "/auth/token/refresh"


def response_key(method: str) -> str:
    """The member a business method's answer sits in: dots as underscores + _response."""
    return method.replace(".", "_") + "_response"


class Client:
    def __init__(self, base: str, app_key: str, app_secret: str, token: str,
                 refresh_token: str | None = None,
                 save_tokens: Callable[[str, str | None], None] | None = None,
                 clock: Callable[[], float] = time.time):
        self.base = base.rstrip("/")
        self.app_key = app_key
        self.app_secret = app_secret
        self.token = token
        self.refresh_token = refresh_token
        self.save_tokens = save_tokens
        self.clock = clock
        self.calls = 0
        self.connections = gateway.Connections()    # kept open for the pass's calls

    def close(self) -> None:
        self.connections.close()

    def _common(self) -> dict:
        return {"app_key": self.app_key, "timestamp": str(int(self.clock() * 1000)),
                "sign_method": signing.SIGN_METHOD}

    def call(self, method: str, params: dict, files: dict | None = None) -> dict:
        """The answer of business method `method` (what its `…_response` member holds).
        `files` (name → (file name, bytes)) go as multipart parts, outside the signature."""
        try:
            return self._call_once(method, params, files)
        except _TokenRefused as refused:
            if not self.refresh_token:
                raise errors.problem(refused.error, method) from None
            self.refresh()
            try:
                return self._call_once(method, params, files)
            except _TokenRefused as again:
                raise errors.problem(again.error, method) from None

    def _call_once(self, method: str, params: dict, files: dict | None = None) -> dict:
        form = self._common()
        form.update(method=method, session=self.token, format="json")
        form.update({k: _plain(v) for k, v in params.items() if v is not None})
        form["sign"] = signing.sign(form, self.app_secret)
        self.calls += 1
        answer = gateway.post_form(self.base + "/sync", form, server=errors.SERVER,
                                   files=files, connections=self.connections)
        if "error_response" in answer:
            error = PlatformError.of(answer["error_response"] or {})
            if errors.is_token_problem(error):
                raise _TokenRefused(error)
            raise errors.problem(error, method)
        inner = answer.get(response_key(method))
        if not isinstance(inner, dict):
            raise ChannelProblem(
                states.ERROR, f"{errors.SERVER} answered {method} without its data: nothing "
                "was changed; AfterDesk tries again at the next sync.",
                detail=f"{method}: {str(answer)[:300]}")
        return inner

    def refresh(self) -> None:
        """A new access token (and refresh token) from the refresh token, kept at once."""
        form = self._common()
        form["refresh_token"] = self.refresh_token or ""
        form["sign"] = signing.sign(form, self.app_secret, REFRESH_PATH)
        self.calls += 1
        answer = gateway.post_form(self.base + "/rest" + REFRESH_PATH, form,
                                   server=errors.SERVER, connections=self.connections)
        token = answer.get("access_token")
        if str(answer.get("code", "0")) != "0" or not token:
            error = PlatformError(str(answer.get("code") or "IllegalRefreshToken"),
                                  str(answer.get("message") or answer.get("msg") or ""),
                                  request_id=str(answer.get("request_id") or ""))
            problem = errors.problem(error, REFRESH_PATH)
            if problem.state == states.ERROR:       # any refusal of a refresh: re-authorise
                problem = errors.problem(PlatformError("IllegalRefreshToken", error.msg),
                                         REFRESH_PATH)
            raise problem
        self.token = str(token)
        self.refresh_token = str(answer.get("refresh_token") or self.refresh_token)
        if self.save_tokens is not None:
            self.save_tokens(self.token, self.refresh_token)
        log.info("AliExpress access token refreshed")


class _TokenRefused(Exception):
    def __init__(self, error: PlatformError):
        super().__init__(error.code)
        self.error = error


def _plain(value) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
