"""One pass over an account: log in; settle the answers a stopped AfterDesk left in
`sending` (never sending one twice); store what is new; send what is queued; keep the
account's state for the status line.

A pass raises ChannelProblem when the account could not be reached or refused (its state
and words are recorded first); the runner decides when to try again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.channels import ingest, outbox, problem_texts, states
from app.channels.account import get_account, record_state
from app.channels.connectors import connector_for
from app.channels.errors import ChannelProblem, Refused

log = logging.getLogger("afterdesk.channels")

UNSURE_TEXT = problem_texts.text("unsure")


@dataclass
class PassResult:
    account: str
    fetched: int = 0            # messages stored
    sent: int = 0
    failed: int = 0
    pulled: dict = field(default_factory=dict)   # records an open platform's pull wrote
    watcher: object = None      # an unstarted push watcher, when asked for and offered


def run_pass(account, *, push=None) -> PassResult:
    """One pass over `account`. With `push` (a callable), a watcher that calls it when the
    server has news is returned too, when the channel offers one."""
    account = get_account(account)
    result = PassResult(account.key)
    connector = connector_for(account)
    try:
        connector.open()
        _settle_sending(account, connector)
        pull = getattr(connector, "pull", None)
        if pull is not None:        # an open platform: orders, disputes… (app.platforms)
            result.pulled = pull() or {}
        _fetch(account, connector, result)
        _send(account, connector, result)
        if push is not None:
            result.watcher = connector.watcher(push)
    except ChannelProblem as problem:
        log.warning("account %s: %s (%s)", account.key, problem, problem.detail)
        record_state(account, problem.state, str(problem))
        raise
    finally:
        connector.close()
    record_state(account, states.CONNECTED, "", synced=True)
    return result


def _settle_sending(account, connector) -> None:
    for item in outbox.pending(account, states.SENDING):
        verdict = connector.check_sending(item)
        if verdict == states.WENT:
            outbox.mark_sent(item, item.updated_at)
        elif verdict == states.DID_NOT_GO:
            outbox.requeue(item)
        else:       # a connector may say it in its own words (an open platform's)
            outbox.mark_failed(item, getattr(connector, "unsure_text", UNSURE_TEXT))
        log.info("answer %s found in sending after a stop: %s", item.id, verdict)


def _fetch(account, connector, result: PassResult) -> None:
    """Stored a batch at a time: one transaction and one lookup of each kind per batch
    (app.channels.ingest.store_batch; a message the service refuses is logged and passed)."""
    batch: list = []
    for pair in connector.incoming():
        batch.append(pair)
        if len(batch) >= ingest.BATCH:
            result.fetched += ingest.store_batch(account, batch)
            batch = []
    if batch:
        result.fetched += ingest.store_batch(account, batch)


def _send(account, connector, result: PassResult) -> None:
    from app.channels.mail.smtp import Unsure
    for item in outbox.pending(account, states.QUEUED):
        outbox.mark_sending(item, item.channel_message_id or connector.new_id())
        try:
            connector.send(item)
        except Refused as refused:
            outbox.mark_failed(item, str(refused))
            result.failed += 1
            continue
        except Unsure:
            outbox.mark_failed(item, UNSURE_TEXT)
            result.failed += 1
            raise
        except ChannelProblem as problem:
            outbox.requeue(item, str(problem))
            raise
        outbox.mark_sent(item)
        result.sent += 1


def test_account(account) -> None:
    """Log in to the account's servers; records and raises the problem, if any."""
    account = get_account(account)
    try:
        connector_for(account).test()
    except ChannelProblem as problem:
        record_state(account, problem.state, str(problem))
        raise
    if account.state != states.CONNECTED:
        record_state(account, states.CONNECTED, "")
