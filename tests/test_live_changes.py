"""Several reps on one shop database (issue 24), in the services: every write is the rep's
(audit trail, change log), a change from a stale copy is refused naming who changed it,
the change log tells one AfterDesk what the others changed, presence says who is
replying. On both backends; on a server, the server's notification of a change wakes the
reader."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.db import database
from app.errors import StaleEdit
from app.models import AuditEntry, Conversation, Dispute, DisputeEvent
from app.models.live import ChangeLog
from app.services.casework import case_actions, disputes
from app.services.common import change_notice, live_changes
from app.services.common.reps import set_current_rep
from app.services.messaging import conversations, presence
from tests.conftest import TEST_REP
from tests.factories import T0, make_buyer, make_order, make_shop

DAY = timedelta(days=1)
pytestmark = pytest.mark.both_backends


@pytest.fixture
def conversation(db):
    shop = make_shop("ae")
    conv = conversations.start_conversation(shop, make_buyer(shop, "maria"), "site_message",
                                            at=T0)
    conversations.add_message(conv, "in", "Where is my parcel?", T0)
    return conv


@pytest.fixture
def dispute(db):
    shop = make_shop("ae2")
    order = make_order(shop, "8001", status="shipped")
    return disputes.open_dispute(order, "not_as_described", "quality", "Quality problem",
                                 "refund", "12.00", T0 + DAY)


def as_another_afterdesk(monkeypatch, rep: str) -> None:
    """What follows is written by another AfterDesk, working for `rep`."""
    monkeypatch.setattr(live_changes, "ORIGIN", "another-afterdesk")
    set_current_rep(rep)


def test_the_audit_trail_and_the_change_log_name_the_rep(conversation):
    conversations.set_star(conversation, "red")
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (entry.actor, entry.action) == (TEST_REP, "set_star")
    logged = ChangeLog.select().order_by(ChangeLog.id.desc()).get()
    assert (logged.rep, logged.kind, logged.entity, logged.entity_ref, logged.action) == (
        TEST_REP, "conversations", "conversation", conversation.uid, "set_star")
    assert logged.version == Conversation.get_by_id(conversation.id).version
    set_current_rep("李丽")
    conversations.assign(conversation, "李丽")
    assert AuditEntry.select().order_by(AuditEntry.id.desc()).get().actor == "李丽"


def test_a_write_undone_leaves_no_change_log_row(conversation):
    before = ChangeLog.select().count()
    with pytest.raises(RuntimeError):
        with database.atomic():
            conversations.set_star(conversation, "blue")
            raise RuntimeError("the rest of the write failed")
    assert ChangeLog.select().count() == before


def test_a_change_from_a_stale_copy_is_refused_naming_the_other_rep(conversation):
    mine = Conversation.get_by_id(conversation.id)
    theirs = Conversation.get_by_id(conversation.id)
    set_current_rep("李丽")
    conversations.assign(theirs, "李丽")
    set_current_rep(TEST_REP)
    with pytest.raises(StaleEdit) as refused:
        conversations.set_star(mine, "green")
    assert "李丽" in str(refused.value) and "assign" in str(refused.value)
    stored = Conversation.get_by_id(conversation.id)
    assert (stored.star, stored.assigned_to) == ("none", "李丽"), "nothing overwritten"
    conversations.set_star(Conversation.get_by_id(conversation.id), "green")  # as it is now
    assert Conversation.get_by_id(conversation.id).star == "green"


def test_a_case_step_from_a_stale_view_is_refused_and_writes_nothing(dispute):
    ref = f"D-{dispute.id}"
    shown = Dispute.get_by_id(dispute.id).version
    set_current_rep("李丽")
    case_actions.perform(ref, "seller_accept", T0 + 2 * DAY, shown_version=shown)
    events = DisputeEvent.select().count()
    set_current_rep(TEST_REP)
    with pytest.raises(StaleEdit) as refused:
        case_actions.perform(ref, "seller_refuse", T0 + 2 * DAY, reason="It works",
                             shown_version=shown)
    assert str(refused.value).startswith(f"{ref} was changed meanwhile by 李丽 (seller_accept)")
    with pytest.raises(StaleEdit):
        case_actions.set_cause(ref, "buyer", shown_version=shown)
    assert DisputeEvent.select().count() == events
    assert Dispute.get_by_id(dispute.id).cause == "unknown"


def test_the_feed_reports_the_other_afterdesks_changes_not_its_own(conversation, dispute,
                                                                     monkeypatch):
    feed = live_changes.ChangeFeed()
    conversations.set_star(conversation, "red")                 # this AfterDesk's own
    assert feed.poll() is None
    as_another_afterdesk(monkeypatch, "李丽")
    conversations.add_message(Conversation.get_by_id(conversation.id), "out", "On its way",
                              T0 + DAY)
    disputes.seller_accept(Dispute.get_by_id(dispute.id), T0 + 2 * DAY)
    monkeypatch.setattr(live_changes, "ORIGIN", "this-afterdesk")
    heard: list[change_notice.Change] = []

    def listener(change) -> None:
        heard.append(change)
    change_notice.subscribe(listener)
    try:
        change = feed.poll()
        assert live_changes.announce(change) >= 1
    finally:
        change_notice.unsubscribe(listener)
    assert {change_notice.CONVERSATIONS, change_notice.CASES} <= change.kinds
    assert change.refs == (f"conversation {conversation.id}", f"D-{dispute.id}")
    assert heard == [change]
    assert feed.poll() is None, "each change once"


def test_presence_says_who_else_is_replying_until_it_expires(conversation):
    presence.mark_replying(conversation.id, rep="李丽", at=T0)
    presence.mark_replying(conversation.id, at=T0)             # this rep: not shown to itself
    assert presence.replying(conversation.id, at=T0 + timedelta(seconds=5)) == ["李丽"]
    assert presence.replying(conversation.id, at=T0 + presence.LASTS) == []
    presence.mark_replying(conversation.id, rep="李丽", at=T0 + presence.LASTS)  # renewed
    assert presence.replying(conversation.id, at=T0 + presence.LASTS) == ["李丽"]
    presence.clear(conversation.id, rep="李丽")
    assert presence.replying(conversation.id, at=T0 + presence.LASTS) == []


def test_the_change_log_keeps_a_day_and_a_reader_quiet_longer_reloads_everything(
        conversation, monkeypatch):
    feed = live_changes.ChangeFeed()
    as_another_afterdesk(monkeypatch, "李丽")
    conversations.set_star(Conversation.get_by_id(conversation.id), "red")
    old = ChangeLog.select().count()
    assert old >= 1
    ChangeLog.update(at=T0).execute()                      # all of it a day old and more
    conversations.set_star(Conversation.get_by_id(conversation.id), "blue")
    assert live_changes.prune(now=T0 + live_changes.KEEP + DAY) == old
    assert [row.action for row in ChangeLog.select()] == ["set_star"]
    monkeypatch.setattr(live_changes, "ORIGIN", "this-afterdesk")
    later = feed.read_at + live_changes.STALE_AFTER
    assert feed.poll(now=later).kinds == change_notice.EVERYTHING, "rows it missed are gone"
    assert feed.poll(now=later) is None


def test_a_server_wakes_the_reader_when_another_afterdesk_commits_a_change(conversation,
                                                                           monkeypatch):
    if database.backend != "postgresql":
        assert live_changes.listen(lambda: None, lambda *_: None) is None   # polled only
        return
    import threading
    woken, states = threading.Event(), []
    listener = live_changes.listen(woken.set, lambda up, _error: states.append(up))
    try:
        assert _wait(lambda: states == [True])
        conversations.set_star(Conversation.get_by_id(conversation.id), "red")  # its own
        as_another_afterdesk(monkeypatch, "李丽")
        with pytest.raises(RuntimeError):
            with database.atomic():
                conversations.set_star(Conversation.get_by_id(conversation.id), "blue")
                raise RuntimeError("undone: no notification")
        assert not woken.wait(1.0)
        conversations.set_star(Conversation.get_by_id(conversation.id), "green")
        assert woken.wait(30)
    finally:
        listener.stop()


def _wait(condition, seconds: float = 30) -> bool:
    import time
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False
