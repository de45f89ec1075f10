"""P12: the inbox filter switch (P2's queries) and the message search (P3's) on a shop
database on a PostgreSQL server, each against raw SQL on the same server.

The inbox half is P2 measured as it is (bench/fig_inbox.py: the service against the same
hand-written indexed SQL), with the handle pointed at the server. The search half is the
service (app.services.messaging.search, PostgresTermSearch) against a raw tsquery of the
three-character 退款申 (the phrase '退款' <-> '款申') on the same GIN index, newest 200
hits, same columns: P3's floor in PostgreSQL's words. The figure is the worse of the two
ratios; both are in the details.
"""

from __future__ import annotations

from bench.figure import Figure, interleaved, median
from app.db import database

LIMIT = 200
QUERIES = ("退款", "物流", "refund")
FLOOR_SQL = ('SELECT m."id", m."conversation_id", m."sent_at" FROM "message_search" s '
             'JOIN "message" m ON m."id" = s."rowid" '
             "WHERE s.\"terms\" @@ '''退款'' <-> ''款申'''::tsquery "
             'ORDER BY s."rowid" DESC LIMIT 200')


def _search(scale) -> dict:
    from app.services.messaging import search

    def floor():
        return database.execute_sql(FLOOR_SQL).fetchall()

    floor()
    per_query, worst = {}, None
    for query in QUERIES:
        hits = search.search_messages(query, LIMIT)
        runs = interleaved({"service": lambda q=query: search.search_messages(q, LIMIT),
                            "floor": floor}, scale.repeats, 1000)
        value, low = median(runs["service"]), median(runs["floor"])
        per_query[query] = {"hits": len(hits), "ms": round(value, 2), "floor_ms": round(low, 2),
                            "ratio": round(value / low, 2) if low else None}
        if worst is None or value / low > worst[1] / worst[2]:
            worst = (query, value, low, runs)
    return {"worst": worst, "queries": per_query, "floor_hits": len(floor())}


def measure(scale) -> Figure:
    """P12 on the server the handle points at (the shops moved there)."""
    from bench import fig_inbox
    if database.backend != "postgresql":
        raise RuntimeError("P12 measures a server database: open a postgresql:// address")
    inbox = fig_inbox.measure(scale)
    found = _search(scale)
    query, value, low, runs = found["worst"]
    details = {"inbox": {"value_ms": inbox.value, "floor_ms": inbox.floor,
                         "ratio": round(inbox.ratio, 2), **inbox.details},
               "search": {"queries": found["queries"], "floor_hits": found["floor_hits"]}}
    if inbox.ratio >= value / low:
        return Figure("P12", "Inbox and search on a server", "inbox " + inbox.what,
                      inbox.floor_what + " on the same server", "ms", inbox.value,
                      inbox.floor, 2.0, runs=inbox.runs, floor_runs=inbox.floor_runs,
                      details=details)
    return Figure("P12", "Inbox and search on a server",
                  f"search '{query}', newest {LIMIT} hits (PostgresTermSearch)",
                  "raw tsquery of the 3-character 退款申 on the same GIN index, newest 200",
                  "ms", value, low, 2.0, runs=runs["service"], floor_runs=runs["floor"],
                  details=details)
