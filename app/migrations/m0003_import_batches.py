"""Schema version 3: `import_batch`, one row per order export imported (file name, SHA-256
of the file, layout, and how many orders were added, updated and skipped), so a re-import of
the same file is recognised and every import can be traced."""

VERSION = 3
DESCRIPTION = "order imports: import batches"

SQLITE_STATEMENTS = (
    'CREATE TABLE "import_batch" ("id" INTEGER NOT NULL PRIMARY KEY, "shop_id" INTEGER NOT NULL, "file_name" VARCHAR(260) NOT NULL, "file_sha256" VARCHAR(64) NOT NULL, "items_file_name" VARCHAR(260) NOT NULL, "layout" VARCHAR(40) NOT NULL, "rows" INTEGER NOT NULL, "added" INTEGER NOT NULL, "updated" INTEGER NOT NULL, "skipped" INTEGER NOT NULL, "warnings" INTEGER NOT NULL, "imported_at" DATETIME NOT NULL, "imported_by" VARCHAR(100) NOT NULL, FOREIGN KEY ("shop_id") REFERENCES "shop" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "import_batch_shop_id" ON "import_batch" ("shop_id")',
    'CREATE INDEX "import_batch_shop_id_file_sha256" ON "import_batch" ("shop_id", "file_sha256")',
)


def apply(db) -> None:
    for statement in SQLITE_STATEMENTS:
        db.execute_sql(statement)
