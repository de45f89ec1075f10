"""`afterdesk account …`, `afterdesk sync`, `afterdesk outbox` as a rep or a script uses
them, against the real servers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.cli import main
from app.db import close_database, open_database
from tests.mail_servers import PASSWORD, buyer_mail

pytest_plugins = ("tests.mail_fixtures",)   # dovecot, mailbox, smtp_server, ring, account


def run(capsys, *args, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shop_db(tmp_path):
    path = tmp_path / "cli.db"
    open_database(path)
    from tests.factories import make_shop
    make_shop("ae")
    close_database()
    return str(path)


def _add(capsys, monkeypatch, shop_db, dovecot, smtp_server, user, password=PASSWORD):
    return run(capsys, "--db", shop_db, "account", "add", "ae-mail", "--shop", "ae",
               "--kind", "mail", "--imap", f"127.0.0.1:{dovecot.port}",
               "--smtp", f"127.0.0.1:{smtp_server.port}", "--user", user,
               "--password-stdin", "--security", "none", stdin=password + "\n",
               monkeypatch=monkeypatch)


def test_add_list_test_sync_outbox_remove(capsys, monkeypatch, shop_db, dovecot, mailbox,
                                          smtp_server, ring):
    code, out, err = _add(capsys, monkeypatch, shop_db, dovecot, smtp_server, mailbox)
    assert code == 0, err
    assert PASSWORD in ring.read_text()
    assert PASSWORD.encode() not in Path(shop_db).read_bytes()
    code, out, _ = run(capsys, "--db", shop_db, "account", "test", "ae-mail")
    assert code == 0 and "accepted the login" in out
    raw, _ = buyer_mail()
    dovecot.append(raw, user=mailbox)
    code, out, _ = run(capsys, "--db", shop_db, "sync", "--once")
    assert code == 0 and "ae-mail: 1 new, 0 sent" in out
    code, out, _ = run(capsys, "--db", shop_db, "account", "list", "--json")
    [row] = json.loads(out)
    assert row["state"] == "connected" and row["last_sync_at"]
    open_database(shop_db)
    try:
        from app.channels.outbox import queue_reply
        from app.models import Conversation
        queue_reply(Conversation.get().id, "On its way.")
    finally:
        close_database()
    code, out, _ = run(capsys, "--db", shop_db, "outbox", "--json")
    [item] = json.loads(out)
    assert item["state"] == "queued" and item["channel"] == "email"
    run(capsys, "--db", shop_db, "sync", "--once", "--account", "ae-mail")
    code, out, _ = run(capsys, "--db", shop_db, "outbox", "--json")
    [item] = json.loads(out)
    assert item["state"] == "sent" and item["message_id"]
    assert len(smtp_server.received) == 1
    code, out, _ = run(capsys, "--db", shop_db, "account", "remove", "ae-mail")
    assert code == 0 and PASSWORD not in ring.read_text()
    code, out, _ = run(capsys, "--db", shop_db, "account", "list")
    assert "no account yet" in out


def test_a_wrong_password_is_exit_2_in_words(capsys, monkeypatch, shop_db, dovecot, mailbox,
                                             smtp_server, ring):
    _add(capsys, monkeypatch, shop_db, dovecot, smtp_server, mailbox, password="wrong")
    code, _, err = run(capsys, "--db", shop_db, "account", "test", "ae-mail")
    assert code == 2 and "refused the user name or password" in err
    code, _, err = run(capsys, "--db", shop_db, "sync", "--once")
    assert code == 2 and "refused the user name or password" in err
    code, out, _ = run(capsys, "--db", shop_db, "account", "list")
    assert "auth_failed" in out


def test_bad_input_writes_nothing(capsys, shop_db, ring):
    code, _, err = run(capsys, "--db", shop_db, "account", "add", "x", "--shop", "ae",
                       "--imap", "imap.example.com", "--smtp", "smtp.example.com:587",
                       "--user", "a@b.c")
    assert code == 2 and "HOST:PORT" in err
    code, _, err = run(capsys, "--db", shop_db, "account", "add", "x", "--shop", "ae",
                       "--imap", "imap.example.com:143", "--smtp", "smtp.example.com:25",
                       "--user", "a@b.c", "--security", "none")
    assert code == 2 and "readable" in err
    code, _, err = run(capsys, "--db", shop_db, "account", "test", "nope")
    assert code == 2 and "no account with the key 'nope'" in err
    code, out, _ = run(capsys, "--db", shop_db, "account", "list", "--json")
    assert json.loads(out) == []
