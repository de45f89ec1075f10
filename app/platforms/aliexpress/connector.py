"""The AliExpress connector: what a sync pass asks of an AliExpress account
(app.channels.sync). `pull()` brings orders (with their items) and disputes, by
modification time, page by page; each page is written in the transaction that moves its
cursor (app.channels.cursor), so a pass stopped anywhere (a call limit, no network, a
kill) goes on from there next time and nothing stored is lost.

A rep's dispute decisions (accept, counter-proposal, evidence pictures) go out through
the outbox (`send`, app.platforms.aliexpress.pushes). Answers do not (the message centre's
methods are retired or need a permission a small shop cannot get: docs/connectors.md):
the account's `messages` setting stays off and answers stay copy & open.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Callable

from app.channels import cursor, ingest, problem_texts, states
from app.channels.errors import ChannelProblem, Refused
from app.clock import utcnow
from app.db import database
from app.models import Dispute, Order
from app.models.channels import ChannelAccount, OutboxItem
from app.platforms import credentials, records
from app.platforms.aliexpress import disputes, orders, pushes
from app.platforms.aliexpress.client import Client
from app.vocab import DISPUTE_FINAL_STATES

log = logging.getLogger("afterdesk.platforms")

FIRST_SYNC_DAYS = 30        # how far back the first sync reaches (account setting first_sync_days)
ORDER_SCOPES = {False: "aliexpress:orders", True: "aliexpress:orders:finished"}
ISSUE_SCOPE = "aliexpress:issues"
WRITE_EVERY = 1000          # orders fetched before they are written with the cursor


class AliExpressConnector:
    def __init__(self, account: ChannelAccount, clock: Callable[[], datetime] = utcnow):
        self.account = account
        self.settings = dict(account.settings)
        self.clock = clock
        self.client: Client | None = None

    @staticmethod
    def forget_secrets(account_key: str) -> None:
        credentials.forget(account_key)

    # --- the session ------------------------------------------------------------------------
    def open(self) -> None:
        key = self.account.key
        secret = credentials.get(key, credentials.APP_SECRET)
        token = credentials.get(key, credentials.TOKEN)
        if not secret or not token:
            missing = "app secret" if not secret else "access token"
            raise ChannelProblem(
                states.AUTH_FAILED, f"No {missing} is kept for the AliExpress account {key}: "
                "add it (afterdesk account add … with the secret and token on standard "
                "input).", retry=False)
        self.client = Client(self.settings["gateway"], self.settings["app_key"], secret, token,
                             credentials.get(key, credentials.REFRESH_TOKEN),
                             save_tokens=self._keep_tokens)

    def _keep_tokens(self, token: str, refresh_token: str | None) -> None:
        credentials.put(self.account.key, credentials.TOKEN, token)
        if refresh_token:
            credentials.put(self.account.key, credentials.REFRESH_TOKEN, refresh_token)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        self.client = None

    def test(self) -> None:
        """One small signed call (the last hour's orders, one page)."""
        self.open()
        try:
            now = self.clock()
            query = orders.query(now - timedelta(hours=1), now, 1, False)
            query["param_aeop_order_query"]["page_size"] = 1
            orders.page_of(self._client().call(orders.LIST_METHOD, query))
        finally:
            self.close()

    def watcher(self, push):
        return None             # no push from the platform: the runner polls

    def _client(self) -> Client:
        assert self.client is not None, "open() first"
        return self.client

    # --- pull: orders ---------------------------------------------------------------------
    def pull(self) -> dict:
        counts = {"added": 0, "updated": 0, "unchanged": 0, "disputes": 0}
        for finished in (False, True):
            self._pull_orders(finished, counts)
        counts["disputes"] = self._pull_disputes()
        return counts

    def _pull_orders(self, finished: bool, counts: dict) -> None:
        scope = ORDER_SCOPES[finished]
        saved = cursor.load(self.account, scope)
        done_until = _instant(saved.get("done_until"))
        if saved.get("until"):                        # a window stopped half-way
            since = datetime.fromisoformat(saved["since"])
            until = datetime.fromisoformat(saved["until"])
            page = int(saved.get("page") or 1)
        else:
            until = self.clock()
            days = int(self.settings.get("first_sync_days") or FIRST_SYNC_DAYS)
            since, page = done_until or until - timedelta(days=days), 1
        shop = self.account.shop
        batch: dict = {}                    # order number → row (a later page's wins)
        unknown: dict = {}
        while True:
            try:
                answer = self._client().call(orders.LIST_METHOD,
                                             orders.query(since, until, page, finished))
                listed, pages = orders.page_of(answer)
                rows = self._rows(listed)
                self._add_shipping(shop, rows)
            except ChannelProblem:
                # what was fetched is kept; the next pass asks from this page on
                self._write(shop, scope, batch, unknown, counts, {
                    "since": _text(since), "until": _text(until), "page": page,
                    "done_until": saved.get("done_until")})
                raise
            for row in rows:
                batch[row.order_no] = row
                if row.platform_status and not orders.is_known(row.platform_status):
                    unknown[row.order_no] = row.platform_status
            last = page >= pages or not listed
            if last or len(batch) >= WRITE_EVERY:
                self._write(shop, scope, batch, unknown, counts, (
                    {"done_until": _text(until - orders.OVERLAP)} if last else
                    {"since": _text(since), "until": _text(until), "page": page + 1,
                     "done_until": saved.get("done_until")}))
                batch, unknown = {}, {}
            if last:
                return
            page += 1

    def _rows(self, listed: list) -> list:
        rows = []
        for index, dto in enumerate(listed):
            row = orders.row_of(dto, index)
            if row is None:
                log.warning("AliExpress order without number or time left out: %s",
                            str(dto)[:200])
                continue
            rows.append(row)
        return rows

    def _write(self, shop, scope: str, batch: dict, unknown: dict, counts: dict,
               position: dict) -> None:
        """The fetched orders and the cursor's new position, in one transaction."""
        rows = records.in_stored_form(list(batch.values()))
        with database.atomic():
            if rows:
                written = records.write_orders(shop, rows, source=scope)
                for name, number in written.items():
                    counts[name] += number
            for order_no, state in unknown.items():
                records.flag_unknown_state(shop, order_no, state)
            cursor.save(self.account, scope, position)

    def _add_shipping(self, shop, rows: list) -> None:
        """The detail of each order on its way whose tracking AfterDesk does not hold."""
        moving = [r for r in rows if r.platform_status in orders.ON_ITS_WAY]
        if not moving:
            return
        tracked = {no for no, tracking in
                   Order.select(Order.order_no, Order.tracking_no)
                   .where((Order.shop == shop)
                          & Order.order_no.in_([r.order_no for r in moving])).tuples()
                   if tracking}
        for row in moving:
            if row.order_no not in tracked:
                orders.add_shipping(row, self._client().call(
                    orders.DETAIL_METHOD, orders.detail_query(row.order_no)))

    # --- pull: disputes -------------------------------------------------------------------
    def _pull_disputes(self) -> int:
        """Open issues (all pages), each one's detail when it changed since last seen;
        and the detail of each dispute AfterDesk holds open that the platform no longer
        lists as open (it was cancelled or finished)."""
        shop = self.account.shop
        seen = dict(cursor.load(self.account, ISSUE_SCOPE).get("seen") or {})
        open_now: dict[str, dict] = {}
        page = 1
        while True:
            found = disputes.listed(self._client().call(disputes.LIST_METHOD,
                                                        disputes.list_query(page)))
            for issue in found:
                open_now[str(issue.get("issue_id"))] = issue
            if len(found) < disputes.PAGE_SIZE:
                break
            page += 1
        wanted = [(i, issue) for i, issue in open_now.items()
                  if seen.get(i) != str(issue.get("gmt_modified") or "")]
        held_open = (Dispute.select(Dispute.issue_id, Order.buyer)
                     .join(Order).where((Order.shop == shop) & Dispute.issue_id.is_null(False)
                                        & Dispute.state.not_in(DISPUTE_FINAL_STATES)))
        for dispute in held_open:
            if dispute.issue_id not in open_now:
                login = dispute.order.buyer.login if dispute.order.buyer_id else ""
                wanted.append((dispute.issue_id, {"issue_id": dispute.issue_id,
                                                  "buyer_login_id": login}))
        merged = 0
        for issue_id, issue in wanted:
            answer = self._client().call(disputes.DETAIL_METHOD, {
                "issue_id": issue_id, "buyer_login_id": issue.get("buyer_login_id") or ""})
            detail = disputes.detail_of(answer)
            with database.atomic():
                outcome = disputes.merge(shop, issue, detail)
                self._store_statements(issue_id, detail)
                if issue_id in open_now and outcome != "waiting":
                    seen[issue_id] = str(open_now[issue_id].get("gmt_modified") or "")
                seen = {i: m for i, m in seen.items() if i in open_now}
                cursor.save(self.account, ISSUE_SCOPE, {"seen": seen})
            merged += outcome in ("added", "linked", "updated")
        return merged

    def _store_statements(self, issue_id: str, detail: dict) -> None:
        dispute = Dispute.get_or_none(Dispute.issue_id == issue_id)
        if dispute is None:
            return
        for statement in disputes.buyer_statements(issue_id, detail, dispute.order.order_no):
            ingest.store_incoming(self.account, statement)

    # --- messages and answers -----------------------------------------------------------
    def incoming(self):
        return iter(())         # the message centre: not used (docs/connectors.md)

    def new_id(self) -> str:
        return f"afterdesk-{uuid.uuid4().hex}"

    unsure_text = problem_texts.text("platform_unsure", platform="AliExpress")

    def check_sending(self, item: OutboxItem) -> str:
        """A dispute decision caught in `sending` by a stop: the dispute's detail says
        whether it went (app.platforms.aliexpress.pushes); an answer never goes."""
        if item.action:
            return pushes.check(self._client(), item)
        return states.DID_NOT_GO

    def send(self, item: OutboxItem) -> None:
        """A rep's dispute decision (app.platforms.aliexpress.decisions). Answers stay copy
        & open: the message centre's methods are retired (docs/connectors.md)."""
        if item.action:
            pushes.send(self._client(), item)
            return
        raise Refused("AfterDesk cannot send through AliExpress for this shop: answer in "
                      "the seller centre (copy & open).")


def _text(instant: datetime) -> str:
    return instant.isoformat()


def _instant(value) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
