"""One runner per shop on a server (issue 24, "One runner per shop"): whichever AfterDesk
holds the server's lease syncs the accounts and sends the outbox, the others wait and
take over when it goes. Every rep's AfterDesk asks the same server, wherever it was
started from: a lock file would have been one per computer (two senders, answers twice)."""

from __future__ import annotations

import time

import pytest

from app.channels import runner as runner_module
from app.channels.lease import PLATFORM_ACTIONS, SYNC, Busy, ServerLease, lease_for
from app.channels.runner import ChannelRunner
from app.db import close_database, database, open_database


@pytest.fixture
def server(postgres_address):
    open_database(postgres_address)
    yield postgres_address
    close_database()


def wait_until(check, what: str, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"never: {what}")
        time.sleep(0.05)


def test_reps_started_from_different_folders_share_one_lease(server, tmp_path, monkeypatch):
    first, second = tmp_path / "desk-a", tmp_path / "desk-b"
    first.mkdir()
    second.mkdir()
    monkeypatch.chdir(first)
    mine = lease_for(SYNC).acquire()
    assert isinstance(mine, ServerLease)
    monkeypatch.chdir(second)
    with pytest.raises(Busy, match="another AfterDesk is syncing"):
        lease_for(SYNC).acquire()
    assert list(first.iterdir()) == [] and list(second.iterdir()) == []   # no lock files
    with lease_for(PLATFORM_ACTIONS):           # another job has its own lease
        pass
    mine.release()
    lease_for(SYNC).acquire().release()         # let go of: the next one takes it


def test_a_lease_lost_with_its_connection_goes_to_the_next_rep(server):
    mine = lease_for(SYNC).acquire()
    pid = mine._connection.get_backend_pid()
    database.execute_sql("SELECT pg_terminate_backend(?)", (pid,))   # the network cut
    assert not mine.still_held()
    theirs = lease_for(SYNC).acquire()
    assert theirs.still_held()
    theirs.release()


def test_a_second_runner_on_a_server_waits_then_takes_over(server, monkeypatch):
    monkeypatch.setattr(runner_module, "LEASE_RETRY_S", 0.2)
    first = ChannelRunner(max_sleep=3600)
    first.start()
    wait_until(lambda: first.holds_lease, "the first runner syncs")
    second = ChannelRunner(max_sleep=3600)
    second.start()
    try:
        assert second.wait_settled()
        assert not second.holds_lease and second.is_alive()     # waiting, not ended
        assert first.stop()
        wait_until(lambda: second.holds_lease, "the second runner takes over")
    finally:
        first.stop()
        second.stop()


def test_one_monitor_per_shop_server_records_the_platforms_actions(server):
    from app.monitor.runner import DeadlineMonitor
    theirs = lease_for(PLATFORM_ACTIONS).acquire()      # another rep's AfterDesk
    monitor = DeadlineMonitor(max_sleep=3600)
    assert not monitor._holds_lease()                   # left to the other AfterDesk
    pid = theirs._connection.get_backend_pid()
    database.execute_sql("SELECT pg_terminate_backend(?)", (pid,))    # it lost the server
    assert monitor._holds_lease()                       # this one records them now
    with pytest.raises(Busy):
        lease_for(PLATFORM_ACTIONS).acquire()           # and only this one
    monitor._lease.release()
