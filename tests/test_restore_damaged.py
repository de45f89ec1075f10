"""`afterdesk restore FILE` brings a backup back over a damaged, unreadable or missing
database, keeping the damaged file aside; at start the window that finds the database
damaged offers the newest intact backup (issue #20, defect 2)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from app import backup
from app.cli import EXIT_ERROR, main
from app.db import close_database

JAN = datetime(2026, 1, 10, 9, 30, 0)
FEB = datetime(2026, 2, 10, 9, 30, 0)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def add_shop(db: Path, key: str) -> None:
    assert main(["--db", str(db), "shop", "add", key, "--platform", "taobao", "--name", key,
                 "--tz", "Asia/Shanghai"]) == 0


def shop_keys(db: Path, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["--db", str(db), "shop", "list", "--json"]) == 0
    return [shop["key"] for shop in json.loads(capsys.readouterr().out)]


def not_a_database(path: Path) -> None:
    """What SQLite calls 'file is not a database': the header is gone."""
    data = bytearray(path.read_bytes())
    data[:100] = b"\x00" * 100
    path.write_bytes(bytes(data))


def malformed(path: Path) -> None:
    """What SQLite calls 'database disk image is malformed': the schema page is garbage."""
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)
    path.write_bytes(bytes(data))


DAMAGE = {"not a database": not_a_database, "malformed": malformed}


def kept_aside(folder: Path) -> list[Path]:
    """The damaged databases set aside in `folder` (their WAL files not counted)."""
    return [p for p in folder.iterdir() if p.name.startswith("afterdesk.db.damaged-")
            and not p.name.endswith(backup.SIDE_FILES)]


def damaged_message(db: Path, capsys) -> str:
    capsys.readouterr()
    assert main(["--db", str(db), "cases"]) == EXIT_ERROR
    return capsys.readouterr().err


@pytest.mark.parametrize("damage", DAMAGE)
def test_restore_brings_a_backup_back_over_a_damaged_database(home, tmp_path, capsys, damage):
    db = tmp_path / "afterdesk.db"
    add_shop(db, "kept")
    saved = tmp_path / "saved.db"
    assert main(["--db", str(db), "backup", "--out", str(saved)]) == 0
    add_shop(db, "lost")
    DAMAGE[damage](db)
    assert damaged_message(db, capsys).startswith("afterdesk: ")      # exit 2, no traceback

    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    aside = kept_aside(tmp_path)
    assert len(aside) == 1 and f"kept aside as {aside[0]}" in out
    assert shop_keys(db, capsys) == ["kept"]
    assert backup.is_damaged(aside[0])                 # the damaged file, as it was
    with sqlite3.connect(db) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_stale_wal_of_the_damaged_file_moves_aside_with_it(home, tmp_path, capsys):
    db = tmp_path / "afterdesk.db"
    add_shop(db, "kept")
    saved = tmp_path / "saved.db"
    assert main(["--db", str(db), "backup", "--out", str(saved)]) == 0
    not_a_database(db)
    wal = tmp_path / "afterdesk.db-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 28)    # a WAL header a reader would try
    assert main(["--db", str(db), "restore", str(saved)]) == 0
    assert not wal.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith("-wal")
            and ".damaged-" in p.name]
    assert shop_keys(db, capsys) == ["kept"]


def test_restore_creates_a_missing_database(home, tmp_path, capsys):
    db = tmp_path / "afterdesk.db"
    add_shop(db, "kept")
    saved = tmp_path / "saved.db"
    assert main(["--db", str(db), "backup", "--out", str(saved)]) == 0
    new = tmp_path / "elsewhere" / "afterdesk.db"
    capsys.readouterr()
    assert main(["--db", str(new), "restore", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "before" not in out and "aside" not in out
    assert shop_keys(new, capsys) == ["kept"]


def test_a_damaged_backup_is_refused_and_the_damaged_database_stays(home, tmp_path, capsys):
    db = tmp_path / "afterdesk.db"
    add_shop(db, "one")
    not_a_database(db)
    broken = tmp_path / "broken.db"
    broken.write_bytes(db.read_bytes())
    before = db.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(broken)]) == EXIT_ERROR
    assert "nothing was changed" in capsys.readouterr().err
    assert db.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


def test_the_newest_backup_that_passes_integrity_check_is_chosen(home, tmp_path):
    db = tmp_path / "afterdesk.db"
    add_shop(db, "one")
    older = backup.create_backup(db, now=JAN)
    newer = backup.create_backup(db, now=FEB)
    backup.create_backup(db, now=datetime(2026, 3, 1), stem=backup.BEFORE_RESTORE)
    assert backup.newest_intact_backup() == newer
    malformed(newer)
    assert backup.newest_intact_backup() == older


# -- the window at start ----------------------------------------------------------------

def answer_offer(qtbot, button_text: str, seen: list) -> None:
    """Click `button_text` on the restore offer once it is up, keeping its text."""
    from PySide6.QtWidgets import QApplication

    def offer():
        box = QApplication.activeModalWidget()
        assert box is not None and box.objectName() == "damaged_database_offer"
        return box

    def click():
        box = qtbot.waitUntil(lambda: offer() is not None, timeout=10_000) or offer()
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, click)


@pytest.mark.gui
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
@pytest.mark.parametrize("damage", DAMAGE)
def test_the_window_offers_the_newest_intact_backup_and_restores_it(home, qtbot, tmp_path,
                                                                   monkeypatch, damage):
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.services.commerce import shops
    from app.settings import Settings
    from ui.main import open_window
    db = tmp_path / "afterdesk.db"
    add_shop(db, "kept")
    backup.create_backup(db, now=JAN)
    add_shop(db, "lost")
    DAMAGE[damage](db)
    told: list = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    seen: list = []
    answer_offer(qtbot, "Restore this backup", seen)
    window = open_window(QApplication.instance(), db, Settings(tmp_path / "settings.json"))
    assert window is not None
    qtbot.addWidget(window)
    assert "afterdesk-20260110-093000.db" in seen[0] and "2026-01-10 09:30" in seen[0]
    assert [s.key for s in shops.list_shops()] == ["kept"]
    aside = kept_aside(tmp_path)
    assert len(aside) == 1 and str(aside[0]) in told[0]
    window.close()
    close_database()


@pytest.mark.gui
def test_declining_the_offer_keeps_the_damaged_file_and_says_what_is_wrong(
        home, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from ui import errors
    from ui.main import open_window
    db = tmp_path / "afterdesk.db"
    add_shop(db, "kept")
    backup.create_backup(db, now=JAN)
    not_a_database(db)
    before = db.read_bytes()
    shown: list = []
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec",
                        lambda self: shown.append(self.text()) or 0)
    seen: list = []
    answer_offer(qtbot, "Do not restore", seen)
    assert open_window(QApplication.instance(), db, Settings(tmp_path / "settings.json")) is None
    assert len(seen) == 1 and len(shown) == 1 and "cannot be read" in shown[0]
    assert db.read_bytes() == before


@pytest.mark.gui
def test_without_an_intact_backup_the_rep_is_told_what_is_wrong(home, qtbot, tmp_path,
                                                                 monkeypatch):
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from ui import errors
    from ui.main import open_window
    db = tmp_path / "afterdesk.db"
    add_shop(db, "kept")
    malformed(backup.create_backup(db, now=JAN))
    not_a_database(db)
    shown: list = []
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec",
                        lambda self: shown.append(self.text()) or 0)
    assert open_window(QApplication.instance(), db, Settings(tmp_path / "settings.json")) is None
    assert len(shown) == 1 and "cannot be read" in shown[0]
