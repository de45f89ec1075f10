"""Writes wait their turn (issue #20, defect 1): a unit of work takes the write lock at its
start, so a write by another program in the meantime makes it wait, not fail; a lock held
longer than the wait is "AfterDesk is busy writing: try again", never a traceback."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from app import db as app_db
from app.cli import main
from app.db import close_database, open_database
from app.importers.samples import TB_CLASSIC, tb_classic_row, write_csv
from app.models import Order, Shop
from app.services.commerce import shops


def _other_program(path) -> sqlite3.Connection:
    """Another program's connection to the same file (no waiting of its own)."""
    return sqlite3.connect(str(path), timeout=0, isolation_level=None, check_same_thread=False)


def _orders_file(tmp_path, count: int = 300):
    return write_csv(tmp_path / "orders.csv", TB_CLASSIC,
                     [tb_classic_row(f"T{n:010d}") for n in range(count)])


def test_a_unit_of_work_holds_the_write_lock_from_its_first_read(shop_db):
    database = open_database(shop_db)
    other = _other_program(shop_db)
    try:
        with database.atomic():
            assert Shop.select().count() == 1          # only a read so far
            with pytest.raises(sqlite3.OperationalError) as refused:
                other.execute("UPDATE \"shop\" SET \"name\" = 'x'")
            assert refused.value.sqlite_errorname == "SQLITE_BUSY"
        assert other.execute("SELECT COUNT(*) FROM \"shop\"").fetchone() == (1,)
    finally:
        other.close()
        close_database()


def test_an_import_waits_while_another_program_writes_then_imports(shop_db, tmp_path,
                                                                   capsys, monkeypatch):
    """The soak's failure: another program writes while the import's transaction begins,
    and commits once the import has read, before it writes. Taking the lock at its start,
    the import waits for that commit instead (it reads after it), then runs."""
    from app.services.commerce import order_imports
    export = _orders_file(tmp_path)
    assert main(["--db", str(shop_db), "import", "orders", str(export), "--shop", "tb"]) == 0
    export = _orders_file(tmp_path, 400)       # a re-import: 300 known orders, 100 new
    other = _other_program(shop_db)
    read_in_transaction = threading.Event()

    def commit_after_that_read():
        read_in_transaction.wait(1.0)       # the import has read (or waits for the lock)
        other.execute("COMMIT")

    releaser = threading.Thread(target=commit_after_that_read)
    database = app_db.database
    begin = database.begin

    def begin_while_another_writes(*args, **kwargs):
        if releaser.ident is None:          # the first transaction of the import
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE \"shop\" SET \"name\" = '淘宝店 2'")
            releaser.start()
        return begin(*args, **kwargs)

    plan_orders = order_imports.plan_orders

    def planning(*args, **kwargs):
        plan = plan_orders(*args, **kwargs)
        if database.in_transaction():
            read_in_transaction.set()
            releaser.join()                 # the other program has committed now
        return plan

    monkeypatch.setattr(database, "begin", begin_while_another_writes)
    monkeypatch.setattr(order_imports, "plan_orders", planning)
    try:
        code = main(["--db", str(shop_db), "import", "orders", str(export), "--shop", "tb"])
    finally:
        if releaser.is_alive():
            releaser.join()
        other.close()
    captured = capsys.readouterr()
    assert code == 0, captured.err
    open_database(shop_db)
    try:
        assert Order.select().count() == 400
        assert Shop.get().name == "淘宝店 2"          # the other program's write is kept too
    finally:
        close_database()


def test_a_lock_held_past_the_wait_is_a_message_and_nothing_written(shop_db, tmp_path,
                                                                    capsys, monkeypatch):
    monkeypatch.setitem(app_db.PRAGMAS, "busy_timeout", 200)
    export = _orders_file(tmp_path, 20)
    other = _other_program(shop_db)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE \"shop\" SET \"name\" = '淘宝店 2'")
    try:
        for command in (["import", "orders", str(export), "--shop", "tb"],
                        ["shop", "add", "ae", "--platform", "aliexpress", "--name", "速卖通",
                         "--tz", "America/Los_Angeles"],
                        ["policy", "set", "taobao", "ship_within", "96"]):
            code = main(["--db", str(shop_db), *command])
            err = capsys.readouterr().err
            assert code == 2, command
            assert "AfterDesk is busy writing" in err and "try again" in err
            assert "Traceback" not in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    with sqlite3.connect(shop_db) as check:
        assert check.execute("SELECT COUNT(*) FROM \"orders\"").fetchone() == (0,)
        assert check.execute("SELECT COUNT(*) FROM \"shop\"").fetchone() == (1,)


@pytest.mark.gui
def test_the_window_shows_a_busy_database_as_the_usual_message(shop_db, monkeypatch, qapp):
    from ui.errors import describe, is_expected
    monkeypatch.setitem(app_db.PRAGMAS, "busy_timeout", 100)
    open_database(shop_db)
    other = _other_program(shop_db)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(Exception) as caught:
            shops.add_shop("ae", "aliexpress", "速卖通", "America/Los_Angeles")
    finally:
        other.execute("ROLLBACK")
        other.close()
        close_database()
    assert is_expected(caught.value)
    assert describe(caught.value).startswith("AfterDesk is busy writing: try again")


def test_two_upgrades_at_once_apply_each_migration_once(tmp_path):
    """Two programs opening an old database together: the second waits for the first's
    migration, then finds it done (the version is read again under the write lock)."""
    from app import migrations
    path = tmp_path / "afterdesk.db"
    first = open_database(path, migrate=False)
    with first.atomic():
        migrations.current_version(first)
    close_database()
    other = _other_program(path)
    other.execute("BEGIN IMMEDIATE")            # holds the lock while the upgrade starts
    release = threading.Timer(0.3, other.execute, ("COMMIT",))
    release.start()
    try:
        open_database(path)
    finally:
        release.join()
        other.close()
    assert migrations.stored_version(app_db.database) == migrations.LATEST
    close_database()
