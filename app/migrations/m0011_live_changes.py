"""Schema version 11: several AfterDesks on one shop database. A `version` on the rows reps
edit concurrently (conversations, after-sales requests, disputes) so a change made from a
stale view is refused; `change_log` (append-only: what changed, by which rep, from which
AfterDesk) that the other AfterDesks poll to refresh what they show; `presence` (a rep
replying in a conversation, until it expires). Standard SQL types only. Frozen SQL: never
edit after release."""

VERSION = 11
DESCRIPTION = "live changes: row versions, change log, presence"

VERSIONED = ("conversation", "aftersales_request", "dispute")
ADD_VERSION = 'ALTER TABLE "{table}" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0'
STATEMENTS = (
    'CREATE TABLE IF NOT EXISTS "change_log" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "rep" VARCHAR(100) NOT NULL, "origin" VARCHAR(32) NOT NULL, "kind" VARCHAR(16) NOT NULL, "entity" VARCHAR(32) NOT NULL, "entity_ref" VARCHAR(200) NOT NULL, "action" VARCHAR(40) NOT NULL, "version" INTEGER)',
    'CREATE INDEX IF NOT EXISTS "change_log_entity_entity_ref" ON "change_log" ("entity", "entity_ref")',
    'CREATE TABLE IF NOT EXISTS "presence" ("id" INTEGER NOT NULL PRIMARY KEY, "conversation_uid" VARCHAR(32) NOT NULL, "rep" VARCHAR(100) NOT NULL, "origin" VARCHAR(32) NOT NULL, "activity" VARCHAR(16) NOT NULL, "expires_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "presence_conversation_uid_rep" ON "presence" ("conversation_uid", "rep")',
)


def apply(db) -> None:
    # A database taken back to an older version (tests of earlier migrations) keeps its
    # columns: a column is added once.
    for table in VERSIONED:
        if "version" not in {column.name for column in db.get_columns(table)}:
            db.execute_sql(ADD_VERSION.format(table=table))
    for statement in STATEMENTS:
        db.execute_sql(statement)


def apply_postgres(db) -> None:
    """On a server: the same columns and tables (a server database is never taken back)."""
    from app.migrations.postgres import translate
    for table in VERSIONED:
        db.execute_sql(translate(ADD_VERSION.format(table=table)))
    for statement in STATEMENTS:
        db.execute_sql(translate(statement))
