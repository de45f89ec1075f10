"""Schema version 9: `shop_signing_key`, the public half of each shop's evidence signing
key (the private half stays in the system keyring), so `afterdesk verify` run with the shop's
database can tell a pack the shop signed from one signed by anyone else; and `evidence_item.file_name`,
so two files of the same bytes each keep their own name in a pack. Frozen SQL: never
edit after release."""

VERSION = 9
DESCRIPTION = "evidence packs: shop signing keys, item file names"

STATEMENTS = (
    'CREATE TABLE IF NOT EXISTS "shop_signing_key" ("id" INTEGER NOT NULL PRIMARY KEY, "shop_id" INTEGER NOT NULL, "public_key" VARCHAR(64) NOT NULL, "fingerprint" VARCHAR(24) NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE)',
    'CREATE INDEX IF NOT EXISTS "shop_signing_key_shop_id" ON "shop_signing_key" ("shop_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "shop_signing_key_public_key" ON "shop_signing_key" ("public_key")',
)
ADD_FILE_NAME = ('ALTER TABLE "evidence_item" ADD COLUMN "file_name" VARCHAR(300) NOT NULL '
                 "DEFAULT ''")


def apply(db) -> None:
    # Safe to run twice (a test rolls the recorded version back and upgrades again).
    for statement in STATEMENTS:
        db.execute_sql(statement)
    columns = {row[1] for row in db.execute_sql('PRAGMA table_info("evidence_item")')}
    if "file_name" not in columns:
        db.execute_sql(ADD_FILE_NAME)


def apply_postgres(db) -> None:
    from app.migrations.postgres import translate
    for statement in STATEMENTS:
        db.execute_sql(translate(statement))
    db.execute_sql(translate(ADD_FILE_NAME).replace("ADD COLUMN", "ADD COLUMN IF NOT EXISTS"))
