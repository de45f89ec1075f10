"""The sync runner: one thread that syncs every channel account, built like the deadline
monitor (app.monitor.runner).

It runs a pass over each account that is due (app.channels.sync), then waits on a
condition until the next poll is due; a push (the server's IDLE news), a queued answer
(`notify_outbox`) or `stop` ends the wait at once. An account that failed waits longer
each time (RETRY_AFTER), its state says why ("offline", "wrong password"), and it
resumes by itself when the server answers again; one whose password was refused waits
for a new password (`notify_accounts`) or the longest retry. A single wait lasts at most
`max_sleep` seconds (a computer's sleep can stretch a long wait).

One runner per database at a time (app.channels.lease): two would send answers twice. On
a shop server every rep's AfterDesk starts one; the one holding the server's lease syncs
and sends, the others wait for it (trying every LEASE_RETRY_S) and take over when its
AfterDesk closes or loses the server. Results leave the thread through callbacks (the
window turns them into queued signals).
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from typing import Callable

from app.channels import sync
from app.channels.errors import ChannelProblem
from app.db import database

log = logging.getLogger("afterdesk.channels")

RETRY_AFTER = (10.0, 30.0, 60.0, 120.0, 300.0, 600.0)   # after failed passes, then the last
DEFAULT_MAX_SLEEP = 300.0
LEASE_RETRY_S = 30.0       # on a server: how often a waiting runner asks for the lease
_running: "weakref.WeakSet[ChannelRunner]" = weakref.WeakSet()


def notify_outbox() -> None:
    """An answer was queued: every running runner sends it now (cheap)."""
    for runner in list(_running):
        runner.wake()


def notify_accounts() -> None:
    """Accounts were added, removed or given a new password: try them now."""
    for runner in list(_running):
        runner.wake(reset=True)


class ChannelRunner(threading.Thread):
    def __init__(self, *, accounts: list[str] | None = None,
                 on_pass: Callable[[sync.PassResult], None] | None = None,
                 on_problem: Callable[[str, ChannelProblem], None] | None = None,
                 on_error: Callable[[str], None] | None = None,
                 retry_after=RETRY_AFTER, max_sleep: float = DEFAULT_MAX_SLEEP,
                 use_push: bool = True, monotonic=time.monotonic):
        super().__init__(name="afterdesk-sync-runner", daemon=True)
        self.only = set(accounts) if accounts else None
        self.on_pass, self.on_problem, self.on_error = on_pass, on_problem, on_error
        self.retry_after = tuple(retry_after)
        self.max_sleep = max_sleep
        self.use_push = use_push
        self.monotonic = monotonic
        self.passes = 0                          # passes run (for tests and the status)
        self.holds_lease = False                 # False: another AfterDesk syncs (a server)
        self._cond = threading.Condition()
        self._stopping = False
        self._requested = 0
        self._handled = 0
        self._sleeping = False
        self._due: dict[str, float] = {}         # account key -> when its next pass is due
        self._failures: dict[str, int] = {}
        self._pushed: set[str] = set()
        self._watchers: dict[str, threading.Thread] = {}

    # --- called from other threads ----------------------------------------------------
    def wake(self, account: str | None = None, reset: bool = False) -> None:
        """Run a pass now: over `account` (a push), else over every account that is not
        waiting after a failure (`reset`: those too)."""
        with self._cond:
            if account is not None:
                self._pushed.add(account)
            elif reset:
                self._failures.clear()
                self._due.clear()
            else:
                now = self.monotonic()
                for key in list(self._due):
                    if not self._failures.get(key):
                        self._due[key] = now
            self._requested += 1
            self._cond.notify_all()

    def stop(self, timeout: float = 2.0) -> bool:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        for watcher in list(self._watchers.values()):
            watcher.stop()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)
        return not self.is_alive()

    def wait_settled(self, timeout: float = 10.0) -> bool:
        """Wait until every request so far is handled and the thread sleeps again."""
        with self._cond:
            target = self._requested
            return self._cond.wait_for(
                lambda: (self._sleeping and self._handled >= target) or not self.is_alive(),
                timeout)

    def watching(self) -> list[str]:
        """The accounts whose push watcher is up and waiting for the server's news."""
        return [key for key, watcher in list(self._watchers.items())
                if watcher.is_alive() and getattr(watcher, "ready", None) is not None
                and watcher.ready.is_set()]

    # --- the thread ---------------------------------------------------------------------
    def run(self) -> None:
        from app.channels.lease import lease_for
        lease = lease_for()
        if not self._take(lease):
            with self._cond:
                self._cond.notify_all()
            return
        _running.add(self)
        try:
            self._loop(lease)
        except Exception as exc:  # noqa: BLE001 - reported, then the thread ends
            log.exception("the sync runner stopped")
            self._deliver(self.on_error, f"Mail sync stopped: {exc}")
        finally:
            _running.discard(self)
            for watcher in list(self._watchers.values()):
                watcher.stop()
            if not database.is_closed():
                database.close()
            lease.release()
            self.holds_lease = False
            with self._cond:
                self._sleeping = False
                self._cond.notify_all()

    def _take(self, lease) -> bool:
        """Hold `lease`. On one computer's file another holder is reported and this runner
        ends; on a server it waits for the lease (its holder syncs for every rep) until
        stopped. False when stopped or refused."""
        from app.channels.lease import Busy
        told = False
        while True:
            try:
                lease.acquire()
                self.holds_lease = True
                if told:
                    log.info("this AfterDesk now syncs the shop's accounts")
                return True
            except Busy as exc:
                if not lease.shared:
                    self._deliver(self.on_error, str(exc))
                    return False
                if not told:
                    log.info("another AfterDesk syncs the shop's accounts: waiting")
                    told = True
            except Exception as exc:  # noqa: BLE001 - the server away: asked again later
                log.warning("the sync lease could not be asked for: %s", exc)
            with self._cond:
                if self._stopping:
                    return False
                self._handled = self._requested
                self._sleeping = True
                self._cond.notify_all()
                self._cond.wait(LEASE_RETRY_S)
                self._sleeping = False
                if self._stopping:
                    return False

    def _loop(self, lease) -> None:
        while True:
            with self._cond:
                if self._stopping:
                    return
                seen = self._requested
                pushed, self._pushed = self._pushed, set()
            if not lease.still_held():      # on a server: lost with its connection
                self.holds_lease = False
                for watcher in list(self._watchers.values()):
                    watcher.stop()
                self._watchers.clear()
                if not self._take(lease):
                    return
            database.connect(reuse_if_open=True)
            try:
                keys = self._accounts()
                now = self.monotonic()
                for key in keys:
                    if self._stopping:
                        return
                    if key in pushed or self._due.get(key, 0.0) <= now:
                        self._pass(key)
            finally:
                database.close()      # asleep the thread holds no connection
            self._sleep(seen)

    def _accounts(self) -> list[str]:
        from app.channels.account import accounts
        from app.services.common.reps import may_write
        keys = [a.key for a in accounts() if self.only is None or a.key in self.only]
        if not may_write():     # a viewer's login stores no mail: a rep's AfterDesk does
            keys = []
        for gone in set(self._due) - set(keys):
            self._due.pop(gone, None)
            self._failures.pop(gone, None)
            watcher = self._watchers.pop(gone, None)
            if watcher is not None:
                watcher.stop()
        return keys

    def _pass(self, key: str) -> None:
        from app.channels.account import get_account
        account = get_account(key)
        watcher = self._watchers.get(key)
        wants_watcher = self.use_push and (watcher is None or not watcher.is_alive())
        try:
            result = sync.run_pass(account, push=(lambda: self.wake(key)) if wants_watcher
                                   else None)
        except ChannelProblem as problem:
            failures = self._failures.get(key, 0)
            self._failures[key] = failures + 1
            wait = (self.retry_after[min(failures, len(self.retry_after) - 1)]
                    if problem.retry else self.retry_after[-1])
            self._due[key] = self.monotonic() + wait
            self._deliver(self.on_problem, key, problem)
            return
        except Exception as exc:  # noqa: BLE001 - a bug: reported, tried again later
            log.exception("sync of %s failed", key)
            self._failures[key] = self._failures.get(key, 0) + 1
            self._due[key] = self.monotonic() + self.retry_after[-1]
            self._deliver(self.on_error, f"Mail sync of {key} failed: {exc}")
            return
        self.passes += 1
        self._failures.pop(key, None)
        poll = float(account.settings.get("poll_seconds", 120))
        self._due[key] = self.monotonic() + poll
        if result.watcher is not None:
            if watcher is not None:
                watcher.stop()          # what is left of the one it replaces
            self._watchers[key] = result.watcher
            result.watcher.start()
        self._deliver(self.on_pass, result)

    def _sleep(self, seen: int) -> None:
        with self._cond:
            if self._stopping or self._requested != seen or self._pushed:
                return
            self._handled = seen
            self._sleeping = True
            self._cond.notify_all()
            timeout = self.max_sleep
            if self._due:
                timeout = min(timeout, max(0.0, min(self._due.values()) - self.monotonic()))
            self._cond.wait(timeout + 0.01)
            self._sleeping = False

    def _deliver(self, callback, *values) -> None:
        if callback is None or self._stopping:
            return
        try:
            callback(*values)
        except Exception:  # noqa: BLE001 - a receiver's bug is logged, not fatal
            log.exception("sync runner callback failed")
