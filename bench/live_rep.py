"""One simulated rep of P13 (bench/fig_live.py), in a process of its own: AfterDesk's live
changes reader as the window runs it on a server (a listener on its own connection wakes
a reader of the change log; a fallback poll besides), and a rep writing at once with the
others: a star, an assignment or an unread mark on one of the shop's conversations, every
WRITE_EVERY_S or so.

    python -m bench.live_rep --server ADDRESS --rep NAME --start EPOCH --seconds S --out FILE

Its record (FILE, JSON): `writes`, each [change log id, wall-clock time just before its
COMMIT]; `seen`, each [change log id of another rep's write, wall-clock time the reader
had read it]. The parent matches them (one machine, one clock).
"""

from __future__ import annotations

import argparse
import json
import random
import threading
import time

WRITE_EVERY_S = 0.25
FALLBACK_S = 5.0           # as ui/live_changes.FALLBACK_MS
POLL_S = 1.0               # as ui/live_changes.POLL_MS: the reader without notifications
TAIL_S = 4.0               # the reader goes on this long after the last write


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--rep", required=True)
    parser.add_argument("--start", type=float, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--poll-only", action="store_true",
                        help="no listener: the change log read every second (the A/B of "
                             "docs/performance.md, P13)")
    args = parser.parse_args(argv)

    from app.db import database, open_database
    from app.models import Conversation
    from app.models.live import ChangeLog
    from app.services.common import live_changes
    from app.services.common.reps import set_current_rep
    from app.services.messaging import conversations

    open_database(args.server, migrate=False)
    set_current_rep(args.rep)
    seen: list = []
    wake, done = threading.Event(), threading.Event()
    feed = live_changes.ChangeFeed()

    def read() -> None:
        while not done.is_set():
            wake.wait(POLL_S if args.poll_only else FALLBACK_S)
            wake.clear()
            before = feed.last_id
            change = feed.poll()
            at = time.time()
            if change is not None:
                ids = (ChangeLog.select(ChangeLog.id)
                       .where((ChangeLog.id > before) & (ChangeLog.id <= feed.last_id)
                              & (ChangeLog.origin != live_changes.ORIGIN)).tuples())
                seen.extend([row[0], at] for row in ids)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    listener = None if args.poll_only else live_changes.listen(wake.set, lambda *_: None)
    ids = [row[0] for row in Conversation.select(Conversation.id).tuples()]
    chance = random.Random(args.seed)
    writes: list = []
    time.sleep(max(0.0, args.start - time.time()))
    end = args.start + args.seconds
    while time.time() < end:
        conv_id = chance.choice(ids)
        with database.atomic():
            conv = Conversation.get_by_id(conv_id)
            step = chance.randrange(3)
            if step == 0:
                conversations.set_star(conv, chance.choice(["red", "blue", "green", "none"]))
            elif step == 1:
                conversations.assign(conv, args.rep)
            else:
                conversations.mark_unread(conv)
            logged = (ChangeLog.select(ChangeLog.id)
                      .where(ChangeLog.origin == live_changes.ORIGIN)
                      .order_by(ChangeLog.id.desc()).scalar())
            at = time.time()
        writes.append([logged, at])
        time.sleep(chance.uniform(0.5, 1.5) * WRITE_EVERY_S)
    time.sleep(TAIL_S)
    done.set()
    wake.set()
    reader.join(10)
    if listener is not None:
        listener.stop()
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump({"rep": args.rep, "writes": writes, "seen": seen}, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
