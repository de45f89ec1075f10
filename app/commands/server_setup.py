"""Creating a shop database on a PostgreSQL server (`afterdesk server init`).
(A module without `register`: app.commands.register_all passes it by.)"""

from __future__ import annotations

import os

from app.errors import InvalidInput

OWNER_PASSWORD_VARIABLE = "AFTERDESK_OWNER_PASSWORD"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _maintenance(address):
    """A connection (autocommit) to the server's `postgres` database as the address's login."""
    import psycopg2

    from app.server.address import password
    connection = psycopg2.connect(dbname="postgres", **address.connect_params(password(address)))
    connection.autocommit = True
    return connection


def _owner_password(owner: str) -> str:
    given = os.environ.get(OWNER_PASSWORD_VARIABLE)
    if given:
        return given
    import getpass
    typed = getpass.getpass(f"password for the new login {owner}: ")
    if not typed:
        raise InvalidInput("the owner {owner} needs a password", owner=owner)
    return typed


def init(text: str, *, owner: str | None = None) -> str:
    """Create the database `text` names when missing (owned by `owner`, made as a login
    role when missing), its reps' group roles (app/server/roles.py), then its schema and
    the group roles' grants. Returns the address shown."""
    import psycopg2

    from app.db import close_database, database, expected_problem, open_database
    from app.migrations.postgres import after_upgrade
    from app.server import address as server_address
    from app.server import roles

    address = server_address.remember(server_address.parse(text))
    try:
        connection = _maintenance(address)
        try:
            cursor = connection.cursor()
            if owner:
                cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (owner,))
                if cursor.fetchone() is None:
                    secret = _owner_password(owner)
                    cursor.execute(f"CREATE ROLE {_quoted(owner)} LOGIN PASSWORD %s", (secret,))
                    owned = server_address.ServerAddress(owner, address.host, address.port,
                                                         address.name, secret)
                    server_address.remember(owned)
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (address.name,))
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE DATABASE {_quoted(address.name)} ENCODING 'UTF8' "
                               "TEMPLATE template0"
                               + (f" OWNER {_quoted(owner)}" if owner else ""))
            roles.create_groups(cursor, address.name, admin=owner)
        finally:
            connection.close()
    except psycopg2.Error as exc:
        raise (expected_problem(exc, address.shown()) or exc) from exc
    schema_address = address
    if owner:       # the tables belong to the owner: the schema is made as the owner
        schema_address = server_address.ServerAddress(owner, address.host, address.port,
                                                       address.name)
    try:
        open_database(schema_address.shown())
        after_upgrade(database)         # the reps' grants, also when nothing was migrated
    finally:
        close_database()
    return schema_address.shown()
