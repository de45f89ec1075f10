"""One TOP call: the common parameters, the signature, the answer unwrapped.

Common parameters (docs/connectors.md): method, app_key, session (the seller's session
key), timestamp (`yyyy-MM-dd HH:mm:ss`, China time: GMT+8), format=json, v=2.0,
sign_method, sign. A success comes back as `{"<method without 'taobao.', dots as
underscores>_response": {…}}`, an error as `{"error_response": {…}}`.
"""

from __future__ import annotations

from app.channels import states
from app.channels.errors import ChannelProblem
from app.clock import utcnow
from app.platforms import gateway
from app.platforms.taobao import signing
from app.platforms.taobao.errors import TopError
from app.platforms.taobao.times import china_text

GATEWAY = "https://eco.taobao.com/router/rest"


def response_key(method: str) -> str:
    name = method[len("taobao."):] if method.startswith("taobao.") else method
    return name.replace(".", "_") + "_response"


class TopClient:
    def __init__(self, *, app_key: str, secret: str, session: str | None,
                 gateway: str = GATEWAY, sign_method: str = "hmac-sha256"):
        if sign_method not in signing.SIGN_METHODS:
            raise ValueError(f"unknown sign_method {sign_method!r}")
        self.app_key, self.secret, self.session = app_key, secret, session
        self.gateway, self.sign_method = gateway or GATEWAY, sign_method

    def params(self, method: str, business: dict) -> dict:
        params = {"method": method, "app_key": self.app_key, "timestamp": china_text(utcnow()),
                  "format": "json", "v": "2.0", "sign_method": self.sign_method}
        if self.session:
            params["session"] = self.session
        for name, value in business.items():
            if value is None:
                continue
            params[name] = ("true" if value is True else "false" if value is False
                            else str(value))
        params["sign"] = signing.sign(params, self.secret, self.sign_method)
        return params

    def call(self, method: str, files: dict | None = None, **business) -> dict:
        """The body of the method's response; raises TopError for the error envelope.
        `files` (name → (file name, bytes)): file parameters, sent as multipart parts and
        left out of the signature, as TOP documents."""
        answer = gateway.post_form(self.gateway, self.params(method, business),
                                   server="Taobao", files=files or None)
        if "error_response" in answer:
            raise TopError(answer["error_response"] or {})
        body = answer.get(response_key(method))
        if not isinstance(body, dict):
            raise ChannelProblem(states.ERROR, "Taobao sent an answer AfterDesk cannot read "
                                 f"({method}); nothing was changed.",
                                 detail=repr(answer)[:300])
        return body
