"""Schema version 17: on a PostgreSQL server, what a rep's login writes names that rep.

No table changes. On a server, the upgrade gives the shop's group roles their rights again
(app.migrations.postgres.after_upgrade), and with them the triggers that keep
`message.author`, `change_log.rep`, `audit_entry.actor` and the other columns naming a
rep (`NAMED_BY`) true to the writing login
(app/server/roles.py, `attribution_statements`; docs/server.md, "Who wrote what"): a shop
database made before this release gets them here. SQLite has one rep: nothing there.

Frozen SQL: never edit after release."""

VERSION = 17
DESCRIPTION = "server: writes attributed to the rep's login"

STATEMENTS = ()
POSTGRES_STATEMENTS = ()


def apply(db) -> None:
    """Nothing on SQLite."""
