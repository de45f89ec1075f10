"""The Taobao connector: what a sync pass (app.channels.sync) asks of a Taobao account.

`pull()` reads what changed since the last pass: trades (orders, their items, shipping),
then refunds (after-sales requests) with their messages (the refund's conversation).
`send(item)` posts a rep's answer as a refund message, or a rep's decision
(app.platforms.taobao.decisions: a refusal with its proof picture, a refund agreement with
the SMS code the rep gave, a return agreement with the shop's return address). Settings: {"app_key", "gateway",
optional "sign_method", "sync_from", the return address (app.platforms.accounts)}; the app secret and the seller's session key are in
the keyring (service "AfterDesk platform account", names "<key>:app_secret", "<key>:token").
"""

from __future__ import annotations

import logging
import uuid
from typing import Callable, Iterator

from app import secrets
from app.channels import states
from app.channels.errors import ChannelProblem, Refused
from app.channels.problem_texts import text
from app.clock import utcnow
from app.models import Message, Order
from app.models.channels import ChannelAccount, OutboxItem
from app.platforms import gateway
from app.platforms.taobao import decisions, messages, paging, refunds, trades
from app.platforms.taobao.client import GATEWAY, TopClient
from app.platforms.taobao.errors import TopError, problem_of
from app.platforms.taobao.times import china_text, to_utc
from app.services.common import audit

log = logging.getLogger("afterdesk.platforms")
SECRET_SERVICE = "AfterDesk platform account"
MESSAGE_LIMIT = 400          # bytes of a refund message (taobao.refund.message.add)
ACTOR = "sync"


def app_secret_of(key: str) -> str | None:
    return secrets.get_secret(SECRET_SERVICE, f"{key}:app_secret")


def token_of(key: str) -> str | None:
    return secrets.get_secret(SECRET_SERVICE, f"{key}:token")


class TaobaoConnector:
    def __init__(self, account: ChannelAccount):
        self.account = account
        self.settings = dict(account.settings or {})
        self.client: TopClient | None = None

    # --- session ------------------------------------------------------------------------
    def open(self) -> None:
        secret, token = app_secret_of(self.account.key), token_of(self.account.key)
        if not secret or not token or not self.settings.get("app_key"):
            raise ChannelProblem(
                states.AUTH_FAILED, "The Taobao account has no app key, app secret or "
                "session key yet: enter them in Settings › Accounts.", retry=False)
        self.client = TopClient(app_key=str(self.settings["app_key"]), secret=secret,
                                session=token, gateway=self.settings.get("gateway") or GATEWAY,
                                sign_method=self.settings.get("sign_method") or "hmac-sha256")

    def close(self) -> None:
        self.client = None

    def call(self, method: str, **params) -> dict:
        assert self.client is not None, "open() first"
        try:
            return self.client.call(method, **params)
        except TopError as error:
            log.warning("account %s: %s refused: %s", self.account.key, method, error)
            raise problem_of(error) from error

    def test(self) -> None:
        """One small signed call with the seller's session key (Settings › Accounts › Test)."""
        self.open()
        try:
            now = utcnow()
            self.call("taobao.trades.sold.increment.get", fields=trades.LIST_FIELDS,
                      start_modified=china_text(now - paging.WINDOW / 24),
                      end_modified=china_text(now), page_no=1, page_size=1)
        finally:
            self.close()

    def watcher(self, push: Callable[[], None]):
        return None                  # no push: the runner polls

    # --- inbound ------------------------------------------------------------------------
    def pull(self) -> None:
        since = to_utc(self.settings.get("sync_from"))
        paging.pull_by_modified(
            self, self.account, "taobao:trades", "taobao.trades.sold.increment.get",
            fields=trades.INCREMENT_FIELDS, outer="trades", inner="trade",
            prepare=self._full_trades, write=self._write_trades, start_from=since)
        paging.pull_by_modified(
            self, self.account, "taobao:refunds", "taobao.refunds.receive.get",
            fields=refunds.LIST_FIELDS, outer="refunds", inner="refund",
            prepare=self._refund_details, write=self._write_refunds, start_from=since)

    def incoming(self) -> Iterator:
        return iter(())              # pull() stores the refund messages itself

    def _full_trades(self, listed: list) -> list:
        """The listed trades, each asked for in full (taobao.trade.fullinfo.get) only when
        the list did not carry its items."""
        full = []
        for trade in listed:
            tid = trades.order_no_of(trade)
            if not tid:
                continue
            if trades.is_whole(trade):
                full.append(trade)
                continue
            body = self.call("taobao.trade.fullinfo.get", tid=tid, fields=trades.FULL_FIELDS)
            full.append(body.get("trade") or trade)
        return full

    def _write_trades(self, full: list) -> None:
        from app.db import database
        from app.platforms.records import ACTOR
        from app.services.commerce.order_imports import merge_rows
        rows = []
        for trade in full:
            row = trades.order_row(trade)
            if row is None:
                log.error("account %s: a trade without number or time: %r",
                          self.account.key, {k: trade.get(k) for k in ("tid", "created")})
                continue
            if not trades.status_of(trade)[1]:
                _flag_order(self.account, row.order_no, row.platform_status)
            rows.append(row)
        if rows:
            rows = list({row.order_no: row for row in rows}.values())  # twice: the later
            with database.atomic():
                merge_rows(self.account.shop, rows, actor=ACTOR,
                           source=f"taobao:{self.account.key}")

    def _refund_details(self, listed: list) -> list:
        """Each refund in full (taobao.refund.get), its order (taobao.trade.fullinfo.get when
        AfterDesk has not seen it) and its messages."""
        out = []
        for item in listed:
            refund_id = refunds.refund_id_of(item)
            if not refund_id:
                continue
            body = self.call("taobao.refund.get", refund_id=refund_id,
                             fields=refunds.DETAIL_FIELDS)
            refund = body.get("refund") or item
            tid = str(refund.get("tid") or item.get("tid") or "")
            trade = None
            if tid and not Order.select().where((Order.shop == self.account.shop_id)
                                                & (Order.order_no == tid)).exists():
                trade = self.call("taobao.trade.fullinfo.get", tid=tid,
                                  fields=trades.FULL_FIELDS).get("trade")
            notes = self._messages(refund_id)
            for note in notes:
                if messages.wanted(self.account, refund_id, note):
                    messages.fetch_pictures(
                        note, lambda url: gateway.fetch_file(url, server="Taobao"))
            out.append((refund, tid, trade, notes))
        return out

    def _messages(self, refund_id: str) -> list:
        found, page, size = [], 1, paging.PAGE_SIZE
        while True:
            body = self.call("taobao.refund.messages.get", refund_id=refund_id,
                             fields=refunds.MESSAGE_FIELDS, page_no=page, page_size=size)
            batch = paging.listed(body, "refund_messages", "refund_message")
            found.extend(batch)
            total = int(body.get("total_results") or 0)
            if not batch or page * size >= total:
                return found
            page += 1

    def _write_refunds(self, details: list) -> None:
        from app.services.casework.aftersales_sync import record_platform_refund
        for refund, tid, trade, notes in details:
            if trade is not None:
                self._write_trades([trade])
            order = Order.get_or_none((Order.shop == self.account.shop_id)
                                      & (Order.order_no == tid))
            platform = refunds.platform_refund(refund)
            if order is None or platform is None:
                log.error("account %s: refund %s of order %s not stored (order unknown or "
                          "refund incomplete)", self.account.key,
                          refunds.refund_id_of(refund), tid)
                continue
            record_platform_refund(order, platform)
            messages.store(self.account, platform.refund_id, tid, notes)

    # --- outbound -----------------------------------------------------------------------
    def new_id(self) -> str:
        return f"afterdesk-{uuid.uuid4().hex}"

    def check_sending(self, item: OutboxItem) -> str:
        """An answer left in `sending` went if the refund's messages hold the seller's
        message with its text; else it did not go."""
        if item.action:
            refund = self.call("taobao.refund.get", refund_id=item.action["refund_id"],
                               fields="refund_id,status").get("refund") or {}
            went = DECIDED.get(item.action.get("method"), ())
            return states.WENT if refund.get("status") in went else states.DID_NOT_GO
        refund_id = messages.refund_of_conversation(self.account, item.conversation_id)
        if refund_id is None:
            return states.DID_NOT_GO
        body = Message.get_by_id(item.message_id).body
        for note in self._messages(refund_id):
            if str(note.get("owner_role")) == messages.SELLER and note.get("content") == body:
                return states.WENT
        return states.DID_NOT_GO

    def send(self, item: OutboxItem) -> None:
        if item.action:
            self._decide(item)
            return
        refund_id = messages.refund_of_conversation(self.account, item.conversation_id)
        if refund_id is None:
            raise Refused("This conversation is not about a Taobao refund: answer the buyer "
                          "in the seller centre (copy & open).")
        body = Message.get_by_id(item.message_id).body
        if len(body.encode("utf-8")) > MESSAGE_LIMIT:
            raise Refused(f"A Taobao refund message holds at most {MESSAGE_LIMIT} bytes "
                          "(about 130 Chinese characters): shorten it (Edit).")
        assert self.client is not None, "open() first"
        try:
            self.client.call("taobao.refund.message.add", refund_id=refund_id, content=body)
        except TopError as error:
            raise problem_of(error, item=True) from error


    def _decide(self, item: OutboxItem) -> None:
        """A decision (app.platforms.taobao.decisions): taobao.refund.refuse with the reason
        (and its proof picture), taobao.rp.refunds.agree (with the SMS code the rep gave,
        if any), taobao.rp.returngoods.agree with the return address; the refund's phase
        and version (required for Tmall refunds) read just before."""
        action = dict(item.action)
        method = action.get("method")
        if method not in DECIDED:
            raise Refused(f"AfterDesk cannot send {method!r} to Taobao.")
        refund = self.call("taobao.refund.get", refund_id=action["refund_id"],
                           fields="refund_id,status,refund_phase,refund_version"
                           ).get("refund") or {}
        phase = refund.get("refund_phase") or None
        version = refund.get("refund_version") or None
        assert self.client is not None, "open() first"
        if method == decisions.AGREE:
            self._agree(item, action, refund)
            return
        try:
            if method == decisions.AGREE_RETURN:
                answer = self.client.call(
                    decisions.AGREE_RETURN, refund_id=action["refund_id"],
                    seller_address_id=action["return_address_id"],
                    name=action["return_name"], address=action["return_address"],
                    post=action["return_post"], tel=action["return_tel"],
                    mobile=action["return_mobile"],
                    remark=Message.get_by_id(item.message_id).body,
                    refund_phase=phase, refund_version=version)
                if answer.get("is_success") is not True:
                    raise Refused(text("platform_not_taken", platform="Taobao",
                                       method=method, words=repr(answer)[:200]))
                return
            proof = action.get("proof")
            files = None
            if proof:
                from app.evidence import store
                files = {"refuse_proof": (proof.get("name") or "proof",
                                          store.read(proof["sha256"], proof.get("name", "")))}
            self.client.call(decisions.REFUSE, files=files, refund_id=action["refund_id"],
                             refuse_message=Message.get_by_id(item.message_id).body,
                             refund_phase=phase, refund_version=version)
        except TopError as error:
            raise problem_of(error, item=True) from error

    def _agree(self, item: OutboxItem, action: dict, refund: dict) -> None:
        """taobao.rp.refunds.agree. Above some amount the platform refuses it and sends the
        seller an SMS code: the item fails saying so, and the rep's Retry gives the code
        (app.platforms.taobao.decisions.retry_with_code), which goes with the next call
        and is forgotten once the platform has answered."""
        assert self.client is not None, "open() first"
        key = self.account.key
        code = decisions.code_of(key, item.id)
        try:
            answer = self.client.call(decisions.AGREE, code=code,
                                      refund_infos=_refund_info(action, refund))
        except TopError as error:
            if code:
                decisions.forget_code(key, item.id)
            if asks_for_code(error.words()):
                raise Refused(text("platform_code_needed", platform="Taobao",
                                   words=error.words())) from error
            raise problem_of(error, item=True) from error
        if code:
            decisions.forget_code(key, item.id)
        _agreed(answer, action["refund_id"])


# A decision caught in `sending` went when the refund is in one of these states.
DECIDED = {decisions.REFUSE: ("SELLER_REFUSE_BUYER",), decisions.AGREE: ("SUCCESS",),
           decisions.AGREE_RETURN: ("WAIT_BUYER_RETURN_GOODS", "WAIT_SELLER_CONFIRM_GOODS",
                                    "SUCCESS")}
# The platform names no code for "an SMS code was sent, call again with it" (the `code`
# parameter of taobao.rp.refunds.agree, docs/connectors.md): its words are read instead.
CODE_WORDS = ("验证码", "短信", "sms", "verification code", "verify code", "check code")


def asks_for_code(words: str) -> bool:
    low = (words or "").lower()
    return any(word in low for word in CODE_WORDS)


def _refund_info(action: dict, refund: dict) -> str:
    """refund_infos of taobao.rp.refunds.agree: refund_id|amount in fen|version|phase (the
    phase for Tmall refunds only)."""
    parts = [str(action["refund_id"]), str(action["amount_fen"]),
             str(refund.get("refund_version") or "")]
    if refund.get("refund_phase"):
        parts.append(str(refund["refund_phase"]))
    return "|".join(parts)


def _agreed(answer: dict, refund_id: str) -> None:
    """taobao.rp.refunds.agree answers in its body (succ, msg_code, message, and one
    result per refund): anything but success fails the item with the platform's words."""
    results = (answer.get("results") or {}).get("refund_mapping_result") or []
    mine = next((r for r in results if str(r.get("refund_id")) == refund_id), None)
    ok = answer.get("succ") is True and (mine is None or mine.get("succ") is True)
    if not ok:
        said = (mine or {}).get("message") or answer.get("message") or ""
        code = answer.get("msg_code") or ""
        words = f"{said} ({code})" if code else said
        raise Refused(text("platform_code_needed" if asks_for_code(said)
                           else "platform_refused", platform="Taobao", words=words))


def _flag_order(account, order_no: str, word: str) -> None:
    words = f"unknown platform state {word}: the rules may be out of date"
    log.warning("account %s: order %s: %s", account.key, order_no, words)
    audit.record(ACTOR, "order", f"{account.shop.key}/{order_no}", "platform_state_unknown",
                 {"platform_status": word, "flag": words})
