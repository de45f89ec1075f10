"""A shop database on a PostgreSQL server (issue 24; docs/server.md): `server init`,
`server move-from`, the password kept in the keyring, the write lock, and what the
server's errors tell a rep. Runs against a throw-away PostgreSQL 15 cluster."""

from __future__ import annotations

import threading

import psycopg2
import pytest

from app import db
from app.cli import main
from app.db import close_database, open_database
from app.server.address import SECRET_SERVICE
from tests.postgres_server import SUPERUSER


def _export_without_stamp() -> dict:
    from app.interchange.export import export_document
    document = export_document()
    document.pop("exported_at", None)
    for value in document.values():
        if isinstance(value, dict):
            value.pop("exported_at", None)
    return document


def _fresh_name(cluster, stem: str) -> str:
    name = f"{stem}_{threading.get_ident() % 100000}_{id(cluster) % 1000}"
    cluster.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    return name


def test_server_init_creates_the_database_its_schema_and_its_owner(postgres_cluster, capsys,
                                                                   monkeypatch, file_keyring):
    from app.migrations import LATEST
    name = _fresh_name(postgres_cluster, "initdb")
    monkeypatch.setenv("AFTERDESK_OWNER_PASSWORD", "owner-secret")
    assert main(["server", "init", postgres_cluster.address(name), "--owner", "shopowner"]) == 0
    out = capsys.readouterr().out
    assert f"postgresql://shopowner@127.0.0.1:{postgres_cluster.port}/{name}" in out
    assert "owner-secret" not in out and postgres_cluster.password not in out
    assert postgres_cluster.sql("SELECT MAX(version) FROM schema_version", name) == str(LATEST)
    assert postgres_cluster.sql(
        "SELECT tableowner FROM pg_tables WHERE tablename = 'conversation'", name) == "shopowner"
    # the owner's password went to the keyring, so the owner's address opens without it
    owner_address = f"postgresql://shopowner@127.0.0.1:{postgres_cluster.port}/{name}"
    assert file_keyring.get_password(SECRET_SERVICE, owner_address) == "owner-secret"
    assert main(["--db", owner_address, "shop", "add", "tb", "--platform", "taobao",
                 "--name", "淘宝店", "--tz", "Asia/Shanghai"]) == 0
    # a second init finds everything there and changes nothing
    assert main(["server", "init", owner_address]) == 0
    assert postgres_cluster.sql("SELECT key FROM shop", name) == "tb"
    postgres_cluster.sql(f"DROP DATABASE {name} WITH (FORCE)")


def test_the_password_goes_to_the_keyring_never_into_the_address_kept(postgres_address,
                                                                      file_keyring, caplog):
    import logging
    caplog.set_level(logging.INFO)
    open_database(postgres_address)
    shown = db.current_path()
    password = postgres_address.split(":")[2].split("@")[0]
    assert password not in shown and shown.startswith(f"postgresql://{SUPERUSER}@")
    assert file_keyring.get_password(SECRET_SERVICE, shown) == password
    assert password not in caplog.text
    close_database()
    open_database(shown)                # the keyring's password is used
    assert db.database.execute_sql("SELECT 1").fetchone() == (1,)


def test_move_from_a_file_is_exact_and_refuses_a_target_with_data(tmp_path, postgres_cluster,
                                                                  capsys):
    from app.demo import load_demo
    from app.services.messaging import search
    file = tmp_path / "single.db"
    open_database(file)
    load_demo(seed=3, orders_per_shop=60)
    before = _export_without_stamp()
    found_before = [h.message_id for h in search.search_messages("退款")]
    close_database()
    name = _fresh_name(postgres_cluster, "moved")
    address = postgres_cluster.address(name)
    assert main(["server", "init", address]) == 0
    assert main(["server", "move-from", str(file), address]) == 0
    assert "moved" in capsys.readouterr().out
    open_database(address)
    assert _export_without_stamp() == before
    assert found_before and [h.message_id for h in search.search_messages("退款")] == found_before
    # new rows continue after the moved ids
    from app.services.commerce import shops
    assert shops.add_shop("new", "taobao", "新店", "Asia/Shanghai").id > 2
    close_database()
    assert main(["server", "move-from", str(file), address]) == 2
    assert "already holds data" in capsys.readouterr().err
    postgres_cluster.sql(f"DROP DATABASE {name} WITH (FORCE)")


def _waiting_for_the_lock(connection) -> bool:
    cursor = connection.cursor()
    cursor.execute("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
    return cursor.fetchone()[0] > 0


def test_a_write_waits_for_the_other_writer_before_its_first_read(postgres_address):
    """BEGIN IMMEDIATE's rule on the server: the second unit of work reads only after the
    first has committed, so a read-then-write loses no update."""
    from app.models import Shop
    from app.services.commerce import shops
    database = open_database(postgres_address)
    shop = shops.add_shop("tb", "taobao", "店", "Asia/Shanghai")
    holding, seen = threading.Event(), []

    def second_writer():
        with database.atomic():
            seen.append(Shop.get_by_id(shop.id).name)
            Shop.update(name=seen[-1] + "+B").where(Shop.id == shop.id).execute()
        database.close()

    with database.atomic():
        name = Shop.get_by_id(shop.id).name
        other = threading.Thread(target=second_writer)
        other.start()
        watcher = psycopg2.connect(postgres_address)        # a third session looks on
        watcher.autocommit = True
        while not _waiting_for_the_lock(watcher):
            holding.wait(0.05)
        watcher.close()
        assert seen == []                   # waiting for the lock, nothing read yet
        Shop.update(name=name + "+A").where(Shop.id == shop.id).execute()
    other.join()
    assert seen == ["店+A"]
    assert Shop.get_by_id(shop.id).name == "店+A+B"


@pytest.mark.parametrize("case", ["unreachable", "login", "missing", "denied"])
def test_server_problems_say_what_to_do(case, postgres_cluster, postgres_address, capsys):
    from app.db import PROBLEMS
    port = postgres_cluster.port
    name = postgres_address.rsplit("/", 1)[1]
    if case == "unreachable":
        import socket
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            closed = s.getsockname()[1]
        address = f"postgresql://{SUPERUSER}:x@127.0.0.1:{closed}/{name}"
    elif case == "login":
        address = f"postgresql://{SUPERUSER}:wrong@127.0.0.1:{port}/{name}"
    elif case == "missing":
        address = postgres_cluster.address("no_such_shop")
    else:
        postgres_cluster.sql("DROP ROLE IF EXISTS reader; "
                             "CREATE ROLE reader LOGIN PASSWORD 'r'")
        postgres_cluster.sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader", name)
        address = f"postgresql://reader:r@127.0.0.1:{port}/{name}"
        assert main(["--db", address, "shop", "list"]) == 0     # reading is allowed
    code = main(["--db", address, "shop", "add", "tb", "--platform", "taobao",
                 "--name", "x", "--tz", "Asia/Shanghai"])
    err = capsys.readouterr().err
    assert code == 2
    expected = PROBLEMS[f"server_{case}"].split("{")[0]
    assert expected in err
    assert ":x@" not in err and ":wrong@" not in err and ":r@" not in err
    assert "Traceback" not in err



def test_a_serialization_failure_reads_as_a_change_at_the_same_moment(postgres_address):
    """Two sessions changing one row in SERIALIZABLE transactions: the second one's
    failure is told as 'try again', with the address shown without its password."""
    from app.db import PROBLEMS, expected_problem
    open_database(postgres_address)
    first, second = psycopg2.connect(postgres_address), psycopg2.connect(postgres_address)
    try:
        setup = first.cursor()
        setup.execute("INSERT INTO calendar_override (calendar, day, is_working, note) "
                      "VALUES ('cn', '2027-01-02', 1, '')")
        first.commit()
        for connection in (first, second):
            connection.set_session(isolation_level="SERIALIZABLE")
            connection.cursor().execute("SELECT note FROM calendar_override")
        first.cursor().execute("UPDATE calendar_override SET note = 'a'")
        first.commit()
        with pytest.raises(psycopg2.Error) as caught:
            second.cursor().execute("UPDATE calendar_override SET note = 'b'")
    finally:
        first.close()
        second.close()
    problem = expected_problem(caught.value, postgres_address)
    assert problem is not None and problem.template == PROBLEMS["server_conflict"]


def test_commands_that_only_read_work_on_the_server(postgres_address, capsys):
    """`--db postgresql://…` with a reading command: opened read-only, the same answers."""
    assert main(["--db", postgres_address, "shop", "add", "tb", "--platform", "taobao",
                 "--name", "淘宝店", "--tz", "Asia/Shanghai"]) == 0
    capsys.readouterr()
    assert main(["--db", postgres_address, "shop", "list", "--json"]) == 0
    assert '"淘宝店"' in capsys.readouterr().out
    assert main(["--db", postgres_address, "search", "退款"]) == 0
