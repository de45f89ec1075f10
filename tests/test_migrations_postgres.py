"""Migrations on both backends (docs/schema.md): every migration has a form for a
PostgreSQL server, and the server database has every model's columns."""

from __future__ import annotations

import pytest

from app import migrations
from app.migrations.postgres import UnportableStatement, sqlite_statements, translate
from app.server.handle import qmark_to_format


def test_every_migration_has_a_server_form():
    """A migration without apply_postgres / POSTGRES_STATEMENTS must translate whole: a
    new migration that cannot (a virtual table, PRAGMA, a data rewrite) fails here."""
    for migration in migrations.MIGRATIONS:
        if hasattr(migration, "apply_postgres") or hasattr(migration, "POSTGRES_STATEMENTS"):
            continue
        for statement in sqlite_statements(migration):
            translate(statement)


def test_translation_of_the_standard_subset():
    assert translate('CREATE TABLE "t" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME, '
                     '"n" INTEGER NOT NULL, "x" REAL, "b" BLOB)') == (
        'CREATE TABLE "t" ("id" BIGSERIAL NOT NULL PRIMARY KEY, "at" TIMESTAMP, '
        '"n" BIGINT NOT NULL, "x" DOUBLE PRECISION, "b" BYTEA)')
    for unportable in ('CREATE VIRTUAL TABLE "s" USING fts5(terms)', "PRAGMA foreign_keys=1",
                       'INSERT OR IGNORE INTO "t" VALUES (1)'):
        with pytest.raises(UnportableStatement):
            translate(unportable)


def test_qmark_placeholders_become_the_drivers_and_quoted_text_stays():
    assert qmark_to_format('SELECT "a?" FROM t WHERE x = ? AND y LIKE \'50%?\' AND z = %s') \
        == 'SELECT "a?" FROM t WHERE x = %s AND y LIKE \'50%%?\' AND z = %s'


def test_the_server_database_has_every_model_column(postgres_address):
    from app.db import open_database
    from app.models import ALL_MODELS
    database = open_database(postgres_address)
    for model in ALL_MODELS:
        table = model._meta.table_name
        have = {c.name for c in database.get_columns(table)}
        assert {f.column_name for f in model._meta.sorted_fields} == have, table
