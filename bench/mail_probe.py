"""P10a from inside a window: a mail appended on the server until its row is painted in the
open inbox, with the sync runner on IMAP IDLE (the benchmark, bench/fig_mail.py, starts it).

    python -m bench.mail_probe --db PATH --port N --user U --password P --mails K

AFTERDESK_HOME (settings, logs) and the file keyring (bench/fig_mail.py) are the parent's.
The window opens as the rep's does (ui.main.open_window: the sync runner starts after the
first list); once the runner's IDLE watcher waits, each round appends a buyer's mail with
the standard library's IMAP client and times until the inbox has a row of that buyer and
has painted after it came. It prints one JSON line: {"seconds": [...]}.
"""

from __future__ import annotations

import argparse
import imaplib
import json
import os
import sys
import time
from pathlib import Path

LIMIT_S = 60.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    for name in ("--db", "--user", "--password", "--keyring"):
        parser.add_argument(name, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mails", type=int, default=5)
    args = parser.parse_args(argv)
    import keyring
    from tests.file_keyring import FileKeyring
    keyring.set_keyring(FileKeyring(Path(args.keyring)))
    from PySide6.QtCore import QEvent, QObject

    from app.settings import Settings
    from ui.main import application, open_window
    from ui.pages.conversations_page import ConversationsPage
    app = application(sys.argv[:1])
    settings = Settings(Path(os.environ["AFTERDESK_HOME"]) / "settings.json")
    settings.set("backup.daily", False)
    window = open_window(app, args.db, settings)
    window.resize(1366, 768)

    def wait(condition, limit=LIMIT_S) -> bool:
        ends = time.perf_counter() + limit
        while not condition():
            if time.perf_counter() > ends:
                return False
            app.processEvents()
            time.sleep(0.002)
        return True

    assert wait(lambda: window.channels is not None and window.channels.runner is not None
                and bool(window.channels.runner.watching())), "no IDLE watcher"
    page = window.findChild(ConversationsPage)

    def listed(login: str) -> bool:
        model = page.model
        for row in range(min(model.rowCount(), 20)):
            found = model.row_object(row)
            if found is not None and found.buyer_login == login:
                return True
        return False

    class Paints(QObject):
        """The first paint of the list that shows the awaited buyer's row."""
        login = ""
        at: float | None = None

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and self.at is None and self.login \
                    and listed(self.login):
                self.at = time.perf_counter()
            return False

    paints = Paints()
    page.view.viewport().installEventFilter(paints)
    seconds = []
    from tests.mail_servers import buyer_mail
    for n in range(args.mails):
        login = f"p10a-{n}@buyer.test"
        raw, _ = buyer_mail(subject=f"Round {n}", body="Has my parcel left?",
                            sender=f"Round {n} <{login}>")
        client = imaplib.IMAP4("127.0.0.1", args.port)
        client.login(args.user, args.password)
        paints.login, paints.at = login, None
        began = time.perf_counter()
        client.append("INBOX", None, None, raw)
        assert wait(lambda: paints.at is not None), f"mail {n} never painted"
        seconds.append(paints.at - began)
        client.logout()
        wait(lambda: False, 0.3)        # the runner back to IDLE
    print(json.dumps({"seconds": seconds}), flush=True)
    window.close()
    window.channels.stop(5.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
