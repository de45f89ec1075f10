"""Everything a pack shows, read from the database once, as plain data.

The PDF and the ZIP are built from a `PackContent`, never from live records, so a build can
run off the window's thread and two builds of the same pack version give the same hashes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.evidence import pack_words as words
from app.models import (Dispute, DisputeEvent, DisputeProposal, EvidenceItem, EvidencePack,
                        Message, RequestEvent, StoredFile, TrackingEvent)
from app.vocab import DISPUTE_FINAL_STATES


@dataclass(frozen=True)
class CaseInfo:
    ref: str                 # D-12 / A-7
    is_dispute: bool
    platform: str
    shop_name: str
    timezone: str
    order_no: str
    issue_id: str
    buyer_name: str
    buyer_login: str
    buyer_country: str
    kind: str
    reason: str
    reason_text: str
    state: str
    opened_at: datetime
    closed_at: datetime | None
    paid_at: datetime | None
    shipped_at: datetime | None
    delivered_at: datetime | None
    carrier: str
    tracking_no: str
    goods: tuple[str, ...]
    amount: str


@dataclass(frozen=True)
class TimelineLine:
    at: datetime
    actor: str
    action: str
    change: str              # "awaiting the seller's answer → negotiating", or ""
    by_rule: str


@dataclass(frozen=True)
class ChatLine:
    at: datetime
    channel: str
    direction: str           # in (buyer) / out (shop)
    author: str
    body: str
    source_lang: str
    translation: str
    translation_lang: str
    is_auto: bool


@dataclass(frozen=True)
class ChatThread:
    conversation_id: int
    channel: str
    subject: str
    lines: tuple[ChatLine, ...]


@dataclass(frozen=True)
class TrackLine:
    at: datetime
    location: str
    description: str
    status: str


@dataclass(frozen=True)
class FileEntry:
    position: int
    category: str
    caption: str
    sha256: str
    size: int
    mime: str
    name: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


@dataclass
class PackContent:
    case: CaseInfo
    pack_uid: str
    version: int
    state: str
    statement: str
    created_at: datetime
    submitted_at: datetime | None
    stored_hash: str | None          # the hash recorded when the pack was submitted
    timeline: list[TimelineLine] = field(default_factory=list)
    threads: list[ChatThread] = field(default_factory=list)
    tracking: list[TrackLine] = field(default_factory=list)
    files: list[FileEntry] = field(default_factory=list)

    @property
    def message_count(self) -> int:
        return sum(len(t.lines) for t in self.threads)


def case_info(case) -> CaseInfo:
    """The case as the pack shows it: every code in words (app.evidence.pack_words)."""
    order = case.order
    shop = order.shop
    dispute = isinstance(case, Dispute)
    buyer = order.buyer
    platform = shop.platform
    if dispute:
        kind = " · ".join(filter(None, (words.in_words(words.KINDS, case.kind, platform),
                                        words.in_words(words.SUB_KINDS, case.sub_kind,
                                                       platform))))
        reason = case.reason
    else:
        kind = words.in_words(words.SERVICE_TYPES, case.service_type, platform)
        reason = words.in_words(words.REQUEST_REASONS, case.reason, platform)
    return CaseInfo(
        ref=f"D-{case.id}" if dispute else f"A-{case.id}", is_dispute=dispute,
        platform=platform, shop_name=shop.name, timezone=shop.timezone,
        order_no=order.order_no, issue_id=(case.issue_id or "") if dispute else "",
        buyer_name=buyer.name if buyer else "", buyer_login=buyer.login if buyer else "",
        buyer_country=buyer.country if buyer else "",
        kind=kind, reason=reason, reason_text=case.reason_text if dispute else (
            case.description or case.reason_text),
        state=words.in_words(words.STATES, case.state, platform), opened_at=case.opened_at,
        closed_at=case.closed_at if dispute else case.resolved_at,
        paid_at=order.paid_at, shipped_at=order.shipped_at, delivered_at=order.delivered_at,
        carrier=order.carrier, tracking_no=order.tracking_no,
        goods=tuple(f"{i.title} × {i.quantity}" for i in order.items.order_by(
            order.items.model.position)),
        amount=_amount(case, dispute, platform))


def _amount(case, dispute: bool, platform: str) -> str:
    """What the case is about in money, in words: what the buyer asks (a dispute's open
    claim), what was refunded, and what the order paid."""
    order = case.order
    parts = []
    if dispute:
        asked = (DisputeProposal.select().where((DisputeProposal.dispute == case.id)
                                                & (DisputeProposal.party == "buyer"))
                 .order_by(DisputeProposal.updated_at.desc()).first())
        if case.refund_amount is not None and case.state in DISPUTE_FINAL_STATES:
            parts.append(words.amount_words("refunded", case.refund_amount, case.currency,
                                            platform))
        elif asked is not None:
            parts.append(words.amount_words("asked", asked.refund_amount, asked.currency,
                                            platform))
    elif case.amount is not None:
        parts.append(words.amount_words("asked", case.amount, case.currency, platform))
    if order.paid_amount:
        parts.append(words.amount_words("paid", order.paid_amount, order.currency, platform))
    return " · ".join(parts)


def timeline(case) -> list[TimelineLine]:
    model = DisputeEvent if isinstance(case, Dispute) else RequestEvent
    owner = model.dispute if model is DisputeEvent else model.request
    platform = case.order.shop.platform
    events = model.select().where(owner == case.id).order_by(model.at, model.id)
    return [TimelineLine(e.at, words.in_words(words.ACTORS, e.actor, platform),
                         words.in_words(words.ACTIONS, e.action, platform),
                         _change(words.in_words(words.STATES, e.from_state, platform),
                                 words.in_words(words.STATES, e.to_state, platform)),
                         e.by_rule or "") for e in events]


def _change(before, after) -> str:
    if not after or before == after:
        return ""
    return f"{before} → {after}" if before else f"→ {after}"


def collect(case, pack: EvidencePack) -> PackContent:
    content = PackContent(case=case_info(case), pack_uid=pack.uid, version=pack.version,
                          state=pack.state, statement=pack.statement, created_at=pack.created_at,
                          submitted_at=pack.submitted_at, stored_hash=pack.pack_hash,
                          timeline=timeline(case))
    items = list(EvidenceItem.select().where(EvidenceItem.pack == pack)
                 .order_by(EvidenceItem.position))
    message_ids = [i.message_id for i in items if i.message_id]
    track_ids = [i.tracking_event_id for i in items if i.tracking_event_id]
    file_ids = [i.file_id for i in items if i.file_id]
    content.threads = _threads(message_ids)
    content.tracking = [TrackLine(t.at, t.location, t.description, t.status_code)
                        for t in TrackingEvent.select().where(TrackingEvent.id.in_(track_ids))
                        .order_by(TrackingEvent.at, TrackingEvent.id)] if track_ids else []
    files = {f.id: f for f in StoredFile.select().where(StoredFile.id.in_(file_ids))} \
        if file_ids else {}
    content.files = [FileEntry(i.position, i.category, i.caption, files[i.file_id].sha256,
                               files[i.file_id].size, files[i.file_id].mime,
                               i.file_name or files[i.file_id].original_name)
                     for i in items if i.file_id in files]
    return content


def _threads(message_ids: list[int]) -> list[ChatThread]:
    if not message_ids:
        return []
    threads: dict[int, list] = {}
    conversations = {}
    query = (Message.select(Message).where(Message.id.in_(message_ids))
             .order_by(Message.conversation, Message.sent_at, Message.id))
    for m in query:
        threads.setdefault(m.conversation_id, []).append(
            ChatLine(m.sent_at, m.channel, m.direction, m.author, m.body, m.source_lang,
                     m.translation or "", m.translation_lang, m.is_auto))
    from app.models import Conversation
    for c in Conversation.select().where(Conversation.id.in_(list(threads))):
        conversations[c.id] = c
    out = [ChatThread(cid, conversations[cid].channel, conversations[cid].subject,
                      tuple(lines)) for cid, lines in threads.items()]
    out.sort(key=lambda t: (t.lines[0].at, t.conversation_id))
    return out
