"""Changes made by the other AfterDesks on the same shop database, as change notices.

Every audited write appends a row to the change log inside its own transaction
(`log_change`, called by app.services.common.audit): what kind of thing changed, which
row, which rep, from which AfterDesk (`ORIGIN`). An AfterDesk reads the rows added since
it last looked (`ChangeFeed.poll`: one query on the primary key) and announces those of
the others as one change notice (app.services.common.change_notice), so its lists and
open views reload as they do after its own writes. Its own writes are skipped: the window
announced them when it made them.

This module is the only reader of the log: a server's own notifications (PostgreSQL's
LISTEN/NOTIFY) can replace the polling here without touching the pages. On such a server
a row id taken from a sequence may become visible after a higher one; the feed then has
to read by time as well, or by notification.
"""

from __future__ import annotations

import uuid
from typing import Iterable

from app.clock import utcnow
from app.models import AftersalesRequest, Conversation, Dispute
from app.models.live import ChangeLog
from app.services.common import change_notice as cn

ORIGIN = uuid.uuid4().hex[:16]           # this AfterDesk, while it runs
EVERYTHING_KIND = "*"                    # a row whose kind of change is not known

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


class ChangeFeed:
    """The change log read forward from where it stood when the feed was made."""

    def __init__(self, origin: str = ORIGIN):
        self.origin = origin
        self.last_id = latest_id()

    def poll(self) -> cn.Change | None:
        """The changes the other AfterDesks made since the last poll, as one change (None:
        none)."""
        rows = list(ChangeLog.select(ChangeLog.id, ChangeLog.origin, ChangeLog.kind,
                                     ChangeLog.entity, ChangeLog.entity_ref)
                    .where(ChangeLog.id > self.last_id).order_by(ChangeLog.id).tuples())
        if not rows:
            return None
        self.last_id = rows[-1][0]
        theirs = [row for row in rows if row[1] != self.origin]
        if not theirs:
            return None
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
