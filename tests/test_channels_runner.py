"""The sync runner and what happens around a stop: IDLE brings mail without waiting for
the next poll; a server that goes away is shown offline and picked up again by itself;
an answer caught in `sending` by a stop (even kill -9) is never sent twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.channels import outbox, states
from app.channels.account import get_account
from app.channels.runner import ChannelRunner
from app.channels.sync import run_pass
from app.db import database
from app.models import Conversation, Message
from app.models.channels import OutboxItem
from tests.mail_servers import PASSWORD, Dovecot, buyer_mail

WAIT = 60.0      # the longest any of these waits may take on a busy machine

pytest_plugins = ("tests.mail_fixtures",)   # dovecot, mailbox, smtp_server, ring, account


def wait_until(check, what: str, timeout: float = WAIT) -> None:
    """Poll `check` (from the test's thread) until it is true; fail saying `what`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.05)
    pytest.fail(f"never happened: {what}")


def _reload(model, row_id):
    return model.get_by_id(row_id)


def _conversation_with_an_answer(account, dovecot, mailbox):
    raw, _ = buyer_mail(subject="Refund?")
    dovecot.append(raw, user=mailbox)
    run_pass(account)
    conversation = Conversation.get()
    return conversation, outbox.queue_reply(conversation.id, "Refunded today.")


def test_idle_brings_a_new_mail_without_waiting_for_the_poll(account, dovecot, mailbox):
    runner = ChannelRunner(max_sleep=3600)
    runner.start()
    try:
        wait_until(lambda: runner.passes >= 1 and "ae-mail" in runner._watchers,
                   "the first pass and its IDLE watcher")
        assert runner._watchers["ae-mail"].ready.wait(WAIT)
        raw, _ = buyer_mail(subject="Pushed")
        dovecot.append(raw, user=mailbox)
        wait_until(lambda: Message.select().where(Message.body.contains("has not arrived"))
                   .exists(), "the pushed mail stored")
        assert runner.is_alive()
    finally:
        assert runner.stop(5.0)


def test_idle_watches_every_chosen_folder(db, dovecot, mailbox, smtp_server, ring):
    from app.channels.account import add_account
    from tests.factories import make_shop
    client = dovecot.connect(mailbox)
    client.create("Orders")
    client.logout()
    make_shop("ae")
    add_account("ae-mail", "ae", imap=f"127.0.0.1:{dovecot.port}",
                smtp=f"127.0.0.1:{smtp_server.port}", user=mailbox, password=PASSWORD,
                security="none", poll_seconds=3600, folders=("INBOX", "Orders"))
    runner = ChannelRunner(max_sleep=3600)
    runner.start()
    try:
        wait_until(lambda: runner.passes >= 1 and runner.watching() == ["ae-mail"],
                   "the first pass and an IDLE watcher on each folder")
        raw, _ = buyer_mail(subject="Into the second folder", body="Order question")
        dovecot.append(raw, folder="Orders", user=mailbox)
        wait_until(lambda: Message.select().where(Message.body == "Order question").exists(),
                   "the mail of the second folder stored")
        assert runner.is_alive()
    finally:
        assert runner.stop(5.0)


@pytest.fixture
def own_dovecot():
    """A Dovecot of this test alone (it is stopped and started again)."""
    server = Dovecot.in_temporary_folder(["rep@shop.test"]).start()
    yield server
    server.stop()
    server.remove()


def test_a_server_that_goes_away_is_offline_then_resumed(db, own_dovecot, smtp_server, ring):
    from app.channels.account import add_account
    from tests.factories import make_shop
    make_shop("ae")
    add_account("ae-mail", "ae", imap=f"127.0.0.1:{own_dovecot.port}",
                smtp=f"127.0.0.1:{smtp_server.port}", user="rep@shop.test",
                password=PASSWORD, security="none", poll_seconds=3600)
    first, _ = buyer_mail(subject="Damaged")
    own_dovecot.append(first, user="rep@shop.test")
    runner = ChannelRunner(retry_after=(0.5,), use_push=False, max_sleep=3600)
    runner.start()
    try:
        wait_until(lambda: Conversation.select().exists(), "the first mail stored")
        own_dovecot.stop()
        item = outbox.queue_reply(Conversation.get().id, "We are sending a new one.")
        wait_until(lambda: get_account("ae-mail").state == states.OFFLINE,
                   "the account shown offline")
        assert "cannot be reached" in get_account("ae-mail").last_error
        assert _reload(OutboxItem, item.id).state == states.QUEUED      # kept, not lost
        assert smtp_server.received == []
        own_dovecot.start()
        second, _ = buyer_mail(subject="Still waiting", sender="joao@buyer.test")
        own_dovecot.append(second, user="rep@shop.test")
        wait_until(lambda: _reload(OutboxItem, item.id).state == states.SENT,
                   "the queued answer sent after the server came back")
        wait_until(lambda: Conversation.select().count() == 2, "the new mail fetched")
        wait_until(lambda: get_account("ae-mail").state == states.CONNECTED,
                   "the account shown connected again")      # said at the pass's end
        assert len(smtp_server.received) == 1
    finally:
        assert runner.stop(5.0)


def test_an_answer_left_sending_without_a_sent_copy_is_sent_once(account, dovecot, mailbox,
                                                                 smtp_server):
    _, item = _conversation_with_an_answer(account, dovecot, mailbox)
    outbox.mark_sending(item, "<left-behind@shop.test>")       # stopped before the copy
    run_pass(account)
    item = _reload(OutboxItem, item.id)
    assert item.state == states.SENT
    assert [m["Message-ID"] for _, _, m in smtp_server.received] == ["<left-behind@shop.test>"]


def test_an_answer_left_sending_that_went_is_not_sent_again(account, dovecot, mailbox,
                                                            smtp_server):
    conversation, item = _conversation_with_an_answer(account, dovecot, mailbox)
    outbox.mark_sending(item, "<went@shop.test>")
    # It went (the server took it and the Sent copy was settled) just before the stop.
    dovecot.append(b"From: rep@shop.test\r\nMessage-ID: <went@shop.test>\r\nSubject: Re\r\n"
                   b"\r\nRefunded today.\r\n", folder="Sent", user=mailbox, flags="\\Seen")
    run_pass(account)
    assert _reload(OutboxItem, item.id).state == states.SENT
    assert smtp_server.received == []
    assert _reload(Conversation, conversation.id).is_replied


def test_kill_9_while_sending_never_sends_twice(account, dovecot, mailbox, smtp_server,
                                                ring, tmp_path):
    conversation, item = _conversation_with_an_answer(account, dovecot, mailbox)
    smtp_server.hold()                        # the server takes the mail… and waits
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]),
               PYTHON_KEYRING_BACKEND="tests.file_keyring.FileKeyring",
               AFTERDESK_TEST_KEYRING=str(ring), AFTERDESK_HOME=str(tmp_path / "home"))
    child = subprocess.Popen([sys.executable, "-m", "app", "--db", database.database,
                              "sync", "--once"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    try:
        assert smtp_server.data_started.wait(WAIT), child.stderr.read1().decode()
        os.kill(child.pid, signal.SIGKILL)    # killed while the mail is being handed over
    finally:
        child.communicate(timeout=WAIT)        # waits, and closes its pipes
    smtp_server.release()
    wait_until(lambda: len(smtp_server.received) == 1, "the server kept the mail")
    assert _reload(OutboxItem, item.id).state == states.SENDING
    run_pass(account)                          # the next start
    item = _reload(OutboxItem, item.id)
    assert item.state == states.FAILED
    assert "may have reached the buyer" in item.error
    assert len(smtp_server.received) == 1      # never twice
    assert not _reload(Conversation, conversation.id).is_replied
    # The rep looked and retries: the same Message-ID (the buyer's program shows one).
    outbox.retry(item)
    run_pass(account)
    ids = [m["Message-ID"] for _, _, m in smtp_server.received]
    assert ids == [item.channel_message_id, item.channel_message_id]
    assert _reload(OutboxItem, item.id).state == states.SENT


def test_one_syncing_process_per_database(db, tmp_path):
    from app.channels.lease import Busy, Lease
    with Lease(database.database):
        with pytest.raises(Busy, match="another AfterDesk is syncing"):
            Lease(database.database).acquire()
    Lease(database.database).acquire().release()


def test_the_runner_stops_promptly_while_waiting(db):
    runner = ChannelRunner(max_sleep=3600)
    runner.start()
    assert runner.wait_settled(WAIT)
    assert runner.stop(5.0)
    assert threading.active_count() >= 1
