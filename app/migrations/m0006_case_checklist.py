"""Schema version 6: `case_checklist_tick`, the steps of a dispute's or an after-sales
request's guided checklist (lost parcel, short shipment) that the rep ticked off, so the
ticks outlast a change of case and a restart. Frozen SQL: never edit after release."""

VERSION = 6
DESCRIPTION = "case checklists: ticked steps"

STATEMENTS = (
    'CREATE TABLE "case_checklist_tick" ("id" INTEGER NOT NULL PRIMARY KEY, "dispute_id" INTEGER, "request_id" INTEGER, "guide" VARCHAR(24) NOT NULL, "step" VARCHAR(32) NOT NULL, "ticked_at" DATETIME NOT NULL, "ticked_by" VARCHAR(100) NOT NULL, FOREIGN KEY ("dispute_id") REFERENCES "dispute" ("id") ON DELETE CASCADE, FOREIGN KEY ("request_id") REFERENCES "aftersales_request" ("id") ON DELETE CASCADE)',
    'CREATE INDEX "case_checklist_tick_dispute_id" ON "case_checklist_tick" ("dispute_id")',
    'CREATE INDEX "case_checklist_tick_request_id" ON "case_checklist_tick" ("request_id")',
    'CREATE UNIQUE INDEX "case_checklist_tick_dispute_id_guide_step" ON "case_checklist_tick" ("dispute_id", "guide", "step")',
    'CREATE UNIQUE INDEX "case_checklist_tick_request_id_guide_step" ON "case_checklist_tick" ("request_id", "guide", "step")',
)


def apply(db) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
