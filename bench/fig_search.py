"""P3: message search (two-character Chinese words included), against a raw FTS5 match of
a three-character query on the same index.

The service (app.services.messaging.search.search_messages, newest 200 hits) rewrites 退款 into its
bigram phrase, refund into a prefix query, and returns message, conversation and instant.
The floor asks the FTS5 table for a three-character Chinese word (退款申: the phrase
"退款 款申", what a trigram index would be asked) and joins the same three columns, newest
200, in one statement. The figure is the word with the worst ratio among what reps search
for: two-character Chinese words and an English word (a prefix query: refund finds
refunded). A single Chinese character (款, a prefix query over every term it starts) and the
inbox's text filter (every conversation with a match) are measured too, in the details.
"""

from __future__ import annotations

from bench.figure import Figure, interleaved, median
from app.db import database

LIMIT = 200
QUERIES = ("退款", "物流", "refund")
ALSO = ("款",)              # measured, in the details only
FLOOR_WORD = "退款申"
FLOOR_SQL = ('SELECT m."id", m."conversation_id", m."sent_at" FROM "message_search" s '
             'JOIN "message" m ON m."id" = s.rowid WHERE "message_search" MATCH ? '
             'ORDER BY s.rowid DESC LIMIT ?')


def measure(scale) -> Figure:
    from app.services.messaging import inbox, search

    phrase = '"' + " ".join(FLOOR_WORD[i:i + 2] for i in range(len(FLOOR_WORD) - 1)) + '"'

    def floor():
        return database.execute_sql(FLOOR_SQL, (phrase, LIMIT)).fetchall()

    floor()
    per_query, worst = {}, None
    for query in QUERIES + ALSO:
        hits = search.search_messages(query, LIMIT)
        runs = interleaved({"service": lambda q=query: search.search_messages(q, LIMIT),
                            "floor": floor,
                            "inbox": lambda q=query: inbox.conversation_ids({"text": q})},
                           scale.repeats, 1000)
        value, low = median(runs["service"]), median(runs["floor"])
        per_query[query] = {"hits": len(hits), "ms": round(value, 2), "floor_ms": round(low, 2),
                            "ratio": round(value / low, 2) if low else None,
                            "inbox_text_filter_ms": round(median(runs["inbox"]), 1),
                            "inbox_conversations": len(inbox.conversation_ids({"text": query}))}
        if query in QUERIES and (worst is None or value / low > worst[1] / worst[2]):
            worst = (query, value, low, runs)
    query, value, low, runs = worst
    return Figure(
        "P3", "Message search",
        f"search '{query}', newest {LIMIT} hits (app.services.messaging.search)",
        f"raw FTS5 MATCH of the 3-character {FLOOR_WORD}, newest {LIMIT}, same columns",
        "ms", value, low, 3.0, runs=runs["service"], floor_runs=runs["floor"],
        details={"queries": per_query, "floor_hits": len(floor())})
