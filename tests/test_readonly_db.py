"""A read-only database is found out when it is opened, with a message saying what to do.

The tests run as root here, where a file's permission bits do not stop writes. The file is
made immutable instead (`chattr +i`, which stops root too, like the Read-only attribute
on Windows stops everyone); where that is not possible the test is skipped.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from app.db import DatabaseError, close_database, open_database
from app.services.commerce import shops


def _immutable(path, on: bool) -> bool:
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    done = subprocess.run([chattr, "+i" if on else "-i", str(path)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def read_only_db(tmp_path):
    path = tmp_path / "afterdesk.db"
    open_database(path)
    shops.add_shop("ae", "aliexpress", "速卖通店", "America/Los_Angeles")
    close_database()
    if not _immutable(path, True):
        pytest.skip("cannot make a file immutable here (chattr +i)")
    yield path
    _immutable(path, False)
    close_database()


def test_opening_a_read_only_database_says_so_and_what_to_do(read_only_db):
    with pytest.raises(DatabaseError) as caught:
        open_database(read_only_db)
    message = str(caught.value)
    assert str(read_only_db) in message
    assert "read-only" in message
    assert "Make the file writable" in message and "another data folder" in message


def test_the_same_file_opens_once_writable_again(read_only_db):
    _immutable(read_only_db, False)
    open_database(read_only_db)
    assert [s.key for s in shops.list_shops()] == ["ae"]


@pytest.mark.gui
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_window_shows_the_message_instead_of_opening(read_only_db, qtbot, monkeypatch,
                                                         tmp_path):
    from app.settings import Settings
    from ui import main as ui_main
    from ui.errors import ExpectedErrorBox

    shown = []
    monkeypatch.setattr(ExpectedErrorBox, "exec", lambda self: shown.append(self.text()) or 0)
    app = ui_main.application(["afterdesk"])
    window = ui_main.open_window(app, read_only_db, Settings(tmp_path / "settings.json"))
    assert window is None
    assert len(shown) == 1 and "read-only" in shown[0]
