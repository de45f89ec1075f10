"""P10b: the first sync of a mailbox into an empty shop (app.channels.sync.run_pass:
IMAP fetch, parsing, threading, the messaging service, the search index, the cursor)
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
import time
from pathlib import Path

from bench.figure import Figure, median

BUYERS = 300
FETCH_BATCH = 100           # as app.channels.mail.imap.FETCH_BATCH
USER = "rep@shop.test"


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


def _first_sync(port: int, path: Path) -> tuple[float, int]:
    from app.channels.account import add_account
    from app.channels.sync import run_pass
    from app.db import close_database, open_database
    from app.services.commerce.shops import add_shop
    from tests.mail_servers import PASSWORD
    open_database(path)
    try:
        add_shop("ae", "aliexpress", "AliExpress shop", "America/Los_Angeles")
        account = add_account("ae-mail", "ae", imap=f"127.0.0.1:{port}", smtp="127.0.0.1:1",
                              user=USER, password=PASSWORD, security="none",
                              poll_seconds=3600)
        began = time.perf_counter()
        result = run_pass(account)
        return time.perf_counter() - began, result.fetched
    finally:
        close_database()


def measure(scale, folder: Path) -> Figure:
    import keyring

    from tests.file_keyring import FileKeyring
    from tests.mail_servers import Dovecot
    folder.mkdir(parents=True, exist_ok=True)
    ring_before = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(folder / "keyring.json"))   # never the rep's keyring
    server = Dovecot.in_temporary_folder([USER]).start()
    try:
        _mailbox(server, scale.mails)
        syncs, floors, stored = [], [], 0
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
    return Figure(
        "P10b", "First mail sync",
        f"first sync of {scale.mails} mails into an empty shop (app.channels.sync.run_pass)",
        "the same mails fetched with imapclient alone (BODY.PEEK[], batches of "
        f"{FETCH_BATCH})", "s", median(syncs), median(floors), 1.5,
        runs=syncs, floor_runs=floors,
        details={"mails": scale.mails, "stored": stored, "fetched_alone": fetched,
                 "buyers": min(BUYERS, scale.mails),
                 "ms_per_mail": round(1000 * median(syncs) / max(1, scale.mails), 2)})
