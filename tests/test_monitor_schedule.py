"""The monitor's plan: when a rep is warned about a deadline, once each, whatever the clock
does; what the start-up summary says. Pure: no database, no clock, no thread."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from app.monitor.platform_rules import PLATFORM_KINDS
from app.monitor.schedule import DUE, PLATFORM, WARNING, Schedule, lead_times
from app.clock import end_of_local_day
from app.monitor.summary import alert_payload, alert_text, due_summary
from app.rules.deadline import Deadline
from tests.factories import T0, utc

H = timedelta(hours=1)
SEC = timedelta(seconds=1)
LEADS = [24, 4, 1]


def deadline(due=T0 + timedelta(days=5), *, case="D-1", rule="AE-3", kind="seller_response",
             subject="dispute", state="pending", informational=False) -> Deadline:
    return Deadline(rule=rule, kind=kind, subject=subject, platform="aliexpress", shop="ae",
                    order_no="1", case_id=case, due_at=due, state=state,
                    label="Respond to the buyer's proposal", action="Accept or refuse",
                    informational=informational)


def run(schedule: Schedule, instants, fired=None):
    """Steps taken when the monitor wakes at each instant in turn."""
    fired = set() if fired is None else fired
    taken = []
    for at in instants:
        taken += [(at, s) for s in schedule.take_due(at, fired)]
    return taken


def test_warnings_at_each_lead_time_and_at_due_once_each():
    # rule AE-3: seller's 5-day response window; warned 24 h, 4 h and 1 h before, and at due.
    d = deadline()
    schedule = Schedule([d], LEADS)
    fired: set = set()
    seen = []
    at = T0
    while (wake := schedule.next_wake(fired)) is not None:
        assert wake > at
        at = wake
        seen += [(at, s.step, s.lead) for s in schedule.take_due(at, fired)]
    assert seen == [(d.due_at - 24 * H, WARNING, 24 * H), (d.due_at - 4 * H, WARNING, 4 * H),
                    (d.due_at - H, WARNING, H), (d.due_at, DUE, None)]
    assert schedule.take_due(d.due_at + timedelta(days=30), fired) == []


def test_nothing_fires_a_second_before_its_instant():
    d = deadline()
    schedule = Schedule([d], LEADS)
    fired: set = set()
    assert schedule.take_due(d.due_at - 24 * H - SEC, fired) == []
    assert [s.lead for s in schedule.take_due(d.due_at - 24 * H, fired)] == [24 * H]


def test_informational_and_settled_deadlines_raise_no_alert():
    # rule AE-4 is the platform's own clock; a met AE-3 needs nothing from the rep.
    items = [deadline(rule="AE-4", kind="staff_intervene", informational=True),
             deadline(state="met"), deadline(state="missed", kind="other", rule="AE-8")]
    assert len(Schedule(items, LEADS)) == 0


def test_jump_over_several_thresholds_gives_only_the_latest():
    d = deadline()
    fired: set = set()
    steps = Schedule([d], LEADS).take_due(d.due_at - 30 * 60 * SEC, fired)
    assert [(s.step, s.lead) for s in steps] == [(WARNING, H)]
    assert "due in 1 h" in alert_text(steps[0]) and "D-1" in alert_text(steps[0])


def test_startup_silences_passed_alerts_but_keeps_later_ones():
    d = deadline()
    schedule = Schedule([d], LEADS)
    fired = schedule.passed_alerts(d.due_at - 2 * H)
    assert schedule.next_wake(fired) == d.due_at - H


def test_a_moved_deadline_gets_new_steps_and_an_unchanged_one_keeps_its_history():
    d = deadline()
    schedule = Schedule([d], LEADS)
    fired: set = set()
    schedule.take_due(d.due_at - 24 * H, fired)
    # rule AE-3: the buyer modified the dispute, the clock restarts 2 days later.
    moved = replace(d, due_at=d.due_at + timedelta(days=2))
    again = Schedule([moved], LEADS)
    kept = again.keep_known(fired)
    assert kept == set()
    assert again.next_wake(kept) == moved.due_at - 24 * H
    same = Schedule([d], LEADS)
    assert same.next_wake(same.keep_known(fired)) == d.due_at - 4 * H


def test_platform_step_one_second_after_due_even_for_a_deadline_already_missed():
    # rule AE-3: at due + 1 s the platform carries out the buyer's proposal.
    d = deadline()
    missed = replace(d, case_id="D-2", state="missed", due_at=T0 - H)
    schedule = Schedule([d, missed], LEADS, PLATFORM_KINDS)
    fired = schedule.passed_alerts(T0)
    first = schedule.take_due(T0, fired)
    assert [(s.step, s.deadline.case_id) for s in first] == [(PLATFORM, "D-2")]
    assert schedule.next_wake(fired) == d.due_at - 24 * H
    last = schedule.take_due(d.due_at + SEC, fired)
    assert [s.step for s in last] == [DUE, PLATFORM]
    assert last[1].fire_at == d.due_at + SEC


def test_lead_times_drop_zero_negative_and_repeats():
    assert lead_times([1, 24, 4, 4, 0, -3]) == [24 * H, 4 * H, H]


instants = st.lists(st.integers(min_value=0, max_value=8 * 24 * 3600), min_size=1,
                    max_size=40)


@given(instants, st.lists(st.integers(min_value=0, max_value=6 * 24), min_size=1, max_size=5))
def test_no_alert_twice_and_every_due_alert_once_whatever_the_clock_does(offsets, dues):
    # Clock readings jump forward and back in any order; nothing is ever repeated, and once
    # the clock has passed a deadline's due instant its last alert has been given.
    items = [deadline(T0 + h * H, case=f"D-{i}") for i, h in enumerate(dues)]
    schedule = Schedule(items, LEADS)
    readings = [T0 + s * SEC for s in offsets]
    taken = run(schedule, readings)
    keys = [s.key for _, s in taken]
    assert len(keys) == len(set(keys))
    assert all(s.fire_at <= at for at, s in taken)
    latest = max(readings)
    for d in items:
        got_due = [s for _, s in taken if s.deadline == d and s.step == DUE]
        assert len(got_due) == (1 if d.due_at <= latest else 0)


@given(instants)
def test_next_wake_is_the_earliest_step_not_taken(offsets):
    items = [deadline(T0 + 30 * H, case="D-1"), deadline(T0 + 100 * H, case="D-2")]
    schedule = Schedule(items, LEADS)
    fired: set = set()
    for offset in offsets:
        schedule.take_due(T0 + offset * SEC, fired)
        wake = schedule.next_wake(fired)
        remaining = [s.fire_at for s in schedule.steps if s.key not in fired]
        assert wake == (min(remaining) if remaining else None)


def test_summary_counts_what_is_due_today_in_the_reps_zone():
    shanghai = ZoneInfo("Asia/Shanghai")
    now = utc(2026, 3, 2, 2, 0, 0)                     # 10:00 in Shanghai
    items = [deadline(utc(2026, 3, 2, 15, 0, 0), case=f"D-{i}") for i in range(3)]
    items += [deadline(utc(2026, 3, 2, 16, 0, 0), case="D-9"),      # 00:00 next day there
              deadline(utc(2026, 3, 2, 1, 0, 0), case="A-1", subject="aftersales",
                       kind="seller_action", rule="TB-3", state="missed"),
              deadline(utc(2026, 3, 2, 3, 0, 0), case="D-7", rule="AE-4",
                       kind="staff_intervene", informational=True)]
    assert due_summary(items, now, shanghai) == \
        "3 disputes need a response today; 1 after-sales request is overdue."
    assert due_summary([], now, shanghai) == "Nothing is due today."


def test_local_day_ends_at_local_midnight_across_a_dst_change():
    la = ZoneInfo("America/Los_Angeles")
    # 2026-03-08 is the spring-forward day in Los Angeles: it lasts 23 hours.
    now = utc(2026, 3, 8, 9, 0, 0)                     # 01:00 PST
    assert end_of_local_day(now, la) == utc(2026, 3, 9, 7, 0, 0)   # 00:00 PDT
    assert end_of_local_day(now, timezone.utc) == utc(2026, 3, 9, 0, 0, 0)


def test_alert_payload_is_plain_data_for_the_window():
    d = deadline()
    step = Schedule([d], LEADS).take_due(d.due_at, set())[0]
    payload = alert_payload(step)
    assert payload["step"] == DUE and payload["case_id"] == "D-1" and payload["rule"] == "AE-3"
    assert payload["due_at"] == "2026-03-07T02:00:00Z"
    assert all(isinstance(v, (str, int, type(None))) for v in payload.values())
