"""IMAP: new mail in the chosen folders, the Sent folder (a copy of every answer, and the
proof that an answer went), and IDLE (the server says when mail arrives).

Uses `imapclient`. Mails are fetched with BODY.PEEK[]: reading them in AfterDesk does not
mark them read in the rep's other mail programs; FETCH_BATCH at a time, the next batch
asked for (on a thread of the pass) while the sync stores the one before.
"""

from __future__ import annotations

import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from functools import partial
from typing import Callable, Iterator

from app.channels import states
from app.channels.errors import ChannelProblem, classify, problem, wrong_password

PENDING_FLAG = "$AfterDeskSubmitting"   # on the Sent copy until the SMTP server took the mail
FETCH_BATCH = 100
TIMEOUT = 60.0


def connect(settings: dict, password: str | None):
    """A logged-in IMAPClient, or a ChannelProblem."""
    import imapclient
    from imapclient.exceptions import LoginError
    host, port, security = settings["imap_host"], settings["imap_port"], settings["security"]
    if password is None:
        raise problem(states.AUTH_FAILED, "no_password", retry=False)
    try:
        client = imapclient.IMAPClient(host, port, ssl=security == "tls",
                                       ssl_context=ssl.create_default_context(),
                                       timeout=TIMEOUT)
    except Exception as exc:  # noqa: BLE001 - classified for the rep
        raise classify(exc, host) from exc
    try:
        if security == "starttls":
            client.starttls(ssl.create_default_context())
        client.login(settings["user"], password)
    except LoginError as exc:
        _quietly(client.logout)
        raise wrong_password(host, exc) from exc
    except Exception as exc:  # noqa: BLE001
        _quietly(client.shutdown)
        raise classify(exc, host) from exc
    return client


def _quietly(action) -> None:
    try:
        action()
    except Exception:  # noqa: BLE001 - closing a connection that is going away anyway
        pass


class Mailbox:
    """One IMAP connection of an account, for one sync pass."""

    def __init__(self, settings: dict, password: str | None):
        self.settings = settings
        self.host = settings["imap_host"]
        self.client = connect(settings, password)
        self._sent: str | None = None

    def close(self) -> None:
        _quietly(self.client.logout)

    def can_idle(self) -> bool:
        return self.client.has_capability("IDLE")

    def _guard(self, action, *args):
        try:
            return action(*args)
        except ChannelProblem:
            raise
        except Exception as exc:  # noqa: BLE001 - classified for the rep
            raise classify(exc, self.host) from exc

    # --- inbound --------------------------------------------------------------------------
    def new_mail(self, folder: str, cursor: dict
                 ) -> Iterator[tuple[int, int, bytes, datetime]]:
        """(uidvalidity, uid, raw mail, arrival) of each mail after `cursor`, oldest first.
        A folder whose UIDVALIDITY changed is read again from its start (the channel ids
        keep what is stored already from being stored twice)."""
        selected = self._guard(self.client.select_folder, folder, True)
        validity = int(selected.get(b"UIDVALIDITY", 0))
        last = int(cursor.get("last_uid", 0)) if cursor.get("uidvalidity") == validity else 0
        uids = [u for u in self._guard(self.client.search, ["UID", f"{last + 1}:*"])
                if u > last]
        uids.sort()
        batches = [uids[start:start + FETCH_BATCH] for start in range(0, len(uids), FETCH_BATCH)]
        if not batches:
            return
        # The next batch is asked for while this one is stored: the server works meanwhile.
        # Only the fetching thread uses the connection until the last batch is in.
        fetching = ThreadPoolExecutor(1, thread_name_prefix="afterdesk-imap-fetch")
        fetch = partial(self._guard, self.client.fetch)
        what = ["BODY.PEEK[]", "INTERNALDATE"]
        try:
            pending = fetching.submit(fetch, batches[0], what)
            for number, batch in enumerate(batches):
                found = pending.result()
                if number + 1 < len(batches):
                    pending = fetching.submit(fetch, batches[number + 1], what)
                for uid in batch:
                    data = found.get(uid)
                    if data is None:
                        continue                     # expunged meanwhile
                    yield validity, uid, data.get(b"BODY[]") or b"", _arrival(data)
        finally:
            fetching.shutdown(wait=True)             # the connection is free again

    # --- the Sent folder ----------------------------------------------------------------------
    def sent_folder(self) -> str:
        if self._sent is None:
            from imapclient.imapclient import SENT
            found = self._guard(self.client.find_special_folder, SENT)
            if found is None:
                found = "Sent"
                if not self._guard(self.client.folder_exists, found):
                    self._guard(self.client.create_folder, found)
            self._sent = found
        return self._sent

    def find_sent(self, message_id: str) -> tuple[int, bool] | None:
        """(uid, still marked pending) of the Sent copy with this Message-ID, or None."""
        self._guard(self.client.select_folder, self.sent_folder())
        uids = self._guard(self.client.search, ["HEADER", "Message-ID", message_id])
        if not uids:
            return None
        uid = max(uids)
        flags = self._guard(self.client.get_flags, [uid]).get(uid, ())
        names = {f.decode() if isinstance(f, bytes) else f for f in flags}
        return uid, PENDING_FLAG in names

    def append_sent(self, raw: bytes, pending: bool = True) -> None:
        flags = [b"\\Seen"] + ([PENDING_FLAG.encode()] if pending else [])
        self._guard(self.client.append, self.sent_folder(), raw, flags,
                    datetime.now(timezone.utc))

    def settle_sent(self, message_id: str) -> None:
        """The SMTP server took the mail: its Sent copy is no longer pending."""
        found = self.find_sent(message_id)
        if found is not None:
            self._guard(self.client.remove_flags, [found[0]], [PENDING_FLAG.encode()])

    def drop_sent(self, message_id: str) -> None:
        """The mail did not go: its Sent copy goes too."""
        found = self.find_sent(message_id)
        if found is not None:
            self._guard(self.client.delete_messages, [found[0]])
            if self.client.has_capability("UIDPLUS"):
                self._guard(self.client.uid_expunge, [found[0]])
            else:
                self._guard(self.client.expunge)


def _arrival(data: dict) -> datetime:
    value = data.get(b"INTERNALDATE")
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.astimezone()
        return value.astimezone(timezone.utc)
    return datetime.now(timezone.utc)


class IdleWatcher(threading.Thread):
    """A connection of its own that waits in IMAP IDLE on one folder and calls `push` when
    the server says something changed. Ends by itself on any error (the runner then polls,
    and starts a new watcher after its next good pass); `stop` ends it at once."""

    RENEW = 25 * 60.0          # servers drop an IDLE after 30 minutes

    def __init__(self, settings: dict, password: str | None, push: Callable[[], None],
                 folder: str = "INBOX"):
        super().__init__(name=f"afterdesk-idle-{settings['user']}-{folder}", daemon=True)
        self.settings, self.password, self.push = settings, password, push
        self.folder = folder
        self._stopping = threading.Event()
        self._client = None
        self.ready = threading.Event()

    def stop(self) -> None:
        self._stopping.set()
        client = self._client
        if client is not None:
            _quietly(client.shutdown)        # wakes the blocked read

    def run(self) -> None:
        try:
            self._client = connect(self.settings, self.password)
            if self._stopping.is_set():
                return
            self._client.select_folder(self.folder, readonly=True)
            while not self._stopping.is_set():
                self._client.idle()
                self.ready.set()
                responses = self._client.idle_check(timeout=self.RENEW)
                self._client.idle_done()
                if responses and not self._stopping.is_set():
                    self.push()
        except Exception:  # noqa: BLE001 - the runner polls meanwhile
            pass
        finally:
            self.ready.set()
            if self._client is not None:
                _quietly(self._client.shutdown)


class FolderWatchers:
    """An IdleWatcher for each chosen folder (IDLE watches the one folder its connection has
    selected), seen by the runner as one watcher: alive while every one is; ready once
    every one waits; `stop` ends them all."""

    def __init__(self, settings: dict, password: str | None, push: Callable[[], None],
                 folders: list[str]):
        self.watchers = [IdleWatcher(settings, password, push, f) for f in folders]
        self.ready = _AllSet([w.ready for w in self.watchers])

    def start(self) -> None:
        for watcher in self.watchers:
            watcher.start()

    def stop(self) -> None:
        for watcher in self.watchers:
            watcher.stop()

    def is_alive(self) -> bool:
        return all(w.is_alive() for w in self.watchers)


class _AllSet:
    def __init__(self, events: list[threading.Event]):
        self.events = events

    def is_set(self) -> bool:
        return all(e.is_set() for e in self.events)

    def wait(self, timeout: float | None = None) -> bool:
        ends = None if timeout is None else time.monotonic() + timeout
        for event in self.events:
            left = None if ends is None else max(0.0, ends - time.monotonic())
            if not event.wait(left):
                return False
        return True
