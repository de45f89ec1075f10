"""Export everything AfterDesk holds as one interchange document (see docs/interchange.md).

Records are linked by natural keys and uids, never by database ids, and every list is
sorted by a stable key, so exporting, importing into an empty database and exporting
again gives the same document (only `exported_at` differs).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from pathlib import Path

from app.clock import format_instant, utcnow
from app.db import database
from app.interchange import schema as s
from app.models import (AftersalesRequest, Attachment, AuditEntry, AutoReplyRevision,
                        AutoReplyRule, Buyer, CalendarOverride, Conversation, Dispute,
                        DisputeEvent, DisputeProposal, EvidenceItem, EvidencePack, Message,
                        Order, OrderItem, PolicyOverride, QuickPhrase, QuickPhraseVariant,
                        RequestEvent, Shop, StoredFile, TrackingEvent)
from app.models.complaints import Complaint, ComplaintStep
from app.models.followups import FollowUpAttempt, FollowUpState
from app.errors import ServiceError

# Audit entries the importer writes about this database's own imports; they describe the
# database that received a document, not the shop data, so they are not exported.
IMPORT_AUDIT_ENTITY = "interchange"


def _grouped(model, parent: str, sort_key) -> dict[int, list]:
    groups: dict[int, list] = defaultdict(list)
    for row in model.select().order_by(model.id):
        groups[getattr(row, parent + "_id")].append(row)
    for rows in groups.values():
        rows.sort(key=sort_key)
    return groups


def _by_time(column: str):
    return lambda row: (getattr(row, column), row.id)


class _Exporter:
    def __init__(self):
        self.shop_keys = {shop.id: shop.key for shop in Shop.select()}
        self.files = {f.id: f.sha256 for f in StoredFile.select()}
        self.buyers = _grouped(Buyer, "shop", lambda b: b.login)
        self.buyer_login = {b.id: (b.shop_id, b.login) for bs in self.buyers.values() for b in bs}
        self.orders = _grouped(Order, "shop", lambda o: o.order_no)
        self.order_no = {o.id: (o.shop_id, o.order_no) for os_ in self.orders.values() for o in os_}
        self.items = _grouped(OrderItem, "order", lambda i: i.position)
        self.tracking = _grouped(TrackingEvent, "order", _by_time("at"))
        self.requests = _grouped(AftersalesRequest, "order", lambda r: r.uid)
        self.request_events = _grouped(RequestEvent, "request", _by_time("at"))
        self.disputes = _grouped(Dispute, "order", lambda d: (d.opened_at, d.uid))
        self.proposals = _grouped(DisputeProposal, "dispute", lambda p: p.party)
        self.dispute_events = _grouped(DisputeEvent, "dispute", _by_time("at"))
        attachments = _by_time("created_at")
        self.message_files = _grouped(Attachment, "message", attachments)
        self.request_files = _grouped(Attachment, "request", attachments)
        self.dispute_files = _grouped(Attachment, "dispute", attachments)
        self.packs_of_dispute = _grouped(EvidencePack, "dispute", self._pack_key)
        self.packs_of_request = _grouped(EvidencePack, "request", self._pack_key)
        self.pack_items = _grouped(EvidenceItem, "pack", lambda i: i.position)
        self.conversations = _grouped(Conversation, "shop", lambda c: (c.created_at, c.uid))
        self.messages = _grouped(Message, "conversation", _by_time("sent_at"))
        self.rules = _grouped(AutoReplyRule, "shop", lambda r: (r.created_at, r.name, r.id))
        self.revisions = _grouped(AutoReplyRevision, "rule", _by_time("changed_at"))
        self.follow_ups = _grouped(FollowUpAttempt, "conversation", _by_time("sent_at"))
        self.follow_up_state = {f.conversation_id: f for f in FollowUpState.select()}
        self.complaints = _grouped(Complaint, "shop", lambda c: (c.opened_at, c.uid))
        self.complaint_steps = _grouped(ComplaintStep, "complaint", lambda st: st.position)
        self.conversation_uid = {c.id: c.uid for c in Conversation.select()}
        self.variants = _grouped(QuickPhraseVariant, "phrase", lambda v: v.language)
        self.message_ref = {}
        for conversation in Conversation.select():
            for index, message in enumerate(self.messages.get(conversation.id, ())):
                self.message_ref[message.id] = {"conversation": conversation.uid, "index": index}
        self.tracking_ref = {}
        for order_id, events in self.tracking.items():
            shop_id, order_no = self.order_no[order_id]
            for index, event in enumerate(events):
                self.tracking_ref[event.id] = {"shop": self.shop_keys[shop_id],
                                               "order": order_no, "index": index}

    @staticmethod
    def _pack_key(pack):
        if (pack.dispute_id is None) == (pack.request_id is None):
            raise ServiceError(f"Evidence pack {pack.uid} must belong to exactly one case "
                               "(a dispute or an after-sales request); it cannot be exported.")
        return (pack.version, pack.created_at, pack.uid)

    def document(self) -> dict:
        return {
            "format": s.FORMAT,
            "version": s.VERSION,
            "exported_at": format_instant(utcnow()),
            "shops": [self.shop(shop) for shop in Shop.select().order_by(Shop.key)],
            "quick_phrases": self.quick_phrases(),
            "policy_overrides": [s.POLICY_OVERRIDE.write(p) for p in PolicyOverride.select()
                                 .order_by(PolicyOverride.profile, PolicyOverride.key)],
            "calendar_overrides": [s.CALENDAR_OVERRIDE.write(c) for c in CalendarOverride.select()
                                   .order_by(CalendarOverride.calendar, CalendarOverride.day)],
            "files": [s.STORED_FILE.write(f) for f in StoredFile.select().order_by(StoredFile.sha256)],
            "audit": [s.AUDIT_ENTRY.write(a) for a in AuditEntry.select()
                      .where(AuditEntry.entity != IMPORT_AUDIT_ENTITY)
                      .order_by(AuditEntry.at, AuditEntry.id)],
        }

    def _login(self, buyer_id, shop_id, what: str):
        if buyer_id is None:
            return None
        buyer_shop, login = self.buyer_login[buyer_id]
        if buyer_shop != shop_id:
            raise ServiceError(f"{what} names a buyer of another shop; it cannot be exported.")
        return login

    def _order_no(self, order_id, shop_id, what: str):
        if order_id is None:
            return None
        order_shop, order_no = self.order_no[order_id]
        if order_shop != shop_id:
            raise ServiceError(f"{what} names an order of another shop; it cannot be exported.")
        return order_no

    def shop(self, shop) -> dict:
        return {**s.SHOP.write(shop),
                "buyers": [s.BUYER.write(b) for b in self.buyers.get(shop.id, ())],
                "orders": [self.order(o) for o in self.orders.get(shop.id, ())],
                "conversations": [self.conversation(c) for c in self.conversations.get(shop.id, ())],
                "auto_reply_rules": [self.rule(r) for r in self.rules.get(shop.id, ())],
                "complaints": [self.complaint(c) for c in self.complaints.get(shop.id, ())]}

    def complaint(self, complaint) -> dict:
        what = f"Complaint {complaint.uid}"
        conversation = None
        if complaint.conversation_id is not None:
            if complaint.conversation.shop_id != complaint.shop_id:
                raise ServiceError(f"{what} names a conversation of another shop; "
                                   "it cannot be exported.")
            conversation = self.conversation_uid[complaint.conversation_id]
        return {**s.COMPLAINT.write(complaint), "number": complaint.id,
                "order": self._order_no(complaint.order_id, complaint.shop_id, what),
                "buyer": self._login(complaint.buyer_id, complaint.shop_id, what),
                "conversation": conversation,
                "steps": [s.COMPLAINT_STEP.write(st)
                          for st in self.complaint_steps.get(complaint.id, ())]}

    def order(self, order) -> dict:
        requests = self.requests.get(order.id, ())
        return {**s.ORDER.write(order),
                "buyer": self._login(order.buyer_id, order.shop_id, f"Order {order.order_no}"),
                "items": [s.ORDER_ITEM.write(i) for i in self.items.get(order.id, ())],
                "tracking_events": [s.TRACKING_EVENT.write(t)
                                    for t in self.tracking.get(order.id, ())],
                "aftersales_request": self.request(requests[0]) if requests else None,
                "disputes": [self.dispute(d) for d in self.disputes.get(order.id, ())]}

    def attachments(self, rows) -> list[dict]:
        return [{**s.ATTACHMENT.write(a), "file": self.files[a.file_id]} for a in rows]

    def request(self, request) -> dict:
        return {**s.REQUEST.write(request), "number": request.id,
                "events": [s.REQUEST_EVENT.write(e) for e in self.request_events.get(request.id, ())],
                "attachments": self.attachments(self.request_files.get(request.id, ())),
                "evidence_packs": [self.pack(p) for p in self.packs_of_request.get(request.id, ())]}

    def dispute(self, dispute) -> dict:
        return {**s.DISPUTE.write(dispute), "number": dispute.id,
                "proposals": [s.PROPOSAL.write(p) for p in self.proposals.get(dispute.id, ())],
                "events": [s.DISPUTE_EVENT.write(e) for e in self.dispute_events.get(dispute.id, ())],
                "attachments": self.attachments(self.dispute_files.get(dispute.id, ())),
                "evidence_packs": [self.pack(p) for p in self.packs_of_dispute.get(dispute.id, ())]}

    def pack(self, pack) -> dict:
        items = [{**s.EVIDENCE_ITEM.write(i),
                  "file": self.files.get(i.file_id),
                  "message": self.message_ref.get(i.message_id),
                  "tracking_event": self.tracking_ref.get(i.tracking_event_id)}
                 for i in self.pack_items.get(pack.id, ())]
        return {**s.EVIDENCE_PACK.write(pack), "items": items}

    def conversation(self, conversation) -> dict:
        what = f"Conversation {conversation.uid}"
        return {**s.CONVERSATION.write(conversation),
                "buyer": self._login(conversation.buyer_id, conversation.shop_id, what),
                "order": self._order_no(conversation.order_id, conversation.shop_id, what),
                "messages": [{**s.MESSAGE.write(m),
                              "attachments": self.attachments(self.message_files.get(m.id, ()))}
                             for m in self.messages.get(conversation.id, ())],
                "follow_ups": [self.follow_up(f, conversation)
                               for f in self.follow_ups.get(conversation.id, ())],
                "follow_up_state": self._follow_up_state(conversation)}

    def follow_up(self, attempt, conversation) -> dict:
        index = None
        if attempt.message_id is not None:
            ref = self.message_ref.get(attempt.message_id)
            if ref is None or ref["conversation"] != conversation.uid:
                raise ServiceError(f"A follow-up of conversation {conversation.uid} names a "
                                   "message of another conversation; it cannot be exported.")
            index = ref["index"]
        return {**s.FOLLOW_UP.write(attempt), "message": index}

    def _follow_up_state(self, conversation):
        state = self.follow_up_state.get(conversation.id)
        return None if state is None else s.FOLLOW_UP_STATE.write(state)

    def rule(self, rule) -> dict:
        return {**s.AUTO_REPLY_RULE.write(rule),
                "revisions": [s.AUTO_REPLY_REVISION.write(r) for r in self.revisions.get(rule.id, ())]}

    def quick_phrases(self) -> list[dict]:
        phrases = sorted(QuickPhrase.select(), key=lambda p: (
            self.shop_keys.get(p.shop_id, ""), p.title, p.created_at, p.id))
        return [{**s.QUICK_PHRASE.write(p), "shop": self.shop_keys.get(p.shop_id),
                 "variants": [s.QUICK_PHRASE_VARIANT.write(v) for v in self.variants.get(p.id, ())]}
                for p in phrases]


def export_document() -> dict:
    """Everything the database holds, as an interchange document (a JSON-ready dict)."""
    with database.atomic():
        return _Exporter().document()


def dump(document: dict) -> str:
    """The document's file text: UTF-8 friendly, one-space indent, sorted keys, final newline."""
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def export_file(path) -> dict:
    """Write the export to `path` (replacing it whole, never half-written); returns the document."""
    path = Path(path)
    document = export_document()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=path.name + ".", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(dump(document))
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return document
