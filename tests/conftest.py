"""Shared fixtures. Qt runs offscreen; `app/` tests need no QApplication."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from app.db import close_database, open_database  # noqa: E402

# Under CI (CI=true) the examples are the same at every run: a counterexample found by
# chance would otherwise turn a run red that changed nothing. Local runs keep exploring.
settings.register_profile("ci", deadline=None, max_examples=60,
                          derandomize=os.environ.get("CI", "").lower() == "true")
settings.load_profile("ci")


@pytest.fixture
def db(tmp_path):
    """A fresh, migrated SQLite database in a temporary folder."""
    database = open_database(tmp_path / "afterdesk.db")
    yield database
    close_database()


TEST_REP = "Ana"         # the rep every test's AfterDesk works for (app.services.common.reps)


@pytest.fixture(autouse=True)
def test_rep(monkeypatch):
    """The rep is named by the environment, never by this computer's login or settings."""
    from app.services.common import reps
    monkeypatch.setenv(reps.REP_VARIABLE, TEST_REP)
    reps.set_current_rep(None)
    yield TEST_REP
    reps.set_current_rep(None)


@pytest.fixture(autouse=True)
def file_keyring(tmp_path):
    """Secrets go to a file in this test's folder, never to the user's keyring."""
    import keyring
    from tests.file_keyring import FileKeyring
    store = FileKeyring(tmp_path / "keyring.json")
    keyring.set_keyring(store)
    return store


@pytest.fixture
def shop_db(tmp_path):
    """The path of a closed database file with one Taobao shop, 'tb' (for tests that run
    commands or other programs on it)."""
    from app.services.commerce import shops
    path = tmp_path / "afterdesk.db"
    open_database(path)
    shops.add_shop("tb", "taobao", "淘宝店", "Asia/Shanghai")
    close_database()
    return path
