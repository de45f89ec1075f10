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


@pytest.fixture(scope="session", autouse=True)
def _one_qt_application(qapp):
    """The widgets' QApplication exists before any test runs: a core test that renders a
    PDF would otherwise create a bare QGuiApplication (app/evidence/qt_env.py) and a later
    widget test in the same process could not start."""
    return qapp


@pytest.fixture
def db(request, tmp_path):
    """A fresh, migrated SQLite database in a temporary folder; in a module marked
    `both_backends`, also a fresh database on the test PostgreSQL cluster."""
    if getattr(request, "param", "sqlite") == "postgresql":
        address = request.getfixturevalue("postgres_address")
        database = open_database(address)
    else:
        database = open_database(tmp_path / "afterdesk.db")
    yield database
    close_database()


@pytest.fixture(autouse=True)
def _server_reachable_again():
    """A test that saw the shop server gone leaves the window's server state as at start
    (ui/server_state.py keeps one for the process)."""
    yield
    import sys
    module = sys.modules.get("ui.server_state")
    if module is not None and module._state:
        module._state[0].reachable = True


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
def chinese(qapp):
    """The window speaks Chinese (zh_CN) for the test, English again after it."""
    from ui import i18n
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install_translator(qapp, "en")


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


# --- both backends ----------------------------------------------------------------------
# A module marked `pytest.mark.both_backends` runs its tests that take `db` twice: on a
# SQLite file and on a database of its own on a throw-away PostgreSQL cluster.

def pytest_configure(config):
    config.addinivalue_line("markers", "both_backends: run `db` tests on SQLite and PostgreSQL")


def pytest_generate_tests(metafunc):
    if "db" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("db", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def postgres_cluster():
    """A PostgreSQL 15 cluster on 127.0.0.1 for this test session, with a template
    database holding AfterDesk's migrated schema (tests/postgres_server.py)."""
    from tests.postgres_server import TEMPLATE, Cluster
    import keyring

    from tests.file_keyring import FileKeyring
    cluster = Cluster()
    try:
        keyring.set_keyring(FileKeyring(cluster.folder / "keyring.json"))
        cluster.sql(f"CREATE DATABASE {TEMPLATE}")
        open_database(cluster.address(TEMPLATE))
        close_database()
        yield cluster
    finally:
        cluster.stop()


_databases = iter(range(1, 10 ** 9))


@pytest.fixture
def postgres_address(postgres_cluster):
    """The address (password included) of a fresh shop database with the current schema."""
    from tests.postgres_server import TEMPLATE
    name = f"shop_{os.getpid()}_{next(_databases)}"
    postgres_cluster.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    yield postgres_cluster.address(name)
    close_database()
    postgres_cluster.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
