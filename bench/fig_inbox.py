"""P2: switching the inbox filter, against the raw indexed SQL for the same result.

A switch, as the window does it (ui/pages/conversations_page.py): every matching id in list
order (app.services.messaging.inbox.conversation_ids; the list needs them all for its count and its
scroll bar), then the rows of the first page the view paints (conversation_rows of the
first 100 ids). The floor is hand-written SQL giving the same: the ids through the same
index, and the page's rows with the same columns (buyer, shop, order, open case, latest
message) in one statement. The floor reads the ids row by row, as plain SQL does; the
service has SQLite join them into one text (app.services.messaging.inbox.ids_in_order), which is
what keeps the read quick while the window is busy, and on its own about as fast. Every filter a rep switches to is timed; the figure is the
filter with the worst ratio. The first page alone (ids LIMIT 100 + rows) is in the details.
"""

from __future__ import annotations

from bench.figure import Figure, interleaved, median
from app.db import database

PAGE = 100
FILTERS = (("all", {}), ("unreplied", {"unreplied": True}), ("unread", {"unread": True}),
           ("star red", {"star": "red"}), ("shop", {"shop": "tb-demo"}),
           ("open case", {"open_case": True}),
           ("unreplied + order completed", {"unreplied": True, "order_status": "completed"}))

_OPEN_CASE = ('(EXISTS (SELECT 1 FROM "dispute" d WHERE d."order_id" = {o} AND d."state" NOT IN '
              "('resolved', 'cancelled')) OR EXISTS (SELECT 1 FROM \"aftersales_request\" r "
              'WHERE r."order_id" = {o} AND r."state" NOT IN '
              "('success', 'closed', 'cancelled')))")
RAW_WHERE = {
    "unreplied": '"is_replied" = 0',
    "unread": '"is_read" = 0',
    "star": '"star" = ?',
    "shop": '"shop_id" IN (SELECT "id" FROM "shop" WHERE "key" = ?)',
    "order_status": '"order_id" IN (SELECT "id" FROM "orders" WHERE "status" = ?)',
    "open_case": ('"order_id" IN (SELECT "order_id" FROM "dispute" WHERE "state" NOT IN '
                  "('resolved', 'cancelled') UNION SELECT \"order_id\" FROM \"aftersales_request\" "
                  "WHERE \"state\" NOT IN ('success', 'closed', 'cancelled'))"),
}
RAW_ROWS = (
    'SELECT c."id", b."name", b."login", b."country", s."key", s."platform", c."channel", '
    'c."star", c."subject", c."is_read", c."is_replied", o."order_no", o."status", '
    'c."last_message_at", c."assigned_to", c."last_inbound_at", '
    + _OPEN_CASE.format(o='o."id"') + ', '
    '(SELECT m."body" || m."direction" FROM "message" m WHERE m."conversation_id" = c."id" '
    'AND m."is_internal" = 0 ORDER BY m."sent_at" DESC, m."id" DESC LIMIT 1) '
    'FROM "conversation" c JOIN "buyer" b ON b."id" = c."buyer_id" '
    'JOIN "shop" s ON s."id" = c."shop_id" LEFT JOIN "orders" o ON o."id" = c."order_id" '
    'WHERE c."id" IN ({marks})')


def raw_ids_sql(filters: dict, limit: int | None = None) -> tuple[str, tuple]:
    where, params = [], []
    for key, value in filters.items():
        where.append(RAW_WHERE[key])
        if "?" in RAW_WHERE[key]:
            params.append(value)
    sql = 'SELECT "id" FROM "conversation"'
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += ' ORDER BY "last_message_at" DESC, "id" DESC'
    if limit:
        sql += f" LIMIT {int(limit)}"
    return sql, tuple(params)


def raw_rows(ids: list[int]) -> list:
    if not ids:
        return []
    return database.execute_sql(RAW_ROWS.format(marks=",".join("?" * len(ids))),
                                tuple(ids)).fetchall()


def measure(scale) -> Figure:
    from app.services.messaging import inbox

    def service(filters):
        ids = inbox.conversation_ids(filters)
        return ids, inbox.conversation_rows(ids[:PAGE])

    def floor(filters):
        sql, params = raw_ids_sql(filters)
        ids = [row[0] for row in database.execute_sql(sql, params)]
        return ids, raw_rows(ids[:PAGE])

    def first_page(filters):
        sql, params = raw_ids_sql(filters, PAGE)
        return raw_rows([row[0] for row in database.execute_sql(sql, params)])

    per_filter, worst = {}, None
    for label, filters in FILTERS:
        ids, rows = service(filters)                      # warm the cache alike for both
        raw_ids, _ = floor(filters)
        if ids != raw_ids:
            raise AssertionError(f"P2 {label}: the raw SQL lists other conversations")
        runs = interleaved({"service": lambda f=filters: service(f),
                            "floor": lambda f=filters: floor(f),
                            "page": lambda f=filters: first_page(f)}, scale.repeats, 1000)
        value, low = median(runs["service"]), median(runs["floor"])
        per_filter[label] = {"ids": len(ids), "ms": round(value, 2), "floor_ms": round(low, 2),
                             "ratio": round(value / low, 2) if low else None,
                             "first_page_only_ms": round(median(runs["page"]), 2)}
        if worst is None or value / low > worst[1] / worst[2]:
            worst = (label, value, low, runs)
    label, value, low, runs = worst
    return Figure(
        "P2", "Inbox filter switch",
        f"filter '{label}': every matching id + rows of the first page (app.services.messaging.inbox)",
        "raw indexed SQL for the same ids and the same page of rows", "ms", value, low, 2.0,
        runs=runs["service"], floor_runs=runs["floor"], details={"filters": per_filter})
