"""Two AfterDesks on one shop database, each working for its own rep (issue 24): rep 李丽
writes from another process (the `afterdesk` command), rep Ana's window sees it without
doing anything; a change Ana makes from a view 李丽 has made stale is refused naming 李丽;
only one of the two records the platform's actions."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from app.clock import utcnow
from app.db import database
from app.models import Dispute, DisputeEvent
from app.services.casework import disputes
from app.services.messaging import conversations
from tests.factories import make_buyer, make_order, make_shop
from tests.inbox_helpers import show_inbox
from ui import errors
from ui.cases.case_view import CaseView
from ui.live_changes import LiveChanges
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui
OTHER_REP = "李丽"


def other_afterdesk(*command: str, rep: str = OTHER_REP) -> str:
    """Run an `afterdesk` command as another rep's AfterDesk on the test's database."""
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]),
               AFTERDESK_REP=rep)
    done = subprocess.run([sys.executable, "-m", "app", "--db", database.database, *command],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def shop_world(db):
    now = utcnow()
    shop = make_shop("ae")
    buyer = make_buyer(shop, "maria", language="en")
    order = make_order(shop, "8001", buyer=buyer, status="shipped")
    conv = conversations.start_conversation(shop, buyer, "site_message", order=order,
                                            language="en", at=now - timedelta(hours=3))
    conversations.add_message(conv, "in", "Where is my parcel?", now - timedelta(hours=2))
    dispute = disputes.open_dispute(order, "not_as_described", "quality", "Quality problem",
                                    "refund", "12.00", now - timedelta(days=1))
    return {"conversation": conv, "dispute": dispute}


@pytest.fixture
def inbox(qtbot, shop_world):
    page = show_inbox(qtbot, rows=1)
    live = LiveChanges(page)
    live.start()
    yield page
    live.stop()
    wait_for_background()


def test_a_reply_from_another_afterdesk_leaves_the_unreplied_list(qtbot, inbox, shop_world):
    inbox.unreplied_only.setChecked(True)
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1)
    other_afterdesk("reply", str(shop_world["conversation"].id), "It left our warehouse.")
    # Rep Ana did nothing: the conversation 李丽 answered leaves her list of unreplied ones.
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 0, timeout=5000)


def test_a_reply_from_another_afterdesk_shows_in_the_open_thread(qtbot, inbox, shop_world):
    inbox.view.setCurrentIndex(inbox.model.index(0, 1))
    qtbot.waitUntil(lambda: inbox.thread_panel.header is not None)
    other_afterdesk("reply", str(shop_world["conversation"].id), "It left our warehouse.")
    qtbot.waitUntil(lambda: "It left our warehouse." in inbox.thread_panel.view.plain_text(),
                    timeout=5000)


def test_a_case_changed_by_another_rep_is_refused_naming_her(qtbot, shop_world, monkeypatch):
    ref = f"D-{shop_world['dispute'].id}"
    view = CaseView()           # no live changes here: Ana acts before the poll comes
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_case(ref)
    other_afterdesk("case", "act", ref, "seller_accept")
    shown: list[str] = []
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec",
                        lambda box: shown.append(box.text()) or 0)
    with qtbot.waitSignal(view.loaded, timeout=5000):     # refused, then shown as it is now
        view.cause.setCurrentIndex(view.cause.findData("seller"))
        view.cause.activated.emit(view.cause.currentIndex())
    assert len(shown) == 1 and OTHER_REP in shown[0] and "seller_accept" in shown[0]
    stored = Dispute.get_by_id(shop_world["dispute"].id)
    assert (stored.cause, stored.state) == ("unknown", view.detail.state)
    assert view.detail.version == stored.version
    events = DisputeEvent.select().where(DisputeEvent.dispute == stored)
    assert [e.action for e in events] == ["open_dispute", "seller_accept"]


def test_only_the_afterdesk_holding_the_lease_records_the_platforms_actions(db):
    """A second AfterDesk holds the lease: this one's monitor gives alerts but leaves the
    platform's action (rule AE-3: no answer in 5 days) to it; once that one has ended,
    this one records it, once."""
    from app.monitor.platform_rules import PLATFORM_KINDS, apply_platform_rule
    from app.monitor.runner import DeadlineMonitor
    from tests.test_monitor_thread import FakeClock, Recorder
    order = make_order(make_shop("ae"), "8002", status="shipped")
    dispute = disputes.open_dispute(order, "not_as_described", "quality", "Quality problem",
                                    "refund", "12.00", utcnow() - timedelta(days=6))
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from app.channels.lease import Lease, PLATFORM_ACTIONS; "
         "Lease(sys.argv[1], PLATFORM_ACTIONS).acquire(); print('held', flush=True); "
         "sys.stdin.read()", database.database],
        env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        monitor = DeadlineMonitor(clock=FakeClock(utcnow()), lead_hours=[24],
                                  apply_rule=apply_platform_rule, platform_kinds=PLATFORM_KINDS,
                                  on_alert=Recorder(), on_error=Recorder(),
                                  on_summary=Recorder())
        monitor.start()
        assert monitor.wait_settled()
        assert monitor.left_to_another == 1
        assert Dispute.get_by_id(dispute.id).state == "awaiting_seller", "left to the other"
    finally:
        holder.communicate("", timeout=30)          # the other AfterDesk ends
    try:
        monitor.notify_changed()
        assert monitor.wait_settled()
        assert Dispute.get_by_id(dispute.id).state == "resolved", "taken over"
        events = DisputeEvent.select().where((DisputeEvent.dispute == dispute)
                                             & (DisputeEvent.by_rule == "AE-3"))
        assert len(list(events)) == 1
    finally:
        assert monitor.stop(2.0)
