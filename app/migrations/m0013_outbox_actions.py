"""Schema version 13: an outbox item may carry a decision for a marketplace's open
platform (`action`, JSON: a Taobao refund refused with its reason…), delivered like an
answer with the same states. NULL for an answer. Frozen SQL: never edit after release.
The column is added only when missing: a database taken back to an older version (tests
of earlier migrations) keeps it."""

VERSION = 13
DESCRIPTION = "outbox: platform decisions"

STATEMENTS = (
    'ALTER TABLE "outbox_item" ADD COLUMN "action" TEXT',
)


def apply(db) -> None:
    columns = {row[1] for row in db.execute_sql('PRAGMA table_info("outbox_item")')}
    if "action" not in columns:
        for statement in STATEMENTS:
            db.execute_sql(statement)
