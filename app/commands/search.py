"""`afterdesk search TEXT [--json] [--limit N]`: messages containing the words, newest first
(two-character Chinese words such as 退款 included)."""

from __future__ import annotations

import json


def register(subparsers) -> dict:
    parser = subparsers.add_parser("search", help="search the messages of every conversation")
    parser.add_argument("text", help="words to find, e.g. 退款 or refund")
    parser.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(read_only=True)
    return {"search": run}


def run(args, db_path) -> int:
    from app.clock import format_instant
    from app.models import Message
    from app.services.messaging.inbox import snippet
    from app.db import open_database
    from app.services.messaging.search import backend, search_messages
    if not backend().up_to_date():
        open_database(db_path)      # newer messages must be indexed first: that writes
    hits = search_messages(args.text, max(1, args.limit))
    bodies = {m.id: m for m in Message.select().where(Message.id.in_([h.message_id for h in hits]))}
    rows = [{"message": h.message_id, "conversation": h.conversation_id,
             "sent_at": format_instant(h.sent_at), "direction": bodies[h.message_id].direction,
             "text": bodies[h.message_id].body} for h in hits if h.message_id in bodies]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['sent_at']}  conversation {row['conversation']:>6}  {row['direction']:>3}  "
                  f"{snippet(row['text'], 70)}")
        if not rows:
            print("no message contains these words")
    return 0
