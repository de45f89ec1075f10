"""Schema version 5: following up quiet buyers (GEN-7) and complaint cases (GEN-8, TB-5,
TB-6): follow_up_attempt, follow_up_state, complaint, complaint_step. Frozen SQL: never
edit after release."""

VERSION = 5
DESCRIPTION = "follow-ups of quiet buyers and complaint cases"

STATEMENTS = (
    'CREATE TABLE "follow_up_attempt" ("id" INTEGER NOT NULL PRIMARY KEY, "conversation_id" INTEGER NOT NULL, "message_id" INTEGER, "number" INTEGER NOT NULL, "channel" VARCHAR(16) NOT NULL, "sent_at" DATETIME NOT NULL, "suggested_channel" VARCHAR(16) NOT NULL, "author" VARCHAR(100) NOT NULL, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE CASCADE, FOREIGN KEY ("message_id") REFERENCES "message" ("id") ON DELETE SET NULL)',
    'CREATE INDEX "follow_up_attempt_conversation_id" ON "follow_up_attempt" ("conversation_id")',
    'CREATE INDEX "follow_up_attempt_message_id" ON "follow_up_attempt" ("message_id")',
    'CREATE INDEX "follow_up_attempt_conversation_id_sent_at" ON "follow_up_attempt" ("conversation_id", "sent_at")',
    'CREATE TABLE "follow_up_state" ("id" INTEGER NOT NULL PRIMARY KEY, "conversation_id" INTEGER NOT NULL, "reason" VARCHAR(24) NOT NULL, "reason_set_at" DATETIME, "reason_set_by" VARCHAR(100) NOT NULL, "stopped_at" DATETIME, "stop_note" TEXT NOT NULL, "stopped_by" VARCHAR(100) NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "follow_up_state_conversation_id" ON "follow_up_state" ("conversation_id")',
    'CREATE TABLE "complaint" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(32) NOT NULL, "shop_id" INTEGER NOT NULL, "order_id" INTEGER, "buyer_id" INTEGER, "conversation_id" INTEGER, "kind" VARCHAR(24) NOT NULL, "buyer_words" TEXT NOT NULL, "review_rating" INTEGER, "state" VARCHAR(8) NOT NULL, "opened_at" DATETIME NOT NULL, "compensation_offer" TEXT NOT NULL, "compensation_amount" INTEGER, "compensation_cost" INTEGER, "compensation_currency" VARCHAR(3) NOT NULL, "compensation_at" DATETIME, "last_contact_at" DATETIME, "outcome" VARCHAR(24), "outcome_note" TEXT NOT NULL, "skip_reason" TEXT NOT NULL, "closed_at" DATETIME, "closed_by" VARCHAR(100) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE, FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE SET NULL, FOREIGN KEY ("buyer_id") REFERENCES "buyer" ("id") ON DELETE SET NULL, FOREIGN KEY ("conversation_id") REFERENCES "conversation" ("id") ON DELETE SET NULL)',
    'CREATE UNIQUE INDEX "complaint_uid" ON "complaint" ("uid")',
    'CREATE INDEX "complaint_shop_id" ON "complaint" ("shop_id")',
    'CREATE INDEX "complaint_order_id" ON "complaint" ("order_id")',
    'CREATE INDEX "complaint_buyer_id" ON "complaint" ("buyer_id")',
    'CREATE INDEX "complaint_conversation_id" ON "complaint" ("conversation_id")',
    'CREATE INDEX "complaint_state_opened_at" ON "complaint" ("state", "opened_at")',
    'CREATE TABLE "complaint_step" ("id" INTEGER NOT NULL PRIMARY KEY, "complaint_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "step" VARCHAR(24) NOT NULL, "state" VARCHAR(8) NOT NULL, "done_at" DATETIME, "done_by" VARCHAR(100) NOT NULL, "note" TEXT NOT NULL, "skip_reason" TEXT NOT NULL, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "complaint_step_complaint_id" ON "complaint_step" ("complaint_id")',
    'CREATE UNIQUE INDEX "complaint_step_complaint_id_position" ON "complaint_step" ("complaint_id", "position")',
)


def apply(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
