"""SQLite's errors are told apart by their result code (issue #19, item 8), not by their
words, and a failed write raises the error that made it fail (issue #20, defect 3): not
the "cannot rollback" of a transaction SQLite had already undone."""

from __future__ import annotations

import sqlite3

import peewee
import pytest

from app.db import close_database, open_database, problem_key
from app.db_handle import read_only_uri
from tests.sqlite_errors import busy_error, full_error


def _error_of(connect, statement: str) -> sqlite3.Error:
    try:
        connection = connect()
    except sqlite3.Error as error:
        return error
    try:
        connection.execute(statement)
    except sqlite3.Error as error:
        return error
    finally:
        connection.close()
    raise AssertionError(f"{statement} did not fail")


def test_each_kind_of_problem_by_its_code(tmp_path):
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    read_only = _error_of(lambda: sqlite3.connect(read_only_uri(path), uri=True),
                          "INSERT INTO t VALUES (1)")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is no database at all, not even close" * 100)
    not_a_database = _error_of(lambda: sqlite3.connect(junk), "SELECT * FROM t")
    folder = _error_of(lambda: sqlite3.connect(tmp_path), "SELECT 1")
    assert problem_key(busy_error()) == "locked"
    assert problem_key(full_error()) == "full"
    assert problem_key(read_only) == "readonly"
    assert problem_key(not_a_database) == "damaged"
    assert problem_key(folder) == "cannot_open"


def test_words_alone_make_no_problem_and_a_bug_stays_a_bug(tmp_path):
    assert problem_key(sqlite3.OperationalError("database is locked")) is None
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (x UNIQUE)")
    connection.execute("INSERT INTO t VALUES (1)")
    duplicate = _error_of(lambda: connection, "INSERT INTO t VALUES (1)")
    assert problem_key(duplicate) is None                 # a constraint: a bug, not the disk
    assert problem_key(ValueError("disk full")) is None


def test_peewee_keeps_the_code_of_the_error_it_wraps():
    wrapped = peewee.OperationalError(full_error())
    assert problem_key(wrapped) == "full"


def test_the_rollback_after_sqlite_undid_the_transaction_hides_nothing(tmp_path):
    """SQLite rolls a transaction back by itself after some errors (a full disk, an I/O
    error); the rollbacks of the enclosing units of work must not replace that error."""
    database = open_database(tmp_path / "afterdesk.db")
    try:
        with pytest.raises(ZeroDivisionError):
            with database.atomic():
                with database.atomic():             # a savepoint inside
                    database.execute_sql("CREATE TABLE kept_out (x)")
                    database.execute_sql("ROLLBACK")   # as SQLite does after SQLITE_FULL
                    raise ZeroDivisionError        # the first error, which must surface
        assert not database.in_transaction()
        assert "kept_out" not in database.get_tables()
    finally:
        close_database()
