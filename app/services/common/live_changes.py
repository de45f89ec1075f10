"""Changes made by the other AfterDesks on the same shop database, as change notices.

Every audited write appends a row to the change log inside its own transaction
(`log_change`, called by app.services.common.audit): what kind of thing changed, which
row, which rep, from which AfterDesk (`ORIGIN`). An AfterDesk reads the rows added since
it last looked (`ChangeFeed.poll`: one query on the primary key) and announces those of
the others as one change notice (app.services.common.change_notice), so its lists and
open views reload as they do after its own writes. Its own writes are skipped: the window
announced them when it made them.

This module is the only reader of the log. On a PostgreSQL server each row added also
sends a notification when its transaction commits (migration 16); `listen` starts a
listener of its own (app/server/notifications.py) that wakes the reader at once, so the
window reads the log when something changed rather than only at its next poll. The log
stays the source of truth: a notification carries nothing but "read now", and a
notification lost (the listener reconnecting) is made up by the next poll.

On a server a row id taken from a sequence may become visible after a higher one (two
writers' transactions committing in the other order). Writers wait their turn on the
shop's write lock (app/server/handle.py), which is taken before the row is added and held
to the commit, so ids become visible in order there too.

The log is pruned (`prune`): rows older than KEEP are deleted, at most once per
PRUNE_EVERY by each open window. A reader that has not read the log for STALE_AFTER (a
computer woken from sleep, a server gone for hours) may have missed pruned rows: its next
reading reports everything as changed, and every list reloads.

A change to the reps (the owner added one, changed a role) makes the reader read this
login's role again before it announces the change (app.services.common.reps), so the
reload that follows shows what the login may now do.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Callable, Iterable

from app.clock import utcnow
from app.db import database
from app.models import AftersalesRequest, Conversation, Dispute
from app.models.live import ChangeLog
from app.services.common import change_notice as cn
from app.services.common.reps import reread_identity

ORIGIN = uuid.uuid4().hex[:16]           # this AfterDesk, while it runs
EVERYTHING_KIND = "*"                    # a row whose kind of change is not known
KEEP = timedelta(days=1)                 # the change log keeps this much
STALE_AFTER = KEEP / 2                   # a reader quiet this long reloads everything
REPS_ENTITY = "rep"                      # the owner's `server rep` commands (app.commands.server_reps)

# The audit trail's entities, by the kind of change the pages listen for.
_KIND_OF = {
    "conversation": cn.CONVERSATIONS, "translation": cn.CONVERSATIONS,
    "outbox_item": cn.CONVERSATIONS, "message_sync": cn.CONVERSATIONS,
    "dispute": cn.CASES, "aftersales": cn.CASES,
    "complaint": cn.COMPLAINTS, "evidence_pack": cn.EVIDENCE,
    "order": cn.ORDERS, "import": cn.ORDERS,
    "shop": cn.SHOPS, "buyer": cn.SHOPS, "channel_account": cn.SHOPS,
    "policy": cn.POLICY, "calendar": cn.POLICY,
    "quick_phrase": cn.PHRASES, "auto_reply_rule": cn.PHRASES,
    "saved_view": cn.VIEWS,
}
# Follow-ups are recorded on their conversation: a conversation's change may touch them.
_ALSO = {cn.CONVERSATIONS: (cn.FOLLOWUPS,), cn.CASES: (cn.EVIDENCE,)}
_VERSIONED = {"conversation": Conversation, "dispute": Dispute, "aftersales": AftersalesRequest}


def log_change(rep: str, entity: str, entity_ref: str, action: str, at=None) -> None:
    """One row of the change log (inside the caller's transaction), with the row's version
    when the entity has one."""
    model = _VERSIONED.get(entity)
    version = None
    if model is not None:
        version = (model.select(model.version).where(model.uid == entity_ref).scalar())
    ChangeLog.create(at=at or utcnow(), rep=rep[:100], origin=ORIGIN,
                     kind=_KIND_OF.get(entity, EVERYTHING_KIND), entity=entity[:32],
                     entity_ref=str(entity_ref)[:200], action=action[:40], version=version)


def latest_id() -> int:
    return ChangeLog.select(ChangeLog.id).order_by(ChangeLog.id.desc()).scalar() or 0


def prune(now=None) -> int:
    """Delete the change log's rows older than KEEP (every reader has read them or will
    reload everything, see ChangeFeed); how many."""
    cutoff = (now or utcnow()) - KEEP
    with database.atomic():
        return ChangeLog.delete().where(ChangeLog.at < cutoff).execute()


def listen(on_wake: Callable[[], None],
           on_state: Callable[[bool, BaseException | None], None]):
    """On a server: a started listener (app.server.notifications.ChangeListener) that calls
    `on_wake()` on its own thread when another AfterDesk's change was committed, and
    `on_state(listening, error)` when the server goes or comes back. On a file: None (the
    log is only polled)."""
    if database.backend != "postgresql":
        return None
    from app.server.notifications import ChangeListener
    listener = ChangeListener(database.obj.new_connection, ORIGIN, on_wake, on_state)
    listener.start()
    return listener


class ChangeFeed:
    """The change log read forward from where it stood when the feed was made."""

    def __init__(self, origin: str = ORIGIN):
        self.origin = origin
        self.last_id = latest_id()
        self.read_at = utcnow()

    def poll(self, now=None) -> cn.Change | None:
        """The changes the other AfterDesks made since the last poll, as one change (None:
        none). After STALE_AFTER without a reading: everything (rows may be pruned)."""
        now = now or utcnow()
        if now - self.read_at >= STALE_AFTER:
            self.last_id, self.read_at = latest_id(), now
            reread_identity()
            return cn.Change(frozenset(cn.EVERYTHING), ())
        rows = list(ChangeLog.select(ChangeLog.id, ChangeLog.origin, ChangeLog.kind,
                                     ChangeLog.entity, ChangeLog.entity_ref)
                    .where(ChangeLog.id > self.last_id).order_by(ChangeLog.id).tuples())
        self.read_at = now
        if not rows:
            return None
        self.last_id = rows[-1][0]
        theirs = [row for row in rows if row[1] != self.origin]
        if not theirs:
            return None
        if any(row[3] == REPS_ENTITY for row in theirs):
            reread_identity()       # the owner changed a rep: this login's role may differ
        return cn.Change(frozenset(_kinds(row[2] for row in theirs)),
                         tuple(dict.fromkeys(ref for row in theirs
                                             if (ref := _ref(row[3], row[4])))))


def announce(change: cn.Change | None) -> int:
    """Tell this AfterDesk's listeners about the others' change; how many were told."""
    if change is None:
        return 0
    return cn.changed(change.kinds, change.refs)


def _kinds(kinds: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for kind in kinds:
        if kind == EVERYTHING_KIND or kind not in cn.EVERYTHING:
            return set(cn.EVERYTHING)
        found.add(kind)
        found.update(_ALSO.get(kind, ()))
    return found


def conversation_ref(conversation_id: int) -> str:
    """How a change names a conversation among its refs (the open thread listens for it)."""
    return f"conversation {conversation_id}"


def _ref(entity: str, uid: str) -> str | None:
    """'D-3' / 'A-7' for a case (the case view listens by case id), 'conversation 5' for a
    conversation (the open thread), else None."""
    model = _VERSIONED.get(entity)
    if model is None:
        return None
    number = model.select(model.id).where(model.uid == uid).scalar()
    if number is None:
        return None
    if model is Conversation:
        return conversation_ref(number)
    return f"D-{number}" if model is Dispute else f"A-{number}"
