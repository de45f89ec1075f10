"""The deadline monitor: one thread that holds every pending deadline and sleeps until the
next instant that matters.

It loads the deadlines once (and again only when told the data changed, or after it
recorded a platform action), plans their steps (app.monitor.schedule) and waits on a
condition with a timeout until the earliest step. A change (`notify_changed`), a nudge
(`wake`) or `stop` ends the wait at once. After every wake it reads the injected clock
again, so a clock that jumped forward gives what became due, and one that jumped back
repeats nothing. A single wait lasts at most `max_sleep` seconds: the operating system
counts waits on a clock that may pause while the computer sleeps, so a long wait could
end late after a resume; re-reading the clock costs next to nothing.

One AfterDesk per shop database records the platform's actions: the one holding the
lease for it (app.channels.lease, PLATFORM_ACTIONS). The others give their rep the same
alerts; a platform step they cannot take waits, and is tried again (LEASE_RETRY), so
another AfterDesk takes over when the holder ends. What the holder records reaches them
through the change log (app.services.common.live_changes).

Results leave the thread through callbacks (the GUI turns them into queued signals).
Errors are logged on 'afterdesk.monitor' and handed to `on_error`; the thread keeps its
last plan and tries again later.
"""

from __future__ import annotations

import logging
import threading
import weakref
from datetime import datetime
from typing import Callable

from app import heap
from app.clock import UTC
from app.db import database, expected_problem
from app.monitor.schedule import PLATFORM, Schedule
from app.monitor.summary import alert_payload, due_summary
from app.services.common import change_notice

log = logging.getLogger("afterdesk.monitor")

DEFAULT_MAX_SLEEP = 300.0        # seconds; see the module notes
RETRY_AFTER = (30.0, 120.0, 600.0, 1800.0)   # after a failed load, then the last again
LEASE_RETRY = 60.0               # seconds before a platform step left to another is retried
_running: "weakref.WeakSet[DeadlineMonitor]" = weakref.WeakSet()


class SystemClock:
    """The computer's clock, UTC (sub-second, so waits end on time)."""

    def now(self) -> datetime:
        return datetime.now(UTC)


def notify_changed() -> None:
    """Tell every running monitor that cases changed (cheap; call after any write)."""
    for monitor in list(_running):
        monitor.notify_changed()


def _default_loader(at: datetime):
    from app.services.clocks.deadlines import deadlines_at
    # Informational clocks raise no alert and no platform step: not loaded at all.
    return deadlines_at(at, platform_clocks=False)


class DeadlineMonitor(threading.Thread):
    def __init__(self, *, lead_hours=(24, 4, 1), clock=None,
                 loader: Callable[[datetime], list] | None = None,
                 apply_rule: Callable | None = None, platform_kinds=frozenset(),
                 on_alert: Callable[[dict], None] | None = None,
                 on_error: Callable[[str], None] | None = None,
                 on_summary: Callable[[str], None] | None = None,
                 max_sleep: float = DEFAULT_MAX_SLEEP, use_database: bool = True,
                 summary_tz=None):
        super().__init__(name="afterdesk-deadline-monitor", daemon=True)
        self.lead_hours = list(lead_hours)
        self.clock = clock or SystemClock()
        self.loader = loader or _default_loader
        self.apply_rule = apply_rule          # None: platform actions are not recorded
        self.platform_kinds = frozenset(platform_kinds) if apply_rule else frozenset()
        self.on_alert, self.on_error, self.on_summary = on_alert, on_error, on_summary
        self.max_sleep = max_sleep
        self.use_database = use_database
        self.summary_tz = summary_tz
        self.schedule = Schedule([], self.lead_hours)
        self.fired: set = set()
        self.loads = 0                        # how many times the deadlines were loaded
        self._cond = threading.Condition()
        self._stopping = False
        self._changed = True                  # the first pass loads
        self._requested = 0                   # wake requests (changes, nudges)
        self._handled = 0                     # requests seen before the last sleep
        self._sleeping = False
        self._failures = 0
        self._connected = False               # this thread opened the connection
        self._lease = None                    # app.channels.lease.Lease while held
        self.left_to_another = 0              # platform steps another AfterDesk records
        self._waiting_for_lease = False

    # --- called from other threads ----------------------------------------------------
    def notify_changed(self) -> None:
        """The cases changed: reload and re-plan now."""
        with self._cond:
            self._changed = True
            self._requested += 1
            self._cond.notify_all()

    def _heard_change(self, change: change_notice.Change) -> None:
        """A write went through (app.services.common.change_notice): re-plan when it can
        move a deadline."""
        if change.touches(change_notice.DEADLINE_KINDS):
            self.notify_changed()

    def wake(self) -> None:
        """Read the clock again now (e.g. after a resume or a clock change)."""
        with self._cond:
            self._requested += 1
            self._cond.notify_all()

    def stop(self, timeout: float = 1.0) -> bool:
        """Ask the thread to end and wait up to `timeout` s; True when it has ended."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)
        return not self.is_alive()

    def wait_settled(self, timeout: float = 5.0) -> bool:
        """Wait until the thread has handled every request so far and sleeps again."""
        with self._cond:
            target = self._requested
            return self._cond.wait_for(
                lambda: (self._sleeping and self._handled >= target) or not self.is_alive(),
                timeout)

    @property
    def stopping(self) -> bool:
        return self._stopping

    # --- the thread ---------------------------------------------------------------------
    def run(self) -> None:
        _running.add(self)
        change_notice.subscribe(self._heard_change)
        try:
            self._loop()
        except Exception as exc:  # noqa: BLE001 - reported, then the thread ends
            self._report(exc, "the deadline monitor stopped")
        finally:
            _running.discard(self)
            change_notice.unsubscribe(self._heard_change)
            self._disconnect()
            if self._lease is not None:
                self._lease.release()
            with self._cond:
                self._sleeping = False
                self._cond.notify_all()

    def _loop(self) -> None:
        first = True
        retry: float | None = None
        while True:
            with self._cond:
                if self._stopping:
                    return
                reload = self._changed or retry is not None
                self._changed = False
                seen = self._requested
            self._connect()
            if reload:
                retry = self._reload(first)
                first = first and retry is not None
            self._step(self.clock.now())
            if self._waiting_for_lease and retry is None:
                retry = LEASE_RETRY     # load again then: the platform steps are tried anew
            # Asleep the thread holds no connection (nor its page cache): it may sleep
            # for hours, and a big shop's pages would stay in memory all that time.
            self._disconnect()
            if reload:
                heap.give_back()        # what planning freed, before a long sleep
            self._sleep(seen, retry)

    def _connect(self) -> None:
        if self.use_database and database.is_closed():
            database.connect(reuse_if_open=True)
            self._connected = True

    def _disconnect(self) -> None:
        if self._connected and not database.is_closed():
            database.close()
        self._connected = False

    def _reload(self, first: bool) -> float | None:
        """Load and re-plan; None when done, else the seconds to wait before retrying."""
        now = self.clock.now()
        try:
            items = self.loader(now)
        except Exception as exc:  # noqa: BLE001 - reported; the last plan stays
            delay = RETRY_AFTER[min(self._failures, len(RETRY_AFTER) - 1)]
            self._failures += 1
            self._report(exc, "deadlines could not be loaded")
            return delay
        self._failures = 0
        self.loads += 1
        schedule = Schedule(items, self.lead_hours, self.platform_kinds)
        fired = schedule.keep_known(self.fired)
        if self._waiting_for_lease:     # left to another AfterDesk: try them again
            fired = {key for key in fired if key[1] != PLATFORM}
            self._waiting_for_lease = False
        if first:
            fired |= schedule.passed_alerts(now)   # the summary speaks of those
            self._deliver(self.on_summary, due_summary(items, now, self.summary_tz))
        self.schedule, self.fired = schedule, fired
        log.debug("monitor planned %d steps of %d deadlines", len(schedule), len(items))
        return None

    def _step(self, now: datetime) -> None:
        """Give the alerts and record the platform actions due at `now`."""
        recorded = False
        for step in self.schedule.take_due(now, self.fired):
            if self._stopping:
                return
            if step.step == PLATFORM:
                recorded |= self._apply(step)
            else:
                self._deliver(self.on_alert, alert_payload(step))
        if recorded:
            with self._cond:
                self._changed = True            # the cases changed: plan them again
                self._requested += 1

    def _holds_lease(self) -> bool:
        """True when this AfterDesk records the platform's actions for the database (it
        holds the lease, or it takes it now); a database in memory is this process's own."""
        if not self.use_database:
            return True
        if self._lease is not None:
            if self._lease.still_held():
                return True
            self._lease = None          # lost with the server's connection: ask again
        from app.services.common.reps import may_write
        if not may_write():     # a viewer's login records nothing: a rep's AfterDesk does
            return False
        from app import db
        from app.channels.lease import PLATFORM_ACTIONS, Busy, lease_for
        path = str(database.database or "")
        if not db.on_server() and (not path or path == ":memory:" or path.startswith("file:")):
            return True
        try:
            self._lease = lease_for(PLATFORM_ACTIONS).acquire()
        except Busy:
            return False
        except OSError as exc:          # no lock file beside the database: act alone
            log.warning("no lease for the platform's actions (%s): recorded here", exc)
            return True
        except Exception as exc:  # noqa: BLE001 - the server away: asked again later
            log.warning("the lease for the platform's actions could not be asked for: %s", exc)
            return False
        log.info("this AfterDesk records the platform's actions of %s", path)
        return True

    def _apply(self, step) -> bool:
        if not self._holds_lease():
            self.left_to_another += 1
            self._waiting_for_lease = True
            return False
        try:
            outcome = self.apply_rule(step.deadline)
        except Exception as exc:  # noqa: BLE001 - reported; the step is not retried
            self._report(exc, f"the platform's action on {step.deadline.case_id} was not "
                              "recorded")
            return False
        if outcome is None:
            return False
        payload = alert_payload(step, outcome.text)
        payload["applied"] = outcome.applied
        self._deliver(self.on_alert, payload)
        return outcome.applied

    def _sleep(self, seen: int, retry: float | None) -> None:
        with self._cond:
            if self._stopping or self._changed or self._requested != seen:
                return   # something arrived meanwhile: go round again
            self._handled = seen
            self._sleeping = True
            self._cond.notify_all()
            self._cond.wait(self._timeout(retry))
            self._sleeping = False

    def _timeout(self, retry: float | None) -> float | None:
        """Seconds until the next step, a retry or `max_sleep`, whichever comes first;
        None (wait for a change only) when none of them is set."""
        limits = [self.max_sleep] if self.max_sleep else []
        if retry is not None:
            limits.append(retry)
        following = self.schedule.next_wake(self.fired)
        if following is not None:
            # A hundredth of a second late rather than early: an early wake finds nothing.
            limits.append(max(0.0, (following - self.clock.now()).total_seconds()) + 0.01)
        return min(limits) if limits else None

    # --- reporting ----------------------------------------------------------------------
    def _deliver(self, callback, value) -> None:
        if callback is None or self._stopping:
            return
        try:
            callback(value)
        except Exception as exc:  # noqa: BLE001 - a receiver's bug is reported, not fatal
            log.exception("monitor callback failed")
            if callback is not self.on_error:
                self._report(exc, "a deadline alert could not be shown")

    def _report(self, exc: BaseException, what: str) -> None:
        log.error("%s: %s", what, exc, exc_info=exc)
        problem = expected_problem(exc)     # busy, disk full…: what to do, not SQLite's words
        message = f"Deadline monitor: {what}: {problem or exc}"
        if self.on_error is not None and not self._stopping:
            try:
                self.on_error(message)
            except Exception:  # noqa: BLE001 - already logged above
                log.exception("monitor error callback failed")
