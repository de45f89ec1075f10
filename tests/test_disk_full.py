"""A full disk (issue #20, defect 3): every write says "The disk holding … is full: free space
and try again", exit 2, no traceback, and nothing is half-written.

Two ways to fill the disk: SQLite's own page limit on the connection (PRAGMA
max_page_count: SQLITE_FULL, exactly as a full disk reports it to SQLite), set after the
database is opened so the unit of work itself meets it; and a real small file system
(a tmpfs of a few megabytes, filled up), where SQLite also meets the full disk while growing
its journal files.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli_commands
from app.cli import main
from app.db import close_database, open_database
from app.importers.samples import TB_CLASSIC, tb_classic_row, write_csv
from app.services.commerce import shops

ROOT = Path(__file__).resolve().parent.parent
FULL = "is full: free space and try again"


def _counts(path) -> dict:
    """Rows of every table (the whole content, as far as "half-written" goes)."""
    with sqlite3.connect(path) as connection:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%search%'")]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]
                for t in tables}


def _integrity(path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture
def no_room_to_grow(monkeypatch):
    """Every command's database may not grow past the pages it has when opened."""
    opening = cli_commands.open_database

    def opened_full(path, **kwargs):
        database = opening(path, **kwargs)
        pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
        database.execute_sql(f"PRAGMA max_page_count = {pages}")
        return database

    monkeypatch.setattr(cli_commands, "open_database", opened_full)


@pytest.fixture
def interchange(tmp_path) -> Path:
    """An interchange file with a demo's worth of data, from a database of its own."""
    source = tmp_path / "source.db"
    assert main(["--db", str(source), "demo", "--orders", "60"]) == 0
    target = tmp_path / "everything.json"
    assert main(["--db", str(source), "export", str(target)]) == 0
    return target


def test_every_big_write_on_a_full_disk_is_a_message_and_nothing_written(
        shop_db, tmp_path, capsys, interchange, no_room_to_grow):
    orders = write_csv(tmp_path / "orders.csv", TB_CLASSIC,
                       [tb_classic_row(f"T{n:010d}") for n in range(2000)])
    capsys.readouterr()
    before = _counts(shop_db)
    for command in (["import", "orders", str(orders), "--shop", "tb"],
                    ["demo", "--orders", "60"],
                    ["import", str(interchange)]):
        code = main(["--db", str(shop_db), *command])
        err = capsys.readouterr().err
        assert code == 2, (command, err)
        assert f"The disk holding {shop_db.parent} {FULL}" in err, command
        assert "cannot rollback" not in err and "Traceback" not in err
        assert _counts(shop_db) == before, command          # nothing half-written
    assert _integrity(shop_db) == "ok"


def test_the_window_shows_a_full_disk_as_the_usual_message(shop_db, qapp):
    from ui.errors import describe, is_expected
    database = open_database(shop_db)
    pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
    database.execute_sql(f"PRAGMA max_page_count = {pages}")
    try:
        with pytest.raises(Exception) as caught:
            shops.add_shop("ae", "aliexpress", "速卖通店" * 40, "America/Los_Angeles",
                           actor="x" * 4000)
        assert is_expected(caught.value)
        assert describe(caught.value) == (f"The disk holding {shop_db.parent} {FULL}. "
                                          "Nothing was saved.")
    finally:
        close_database()


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB file system of its own (tmpfs), unmounted afterwards."""
    if not sys.platform.startswith("linux"):
        pytest.skip("a tmpfs needs Linux")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"this test mounts a small tmpfs and needs root for it: {done.stderr}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _cli(*args) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_a_really_full_disk_small_and_big_writes(small_disk, tmp_path):
    path = small_disk / "afterdesk.db"
    assert _cli("--db", str(path), "shop", "add", "tb", "--platform", "taobao", "--name",
                "淘宝店", "--tz", "Asia/Shanghai").returncode == 0
    orders = write_csv(tmp_path / "orders.csv", TB_CLASSIC,
                       [tb_classic_row(f"T{n:010d}") for n in range(2000)])
    before = _counts(path)
    filler = small_disk / "filler"
    with open(filler, "wb", buffering=0) as handle:     # every byte the disk has left
        try:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()
        except OSError:
            pass
    assert shutil.disk_usage(small_disk).free < 4096
    for command in (["shop", "add", "ae", "--platform", "aliexpress", "--name", "速卖通店",
                     "--tz", "America/Los_Angeles"],
                    ["policy", "set", "taobao", "ship_within", "96"],
                    ["import", "orders", str(orders), "--shop", "tb"],
                    ["demo", "--orders", "60"],
                    ["export", str(small_disk / "everything.json")]):
        done = _cli("--db", str(path), *command)
        assert done.returncode == 2, (command, done.stderr)
        assert f"The disk holding {small_disk} {FULL}" in done.stderr, command
        assert "Traceback" not in done.stderr
    assert not (small_disk / "everything.json").exists()
    filler.unlink()
    assert _integrity(path) == "ok"
    assert _counts(path) == before                 # nothing half-written
    assert _cli("--db", str(path), "shop", "add", "ae", "--platform", "aliexpress",
                "--name", "速卖通店", "--tz", "America/Los_Angeles").returncode == 0
