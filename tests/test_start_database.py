"""A window start on a database that can be used as it is reads its first screenful
without loading peewee (app.db.ready_as_is, plain_connection); every other database
takes the full way (upgrade, or a message saying what is wrong)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import db, migrations
from app.db import close_database, open_database, ready_as_is
from app.services.commerce import shops
from app.services.common import background

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def made(tmp_path):
    path = tmp_path / "afterdesk.db"
    open_database(path)
    shops.add_shop("ae", "aliexpress", "速卖通店", "America/Los_Angeles")
    close_database()
    yield path
    close_database()


def test_a_start_s_handle_is_made_on_first_use_pointing_at_the_checked_file(made,
                                                                         monkeypatch):
    """What a real start does: no handle exists when the file is checked; the first use
    (after the paint) makes one, already pointed at the file, that reads and writes."""
    monkeypatch.delitem(vars(db), "database")
    try:
        assert ready_as_is(made)
        assert "database" not in vars(db)            # nothing made by the check itself
        handle = db.database
        assert handle.database == str(made)
        assert [s.key for s in shops.list_shops()] == ["ae"]
        shops.add_shop("tb", "taobao", "淘宝店", "Asia/Shanghai")
        assert len(shops.list_shops()) == 2
    finally:
        made_here = vars(db).get("database")
        if made_here is not None and not made_here.is_closed():
            made_here.close()


def test_a_locked_database_is_not_waited_for_by_the_check(made):
    """The lock is let go while the check could still be waiting for it (within the
    database's busy timeout): a check that waited would then see a usable file. It does
    not wait, so it answers "not as it is" (the full way then waits and says so)."""
    import threading
    holder = sqlite3.connect(made, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(2.0, holder.rollback)
    release.start()
    try:
        assert not ready_as_is(made)
    finally:
        release.join()
        holder.close()


def test_a_current_writable_database_is_used_as_it_is(made):
    assert ready_as_is(made)
    assert db.checked_path() == str(made)
    assert [s.key for s in shops.list_shops()] == ["ae"]      # the handle points at it
    shops.add_shop("tb", "taobao", "淘宝店", "Asia/Shanghai")   # and may write
    close_database()
    assert db.checked_path() is None


@pytest.mark.parametrize("spoil", ["missing", "older", "newer", "damaged", "folder"])
def test_anything_else_takes_the_full_way(made, spoil):
    path = made
    if spoil == "missing":
        path = made.with_name("other.db")
    elif spoil in ("older", "newer"):
        connection = sqlite3.connect(made)
        if spoil == "older":
            connection.execute('DELETE FROM "schema_version" WHERE "version" = ?',
                               (migrations.LATEST,))
        else:
            connection.execute('INSERT INTO "schema_version" VALUES (?, ?, ?)',
                               (migrations.LATEST + 1, "from the future", "2030-01-01T00:00:00Z"))
        connection.commit()
        connection.close()
    elif spoil == "damaged":
        made.write_bytes(b"this is not a database" * 100)
    elif spoil == "folder":
        path = made.with_name("a-folder.db")
        path.mkdir()
    assert not ready_as_is(path)
    assert db.checked_path() is None
    if spoil == "missing":
        assert not path.exists()                      # nothing created by the check


def test_the_inbox_reads_through_a_plain_connection_until_peewee_is_wanted(made):
    seen = []
    ready_as_is(made)
    background.run_plain_read(lambda reader=None: seen.append(reader))
    assert isinstance(seen[0], sqlite3.Connection)
    # What the read asks of the handle meanwhile (a short inbox: its filter choices) leaves
    # no connection open on the pool thread.
    import threading
    left_open = []

    def through_the_handle(reader=None):
        shops.list_shops()
        return db.database

    def on_a_pool_thread():
        handle = background.run_plain_read(through_the_handle)
        left_open.append(not handle.is_closed())
    worker = threading.Thread(target=on_a_pool_thread)
    worker.start()
    worker.join()
    assert left_open == [False]
    close_database()
    open_database(made)
    background.run_plain_read(lambda reader=None: seen.append(reader))
    assert seen[1] is None                                        # the handle's way


def test_a_long_plain_read_gives_memory_back_as_the_handle_s_reads_do(made, monkeypatch):
    import time

    from app import heap
    given = []
    monkeypatch.setattr(heap, "give_back", lambda: given.append(True))
    ready_as_is(made)
    background.run_plain_read(lambda reader=None: None)
    assert given == []
    background.run_plain_read(lambda reader=None: time.sleep(background.GIVE_BACK_AFTER_S + 0.01))
    assert given == [True]


@pytest.mark.gui
def test_a_window_start_paints_its_first_rows_without_peewee(made, tmp_path):
    """In a process of its own (this one has loaded peewee long ago); an inbox longer
    than its first screenful (a shorter one brings its filter choices, and the models,
    with the first read)."""
    from datetime import timedelta

    from app.models import Conversation
    from tests.factories import T0, make_buyer, make_shop
    open_database(made)
    shop = make_shop("tb", platform="taobao")
    buyer = make_buyer(shop, "wang")
    for n in range(50):
        Conversation.create(shop=shop, buyer=buyer, channel="im", created_at=T0,
                            last_message_at=T0 + timedelta(minutes=n))
    close_database()
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from app.settings import Settings
        from ui.main import application, open_window
        app = application(["afterdesk"])
        window = open_window(app, {str(made)!r}, Settings(Path({str(tmp_path)!r}) / "s.json"))
        page = window.pages["conversations"]
        seen = []
        def painted():
            if not seen:
                seen.append(("peewee" in sys.modules, "app.models" in sys.modules))
                app.quit()
        page.message.painted.connect(lambda: not page.is_loading and painted())
        page.view.painted.connect(lambda: page.model.rowCount() and painted())
        app.exec()
        print(seen[0])
        window.close()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               AFTERDESK_HOME=str(tmp_path / "home"))
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "(False, False)"
