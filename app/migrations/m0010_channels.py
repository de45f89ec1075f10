"""Schema version 10: channels that reach the buyer. `channel_account` (a shop's mailbox
and, later, its marketplace accounts; passwords stay in the keyring), `channel_cursor`
(where each sync stopped), `channel_message` (the channel's own id of each stored
message, so a re-fetch stores nothing twice) and `outbox_item` (answers to deliver, with
their delivery state). Frozen SQL: never edit after release. IF NOT EXISTS: a database
taken back to an older version (tests of earlier migrations) keeps these tables."""

VERSION = 10
DESCRIPTION = "channels: accounts, cursors, channel ids, outbox"

STATEMENTS = (
    'CREATE TABLE IF NOT EXISTS "channel_account" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(64) NOT NULL, "shop_id" INTEGER NOT NULL, "kind" VARCHAR(16) NOT NULL, "settings" TEXT NOT NULL, "state" VARCHAR(16) NOT NULL, "last_sync_at" DATETIME, "last_error" TEXT NOT NULL, "last_error_at" DATETIME, "created_at" DATETIME NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "channel_account_key" ON "channel_account" ("key")',
    'CREATE INDEX IF NOT EXISTS "channel_account_shop_id" ON "channel_account" ("shop_id")',
    'CREATE TABLE IF NOT EXISTS "channel_cursor" ("id" INTEGER NOT NULL PRIMARY KEY, "account_id" INTEGER NOT NULL, "scope" VARCHAR(200) NOT NULL, "value" TEXT NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("account_id") REFERENCES "channel_account" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "channel_cursor_account_id" ON "channel_cursor" ("account_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "channel_cursor_account_id_scope" ON "channel_cursor" ("account_id", "scope")',
    'CREATE TABLE IF NOT EXISTS "channel_message" ("id" INTEGER NOT NULL PRIMARY KEY, "account_id" INTEGER NOT NULL, "channel_id" VARCHAR(500) NOT NULL, "conversation_id" INTEGER NOT NULL, "message_id" INTEGER, "references" TEXT NOT NULL, FOREIGN KEY ("account_id") REFERENCES "channel_account" ("id") ON DELETE CASCADE, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE CASCADE, FOREIGN KEY ("message_id") REFERENCES "message" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "channel_message_account_id" ON "channel_message" ("account_id")',
    'CREATE INDEX IF NOT EXISTS "channel_message_conversation_id" ON "channel_message" ("conversation_id")',
    'CREATE INDEX IF NOT EXISTS "channel_message_message_id" ON "channel_message" ("message_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "channel_message_account_id_channel_id" ON "channel_message" ("account_id", "channel_id")',
    'CREATE TABLE IF NOT EXISTS "outbox_item" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "conversation_id" INTEGER NOT NULL, "message_id" INTEGER NOT NULL, "account_id" INTEGER, "channel" VARCHAR(16) NOT NULL, "state" VARCHAR(16) NOT NULL, "channel_message_id" VARCHAR(500) NOT NULL, "attempts" INTEGER NOT NULL, "error" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "sent_at" DATETIME, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE CASCADE, FOREIGN KEY ("message_id") REFERENCES "message" ("id") ON DELETE CASCADE, FOREIGN KEY ("account_id") REFERENCES "channel_account" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX IF NOT EXISTS "outbox_item_uid" ON "outbox_item" ("uid")',
    'CREATE INDEX IF NOT EXISTS "outbox_item_conversation_id" ON "outbox_item" ("conversation_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "outbox_item_message_id" ON "outbox_item" ("message_id")',
    'CREATE INDEX IF NOT EXISTS "outbox_item_account_id" ON "outbox_item" ("account_id")',
    'CREATE INDEX IF NOT EXISTS "outbox_item_state" ON "outbox_item" ("state")',
)


def apply(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
