"""Backups: a backup restored gives back exactly the data it was made from; the daily
backup keeps N; a restore keeps a copy of what it replaced; the command line does both."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from app import backup
from app.cli import main
from app.db import close_database, open_database
from app.demo import load_demo
from app.interchange import export_document
from app.services.commerce import shops

T = datetime(2027, 2, 8, 9, 0, 0)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    open_database(path)
    load_demo(orders_per_shop=60)
    close_database()
    return path


def document() -> dict:
    doc = export_document()
    doc.pop("exported_at", None)
    return doc


def test_a_restored_backup_gives_identical_data(home, demo_source, tmp_path):
    db_path = tmp_path / "afterdesk.db"
    db_path.write_bytes(demo_source.read_bytes())
    open_database(db_path)
    before = document()
    made = backup.create_backup(db_path, now=T)      # online, while the database is open
    assert made.parent == home / "data" / "backups" and made.name == "afterdesk-20270208-090000.db"

    shops.add_shop("later", "taobao", "A shop added after the backup", "Asia/Shanghai")
    assert document() != before
    close_database()

    safety = backup.restore_backup(made, db_path, now=T + timedelta(hours=1)).kept
    open_database(db_path)
    try:
        assert document() == before
        assert [s.key for s in shops.list_shops()].count("later") == 0
    finally:
        close_database()
    # what the restore replaced was kept: the shop added later is in it
    open_database(safety)
    try:
        assert "later" in [s.key for s in shops.list_shops()]
    finally:
        close_database()


def test_a_backup_is_one_self_contained_file(home, db, tmp_path):
    shops.add_shop("ae1", "aliexpress", "速卖通店", "America/Los_Angeles")
    out = backup.create_backup(tmp_path / "afterdesk.db", tmp_path / "copy.db")
    assert not (tmp_path / "copy.db-wal").exists()
    connection = sqlite3.connect(out)
    assert connection.execute("SELECT name FROM shop").fetchall() == [("速卖通店",)]
    connection.close()


def test_daily_backup_only_when_the_newest_is_a_day_old_and_keeps_n(home, db, tmp_path):
    db_path = tmp_path / "afterdesk.db"
    first = backup.backup_if_due(db_path, keep=3, now=T)
    assert first is not None
    assert backup.backup_if_due(db_path, keep=3, now=T + timedelta(hours=12)) is None
    for days in (1, 2, 3, 4):
        assert backup.backup_if_due(db_path, keep=3, now=T + timedelta(days=days)) is not None
    kept = backup.list_backups()
    assert len(kept) == 3
    assert kept[0].name == "afterdesk-20270212-090000.db"              # the newest first
    assert first not in kept


def test_restoring_a_file_that_is_not_a_backup_changes_nothing(home, db, tmp_path):
    shops.add_shop("keep", "taobao", "店", "Asia/Shanghai")
    close_database()
    junk = tmp_path / "notes.db"
    junk.write_text("this is not a database", encoding="utf-8")
    with pytest.raises(backup.BackupError, match="not an AfterDesk backup"):
        backup.restore_backup(junk, tmp_path / "afterdesk.db")
    with pytest.raises(backup.BackupError, match="no file"):
        backup.restore_backup(tmp_path / "missing.db", tmp_path / "afterdesk.db")
    assert backup.list_backups() == []          # no safety copy either: nothing started
    open_database(tmp_path / "afterdesk.db")
    assert [s.key for s in shops.list_shops()] == ["keep"]


def test_backup_and_restore_from_the_command_line(home, tmp_path, capsys):
    db_path = str(tmp_path / "afterdesk.db")
    assert main(["--db", db_path, "shop", "add", "one", "--platform", "taobao",
                 "--name", "一号店", "--tz", "Asia/Shanghai"]) == 0
    out_file = tmp_path / "saved.db"
    assert main(["--db", db_path, "backup", "--out", str(out_file)]) == 0
    assert main(["--db", db_path, "shop", "add", "two", "--platform", "taobao",
                 "--name", "二号店", "--tz", "Asia/Shanghai"]) == 0
    capsys.readouterr()
    assert main(["--db", db_path, "restore", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "before" in out
    assert main(["--db", db_path, "shop", "list"]) == 0
    listing = capsys.readouterr().out
    assert "一号店" in listing and "二号店" not in listing
    assert main(["--db", db_path, "restore", str(tmp_path / "nothing.db")]) == 2
    assert "no file" in capsys.readouterr().err


@pytest.mark.gui
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_day_s_backup_is_made_once_the_window_s_first_list_is_painted(home, qtbot,
                                                                          tmp_path):
    """The daily copy of the whole file is made in the background at start, after the
    inbox the rep is waiting for."""
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from ui.main import open_window
    settings = Settings(tmp_path / "settings.json")
    assert settings.get("backup.daily")                      # on unless the rep turns it off
    window = open_window(QApplication.instance(), tmp_path / "afterdesk.db", settings)
    qtbot.addWidget(window)
    assert backup.list_backups() == []                       # nothing before the first paint
    with qtbot.waitSignal(window.front_shown, timeout=5000):
        pass
    qtbot.waitUntil(lambda: len(backup.list_backups()) == 1, timeout=5000)
    window.close()
    close_database()


@pytest.mark.gui
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_restore_at_start_holds_the_monitor_and_the_day_s_backup_until_it_is_over(
        home, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from ui.main import open_window
    window = open_window(QApplication.instance(), tmp_path / "afterdesk.db",
                         Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.setEnabled(False)             # as a restore does, begun before the first paint
    with qtbot.waitSignal(window.front_shown, timeout=5000):
        pass
    qtbot.wait(700)
    assert window.monitor is None and backup.list_backups() == []
    window.setEnabled(True)              # the restore is over
    qtbot.waitUntil(lambda: window.monitor is not None and len(backup.list_backups()) == 1,
                    timeout=5000)
    window.close()
    close_database()
