"""P4: opening a conversation of 1,000 messages.

What the thread panel reads when the rep picks the conversation (ui/conversation/
thread_panel.load_conversation): the header, the messages, the order beside the thread
and the quick phrases, through app.services. The panel shows the newest 300 messages of a
long thread; the figure reads all 1,000 (the transcript and the evidence pack do). The goal
is absolute (≤ 50 ms); the floor, for scale, is a raw SELECT of the same 1,000 messages.
The details add the CPU time of an opening: on a machine shared with other work the wall
time also holds the waits for a core.
"""

from __future__ import annotations

import time

from bench.figure import VALUE, Figure, interleaved, median
from app.db import database

FLOOR_SQL = ('SELECT * FROM "message" WHERE "conversation_id" = ? '
             'ORDER BY "sent_at", "id"')


def open_conversation(conversation_id: int, limit: int | None = None) -> dict:
    from app.services.messaging import quick_phrases, thread
    head = thread.header(conversation_id)
    return {"header": head, "messages": thread.thread_messages(conversation_id, limit),
            "side": thread.side_panel(conversation_id),
            "phrases": quick_phrases.find_phrases("", head.shop_id)}


def measure(scale, conversation_id: int) -> Figure:
    def floor():
        return database.execute_sql(FLOOR_SQL, (conversation_id,)).fetchall()

    opened = open_conversation(conversation_id)
    count = len(opened["messages"])
    cpu = []
    for _ in range(max(1, scale.repeats)):
        began = time.process_time()
        open_conversation(conversation_id)
        cpu.append((time.process_time() - began) * 1000)
    runs = interleaved({"service": lambda: open_conversation(conversation_id),
                        "floor": floor,
                        "shown": lambda: open_conversation(conversation_id, 300)},
                       scale.repeats, 1000)
    return Figure(
        "P4", "Open a long conversation",
        f"header, all {count} messages, order panel and phrases (app.services.messaging.thread)",
        f"raw SELECT of the same {count} messages", "ms",
        median(runs["service"]), median(runs["floor"]), 50.0, VALUE,
        runs=runs["service"], floor_runs=runs["floor"],
        details={"messages": count, "newest_300_as_the_panel_shows_ms":
                 round(median(runs["shown"]), 2),
                 "cpu_ms": round(median(cpu), 2),   # the work itself, whatever else runs
                 "fastest_ms": round(min(runs["service"]), 2)})
