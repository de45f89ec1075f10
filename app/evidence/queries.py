"""Reads for the evidence builder: a case's packs, a pack's items as rows, and what a rep can
pick from (the order's conversations and tracking)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import JOIN

from app.case_refs import parse_case_id
from app.errors import InvalidInput
from app.models import (AftersalesRequest, Conversation, Dispute, EvidenceItem, EvidencePack,
                        Message, StoredFile, TrackingEvent)


@dataclass(frozen=True)
class ItemRow:
    id: int
    position: int
    category: str
    caption: str
    kind: str             # message / tracking / file
    what: str             # the message text, the tracking line or the file name
    at: datetime | None   # when it happened (message, tracking) or was added (file)


@dataclass(frozen=True)
class MessageChoice:
    id: int
    conversation_id: int
    at: datetime
    direction: str
    channel: str
    author: str
    body: str
    translation: str


def case_by_ref(ref: str):
    """The dispute or after-sales request a pack names ("D-12", "A-7"), or None."""
    try:
        kind, number = parse_case_id(ref)
    except InvalidInput:
        return None
    model = Dispute if kind == "dispute" else AftersalesRequest
    return model.get_or_none(model.id == number)


def packs_of(case) -> list[EvidencePack]:
    """Every version of the case's pack, oldest first (the history)."""
    owner = EvidencePack.dispute if isinstance(case, Dispute) else EvidencePack.request
    return list(EvidencePack.select().where(owner == case.id).order_by(EvidencePack.version))


def latest_pack(case) -> EvidencePack | None:
    packs = packs_of(case)
    return packs[-1] if packs else None


def item_rows(pack: EvidencePack | None) -> list[ItemRow]:
    if pack is None:
        return []
    query = (EvidenceItem.select(EvidenceItem, Message, TrackingEvent, StoredFile)
             .join(Message, join_type=JOIN.LEFT_OUTER, on=(EvidenceItem.message == Message.id))
             .switch(EvidenceItem)
             .join(TrackingEvent, join_type=JOIN.LEFT_OUTER,
                   on=(EvidenceItem.tracking_event == TrackingEvent.id))
             .switch(EvidenceItem)
             .join(StoredFile, join_type=JOIN.LEFT_OUTER, on=(EvidenceItem.file == StoredFile.id))
             .where(EvidenceItem.pack == pack).order_by(EvidenceItem.position))
    rows = []
    for item in query:
        if item.message_id:
            m = item.message
            rows.append(ItemRow(item.id, item.position, item.category, item.caption, "message",
                                m.body, m.sent_at))
        elif item.tracking_event_id:
            t = item.tracking_event
            rows.append(ItemRow(item.id, item.position, item.category, item.caption, "tracking",
                                f"{t.location} {t.description}".strip(), t.at))
        elif item.file_id:
            f = item.file
            rows.append(ItemRow(item.id, item.position, item.category, item.caption, "file",
                                item.file_name or f.original_name or f.sha256[:12],
                                f.created_at))
    return rows


def category_counts(pack: EvidencePack | None) -> dict[str, int]:
    counts: dict[str, int] = {}
    if pack is None:
        return counts
    for item in EvidenceItem.select(EvidenceItem.category).where(EvidenceItem.pack == pack):
        counts[item.category] = counts.get(item.category, 0) + 1
    return counts


def case_conversations(case) -> list[Conversation]:
    """Conversations about the case's order, and the buyer's conversations about no order."""
    order = case.order
    where = Conversation.order == order.id
    if order.buyer_id is not None:
        where |= ((Conversation.buyer == order.buyer_id) & (Conversation.shop == order.shop_id)
                  & Conversation.order.is_null())
    return list(Conversation.select().where(where).order_by(Conversation.created_at))


def message_choices(case) -> list[MessageChoice]:
    """Messages a pack may show: never internal notes (the buyer never saw them)."""
    ids = [c.id for c in case_conversations(case)]
    if not ids:
        return []
    query = (Message.select().where(Message.conversation.in_(ids)
                                    & (Message.is_internal == 0))     # an integer column
             .order_by(Message.sent_at, Message.id))
    return [MessageChoice(m.id, m.conversation_id, m.sent_at, m.direction, m.channel, m.author,
                          m.body, m.translation or "") for m in query]


def tracking_choices(case) -> list[TrackingEvent]:
    return list(TrackingEvent.select().where(TrackingEvent.order == case.order_id)
                .order_by(TrackingEvent.at, TrackingEvent.id))
