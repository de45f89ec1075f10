"""The monitor thread with an injected clock: warnings at the right instants, once each;
re-planning after an edit; clock jumps; what the platform does by itself; errors reported;
a prompt shutdown. Waits are bounded waits on conditions, never sleeps."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta, timezone

import pytest

from app.models import AftersalesRequest, DisputeEvent, RequestEvent
from app.monitor import make_monitor, notify_changed
from app.monitor.platform_rules import PLATFORM_KINDS, apply_platform_rule
from app.monitor.schedule import DUE, PLATFORM, WARNING
from app.monitor.runner import DeadlineMonitor
from app.services.casework import aftersales, disputes
from app.services.casework.case_deadlines import case_deadlines
from app.settings import Settings
from tests.factories import T0, make_order, make_shop

H = timedelta(hours=1)
DAY = timedelta(days=1)
SEC = timedelta(seconds=1)
OPEN = T0 + 10 * DAY
AE3_DUE = OPEN + 5 * DAY          # rule AE-3: 5 days to respond (policy default)


class FakeClock:
    """A clock the test moves by hand; the monitor reads it after every wake."""

    def __init__(self, at):
        self._at = at
        self._lock = threading.Lock()

    def now(self):
        with self._lock:
            return self._at

    def set(self, at) -> None:
        with self._lock:
            self._at = at


class Recorder:
    """Collects what a callback receives; lets a test wait (bounded) for it."""

    def __init__(self):
        self.items: list = []
        self._cond = threading.Condition()

    def __call__(self, value) -> None:
        with self._cond:
            self.items.append(value)
            self._cond.notify_all()

    def wait_for(self, count: int, timeout: float = 5.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: len(self.items) >= count, timeout)


@pytest.fixture
def world(db):
    shop = make_shop("ae")
    return shop, make_order(shop, "8001", status="shipped")


@pytest.fixture
def start(db):
    """Start a monitor on the test database; every one is stopped at the end."""
    started: list[DeadlineMonitor] = []

    def _start(clock, **options):
        alerts, errors, summaries = Recorder(), Recorder(), Recorder()
        values = dict(clock=clock, lead_hours=[24, 4, 1], on_alert=alerts, on_error=errors,
                      on_summary=summaries)
        values.update(options)
        monitor = DeadlineMonitor(**values)
        monitor.alerts, monitor.errors, monitor.summaries = alerts, errors, summaries
        monitor.start()
        started.append(monitor)
        assert monitor.wait_settled()
        return monitor

    yield _start
    for monitor in started:
        assert monitor.stop(2.0)


def open_dispute(order, at=OPEN):
    return disputes.open_dispute(order, "not_as_described", "quality", "Quality problem",
                                 "refund", "12.00", at)


def move_to(monitor, clock, at) -> None:
    clock.set(at)
    monitor.wake()
    assert monitor.wait_settled()


def ae3(alerts) -> list[tuple]:
    return [(a["step"], a["lead_hours"], a["due_at"]) for a in alerts.items
            if a["rule"] == "AE-3"]


def test_each_warning_fires_at_its_instant_once(world, start):
    # rule AE-3: warned 24 h, 4 h and 1 h before the seller's time ends, and when it ends.
    _, order = world
    dispute = open_dispute(order)
    clock = FakeClock(OPEN + H)
    monitor = start(clock)
    assert monitor.summaries.items == ["Nothing is due today."]
    due = "2026-03-17T02:00:00Z"
    expected = []
    for lead, step in ((24, WARNING), (4, WARNING), (1, WARNING), (None, DUE)):
        instant = AE3_DUE - (lead or 0) * H
        move_to(monitor, clock, instant - SEC)
        assert ae3(monitor.alerts) == expected, "nothing a second early"
        move_to(monitor, clock, instant)
        expected.append((step, lead, due))
        assert ae3(monitor.alerts) == expected
    for _ in range(3):
        move_to(monitor, clock, AE3_DUE + 2 * H)
    assert ae3(monitor.alerts) == expected, "each alert once"
    assert monitor.alerts.items[-1]["case_id"] == f"D-{dispute.id}"
    assert monitor.loads == 1, "waking does not reload the cases"
    assert not DisputeEvent.select().where(DisputeEvent.by_rule.is_null(False)).exists()


def test_an_edit_that_moves_a_deadline_is_replanned_after_notify_changed(world, start):
    _, order = world
    dispute = open_dispute(order)
    clock = FakeClock(OPEN + DAY)
    monitor = start(clock)
    # rule AE-3: the buyer modifies the proposal two days in: the seller's clock restarts.
    disputes.buyer_modify(dispute, OPEN + 2 * DAY, refund_amount="8.00")
    clock.set(OPEN + 2 * DAY + H)
    notify_changed()
    assert monitor.wait_settled()
    assert monitor.loads == 2
    move_to(monitor, clock, AE3_DUE - 24 * H)
    assert ae3(monitor.alerts) == [], "the old instant no longer counts"
    new_due = AE3_DUE + 2 * DAY
    move_to(monitor, clock, new_due - 24 * H)
    assert ae3(monitor.alerts) == [(WARNING, 24, "2026-03-19T02:00:00Z")]


def test_a_running_monitor_replans_on_the_change_notice(world, start):
    """The window's actions announce a write through app.services.common.change_notice;
    the running monitor re-plans on it (it subscribes itself while it runs)."""
    from app.services.common import change_notice
    _, order = world
    open_dispute(order)
    clock = FakeClock(OPEN + DAY)
    monitor = start(clock)
    assert monitor.loads == 1
    change_notice.changed([change_notice.CASES], ["D-1"])
    assert monitor.wait_settled()
    assert monitor.loads == 2
    change_notice.changed([change_notice.PHRASES])     # no deadline can have moved
    assert monitor.wait_settled()
    assert monitor.loads == 2


def test_a_clock_jump_forward_fires_what_became_due_and_a_jump_back_repeats_nothing(
        world, start):
    _, order = world
    open_dispute(order)
    clock = FakeClock(OPEN + H)
    monitor = start(clock)
    move_to(monitor, clock, AE3_DUE - 30 * 60 * SEC)
    assert ae3(monitor.alerts) == [(WARNING, 1, "2026-03-17T02:00:00Z")], \
        "only the latest of the thresholds jumped over"
    move_to(monitor, clock, OPEN + 2 * H)
    move_to(monitor, clock, AE3_DUE - 30 * 60 * SEC)
    assert len(ae3(monitor.alerts)) == 1
    move_to(monitor, clock, AE3_DUE + 3 * DAY)
    assert ae3(monitor.alerts)[-1][0] == DUE


def test_the_platform_carries_out_the_buyers_proposal_after_ae3(world, start):
    # rule AE-3: at due + 1 s without an answer the buyer's proposal is carried out.
    _, order = world
    dispute = open_dispute(order)
    clock = FakeClock(OPEN + H)
    monitor = start(clock, apply_rule=apply_platform_rule, platform_kinds=PLATFORM_KINDS)
    move_to(monitor, clock, AE3_DUE)
    assert dispute.__class__.get_by_id(dispute.id).state == "awaiting_seller", "not yet"
    move_to(monitor, clock, AE3_DUE + SEC)
    applied = [a for a in monitor.alerts.items if a["step"] == PLATFORM]
    assert len(applied) == 1 and applied[0]["applied"] is True and applied[0]["rule"] == "AE-3"
    stored = dispute.__class__.get_by_id(dispute.id)
    assert (stored.state, stored.resolution) == ("resolved", "seller_response_timeout")
    event = DisputeEvent.select().where(DisputeEvent.dispute == dispute).order_by(
        DisputeEvent.id.desc()).first()
    assert (event.action, event.by_rule, event.recorded_by, event.at) == (
        "seller_response_timeout", "AE-3", "monitor", AE3_DUE + SEC)
    assert monitor.loads == 2, "re-planned after recording"
    move_to(monitor, clock, AE3_DUE + 20 * DAY)
    assert len([a for a in monitor.alerts.items if a["step"] == PLATFORM]) == 1
    missed = [d for d in case_deadlines(f"D-{dispute.id}", AE3_DUE + SEC) if d.rule == "AE-3"]
    assert apply_platform_rule(missed[0]) is None, "recorded once only"
    assert monitor.errors.items == []


def test_ae6_escalates_a_dispute_without_agreement(world):
    # rule AE-6: no agreement by day 16: the system escalates.
    _, order = world
    dispute = open_dispute(order)
    disputes.seller_refuse(dispute, "The item works", OPEN + DAY)
    due = [d for d in case_deadlines(f"D-{dispute.id}", OPEN + 2 * DAY) if d.rule == "AE-6"][0]
    assert due.due_at == OPEN + 15 * DAY
    outcome = apply_platform_rule(due)
    assert outcome.applied and outcome.rule == "AE-6"
    stored = dispute.__class__.get_by_id(dispute.id)
    assert (stored.state, stored.escalated_by, stored.escalated_at) == (
        "escalated", "system", OPEN + 15 * DAY + SEC)
    assert apply_platform_rule(due) is None


def test_tb3_agrees_a_request_the_seller_never_acted_on(db):
    # rule TB-3: a request on a completed order is agreed automatically after 5 days.
    shop = make_shop("tb", platform="taobao")
    order = make_order(shop, "123", status="completed", completed_at=T0, confirmed_at=T0)
    request = aftersales.open_request(order, "refund_only", "quality", "10.00", T0 + DAY)
    item = [d for d in case_deadlines(f"A-{request.id}", T0 + DAY) if d.rule == "TB-3"][0]
    assert apply_platform_rule(item) is not None and apply_platform_rule(item) is None
    stored = AftersalesRequest.get_by_id(request.id)
    assert stored.state == "success"
    event = RequestEvent.select().where(RequestEvent.action == "auto_agree").get()
    assert (event.by_rule, event.recorded_by, event.at) == ("TB-3", "monitor", item.due_at + SEC)


def test_platform_actions_are_not_recorded_when_the_setting_is_off(world, tmp_path):
    settings = Settings(tmp_path / "settings.json")
    assert settings.get("monitor.apply_platform_rules") is True
    assert make_monitor(settings).apply_rule is apply_platform_rule
    settings.set("monitor.apply_platform_rules", False)
    settings.set("alerts.lead_times_hours", [2])
    monitor = make_monitor(settings)
    assert monitor.apply_rule is None and monitor.platform_kinds == frozenset()
    assert monitor.lead_hours == [2]


def test_stop_wakes_a_sleeping_monitor(world, start):
    """Asleep until its next step (hours away on the fake clock), or with nothing planned
    and no limit at all, the monitor still ends when asked: stop wakes it rather than
    waiting for the sleep to run out (the window closes without hanging)."""
    _, order = world
    open_dispute(order)
    clock = FakeClock(OPEN + H)
    for options in ({}, {"max_sleep": None, "loader": lambda at: []}):
        monitor = start(clock, **options)
        assert monitor.stop(timeout=60)          # its sleep would last minutes, or forever
        assert not monitor.is_alive()


def test_a_load_error_is_logged_and_reported_and_the_monitor_recovers(world, start, caplog):
    _, order = world
    open_dispute(order)
    broken = {"yes": True}

    def loader(at):
        if broken["yes"]:
            raise RuntimeError("database is locked")
        from app.services.clocks.deadlines import deadlines_at
        return deadlines_at(at)

    clock = FakeClock(OPEN + H)
    with caplog.at_level(logging.ERROR, logger="afterdesk.monitor"):
        monitor = start(clock, loader=loader)
    assert monitor.errors.wait_for(1)
    assert "database is locked" in monitor.errors.items[0]
    assert any(r.name == "afterdesk.monitor" and "database is locked" in r.getMessage()
               for r in caplog.records)
    assert monitor.is_alive()
    broken["yes"] = False
    monitor.notify_changed()
    assert monitor.wait_settled()
    move_to(monitor, clock, AE3_DUE)
    assert ae3(monitor.alerts)[-1][0] == DUE


def test_a_busy_database_is_reported_in_the_reps_words(world, start):
    from tests.sqlite_errors import busy_error
    _, order = world
    open_dispute(order)
    failures = {"left": 1}

    def loader(at):
        if failures["left"]:
            failures["left"] -= 1
            raise busy_error()
        from app.services.clocks.deadlines import deadlines_at
        return deadlines_at(at)

    monitor = start(FakeClock(OPEN + H), loader=loader)
    assert monitor.errors.wait_for(1)
    assert "AfterDesk is busy writing: try again" in monitor.errors.items[0]
    assert monitor.is_alive()


def test_a_failing_receiver_is_reported_not_fatal(world, start):
    _, order = world
    open_dispute(order)
    clock = FakeClock(OPEN + H)
    errors = Recorder()

    def broken_receiver(payload):
        raise ValueError("banner gone")

    monitor = start(clock, on_alert=broken_receiver, on_error=errors)
    move_to(monitor, clock, AE3_DUE)
    assert errors.wait_for(1) and "banner gone" in errors.items[0]
    assert monitor.is_alive()


def test_the_summary_says_what_is_due_today(world, start):
    _, order = world
    open_dispute(order)
    monitor = start(FakeClock(AE3_DUE - 2 * H), summary_tz=timezone.utc)
    assert monitor.summaries.items == ["1 dispute needs a response today."]
    assert ae3(monitor.alerts) == [], "passed warnings are in the summary, not repeated"
