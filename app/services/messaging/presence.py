"""Who is replying in a conversation right now ("李丽 is replying"): a rep typing in a
conversation's composer marks it, with an expiry; the other reps opening that
conversation read who marked it and has not let it expire. A sent reply or a rep leaving
the conversation clears the mark. Not audited: it says what is going on, it changes no
record."""

from __future__ import annotations

from datetime import timedelta

from app.clock import utcnow
from app.db import database
from app.models import Conversation
from app.models.live import Presence
from app.services.common.live_changes import ORIGIN
from app.services.common.reps import current_rep

REPLYING = "replying"
LASTS = timedelta(seconds=30)       # a mark not renewed meanwhile is forgotten after this


def _uid(conversation_id: int) -> str | None:
    return Conversation.select(Conversation.uid).where(Conversation.id == conversation_id).scalar()


def mark_replying(conversation_id: int, *, rep: str | None = None, at=None) -> None:
    """The rep (this AfterDesk's, by default) is writing a reply in the conversation."""
    uid = _uid(conversation_id)
    if uid is None:
        return
    until = (at or utcnow()) + LASTS
    with database.atomic():
        (Presence.insert(conversation_uid=uid, rep=(rep or current_rep())[:100], origin=ORIGIN,
                         activity=REPLYING, expires_at=until)
         .on_conflict(conflict_target=[Presence.conversation_uid, Presence.rep],
                      update={Presence.expires_at: until, Presence.origin: ORIGIN,
                              Presence.activity: REPLYING})
         .execute())


def clear(conversation_id: int, *, rep: str | None = None) -> None:
    """The rep stopped replying there (sent, emptied the composer, left)."""
    uid = _uid(conversation_id)
    if uid is not None:
        with database.atomic():
            Presence.delete().where((Presence.conversation_uid == uid)
                                    & (Presence.rep == (rep or current_rep()))).execute()


def replying(conversation_id: int, *, at=None) -> list[str]:
    """The other reps replying in the conversation now (not this AfterDesk's rep)."""
    uid = _uid(conversation_id)
    if uid is None:
        return []
    now = at or utcnow()
    me = current_rep()
    return [name for (name,) in Presence.select(Presence.rep)
            .where((Presence.conversation_uid == uid) & (Presence.expires_at > now)
                   & (Presence.rep != me))
            .order_by(Presence.rep).tuples()]
