"""A local stand-in for Baidu Translate's general text API on 127.0.0.1: it checks each
request the way Baidu documents it (form fields, sign = MD5 of appid + q + salt + key) and
answers from a small dictionary, or with the error code a test sets."""

from __future__ import annotations

import hashlib
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

APP_ID = "20261207000000001"
KEY = "fake-secret-key"
PATH = "/api/trans/vip/translate"


class FakeBaidu:
    def __init__(self, dictionary: dict | None = None):
        self.dictionary = dict(dictionary or {})   # (from, to, q) -> dst
        self.error_code: str | None = None          # answer every request with this
        self.refuse_next: list[str] = []            # answer the next requests with these
        self.one_per_second = False                 # a standard account's QPS of 1
        self._previous = 0.0
        self.requests: list[dict] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):              # noqa: N802 (http.server's name)
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in
                        urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"),
                                              keep_blank_values=True).items()}
                fake.requests.append(form)
                self._answer(fake.answer(self.path, form))

            def _answer(self, body: dict):
                raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{PATH}"

    def start(self) -> "FakeBaidu":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def answer(self, path: str, form: dict) -> dict:
        if path != PATH or any(not form.get(k) for k in ("q", "from", "to", "appid", "salt",
                                                          "sign")):
            return {"error_code": "54000", "error_msg": "PARAM_FROM_TO_OR_Q_EMPTY"}
        if form["appid"] != APP_ID:
            return {"error_code": "52003", "error_msg": "UNAUTHORIZED USER"}
        expected = hashlib.md5((form["appid"] + form["q"] + form["salt"] + KEY)
                               .encode("utf-8")).hexdigest()
        if form["sign"] != expected:
            return {"error_code": "54001", "error_msg": "Invalid Sign"}
        now = time.monotonic()
        if self.one_per_second and now - self._previous < 1.0:
            self._previous = now
            return {"error_code": "54003", "error_msg": "Invalid Access Limit"}
        self._previous = now
        if self.refuse_next:
            return {"error_code": self.refuse_next.pop(0), "error_msg": "set by the test"}
        if self.error_code:
            return {"error_code": self.error_code, "error_msg": "set by the test"}
        lines = form["q"].split("\n")
        return {"from": form["from"], "to": form["to"],
                "trans_result": [{"src": line, "dst": self.dictionary.get(
                    (form["from"], form["to"], line), f"[{form['to']}] {line}")}
                    for line in lines]}
