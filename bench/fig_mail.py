"""P10a: a mail appended on the server until its row is painted in the open window, with
the sync runner on IMAP IDLE (bench/mail_probe.py, a window process of its own), beside
the server's IDLE notice alone (an imapclient connection in IDLE seeing the new mail).

P10b: the first sync of a mailbox into an empty shop (app.channels.sync.run_pass:
IMAP fetch, parsing, threading, the batch written in bulk with the messaging service's
results (app.services.messaging.inbound_bulk), the search index, the cursor)
against fetching the same mails with the IMAP library alone (imapclient, same batches,
same server, same run).

The mails are buyers' mails on a real Dovecot on 127.0.0.1 (the one the tests start,
tests/mail_servers.py): one mailbox of `scale.mails` mails from a few hundred buyers, some
naming an order number. Each sync goes into a new, empty database; the mailbox is read
only (BODY.PEEK), so every repetition reads the same mails. Rounds alternate the sync and
its floor so both see the same load.
"""

from __future__ import annotations

import imaplib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.figure import VALUE, Figure, median

BUYERS = 300
FETCH_BATCH = 100           # as app.channels.mail.imap.FETCH_BATCH
USER = "rep@shop.test"
LIVE_USER = "live@shop.test"        # P10a's mailbox
ROOT = Path(__file__).resolve().parents[1]


def _mailbox(server, count: int) -> None:
    from tests.mail_servers import PASSWORD, buyer_mail
    client = imaplib.IMAP4("127.0.0.1", server.port)
    client.login(USER, PASSWORD)
    try:
        for n in range(count):
            order = f" Order {8000000000000000 + n}." if n % 3 == 0 else ""
            raw, _ = buyer_mail(subject=f"Parcel {n}",
                                body=f"Hello, my parcel has not arrived.{order}",
                                sender=f"Buyer {n % BUYERS} <b{n % BUYERS}@buyer.test>")
            client.append("INBOX", None, None, raw)
    finally:
        client.logout()


def _fetch_alone(port: int) -> int:
    import imapclient

    from tests.mail_servers import PASSWORD
    client = imapclient.IMAPClient("127.0.0.1", port, ssl=False)
    client.login(USER, PASSWORD)
    try:
        client.select_folder("INBOX", readonly=True)
        uids = sorted(client.search(["UID", "1:*"]))
        fetched = 0
        for start in range(0, len(uids), FETCH_BATCH):
            fetched += len(client.fetch(uids[start:start + FETCH_BATCH],
                                        ["BODY.PEEK[]", "INTERNALDATE"]))
        return fetched
    finally:
        client.logout()


_CPU: list[float] = []         # processor seconds of each first sync (this process only)


def _empty_database(path: Path) -> None:
    """A new database at `path` (a kept folder may hold one of an earlier run)."""
    from app.db import open_database
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    open_database(path)


def _first_sync(port: int, path: Path) -> tuple[float, int]:
    from app.channels.account import add_account
    from app.channels.sync import run_pass
    from app.db import close_database
    from app.services.commerce.shops import add_shop
    from tests.mail_servers import PASSWORD
    _empty_database(path)
    try:
        add_shop("ae", "aliexpress", "AliExpress shop", "America/Los_Angeles")
        account = add_account("ae-mail", "ae", imap=f"127.0.0.1:{port}", smtp="127.0.0.1:1",
                              user=USER, password=PASSWORD, security="none",
                              poll_seconds=3600)
        began, cpu = time.perf_counter(), time.process_time()
        result = run_pass(account)
        _CPU.append(time.process_time() - cpu)
        return time.perf_counter() - began, result.fetched
    finally:
        close_database()


def _idle_notice(port: int) -> float:
    """Seconds from an APPEND until a connection waiting in IDLE hears of it: the floor."""
    import imapclient

    from tests.mail_servers import PASSWORD, buyer_mail
    watcher = imapclient.IMAPClient("127.0.0.1", port, ssl=False)
    watcher.login(LIVE_USER, PASSWORD)
    watcher.select_folder("INBOX", readonly=True)
    watcher.idle()
    heard: list[float] = []
    listening = threading.Thread(target=lambda: (watcher.idle_check(timeout=30),
                                                 heard.append(time.perf_counter())))
    listening.start()
    raw, _ = buyer_mail(subject="IDLE floor")
    client = imaplib.IMAP4("127.0.0.1", port)
    client.login(LIVE_USER, PASSWORD)
    began = time.perf_counter()
    client.append("INBOX", None, None, raw)
    listening.join(35)
    client.logout()
    watcher.idle_done()
    watcher.logout()
    return heard[0] - began if heard else float("inf")


def _in_the_window(scale, port: int, folder: Path, ring: Path) -> list[float]:
    """P10a's rounds in a window process of its own (bench/mail_probe.py)."""
    from app.channels.account import add_account
    from app.db import close_database
    from app.services.commerce.shops import add_shop
    from tests.mail_servers import PASSWORD
    db_path = folder / "live.db"
    _empty_database(db_path)
    try:
        add_shop("ae", "aliexpress", "AliExpress shop", "America/Los_Angeles")
        add_account("ae-mail", "ae", imap=f"127.0.0.1:{port}", smtp="127.0.0.1:1",
                    user=LIVE_USER, password=PASSWORD, security="none", poll_seconds=3600)
    finally:
        close_database()
    home = folder / "live-home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ, AFTERDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "bench.mail_probe", "--db", str(db_path), "--port", str(port),
         "--user", LIVE_USER, "--password", PASSWORD, "--keyring", str(ring),
         "--mails", str(scale.mail_rounds)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"bench.mail_probe failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"]


def measure(scale, folder: Path) -> tuple[Figure, Figure]:
    """(P10a, P10b) on one Dovecot."""
    import keyring

    from tests.file_keyring import FileKeyring
    from tests.mail_servers import Dovecot
    folder.mkdir(parents=True, exist_ok=True)
    ring_before = keyring.get_keyring()
    ring = folder / "keyring.json"
    keyring.set_keyring(FileKeyring(ring))      # never the rep's keyring
    server = Dovecot.in_temporary_folder([USER, LIVE_USER]).start()
    try:
        window_runs = _in_the_window(scale, server.port, folder, ring)
        notices = [_idle_notice(server.port) for _ in range(max(1, scale.mail_rounds))]
        _mailbox(server, scale.mails)
        syncs, floors, stored = [], [], 0
        _CPU.clear()
        for round_ in range(max(1, scale.mail_repeats)):
            began = time.perf_counter()
            fetched = _fetch_alone(server.port)
            floors.append(time.perf_counter() - began)
            seconds, stored = _first_sync(server.port, folder / f"sync-{round_}.db")
            syncs.append(seconds)
    finally:
        server.stop()
        server.remove()
        keyring.set_keyring(ring_before)
    p10a = Figure(
        "P10a", "A new mail on screen",
        "a mail appended on the server until its row is painted in the open inbox (sync "
        "runner on IMAP IDLE; bench/mail_probe.py)",
        "the server's IDLE notice alone (an imapclient connection in IDLE)", "s",
        median(window_runs), median(notices), 2.0, VALUE, runs=window_runs,
        floor_runs=notices, details={"rounds": len(window_runs)})
    p10b = Figure(
        "P10b", "First mail sync",
        f"first sync of {scale.mails} mails into an empty shop (app.channels.sync.run_pass)",
        "the same mails fetched with imapclient alone (BODY.PEEK[], batches of "
        f"{FETCH_BATCH})", "s", median(syncs), median(floors), 1.5,
        runs=syncs, floor_runs=floors,
        details={"mails": scale.mails, "stored": stored, "fetched_alone": fetched,
                 "buyers": min(BUYERS, scale.mails),
                 "ms_per_mail": round(1000 * median(syncs) / max(1, scale.mails), 2),
                 "sync_cpu_s": round(median(_CPU), 3)})
    return p10a, p10b
