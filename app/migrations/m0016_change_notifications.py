"""Schema version 16: live changes on a server are announced, and the change log is pruned.

- `change_log_at`: an index on the change log's time, so rows older than the log keeps
  (app.services.common.live_changes.KEEP) are deleted without reading the whole log.
- On a PostgreSQL server only: a trigger on `change_log` that sends a notification on the
  channel `afterdesk_changes` (payload: the writing AfterDesk's origin) for each row
  added. PostgreSQL delivers it when the write's transaction commits, never for a write
  undone, and once per distinct payload per transaction; the other AfterDesks listening
  on the channel then read the log at once instead of at their next poll. The log stays
  what they read: a notification only wakes them. SQLite has no notifications: nothing
  more there.

Frozen SQL: never edit after release."""

VERSION = 16
DESCRIPTION = "change log: time index, notifications on a server"

CHANNEL = "afterdesk_changes"
STATEMENTS = (
    'CREATE INDEX IF NOT EXISTS "change_log_at" ON "change_log" ("at")',
)
POSTGRES_STATEMENTS = (
    'CREATE INDEX IF NOT EXISTS "change_log_at" ON "change_log" ("at")',
    "CREATE OR REPLACE FUNCTION afterdesk_change_logged() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('" + CHANNEL + "', NEW.origin); "
    "RETURN NULL; END $$",
    'DROP TRIGGER IF EXISTS "change_log_notify" ON "change_log"',
    'CREATE TRIGGER "change_log_notify" AFTER INSERT ON "change_log" FOR EACH ROW '
    "EXECUTE FUNCTION afterdesk_change_logged()",
)


def apply(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
