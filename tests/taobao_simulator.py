"""A Taobao Open Platform (TOP) simulator on 127.0.0.1 for the tests.

It checks every request as the platform documents it: the common parameters, a timestamp
in China time within 10 minutes, the app key, and the signature recomputed here on its own
(sorted name+value of every parameter but `sign`, md5 / hmac / hmac-sha256, upper-case
hex); a wrong one is refused with the platform's error envelope (code 25). The data comes
from the fixture files in tests/taobao_data/, which a test may change between passes;
`limit_next` and `expire_session` make the next calls fail the platform's way.

Decisions: taobao.refund.refuse takes its proof picture as the multipart file part
`refuse_proof` (outside the signature; kept in `proofs`); taobao.rp.refunds.agree above
`code_above_fen` fails and "sends" the seller an SMS code (`sms_code`), which the next call
must carry as `code`; taobao.rp.returngoods.agree checks the return address a Taobao refund
requires. Their words come from tests/taobao_data/agree_answers.json.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl

from app.clock import utcnow
from tests.aliexpress_simulator import _multipart

DATA = Path(__file__).parent / "taobao_data"
CHINA = timezone(timedelta(hours=8))
APP_KEY, APP_SECRET, SESSION = "12345678", "sim-secret-不要外传", "6100a1b2c3sessionkey"


def load(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


AGREE_ANSWERS = load("agree_answers.json")
# A Taobao shop's return address, as `account set` keeps it (taobao.rp.returngoods.agree).
RETURN_ADDRESS = {"return_address_id": "20190001", "return_name": "王仓管",
                  "return_address": "浙江省杭州市余杭区文一西路 100 号 3 号仓",
                  "return_post": "311100", "return_tel": "0571-88880000",
                  "return_mobile": "13800000000"}
     # taobao.rp.refunds.agree's words


def expected_sign(params: dict, secret: str, method: str) -> str:
    text = "".join(k + v for k, v in sorted(params.items()) if k != "sign" and v != "")
    if method == "md5":
        return hashlib.md5((secret + text + secret).encode()).hexdigest().upper()
    algo = {"hmac": hashlib.md5, "hmac-sha256": hashlib.sha256}[method]
    return hmac.new(secret.encode(), text.encode(), algo).hexdigest().upper()


def china(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)


class Simulator:
    def __init__(self):
        self.trades = load("trades.json")
        self.refunds = load("refunds.json")
        self.messages = load("refund_messages.json")
        self.calls: list[dict] = []        # every request that passed the checks
        self.limit_next = 0                # answer the next N calls with an access limit
        self.expire_session = False
        # a buyer's evidence picture (a PNG signature and a few bytes: enough to sniff)
        self.pictures = {"cup-lid.png": b"\x89PNG\r\n\x1a\n" + bytes(range(64))}
        self.garbage_next = 0              # answer the next N calls with a broken body
        self.lists_without_orders = False  # the trade list leaves out the trades' orders
        self.proofs: list[bytes] = []      # refusal proofs received (refuse_proof)
        self.files: dict = {}              # the current request's file parts
        self.code_above_fen = 10 ** 9      # an agreement above this needs the SMS code
        self.sms_code = ""                 # the code last "sent" to the seller's phone
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/router/rest"

    def start(self) -> "Simulator":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def methods(self) -> list[str]:
        return [c["method"] for c in self.calls]

    # --- the platform's checks and answers -------------------------------------------------
    def answer(self, params: dict) -> dict:
        for name in ("method", "app_key", "timestamp", "v", "sign_method", "sign"):
            if not params.get(name):
                return _error(40, "Missing required arguments:" + name)
        if params["app_key"] != APP_KEY:
            return _error(29, "Invalid app Key")
        if params["sign_method"] not in ("md5", "hmac", "hmac-sha256"):
            return _error(41, "Invalid arguments:sign_method")
        if params["sign"] != expected_sign(params, APP_SECRET, params["sign_method"]):
            return _error(25, "Invalid signature")
        try:
            skew = abs(china(params["timestamp"]) - utcnow())
        except ValueError:
            return _error(31, "Invalid timestamp")
        if skew > timedelta(minutes=10):
            return _error(31, "Invalid timestamp")
        if params.get("session") != SESSION or self.expire_session:
            return _error(27, "Invalid session", "invalid-sessionkey",
                          "SessionKey非法 (session expired)")
        if self.limit_next:
            self.limit_next -= 1
            return _error(7, "App Call Limited", "accesscontrol.limited-by-app-access-count",
                          "This ban will last for 1 more seconds")
        self.calls.append(dict(params))
        handler = getattr(self, "do_" + params["method"].replace(".", "_"), None)
        if handler is None:
            return _error(22, "Invalid method")
        return handler(params)

    def _window(self, records: list, params: dict, outer: str, inner: str, key: str) -> dict:
        start, end = china(params["start_modified"]), china(params["end_modified"])
        if end - start > timedelta(days=1):
            return _error(41, "Invalid arguments:start_modified", "isv.invalid-parameter",
                          "时间跨度不能超过一天")
        found = sorted((r for r in records if start <= china(r["modified"]) <= end),
                       key=lambda r: r["modified"], reverse=True)
        size, page = int(params.get("page_size", 40)), int(params.get("page_no", 1))
        part = found[(page - 1) * size: page * size]
        part = [_only(r, params.get("fields", "")) for r in part]
        return {key: {"total_results": len(found), outer: {inner: part}}}

    def do_taobao_trades_sold_increment_get(self, params):
        if self.lists_without_orders:
            params = {**params, "fields": ",".join(
                f for f in params.get("fields", "").split(",") if not f.startswith("orders"))}
        return self._window(self.trades, params, "trades", "trade",
                            "trades_sold_increment_get_response")

    def do_taobao_trade_fullinfo_get(self, params):
        for trade in self.trades:
            if str(trade["tid"]) == params["tid"]:
                return {"trade_fullinfo_get_response": {"trade": copy.deepcopy(trade)}}
        return _error(15, "Remote service error", "isv.trade-not-exist", "交易不存在")

    def do_taobao_refunds_receive_get(self, params):
        return self._window(self.refunds, params, "refunds", "refund",
                            "refunds_receive_get_response")

    def do_taobao_refund_get(self, params):
        for refund in self.refunds:
            if refund["refund_id"] == params["refund_id"]:
                return {"refund_get_response": {"refund": copy.deepcopy(refund)}}
        return _error(15, "Remote service error", "isv.refund-not-exist", "退款不存在")

    def do_taobao_refund_messages_get(self, params):
        base = self.url.rsplit("/router/rest", 1)[0]
        found = json.loads(json.dumps(self.messages.get(params["refund_id"], []))
                           .replace("http://SIMULATOR", base))
        size, page = int(params.get("page_size", 40)), int(params.get("page_no", 1))
        return {"refund_messages_get_response": {
            "total_results": len(found),
            "refund_messages": {"refund_message": found[(page - 1) * size: page * size]}}}

    def do_taobao_refund_refuse(self, params):
        refund = next((r for r in self.refunds if r["refund_id"] == params["refund_id"]), None)
        if refund is None:
            return _error(15, "Remote service error", "isv.refund-not-exist", "退款不存在")
        if not 2 <= len(params.get("refuse_message", "")) <= 200:
            return _error(41, "Invalid arguments:refuse_message", "isv.invalid-parameter",
                          "拒绝说明长度须为2到200")
        if refund["status"] not in ("WAIT_SELLER_AGREE", "WAIT_SELLER_CONFIRM_GOODS"):
            return _error(15, "Remote service error", "isv.refund-status-not-support",
                          "当前退款状态不支持拒绝")
        proof = self.files.get("refuse_proof")
        if proof is not None:
            if len(proof) > 130000:
                return _error(15, "Remote service error", "isv.invalid-parameter",
                              AGREE_ANSWERS["proof_too_big"])
            self.proofs.append(proof)
        now = utcnow().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
        refund.update(status="SELLER_REFUSE_BUYER", modified=now)
        return {"refund_refuse_response": {"is_success": True}}

    def do_taobao_rp_returngoods_agree(self, params):
        """The seller agrees to a return: a Taobao refund needs the address id, the name,
        the address, the postcode, the landline and the mobile."""
        refund = next((r for r in self.refunds if r["refund_id"] == params["refund_id"]), None)
        if refund is None:
            return _error(15, "Remote service error", "isv.refund-not-exist", "退款不存在")
        for name in ("seller_address_id", "name", "address", "post", "tel", "mobile"):
            if not params.get(name):
                return _error(40, "Missing required arguments:" + name)
        if refund.get("refund_phase") and not params.get("refund_version"):
            return _error(40, "Missing required arguments:refund_version")
        if refund["status"] != "WAIT_SELLER_AGREE" or not refund.get("has_good_return"):
            return _error(15, "Remote service error", "isv.refund-status-not-support",
                          AGREE_ANSWERS["refused"]["return_status"])
        now = utcnow().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
        refund.update(status="WAIT_BUYER_RETURN_GOODS", modified=now)
        return {"rp_returngoods_agree_response": {"is_success": True}}

    def do_taobao_rp_refunds_agree(self, params):
        """refund_infos "refund_id|amount in fen|version[|phase]"; the answer's own body
        says whether each refund was agreed (succ, msg_code, results)."""
        results, all_ok = [], True
        infos = params.get("refund_infos", "").split(",")
        fen_asked = sum(int(i.split("|")[1]) for i in infos
                        if len(i.split("|")) > 1 and i.split("|")[1].isdigit())
        if fen_asked > self.code_above_fen:
            if not params.get("code"):
                self.sms_code = "839" + str(len(self.calls) % 1000).zfill(3)
                return _error(15, "Remote service error", "isv.op-failure",
                              AGREE_ANSWERS["code_sent"])
            if params["code"] != self.sms_code:
                return _error(15, "Remote service error", "isv.op-failure",
                              AGREE_ANSWERS["code_wrong"])
        for info in infos:
            parts = info.split("|")
            if len(parts) < 3 or not parts[1].isdigit():
                return _error(41, "Invalid arguments:refund_infos", "isv.invalid-parameter",
                              "退款信息格式错误")
            refund_id, fen, version = parts[0], int(parts[1]), parts[2]
            refund = next((r for r in self.refunds if r["refund_id"] == refund_id), None)
            if refund is None:
                return _error(15, "Remote service error", "isv.refund-not-exist", "退款不存在")
            said = AGREE_ANSWERS["refused"]
            if str(refund.get("refund_version")) != version:
                ok, message = False, said["stale"]
            elif refund["status"] != "WAIT_SELLER_AGREE":
                ok, message = False, said["status"]
            elif fen > round(float(refund["refund_fee"]) * 100):
                ok, message = False, said["amount"]
            else:
                ok, message = True, AGREE_ANSWERS["agreed"]
                now = utcnow().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
                refund.update(status="SUCCESS", modified=now)
            all_ok &= ok
            results.append({"refund_id": refund_id, "succ": ok, "message": message})
        return {"rp_refunds_agree_response": {
            "succ": all_ok, "msg_code": "OP_SUCC" if all_ok else "OP_FAILURE_UE",
            "message": AGREE_ANSWERS["agreed"] if all_ok else results[0]["message"],
            "results": {"refund_mapping_result": results}}}

    def do_taobao_refund_message_add(self, params):
        found = self.messages.setdefault(params["refund_id"], [])
        message = {"id": 9200000 + len(found), "refund_id": params["refund_id"],
                   "owner_nick": "示例旗舰店", "owner_role": "2", "content": params["content"],
                   "created": utcnow().astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")}
        found.append(message)
        return {"refund_message_add_response": {"refund_message": {
            "id": message["id"], "created": message["created"]}}}

    def _handler(self):
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                content_type = self.headers.get("Content-Type") or ""
                if content_type.startswith("multipart/form-data"):
                    params, simulator.files = _multipart(content_type, raw)
                else:
                    params = dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
                    simulator.files = {}
                # the platform answers errors with HTTP 200 and the error envelope
                data = json.dumps(simulator.answer(params), ensure_ascii=False).encode()
                if simulator.garbage_next:
                    simulator.garbage_next -= 1
                    data = data[: len(data) // 2]          # a page cut short
                self.send_response(200)
                self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                name = self.path.rsplit("/", 1)[-1]
                data = simulator.pictures.get(name)
                if data is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler


def _only(record: dict, fields: str) -> dict:
    """The record with the asked fields only, as TOP answers: `orders.title` asks for the
    trade's orders with their titles."""
    names = fields.split(",")
    top = {n for n in names if "." not in n}
    inner = {n.split(".", 1)[1] for n in names if n.startswith("orders.")}
    out = {k: v for k, v in record.items() if k in top}
    if inner and "orders" in record:
        out["orders"] = {"order": [{k: v for k, v in o.items() if k in inner}
                                   for o in record["orders"]["order"]]}
    return out


def _error(code: int, msg: str, sub_code: str = "", sub_msg: str = "") -> dict:
    envelope = {"code": code, "msg": msg, "request_id": "sim-request"}
    if sub_code:
        envelope.update(sub_code=sub_code, sub_msg=sub_msg)
    return {"error_response": envelope}
