"""An AliExpress Open Platform simulator for the tests: a real HTTP server on 127.0.0.1
that checks every request the way the platform documents it and answers with envelopes
shaped like the platform's, built from the fixture files in tests/fixtures/aliexpress/.

Checked on every call: the app key, sign_method=sha256, a timestamp within two hours, and
the signature (HMAC-SHA256 with the app secret over the sorted name+value pairs of every
parameter but `sign`, empty values left out; the API path in front for /rest system
APIs). A wrong signature is refused with IncompleteSignature, an unknown or expired token
with IllegalAccessToken, as the platform does. This module signs nothing itself the way
AfterDesk does: its check is written here on its own, so a wrong client fails.

Scenarios: `limit_next(method)` answers the next call of a method with ApiCallLimit;
`expire_token()` makes the current access token invalid (the client must refresh);
`skew` (seconds) puts the simulator's clock off (a timestamp error); orders and issues are
plain dicts a test changes between two syncs. The seller's dispute decisions (agree to a
solution, save the seller's own, upload a picture: a multipart request whose file part is
outside the signature) change the issue's detail as the platform would; their refusals
come from tests/fixtures/aliexpress/decision_answers.json.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "aliexpress"
APP_KEY = "500001"
APP_SECRET = "sim-secret-0123456789abcdef"
TOKEN = "sim-access-token-1"
REFRESH_TOKEN = "sim-refresh-token-1"
PACIFIC_FORMAT = "%Y-%m-%d %H:%M:%S"


def fixture(name: str):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def expected_sign(form: dict, secret: str, prefix: str) -> str:
    text = prefix
    for name in sorted(form):
        if name == "sign" or form[name] == "":
            continue
        text += name + form[name]
    return hmac.new(secret.encode(), text.encode(), hashlib.sha256).hexdigest().upper()


def make_orders(count: int, *, first: int = 8199000000000001, buyers: int = 0,
                **changes) -> dict[str, dict]:
    """order number -> order DTO: `count` orders made from the fixture order, numbered from
    `first` (step 10); with `buyers`, bought by that many buyers in turn (else the fixture's
    one buyer)."""
    template = (FIXTURES / "order.json").read_text(encoding="utf-8")
    made = {}
    for n in range(count):
        order = json.loads(template)
        number = first + n * 10
        order["order_id"] = number
        for product in order["product_list"]["aeop_order_product_dto"]:
            product["order_id"] = product["child_id"] = number + 1
        if buyers:
            order["buyer_login_id"] = f"br{n % buyers:06d}buyer"
        order.update(changes)
        made[str(number)] = order
    return made


class AliExpressSimulator:
    def __init__(self):
        self.orders: dict[str, dict] = {}          # order number → order DTO
        self.issues: dict[str, dict] = {}          # issue id → {"listed", "detail"}
        self.token = TOKEN
        self.refresh_token = REFRESH_TOKEN
        self.calls: list[tuple[str, dict]] = []    # (method or path, form) of each call
        self.refused: list[str] = []               # codes answered
        self._limits: dict[str, int] = {}
        self._garble = False
        self._status = 0            # answer the next call with this HTTP error status
        self.peers: list[int] = []  # the caller's port of each call (one per connection)
        self.keep_lists = False     # the benchmark: orders do not change while it lists them
        self._lists: dict[tuple, list] = {}
        self._texts: dict[int, str] = {}   # keep_lists: each order's JSON, written once
        self._lock = threading.Lock()
        self._counter = 0
        self.skew = 0.0                             # seconds the simulator's clock is off
        self.pictures: list[tuple[str, str, bytes]] = []   # (issue id, extension, bytes)
        self.files: dict = {}
        handler = type("Handler", (_Handler,), {"simulator": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def gateway(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> "AliExpressSimulator":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- what a test sets up ------------------------------------------------------------
    def add_orders(self, count: int, *, first: int = 8199000000000001, **changes) -> list[str]:
        """`count` orders made from the fixture order, numbered from `first`."""
        made = make_orders(count, first=first, **changes)
        self.orders.update(made)
        return list(made)

    def add_issue(self) -> str:
        issue = fixture("issue.json")
        issue_id = str(issue["listed"]["issue_id"])
        self.issues[issue_id] = issue
        return issue_id

    def limit_next(self, method: str, times: int = 1) -> None:
        self._limits[method] = times

    def garble_next(self) -> None:
        """The next answer is a proxy's HTML error page, not the platform's JSON."""
        self._garble = True

    def fail_next(self, status: int) -> None:
        """The next call is answered with HTTP `status` and a proxy's page."""
        self._status = status

    def expire_token(self) -> None:
        self.token = "expired-" + self.token

    def methods_called(self) -> list[str]:
        return [m for m, _ in self.calls]

    # --- answers -------------------------------------------------------------------------
    def request_id(self) -> str:
        with self._lock:
            self._counter += 1
            return f"sim{self._counter:010d}"

    def error(self, code: str, msg: str, sub_code: str = "") -> dict:
        self.refused.append(code)
        body = {"type": "ISV", "code": code, "msg": msg, "request_id": self.request_id()}
        if sub_code:
            body["sub_code"] = sub_code
        return {"error_response": body}

    def check(self, form: dict, prefix: str) -> dict | None:
        if form.get("app_key") != APP_KEY:
            return self.error("InvalidAppKey", "The app key is not valid")
        if form.get("sign_method") != "sha256":
            return self.error("InvalidSignMethod", "The sign method is not supported")
        try:
            stamp = int(form.get("timestamp", ""))
        except ValueError:
            return self.error("InvalidTimestamp", "The timestamp is not valid")
        if abs(stamp / 1000 - (time.time() + self.skew)) > 7200:
            return self.error("InvalidTimestamp", "The timestamp is out of range")
        if form.get("sign") != expected_sign(form, APP_SECRET, prefix):
            return self.error("IncompleteSignature",
                              "The request signature does not conform to platform standards")
        return None

    def sync(self, form: dict) -> dict | bytes:
        method = form.get("method", "")
        self.calls.append((method, form))
        refused = self.check(form, "")
        if refused:
            return refused
        if (form.get("session") or form.get("access_token")) != self.token:
            return self.error("IllegalAccessToken", "The specified access token is invalid "
                              "or expired")
        if self._limits.get(method):
            self._limits[method] -= 1
            return self.error("ApiCallLimit", "The request has exceeded the call limit")
        answer = {"aliexpress.trade.seller.orderlist.get": self._order_list,
                  "aliexpress.issue.issuelist.get": self._issue_list,
                  "aliexpress.issue.detail.get": self._issue_detail,
                  "aliexpress.trade.new.redefining.findorderbyid": self._order_detail,
                  "aliexpress.issue.solution.agree": self._agree,
                  "aliexpress.issue.solution.save": self._save_solution,
                  "aliexpress.issue.image.upload": self._upload_image,
                  }.get(method)
        if answer is None:
            return self.error("InvalidApiPath", f"The api {method} does not exist")
        body = answer(form)
        if "error_response" in body:
            return body
        body["request_id"] = self.request_id()
        envelope = {method.replace(".", "_") + "_response": body}
        if self.keep_lists and answer == self._order_list:
            return self._with_written_orders(envelope, body["result"]["target_list"])
        return envelope

    def order_text(self, order: dict) -> str:
        """An order's JSON, written once (keep_lists: the orders do not change)."""
        text = self._texts.get(id(order))
        if text is None:
            text = self._texts[id(order)] = json.dumps(order, ensure_ascii=False)
        return text

    def _with_written_orders(self, envelope: dict, target: dict) -> bytes:
        """The answer as bytes, its orders spliced in from their written JSON: the
        benchmark measures AfterDesk reading pages, not this simulator writing them."""
        listed, target["aeop_order_item_dto"] = target["aeop_order_item_dto"], []
        text = json.dumps(envelope, ensure_ascii=False)
        empty = '"aeop_order_item_dto": []'
        assert text.count(empty) == 1
        return text.replace(empty, '"aeop_order_item_dto": ['
                            + ", ".join(self.order_text(o) for o in listed) + "]").encode()

    def refresh(self, form: dict) -> dict:
        self.calls.append(("/auth/token/refresh", form))
        refused = self.check(form, "/auth/token/refresh")
        if refused:
            return refused["error_response"]
        if form.get("refresh_token") != self.refresh_token:
            self.refused.append("IllegalRefreshToken")
            return {"type": "ISV", "code": "IllegalRefreshToken",
                    "message": "The refresh token is invalid or expired",
                    "request_id": self.request_id()}
        generation = int(self.refresh_token.rsplit("-", 1)[1]) + 1
        self.token = f"sim-access-token-{generation}"
        self.refresh_token = f"sim-refresh-token-{generation}"
        return {"access_token": self.token, "refresh_token": self.refresh_token,
                "expires_in": 86400, "refresh_expires_in": 15552000, "code": "0",
                "request_id": self.request_id()}

    def _order_list(self, form: dict) -> dict:
        query = json.loads(form["param_aeop_order_query"])
        start, end = query["modified_date_start"], query["modified_date_end"]
        finished = query.get("order_status") == "FINISH"
        chosen = self._lists.get((start, end, finished)) if self.keep_lists else None
        if chosen is None:
            chosen = [o for number, o in sorted(self.orders.items())
                      if (o["order_status"] == "FINISH") == finished
                      and start <= o["gmt_update"] <= end]
            if self.keep_lists:
                self._lists[(start, end, finished)] = chosen
        size = min(int(query.get("page_size") or 20), 50)
        page = int(query.get("current_page") or 1)
        part = chosen[(page - 1) * size: page * size]
        pages = (len(chosen) + size - 1) // size
        return {"result": {"current_page": page, "page_size": size, "success": True,
                           "total_count": len(chosen), "total_page": pages,
                           "target_list": {"aeop_order_item_dto": part}}}

    def _order_detail(self, form: dict) -> dict:
        """The fixture's detail (its waybill), for an order of the simulator."""
        number = str(json.loads(form["param1"])["order_id"])
        if number not in self.orders:
            return {"target": {}}
        return fixture("order_detail.json")

    def _issue_list(self, form: dict) -> dict:
        query = json.loads(form["query_dto"])
        wanted = query.get("issue_status")
        chosen = [i["listed"] for _, i in sorted(self.issues.items())
                  if not wanted or i["listed"]["issue_status"] == wanted]
        size = int(query.get("page_size") or 20)
        page = int(query.get("current_page") or 1)
        part = chosen[(page - 1) * size: page * size]
        return {"current_page": page, "page_size": size, "total_item": len(chosen),
                "data_list": {"issue_api_issue_dto": part}}

    def _issue_detail(self, form: dict) -> dict:
        issue = self.issues.get(form.get("issue_id", ""))
        if issue is None or issue["listed"]["buyer_login_id"] != form.get("buyer_login_id"):
            return {"result_object": {}, "error_message": "issue not found"}
        return {"result_object": issue["detail"]}

    # --- the seller's decisions --------------------------------------------------------------
    def _refusal(self, key: str) -> dict:
        answer = DECISION_ANSWERS[key]
        return self.error(answer["code"], answer["msg"], answer.get("sub_code", ""))

    def _issue_of(self, form: dict) -> dict | None:
        issue = self.issues.get(str(form.get("issue_id", "")))
        if issue is None or issue["listed"]["buyer_login_id"] != form.get("buyer_login_id"):
            return None
        return issue

    def _touch(self, issue: dict, status: str | None = None) -> str:
        now = time.strftime(PACIFIC_FORMAT, time.gmtime(time.time() - 8 * 3600))
        issue["listed"]["gmt_modified"] = now
        if status:
            issue["listed"]["issue_status"] = issue["detail"]["issue_status"] = status
        return now

    def _agree(self, form: dict) -> dict:
        issue = self._issue_of(form)
        if issue is None:
            return self._refusal("issue_not_found")
        buyer = issue["detail"]["buyer_solution_list"]["solution_api_dto"]
        chosen = next((s for s in buyer if str(s["id"]) == form.get("solution_id")), None)
        if chosen is None:
            return self._refusal("solution_not_found")
        if chosen["status"] not in ("wait_seller_accept", "wait_buyer_and_seller_accept"):
            return self._refusal("solution_status")
        if chosen["solution_type"] == "return_and_refund" and not form.get("return_address_id"):
            return self._refusal("return_address")
        now = self._touch(issue, "finish")
        chosen.update(status="reached", seller_accept_time=now, reached_time=now,
                      reached_type="negotiation_consensus", gmt_modified=now)
        return {"result_object": True}

    def _save_solution(self, form: dict) -> dict:
        dto = json.loads(form.get("param_dto") or "{}")
        issue = self._issue_of({"issue_id": dto.get("issue_id"),
                                "buyer_login_id": dto.get("buyer_login_id")})
        if issue is None:
            return self._refusal("issue_not_found")
        detail = issue["detail"]
        seller = (detail.get("seller_solution_list") or {}).get("solution_api_dto") or []
        if dto.get("add_seller_solution") is True:
            buyer = detail["buyer_solution_list"]["solution_api_dto"]
            if not any(s["id"] == dto.get("buyer_solution_id") for s in buyer):
                return self._refusal("solution_not_found")
        elif not any(s["id"] == dto.get("modify_seller_solution_id") for s in seller):
            return self._refusal("solution_not_found")
        if dto.get("add_solution_type") not in ("refund", "return_and_refund"):
            return self._refusal("solution_type")
        if float(dto.get("refund_amount", 0)) > float(detail["refund_money_max"]):
            return self._refusal("amount_too_high")
        if dto["add_solution_type"] == "return_and_refund" and not dto.get(
                "return_good_address_id"):
            return self._refusal("return_address")
        now = self._touch(issue)
        solution = {"id": 6020000000000001 + len(seller), "issue_id": dto["issue_id"],
                    "solution_owner": "seller", "solution_type": dto["add_solution_type"],
                    "refund_money": dto["refund_amount"],
                    "refund_money_currency": dto.get("refund_amount_currency", "USD"),
                    "content": dto.get("solution_context", ""), "status": "wait_buyer_accept",
                    "gmt_create": now, "gmt_modified": now}
        if dto.get("add_seller_solution") is True:
            seller.append(solution)
        else:
            for n, old in enumerate(seller):
                if old["id"] == dto["modify_seller_solution_id"]:
                    seller[n] = {**solution, "id": old["id"]}
        detail["seller_solution_list"] = {"solution_api_dto": seller}
        return {"result_object": True}

    def _upload_image(self, form: dict) -> dict:
        issue = self._issue_of(form)
        if issue is None:
            return self._refusal("issue_not_found")
        picture = self.files.get("image_bytes")
        if not picture:
            return self._refusal("image_missing")
        if form.get("extension") not in ("jpg", "jpeg", "png", "gif"):
            return self._refusal("image_type")
        self.pictures.append((str(form["issue_id"]), form["extension"], picture))
        return {"result_object": True}


DECISION_ANSWERS = fixture("decision_answers.json")


def _multipart(content_type: str, body: bytes) -> tuple[dict, dict]:
    """The text fields and the file parts (name → bytes) of a multipart/form-data body."""
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    form, files = {}, {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if part.get_filename() is not None:
            files[name] = part.get_payload(decode=True)
        else:
            form[name] = part.get_payload(decode=True).decode("utf-8")
    return form, files


class _Handler(BaseHTTPRequestHandler):
    simulator: AliExpressSimulator
    protocol_version = "HTTP/1.1"      # a connection serves several calls, as the gateway's

    def do_POST(self):  # noqa: N802 - the name http.server calls
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        self.simulator.peers.append(self.client_address[1])
        if self.simulator._status:
            status, self.simulator._status = self.simulator._status, 0
            self.send_error(status)
            return
        content_type = self.headers.get("Content-Type") or ""
        files: dict = {}
        if content_type.startswith("multipart/form-data"):
            form, files = _multipart(content_type, raw)
        else:
            form = {k: v[0] for k, v in urllib.parse.parse_qs(
                raw.decode("utf-8"), keep_blank_values=True).items()}
        if self.path == "/sync":
            self.simulator.files = files        # the request's file parts (never signed)
            body = self.simulator.sync(form)
        elif self.path == "/rest/auth/token/refresh":
            body = self.simulator.refresh(form)
        else:
            self.send_error(404)
            return
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False
                                                               ).encode("utf-8")
        if self.simulator._garble:
            self.simulator._garble = False
            data = b"<html><body>502 Bad Gateway</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass
