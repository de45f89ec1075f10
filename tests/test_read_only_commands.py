"""Commands that only read open the database read-only (issue #20, defect 5): no migration, no
write probe; they work on a file nobody may write and while another program holds the write
lock; an older schema is told to upgrade instead of being upgraded behind the rep's back."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess

import pytest

from app.cli import main
from app.migrations import LATEST

READING = [
    ["cases", "--json"],
    ["deadlines", "--json", "--all"],
    ["search", "退款"],
    ["report", "--json"],
    ["evidence", "status", "--case", "D-1"],
    ["about"],
    ["shop", "list"],
    ["calendar", "list"],
    ["policy", "show", "taobao"],
]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "afterdesk.db"
    assert main(["--db", str(path), "demo", "--orders", "60"]) == 0
    assert main(["--db", str(path), "search", "退款"]) == 0     # the search index caught up
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    path = tmp_path / "afterdesk.db"
    shutil.copy(demo_file, path)
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys, path, command) -> tuple[int, str, str]:
    code = main(["--db", str(path), *command])
    out, err = capsys.readouterr()
    return code, out, err


def _immutable(path, on: bool) -> None:
    done = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.fail(f"this test makes a file immutable (chattr, as root): {done.stderr}")


def test_reading_commands_work_on_a_file_nobody_may_write(demo_db, tmp_path, capsys):
    before = _digest(demo_db)
    _immutable(demo_db, True)
    try:
        for command in READING + [["export", str(tmp_path / "all.json")]]:
            code, out, err = _run(capsys, demo_db, command)
            assert code == 0, (command, err)
            assert err == "", command
        cases = json.loads(_run(capsys, demo_db, ["cases", "--json"])[1])
        assert len(cases) > 10
        code, _, err = _run(capsys, demo_db, ["shop", "add", "x", "--platform", "taobao",
                                              "--name", "x", "--tz", "Asia/Shanghai"])
        assert code == 2 and "read-only" in err          # a write still says why not
    finally:
        _immutable(demo_db, False)
    assert _digest(demo_db) == before
    assert json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["shops"]


def test_reading_commands_do_not_wait_for_another_programs_write(demo_db, capsys):
    other = sqlite3.connect(demo_db, isolation_level=None)
    assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)   # readers not blocked
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE \"shop\" SET \"name\" = \"name\" || ' (renamed)'")
    try:
        for command in READING:
            code, out, err = _run(capsys, demo_db, command)
            assert code == 0, (command, err)
        shops = _run(capsys, demo_db, ["shop", "list"])[1]
        assert "(renamed)" not in shops                  # the other's write is not done yet
    finally:
        other.execute("COMMIT")
        other.close()
    assert "(renamed)" in _run(capsys, demo_db, ["shop", "list"])[1]


def test_an_older_schema_is_told_to_upgrade_and_left_as_it_is(demo_db, capsys):
    with sqlite3.connect(demo_db) as connection:
        connection.execute('DELETE FROM "schema_version" WHERE "version" = ?', (LATEST,))
    before = _digest(demo_db)
    for command in (["cases", "--json"], ["export", str(demo_db.parent / "x.json")]):
        code, out, err = _run(capsys, demo_db, command)
        assert code == 2
        assert "needs an upgrade: run `afterdesk init`" in err
        assert "Traceback" not in err
    assert _digest(demo_db) == before
    assert not (demo_db.parent / "x.json").exists()


def test_a_newer_schema_is_refused_with_the_usual_words(demo_db, capsys):
    with sqlite3.connect(demo_db) as connection:
        connection.execute('INSERT INTO "schema_version" VALUES (?, ?, ?)',
                           (LATEST + 1, "from the future", "2030-01-01T00:00:00Z"))
    code, _, err = _run(capsys, demo_db, ["cases"])
    assert code == 2 and "newer AfterDesk" in err


def test_a_missing_file_is_made_as_before(tmp_path, capsys):
    path = tmp_path / "new" / "afterdesk.db"
    code, out, _ = _run(capsys, path, ["cases", "--json"])
    assert code == 0 and json.loads(out) == []
    assert path.is_file()


def test_a_search_whose_index_lags_catches_up_then_finds(demo_db, capsys):
    with sqlite3.connect(demo_db) as connection:
        connection.execute('DELETE FROM "message_search"')
    code, out, err = _run(capsys, demo_db, ["search", "退款"])
    assert code == 0, err
    assert "退款" in out


def test_a_folder_name_with_spaces_chinese_and_a_hash_opens_read_only(demo_file, tmp_path,
                                                                      capsys):
    """The read-only opening goes through an SQLite URI: the file's path is quoted in it."""
    path = tmp_path / "店铺 数据#1" / "afterdesk.db"
    path.parent.mkdir()
    shutil.copy(demo_file, path)
    before = _digest(path)
    code, out, err = _run(capsys, path, ["shop", "list"])
    assert code == 0, err
    assert "tb-demo" in out
    assert _digest(path) == before
