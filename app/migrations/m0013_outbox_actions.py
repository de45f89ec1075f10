"""Schema version 13: an outbox item may carry a decision for a marketplace's open
platform (`action`, JSON: a Taobao refund refused with its reason…), delivered like an
answer with the same states. NULL for an answer. Frozen SQL: never edit after release."""

VERSION = 13
DESCRIPTION = "outbox: platform decisions"

STATEMENTS = (
    'ALTER TABLE "outbox_item" ADD COLUMN "action" TEXT',
)


def apply(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
