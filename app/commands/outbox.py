"""`afterdesk outbox [--json]`: the answers to deliver and what became of them."""

from __future__ import annotations

import json


def register(subparsers) -> dict:
    parser = subparsers.add_parser("outbox", help="answers to deliver and their state")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=200)
    return {"outbox": run}


def run(args, db_path) -> int:
    from app.channels.outbox import rows
    items = rows(limit=max(1, args.limit))
    if args.json:
        print(json.dumps([{"id": r.id, "conversation": r.conversation, "channel": r.channel,
                           "account": r.account or None, "state": r.state,
                           "error": r.error or None, "attempts": r.attempts,
                           "message_id": r.channel_message_id or None,
                           "sent_at": r.sent_at.isoformat() if r.sent_at else None}
                          for r in items], ensure_ascii=False, indent=2))
        return 0
    for r in items:
        print(f"{r.id:>6}  conversation {r.conversation:>6}  {r.channel:<13} {r.state:<10}"
              + (f"  {r.error}" if r.error else ""))
    if not items:
        print("the outbox is empty")
    return 0
