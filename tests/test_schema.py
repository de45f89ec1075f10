"""The database: migrations, pragmas, and that the frozen schema matches the models."""

import sqlite3

import pytest

from app import migrations
from app.db import DatabaseError, close_database, open_database
from app.models import ALL_MODELS


def test_new_database_reaches_latest_version(db):
    assert migrations.current_version(db) == migrations.LATEST
    assert db.pragma("foreign_keys") == 1
    assert db.pragma("journal_mode") == "wal"


def test_reopening_migrates_nothing_and_keeps_data(tmp_path):
    from tests.factories import make_shop
    path = tmp_path / "a.db"
    open_database(path)
    make_shop("keep")
    close_database()
    db = open_database(path)
    from app.models import Shop
    assert [s.key for s in Shop.select()] == ["keep"]
    rows = db.execute_sql('SELECT COUNT(*) FROM "schema_version"').fetchone()[0]
    assert rows == len(migrations.MIGRATIONS)
    close_database()


def test_every_model_column_exists_in_the_migrated_schema(db):
    """A model edited without a migration fails here."""
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {c.name for c in db.get_columns(table)}
        fields = {f.column_name for f in model._meta.sorted_fields}
        assert fields == columns, table


def test_newer_schema_is_refused_untouched(tmp_path):
    path = tmp_path / "new.db"
    open_database(path)
    close_database()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_version VALUES (999, 'future', '2030-01-01T00:00:00Z')")
    con.commit()
    con.close()
    with pytest.raises(DatabaseError, match="newer AfterDesk"):
        open_database(path)
    close_database()


def test_unwritable_folder_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises((DatabaseError, OSError)):
        open_database(blocker / "sub" / "x.db")
