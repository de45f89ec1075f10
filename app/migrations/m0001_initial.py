"""Schema version 1: the first release's tables, frozen as they were created.

Never edit this file: later changes are new migrations that alter what is here.
"""

VERSION = 1
DESCRIPTION = "initial schema"

SQLITE_STATEMENTS = (
    'CREATE TABLE "shop" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(64) NOT NULL, "platform" VARCHAR(16) NOT NULL, "name" VARCHAR(200) NOT NULL, "timezone" VARCHAR(64) NOT NULL, "currency" VARCHAR(3) NOT NULL, "created_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "shop_key" ON "shop" ("key")',
    'CREATE TABLE "buyer" ("id" INTEGER NOT NULL PRIMARY KEY, "shop_id" INTEGER NOT NULL, "login" VARCHAR(200) NOT NULL, "name" VARCHAR(200) NOT NULL, "country" VARCHAR(2) NOT NULL, "language" VARCHAR(16) NOT NULL, "timezone" VARCHAR(64), "email" VARCHAR(200) NOT NULL, "phone" VARCHAR(64) NOT NULL, "contacts" TEXT, "note" TEXT NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "buyer_shop_id" ON "buyer" ("shop_id")',
    'CREATE UNIQUE INDEX "buyer_shop_id_login" ON "buyer" ("shop_id", "login")',
    'CREATE TABLE "orders" ("id" INTEGER NOT NULL PRIMARY KEY, "shop_id" INTEGER NOT NULL, "order_no" VARCHAR(64) NOT NULL, "buyer_id" INTEGER, "status" VARCHAR(24) NOT NULL, "platform_status" VARCHAR(64) NOT NULL, "currency" VARCHAR(3) NOT NULL, "goods_amount" INTEGER NOT NULL, "shipping_amount" INTEGER NOT NULL, "total_amount" INTEGER NOT NULL, "paid_amount" INTEGER NOT NULL, "product_cost" INTEGER, "shipping_cost" INTEGER, "is_virtual" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "paid_at" DATETIME, "ship_by" DATETIME, "shipped_at" DATETIME, "delivered_at" DATETIME, "confirmed_at" DATETIME, "completed_at" DATETIME, "closed_at" DATETIME, "carrier" VARCHAR(100) NOT NULL, "tracking_no" VARCHAR(100) NOT NULL, "destination_country" VARCHAR(2) NOT NULL, "promised_days" INTEGER, "confirm_extension_days" INTEGER NOT NULL, "note" TEXT NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE, FOREIGN KEY ("buyer_id") REFERENCES "buyer" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "orders_shop_id" ON "orders" ("shop_id")',
    'CREATE INDEX "orders_buyer_id" ON "orders" ("buyer_id")',
    'CREATE UNIQUE INDEX "orders_shop_id_order_no" ON "orders" ("shop_id", "order_no")',
    'CREATE INDEX "orders_status" ON "orders" ("status")',
    'CREATE INDEX "orders_completed_at" ON "orders" ("completed_at")',
    'CREATE TABLE "order_item" ("id" INTEGER NOT NULL PRIMARY KEY, "order_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "product_id" VARCHAR(64) NOT NULL, "title" TEXT NOT NULL, "attributes" TEXT NOT NULL, "quantity" INTEGER NOT NULL, "unit_price" INTEGER NOT NULL, FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "order_item_order_id" ON "order_item" ("order_id")',
    'CREATE UNIQUE INDEX "order_item_order_id_position" ON "order_item" ("order_id", "position")',
    'CREATE TABLE "tracking_event" ("id" INTEGER NOT NULL PRIMARY KEY, "order_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "location" VARCHAR(200) NOT NULL, "description" TEXT NOT NULL, "status_code" VARCHAR(32) NOT NULL, FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "tracking_event_order_id" ON "tracking_event" ("order_id")',
    'CREATE INDEX "tracking_event_order_id_at" ON "tracking_event" ("order_id", "at")',
    'CREATE TABLE "conversation" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "shop_id" INTEGER NOT NULL, "buyer_id" INTEGER NOT NULL, "order_id" INTEGER, "channel" VARCHAR(16) NOT NULL, "subject" VARCHAR(300) NOT NULL, "language" VARCHAR(16) NOT NULL, "star" VARCHAR(8) NOT NULL, "assigned_to" VARCHAR(100) NOT NULL, "created_at" DATETIME NOT NULL, "last_message_at" DATETIME, "last_inbound_at" DATETIME, "is_read" INTEGER NOT NULL, "is_replied" INTEGER NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE, FOREIGN KEY ("buyer_id") REFERENCES "buyer" ("id") ON DELETE CASCADE, FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "conversation_uid" ON "conversation" ("uid")',
    'CREATE INDEX "conversation_shop_id" ON "conversation" ("shop_id")',
    'CREATE INDEX "conversation_buyer_id" ON "conversation" ("buyer_id")',
    'CREATE INDEX "conversation_order_id" ON "conversation" ("order_id")',
    'CREATE INDEX "conversation_last_message_at" ON "conversation" ("last_message_at")',
    'CREATE INDEX "conversation_is_replied_last_message_at" ON "conversation" ("is_replied", "last_message_at")',
    'CREATE TABLE "message" ("id" INTEGER NOT NULL PRIMARY KEY, "conversation_id" INTEGER NOT NULL, "direction" VARCHAR(3) NOT NULL, "channel" VARCHAR(16) NOT NULL, "body" TEXT NOT NULL, "source_lang" VARCHAR(16) NOT NULL, "translation" TEXT, "translation_lang" VARCHAR(16) NOT NULL, "sent_at" DATETIME NOT NULL, "author" VARCHAR(100) NOT NULL, "is_auto" INTEGER NOT NULL, "is_internal" INTEGER NOT NULL, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "message_conversation_id" ON "message" ("conversation_id")',
    'CREATE INDEX "message_conversation_id_sent_at" ON "message" ("conversation_id", "sent_at")',
    'CREATE TABLE "quick_phrase" ("id" INTEGER NOT NULL PRIMARY KEY, "shop_id" INTEGER, "title" VARCHAR(200) NOT NULL, "shortcut" VARCHAR(32) NOT NULL, "category" VARCHAR(64) NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "quick_phrase_shop_id" ON "quick_phrase" ("shop_id")',
    'CREATE TABLE "quick_phrase_variant" ("id" INTEGER NOT NULL PRIMARY KEY, "phrase_id" INTEGER NOT NULL, "language" VARCHAR(16) NOT NULL, "body" TEXT NOT NULL, FOREIGN KEY ("phrase_id") REFERENCES "quick_phrase" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "quick_phrase_variant_phrase_id" ON "quick_phrase_variant" ("phrase_id")',
    'CREATE UNIQUE INDEX "quick_phrase_variant_phrase_id_language" ON "quick_phrase_variant" ("phrase_id", "language")',
    'CREATE TABLE "auto_reply_rule" ("id" INTEGER NOT NULL PRIMARY KEY, "shop_id" INTEGER NOT NULL, "name" VARCHAR(200) NOT NULL, "language" VARCHAR(16) NOT NULL, "body" TEXT NOT NULL, "enabled" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "auto_reply_rule_shop_id" ON "auto_reply_rule" ("shop_id")',
    'CREATE TABLE "auto_reply_revision" ("id" INTEGER NOT NULL PRIMARY KEY, "rule_id" INTEGER NOT NULL, "body" TEXT NOT NULL, "changed_at" DATETIME NOT NULL, "changed_by" VARCHAR(100) NOT NULL, FOREIGN KEY ("rule_id") REFERENCES "auto_reply_rule" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "auto_reply_revision_rule_id" ON "auto_reply_revision" ("rule_id")',
    'CREATE TABLE "aftersales_request" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "order_id" INTEGER NOT NULL, "service_type" VARCHAR(20) NOT NULL, "reason" VARCHAR(64) NOT NULL, "reason_text" TEXT NOT NULL, "amount" INTEGER NOT NULL, "currency" VARCHAR(3) NOT NULL, "description" TEXT NOT NULL, "goods_intact" INTEGER, "state" VARCHAR(24) NOT NULL, "opened_at" DATETIME NOT NULL, "submitted_at" DATETIME NOT NULL, "refused_at" DATETIME, "refuse_reason" TEXT NOT NULL, "return_agreed_at" DATETIME, "return_carrier" VARCHAR(100) NOT NULL, "return_tracking_no" VARCHAR(100) NOT NULL, "return_shipped_at" DATETIME, "platform_requested_at" DATETIME, "resolved_at" DATETIME, "refund_paid" INTEGER, "cause" VARCHAR(16) NOT NULL, "next_due_at" DATETIME, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "aftersales_request_uid" ON "aftersales_request" ("uid")',
    'CREATE UNIQUE INDEX "aftersales_request_order_id" ON "aftersales_request" ("order_id")',
    'CREATE INDEX "aftersales_request_state_next_due_at" ON "aftersales_request" ("state", "next_due_at")',
    'CREATE TABLE "request_event" ("id" INTEGER NOT NULL PRIMARY KEY, "request_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(16) NOT NULL, "action" VARCHAR(40) NOT NULL, "from_state" VARCHAR(24), "to_state" VARCHAR(24), "detail" TEXT, "by_rule" VARCHAR(16), "recorded_at" DATETIME NOT NULL, "recorded_by" VARCHAR(100) NOT NULL, FOREIGN KEY ("request_id") REFERENCES "aftersales_request" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "request_event_request_id" ON "request_event" ("request_id")',
    'CREATE INDEX "request_event_request_id_at" ON "request_event" ("request_id", "at")',
    'CREATE TABLE "dispute" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "order_id" INTEGER NOT NULL, "issue_id" VARCHAR(64), "kind" VARCHAR(24) NOT NULL, "sub_kind" VARCHAR(32) NOT NULL, "reason" VARCHAR(100) NOT NULL, "reason_text" TEXT NOT NULL, "state" VARCHAR(24) NOT NULL, "opened_at" DATETIME NOT NULL, "first_request_at" DATETIME NOT NULL, "buyer_changed_at" DATETIME NOT NULL, "seller_responded_at" DATETIME, "staff_joined_at" DATETIME, "escalated_at" DATETIME, "escalated_by" VARCHAR(16), "proof_submitted_at" DATETIME, "return_agreed_at" DATETIME, "return_shipped_at" DATETIME, "closed_at" DATETIME, "resolution" VARCHAR(32), "refund_amount" INTEGER, "currency" VARCHAR(3) NOT NULL, "appealed_at" DATETIME, "cause" VARCHAR(16) NOT NULL, "next_due_at" DATETIME, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "dispute_uid" ON "dispute" ("uid")',
    'CREATE INDEX "dispute_order_id" ON "dispute" ("order_id")',
    'CREATE UNIQUE INDEX "dispute_issue_id" ON "dispute" ("issue_id")',
    'CREATE INDEX "dispute_state_next_due_at" ON "dispute" ("state", "next_due_at")',
    'CREATE TABLE "dispute_proposal" ("id" INTEGER NOT NULL PRIMARY KEY, "dispute_id" INTEGER NOT NULL, "party" VARCHAR(10) NOT NULL, "solution_type" VARCHAR(20) NOT NULL, "refund_amount" INTEGER NOT NULL, "currency" VARCHAR(3) NOT NULL, "note" TEXT NOT NULL, "status" VARCHAR(40) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("dispute_id") REFERENCES "dispute" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "dispute_proposal_dispute_id" ON "dispute_proposal" ("dispute_id")',
    'CREATE UNIQUE INDEX "dispute_proposal_dispute_id_party" ON "dispute_proposal" ("dispute_id", "party")',
    'CREATE TABLE "dispute_event" ("id" INTEGER NOT NULL PRIMARY KEY, "dispute_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "actor" VARCHAR(16) NOT NULL, "action" VARCHAR(40) NOT NULL, "from_state" VARCHAR(24), "to_state" VARCHAR(24), "detail" TEXT, "by_rule" VARCHAR(16), "recorded_at" DATETIME NOT NULL, "recorded_by" VARCHAR(100) NOT NULL, FOREIGN KEY ("dispute_id") REFERENCES "dispute" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "dispute_event_dispute_id" ON "dispute_event" ("dispute_id")',
    'CREATE INDEX "dispute_event_dispute_id_at" ON "dispute_event" ("dispute_id", "at")',
    'CREATE TABLE "stored_file" ("id" INTEGER NOT NULL PRIMARY KEY, "sha256" VARCHAR(64) NOT NULL, "size" INTEGER NOT NULL, "mime" VARCHAR(100) NOT NULL, "original_name" VARCHAR(300) NOT NULL, "created_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "stored_file_sha256" ON "stored_file" ("sha256")',
    'CREATE TABLE "attachment" ("id" INTEGER NOT NULL PRIMARY KEY, "file_id" INTEGER NOT NULL, "message_id" INTEGER, "request_id" INTEGER, "dispute_id" INTEGER, "caption" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("file_id") REFERENCES "stored_file" ("id") ON DELETE RESTRICT, FOREIGN KEY ("message_id") REFERENCES "message" ("id") ON DELETE CASCADE, FOREIGN KEY ("request_id") REFERENCES "aftersales_request" ("id") ON DELETE CASCADE, FOREIGN KEY ("dispute_id") REFERENCES "dispute" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "attachment_file_id" ON "attachment" ("file_id")',
    'CREATE INDEX "attachment_message_id" ON "attachment" ("message_id")',
    'CREATE INDEX "attachment_request_id" ON "attachment" ("request_id")',
    'CREATE INDEX "attachment_dispute_id" ON "attachment" ("dispute_id")',
    'CREATE TABLE "evidence_pack" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "dispute_id" INTEGER, "request_id" INTEGER, "version" INTEGER NOT NULL, "state" VARCHAR(16) NOT NULL, "statement" TEXT NOT NULL, "pack_hash" VARCHAR(64), "created_at" DATETIME NOT NULL, "submitted_at" DATETIME, FOREIGN KEY ("dispute_id") REFERENCES "dispute" ("id") ON DELETE CASCADE, FOREIGN KEY ("request_id") REFERENCES "aftersales_request" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "evidence_pack_uid" ON "evidence_pack" ("uid")',
    'CREATE INDEX "evidence_pack_dispute_id" ON "evidence_pack" ("dispute_id")',
    'CREATE INDEX "evidence_pack_request_id" ON "evidence_pack" ("request_id")',
    'CREATE TABLE "evidence_item" ("id" INTEGER NOT NULL PRIMARY KEY, "pack_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "category" VARCHAR(32) NOT NULL, "caption" TEXT NOT NULL, "file_id" INTEGER, "message_id" INTEGER, "tracking_event_id" INTEGER, FOREIGN KEY ("pack_id") REFERENCES "evidence_pack" ("id") ON DELETE CASCADE, FOREIGN KEY ("file_id") REFERENCES "stored_file" ("id") ON DELETE RESTRICT, FOREIGN KEY ("message_id") REFERENCES "message" ("id") ON DELETE SET NULL, FOREIGN KEY ("tracking_event_id") REFERENCES "tracking_event" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "evidence_item_pack_id" ON "evidence_item" ("pack_id")',
    'CREATE INDEX "evidence_item_file_id" ON "evidence_item" ("file_id")',
    'CREATE INDEX "evidence_item_message_id" ON "evidence_item" ("message_id")',
    'CREATE INDEX "evidence_item_tracking_event_id" ON "evidence_item" ("tracking_event_id")',
    'CREATE UNIQUE INDEX "evidence_item_pack_id_position" ON "evidence_item" ("pack_id", "position")',
    'CREATE TABLE "policy_override" ("id" INTEGER NOT NULL PRIMARY KEY, "profile" VARCHAR(32) NOT NULL, "key" VARCHAR(64) NOT NULL, "value" VARCHAR(64) NOT NULL, "changed_at" DATETIME NOT NULL, "changed_by" VARCHAR(100) NOT NULL)',
    'CREATE UNIQUE INDEX "policy_override_profile_key" ON "policy_override" ("profile", "key")',
    'CREATE TABLE "calendar_override" ("id" INTEGER NOT NULL PRIMARY KEY, "calendar" VARCHAR(16) NOT NULL, "day" DATE NOT NULL, "is_working" INTEGER NOT NULL, "note" VARCHAR(200) NOT NULL)',
    'CREATE UNIQUE INDEX "calendar_override_calendar_day" ON "calendar_override" ("calendar", "day")',
    'CREATE TABLE "audit_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "actor" VARCHAR(100) NOT NULL, "entity" VARCHAR(32) NOT NULL, "entity_ref" VARCHAR(200) NOT NULL, "action" VARCHAR(40) NOT NULL, "detail" TEXT)',
    'CREATE INDEX "audit_entry_entity_entity_ref" ON "audit_entry" ("entity", "entity_ref")',
    'CREATE INDEX "audit_entry_at" ON "audit_entry" ("at")',
)


def apply(db) -> None:
    for statement in SQLITE_STATEMENTS:
        db.execute_sql(statement)


# On a server (app/migrations/postgres.py): the tables as translated, and the two SQLite
# functions the services' plain SQL uses, in PostgreSQL's words: julianday (days since
# noon, 24 November 4714 BC) and group_concat of ids (comma-separated, in the order the
# rows come, as SQLite joins them).
POSTGRES_FUNCTIONS = (
    "CREATE OR REPLACE FUNCTION julianday(timestamp) RETURNS double precision "
    "LANGUAGE sql IMMUTABLE STRICT AS "
    "$$ SELECT extract(epoch FROM $1)::double precision / 86400.0 + 2440587.5 $$",
    "CREATE OR REPLACE FUNCTION afterdesk_join_ids(text, bigint) RETURNS text "
    "LANGUAGE sql IMMUTABLE AS "
    "$$ SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2::text "
    "ELSE $1 || ',' || $2::text END $$",
    "CREATE AGGREGATE group_concat(bigint) (SFUNC = afterdesk_join_ids, STYPE = text)",
    # SQLite's min(a, b) / max(a, b) of two values (PostgreSQL's LEAST / GREATEST)
    *(f"CREATE OR REPLACE FUNCTION {name}({kind}, {kind}) RETURNS {kind} LANGUAGE sql "
      f"IMMUTABLE AS $$ SELECT {word}($1, $2) $$"
      for name, word in (("min", "LEAST"), ("max", "GREATEST"))
      for kind in ("bigint", "double precision", "timestamp")),
)


def apply_postgres(db) -> None:
    from app.migrations.postgres import translate
    for statement in tuple(translate(s) for s in SQLITE_STATEMENTS) + POSTGRES_FUNCTIONS:
        db.execute_sql(statement)
