"""Import an interchange document in one transaction: all of it, or nothing.

Every record is checked as it is written inside `database.atomic()`; the first problem
raises a DocumentError (an InvalidInput) naming the record's path and field, and the
transaction rolls back so the database is exactly as before.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import peewee

from app import vocab
from app.clock import format_instant
from app.db import database
from app.interchange import schema as s
from app.interchange.case_numbers import CaseNumbers
from app.interchange.export import IMPORT_AUDIT_ENTITY
from app.models import (AftersalesRequest, CalendarOverride, Conversation, Dispute,
                        EvidencePack, Order, PolicyOverride, Shop, StoredFile)
from app.models.complaints import Complaint
from app.rules.policy import PolicyError, Profile, parse_value
from app.services.common import audit
from app.errors import InvalidInput

KINDS = ("files", "shops", "buyers", "orders", "order_items", "tracking_events",
         "aftersales_requests", "request_events", "disputes", "dispute_proposals",
         "dispute_events", "conversations", "messages", "attachments", "follow_ups",
         "follow_up_states", "complaints", "complaint_steps", "auto_reply_rules",
         "auto_reply_revisions", "evidence_packs", "evidence_items", "quick_phrases",
         "quick_phrase_variants", "policy_overrides", "calendar_overrides", "audit_entries")


@dataclass(frozen=True)
class ImportSummary:
    """How many records of each kind the import stored, and the cases whose number this
    database already used (old id -> new id, see case_numbers.py)."""
    counts: dict
    renumbered: dict = field(default_factory=dict)

    def __getitem__(self, kind: str) -> int:
        return self.counts.get(kind, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def __str__(self) -> str:
        parts = [f"{self.counts[k]} {k.replace('_', ' ')}" for k in KINDS if self.counts.get(k)]
        text = "Imported " + (", ".join(parts) if parts else "nothing") + "."
        if self.renumbered:
            text += (" Case numbers this database already used: " + ", ".join(
                f"{old} is {new} here" for old, new in self.renumbered.items()) + ".")
        return text


def check_header(doc) -> datetime:
    """The document's `exported_at` once format, version and top-level fields are right."""
    where = s.Where("document")
    if not isinstance(doc, dict):
        raise where.fail("an interchange document is a JSON object")
    name = doc.get("format")
    if name != s.FORMAT:
        raise where.fail(f"{s.show(name)} is not an AfterDesk interchange document "
                         f"(expected '{s.FORMAT}')", "format")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise where.fail(f"{s.show(version)} is not a format version", "version")
    if version > s.VERSION:
        raise where.fail(f"version {version} comes from a newer AfterDesk; this one reads "
                         f"versions up to {s.VERSION}. Install the newer AfterDesk to import it.",
                         "version")
    for key in sorted(set(doc) - set(s.TOP_LEVEL), key=str):
        raise where.fail(f"unknown field (format version {s.VERSION})", key)
    if "exported_at" not in doc:
        raise where.fail("is required but missing", "exported_at")
    return s.READERS["instant"](doc["exported_at"], where, "exported_at")


class _Import:
    def __init__(self, doc):
        self.case_numbers = CaseNumbers(doc)
        self.counts = Counter()
        self.seen: dict[tuple, str] = {}
        self.files: dict[str, StoredFile] = {}
        self.shops: dict[str, Shop] = {}
        self.orders: dict[tuple[str, str], Order] = {}
        self.tracking: dict[tuple[str, str], list[int]] = {}
        self.messages: dict[str, list[int]] = {}
        self.conversations: dict[str, Conversation] = {}
        self.packs: list[tuple] = []

    # -- helpers -------------------------------------------------------------------------
    def each(self, data, key, where, label_kind=None, label_key=None):
        for index, item in enumerate(s.read_list(data, key, where)):
            label = s.label_of(label_kind, item, label_key) if label_kind else None
            yield where.at(key, index, label), item

    def create(self, spec, values, kind, **links):
        self.counts[kind] += 1
        return spec.model.create(**values, **links)

    def claim(self, what: str, key, where, field_name: str, scope=()):
        if key == "":
            raise where.fail("must not be empty", field_name)
        first = self.seen.setdefault((what, *scope, key), where.path)
        if first != where.path:
            raise where.fail(f"{what} {s.show(key)} appears twice in the document "
                             f"(first at {first})", field_name)

    def new_uid(self, what: str, model, uid: str, where):
        self.claim(what, uid, where, "uid")
        if model.select().where(model.uid == uid).exists():
            raise where.fail(f"{what} {uid} already exists in the database", "uid")

    def file(self, raw, where, field_name="file", *, required=True):
        if raw is None and not required:
            return None
        if not isinstance(raw, str) or raw not in self.files:
            raise where.fail(f"{s.show(raw)} is not the SHA-256 of a file listed in the "
                             "document's files", field_name)
        return self.files[raw]

    # -- the document --------------------------------------------------------------------
    def run(self, doc):
        root = s.Where("")
        for where, data in self.each(doc, "files", root, "file", "sha256"):
            self.stored_file(data, where)
        for where, data in self.each(doc, "shops", root, "shop", "key"):
            self.shop(data, where)
        for where, data, owner in self.packs:
            self.pack(data, where, owner)
        for where, data in self.each(doc, "quick_phrases", root, "quick phrase", "title"):
            self.quick_phrase(data, where)
        for where, data in self.each(doc, "policy_overrides", root, "policy", "key"):
            self.policy_override(data, where)
        for where, data in self.each(doc, "calendar_overrides", root, "calendar day", "day"):
            self.calendar_override(data, where)
        for where, data in self.each(doc, "audit", root):
            self.create(s.AUDIT_ENTRY, s.AUDIT_ENTRY.read(data, where), "audit_entries")

    def stored_file(self, data, where):
        values = s.STORED_FILE.read(data, where)
        sha = values["sha256"]
        self.claim("file", sha, where, "sha256")
        existing = StoredFile.get_or_none(StoredFile.sha256 == sha)
        if existing is not None and existing.size != values["size"]:
            raise where.fail(f"this database already holds file {sha} with size "
                             f"{existing.size}", "size")
        self.files[sha] = existing or self.create(s.STORED_FILE, values, "files")

    def shop(self, data, where):
        values = s.SHOP.read(data, where)
        key = values["key"]
        self.claim("shop", key, where, "key")
        if Shop.select().where(Shop.key == key).exists():
            raise where.fail(f"shop '{key}' already exists in the database", "key")
        shop = self.shops[key] = self.create(s.SHOP, values, "shops")
        buyers = {}
        for bw, item in self.each(data, "buyers", where, "buyer", "login"):
            values = s.BUYER.read(item, bw)
            self.claim("buyer", values["login"], bw, "login", (key,))
            buyers[values["login"]] = self.create(s.BUYER, values, "buyers", shop=shop)
        for ow, item in self.each(data, "orders", where, "order", "order_no"):
            self.order(item, ow, shop, buyers)
        for cw, item in self.each(data, "conversations", where, "conversation", "uid"):
            self.conversation(item, cw, shop, buyers)
        for rw, item in self.each(data, "auto_reply_rules", where, "auto-reply", "name"):
            rule = self.create(s.AUTO_REPLY_RULE, s.AUTO_REPLY_RULE.read(item, rw),
                               "auto_reply_rules", shop=shop)
            for vw, revision in self.each(item, "revisions", rw):
                self.create(s.AUTO_REPLY_REVISION, s.AUTO_REPLY_REVISION.read(revision, vw),
                            "auto_reply_revisions", rule=rule)
        for kw, item in self.each(data, "complaints", where, "complaint", "uid"):
            self.complaint(item, kw, shop, buyers)

    def complaint(self, data, where, shop, buyers):
        values = s.COMPLAINT.read(data, where)
        self.new_uid("complaint", Complaint, values["uid"], where)
        login, order_no, conv_uid = data.get("buyer"), data.get("order"), data.get("conversation")
        if login is not None and (not isinstance(login, str) or login not in buyers):
            raise where.fail(f"{s.show(login)} is not a buyer of this shop in the document",
                             "buyer")
        order = self.orders.get((shop.key, order_no)) if isinstance(order_no, str) else None
        if order_no is not None and order is None:
            raise where.fail(f"{s.show(order_no)} is not an order of this shop in the document",
                             "order")
        conversation = self.conversations.get(conv_uid) if isinstance(conv_uid, str) else None
        if conv_uid is not None and (conversation is None or conversation.shop_id != shop.id):
            raise where.fail(f"{s.show(conv_uid)} is not a conversation of this shop in the "
                             "document", "conversation")
        number = self.case_numbers.number(Complaint, data, where, self.claim)
        complaint = self.create(s.COMPLAINT, values, "complaints", shop=shop, id=number,
                                buyer=buyers.get(login), order=order, conversation=conversation)
        for sw, item in self.each(data, "steps", where):
            values = s.COMPLAINT_STEP.read(item, sw)
            self.claim("complaint step position", values["position"], sw, "position",
                       (complaint.uid,))
            self.create(s.COMPLAINT_STEP, values, "complaint_steps", complaint=complaint)

    def order(self, data, where, shop, buyers):
        values = s.ORDER.read(data, where)
        order_key = (shop.key, values["order_no"])
        self.claim("order", values["order_no"], where, "order_no", (shop.key,))
        login = data.get("buyer")
        if login is not None and (not isinstance(login, str) or login not in buyers):
            raise where.fail(f"{s.show(login)} is not a buyer of this shop in the document",
                             "buyer")
        order = self.orders[order_key] = self.create(s.ORDER, values, "orders", shop=shop,
                                                     buyer=buyers.get(login))
        for iw, item in self.each(data, "items", where):
            values = s.ORDER_ITEM.read(item, iw)
            self.claim("item position", values["position"], iw, "position", order_key)
            self.create(s.ORDER_ITEM, values, "order_items", order=order)
        self.tracking[order_key] = [
            self.create(s.TRACKING_EVENT, s.TRACKING_EVENT.read(item, tw), "tracking_events",
                        order=order).id
            for tw, item in self.each(data, "tracking_events", where)]
        if data.get("aftersales_request") is not None:
            self.request(data["aftersales_request"], where.at("aftersales_request"), order)
        for dw, item in self.each(data, "disputes", where, "dispute", "uid"):
            self.dispute(item, dw, order)

    def request(self, data, where, order):
        values = s.REQUEST.read(data, where)
        self.new_uid("after-sales request", AftersalesRequest, values["uid"], where)
        number = self.case_numbers.number(AftersalesRequest, data, where, self.claim)
        request = self.create(s.REQUEST, values, "aftersales_requests", order=order, id=number)
        for ew, item in self.each(data, "events", where):
            self.create(s.REQUEST_EVENT, s.REQUEST_EVENT.read(item, ew), "request_events",
                        request=request)
        self.attachments(data, where, request=request)
        for pw_, item in self.each(data, "evidence_packs", where, "evidence pack", "uid"):
            self.packs.append((pw_, item, {"request": request}))

    def dispute(self, data, where, order):
        values = s.DISPUTE.read(data, where)
        if values["sub_kind"] not in vocab.DISPUTE_SUB_KINDS[values["kind"]]:
            raise where.fail(f"{s.show(values['sub_kind'])} is not a kind of "
                             f"'{values['kind']}' dispute (rule AE-1): one of "
                             f"{', '.join(vocab.DISPUTE_SUB_KINDS[values['kind']])}", "sub_kind")
        self.new_uid("dispute", Dispute, values["uid"], where)
        if values.get("issue_id") is not None:
            self.claim("issue id", values["issue_id"], where, "issue_id")
            if Dispute.select().where(Dispute.issue_id == values["issue_id"]).exists():
                raise where.fail(f"a dispute with issue id {values['issue_id']} already "
                                 "exists in the database", "issue_id")
        number = self.case_numbers.number(Dispute, data, where, self.claim)
        dispute = self.create(s.DISPUTE, values, "disputes", order=order, id=number)
        for xw, item in self.each(data, "proposals", where):
            values = s.PROPOSAL.read(item, xw)
            self.claim("proposal of party", values["party"], xw, "party", (dispute.uid,))
            self.create(s.PROPOSAL, values, "dispute_proposals", dispute=dispute)
        for ew, item in self.each(data, "events", where):
            self.create(s.DISPUTE_EVENT, s.DISPUTE_EVENT.read(item, ew), "dispute_events",
                        dispute=dispute)
        self.attachments(data, where, dispute=dispute)
        for pw_, item in self.each(data, "evidence_packs", where, "evidence pack", "uid"):
            self.packs.append((pw_, item, {"dispute": dispute}))

    def attachments(self, data, where, **owner):
        for aw, item in self.each(data, "attachments", where):
            values = s.ATTACHMENT.read(item, aw)
            if "file" not in item:
                raise aw.fail("is required but missing", "file")
            self.create(s.ATTACHMENT, values, "attachments", file=self.file(item["file"], aw),
                        **owner)

    def conversation(self, data, where, shop, buyers):
        values = s.CONVERSATION.read(data, where)
        uid = values["uid"]
        self.new_uid("conversation", Conversation, uid, where)
        login = data.get("buyer")
        if not isinstance(login, str) or login not in buyers:
            raise where.fail(f"{s.show(login)} is not a buyer of this shop in the document",
                             "buyer")
        order_no = data.get("order")
        order = self.orders.get((shop.key, order_no)) if isinstance(order_no, str) else None
        if order_no is not None and order is None:
            raise where.fail(f"{s.show(order_no)} is not an order of this shop in the document",
                             "order")
        conversation = self.create(s.CONVERSATION, values, "conversations", shop=shop,
                                   buyer=buyers[login], order=order)
        self.conversations[uid] = conversation
        self.messages[uid] = []
        for mw, item in self.each(data, "messages", where):
            message = self.create(s.MESSAGE, s.MESSAGE.read(item, mw), "messages",
                                  conversation=conversation)
            self.messages[uid].append(message.id)
            self.attachments(item, mw, message=message)
        for fw, item in self.each(data, "follow_ups", where):
            values = s.FOLLOW_UP.read(item, fw)
            index = item.get("message")
            if index is not None and not _fits(index, self.messages[uid]):
                raise fw.fail(f"{s.show(index)} is not the index of a message of this "
                              "conversation", "message")
            self.create(s.FOLLOW_UP, values, "follow_ups", conversation=conversation,
                        message=None if index is None else self.messages[uid][index])
        if data.get("follow_up_state") is not None:
            state_where = where.at("follow_up_state")
            self.create(s.FOLLOW_UP_STATE, s.FOLLOW_UP_STATE.read(data["follow_up_state"],
                                                                  state_where),
                        "follow_up_states", conversation=conversation)

    def pack(self, data, where, owner):
        values = s.EVIDENCE_PACK.read(data, where)
        self.new_uid("evidence pack", EvidencePack, values["uid"], where)
        pack = self.create(s.EVIDENCE_PACK, values, "evidence_packs", **owner)
        for iw, item in self.each(data, "items", where):
            values = s.EVIDENCE_ITEM.read(item, iw)
            self.claim("evidence item position", values["position"], iw, "position", (pack.uid,))
            self.create(s.EVIDENCE_ITEM, values, "evidence_items", pack=pack,
                        file=self.file(item.get("file"), iw, required=False),
                        message=self.position_ref(item.get("message"), iw, "message",
                                                  ("conversation",), self.messages, "a message"),
                        tracking_event=self.position_ref(
                            item.get("tracking_event"), iw, "tracking_event",
                            ("shop", "order"), self.tracking, "a tracking event"))

    def position_ref(self, ref, where, field_name: str, keys: tuple, table: dict, what: str):
        """A message or tracking event named by its list's keys and its index there."""
        if ref is None:
            return None
        ids = None
        if isinstance(ref, dict) and set(ref) == {*keys, "index"} \
                and all(isinstance(ref[k], str) for k in keys):
            ids = table.get(tuple(ref[k] for k in keys) if len(keys) > 1 else ref[keys[0]])
        if ids is None or not _fits(ref["index"], ids):
            shape = ", ".join(f'"{k}": ...' for k in (*keys, "index"))
            raise where.fail(f"{json.dumps(ref, ensure_ascii=False)} is not {{{shape}}} of "
                             f"{what} in the document", field_name)
        return ids[ref["index"]]

    def quick_phrase(self, data, where):
        values = s.QUICK_PHRASE.read(data, where)
        key = data.get("shop")
        if key is not None and (not isinstance(key, str) or key not in self.shops):
            raise where.fail(f"{s.show(key)} is not a shop of the document", "shop")
        phrase = self.create(s.QUICK_PHRASE, values, "quick_phrases", shop=self.shops.get(key))
        for vw, item in self.each(data, "variants", where):
            values = s.QUICK_PHRASE_VARIANT.read(item, vw)
            self.claim("language", values["language"], vw, "language", (where.path,))
            self.create(s.QUICK_PHRASE_VARIANT, values, "quick_phrase_variants", phrase=phrase)

    def policy_override(self, data, where):
        values = s.POLICY_OVERRIDE.read(data, where)
        name = f"{values['profile']}/{values['key']}"
        self.claim("policy value", name, where, "key")
        try:
            template = Profile(values["profile"]).get(values["key"])
        except PolicyError as exc:
            raise where.fail(str(exc), "key") from None
        try:
            parse_value(template, values["value"])
        except PolicyError as exc:
            raise where.fail(str(exc), "value") from None
        if PolicyOverride.get_or_none(profile=values["profile"], key=values["key"]):
            raise where.fail(f"this database already overrides {name}", "key")
        self.create(s.POLICY_OVERRIDE, values, "policy_overrides")

    def calendar_override(self, data, where):
        values = s.CALENDAR_OVERRIDE.read(data, where)
        calendar, day = values.get("calendar", "CN"), values["day"]
        self.claim("calendar day", f"{calendar} {day}", where, "day")
        if CalendarOverride.get_or_none(calendar=calendar, day=day):
            raise where.fail(f"this database already overrides {calendar} {day}", "day")
        self.create(s.CALENDAR_OVERRIDE, values, "calendar_overrides")


def _fits(index, ids) -> bool:
    return isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(ids)


def import_document(doc: dict, *, actor: str = "import", source: str | None = None) -> ImportSummary:
    """Store everything `doc` holds, or nothing; refuses with a DocumentError (InvalidInput)."""
    exported_at = format_instant(check_header(doc))
    try:
        with database.atomic():
            run = _Import(doc)
            run.run(doc)
            counts = {kind: run.counts[kind] for kind in KINDS}
            renumbered = run.case_numbers.renumbered
            audit.record(actor, IMPORT_AUDIT_ENTITY, exported_at, "import",
                         {"format": s.FORMAT, "version": doc["version"], "source": source,
                          "counts": {k: n for k, n in counts.items() if n},
                          **({"renumbered": renumbered} if renumbered else {})})
    except peewee.IntegrityError as exc:
        raise InvalidInput("the document conflicts with this database ({exc}); nothing was "
                           "imported", exc=exc) from None
    return ImportSummary(counts, dict(renumbered))


def import_file(path, *, actor: str = "import") -> ImportSummary:
    """Read an interchange file (UTF-8, with or without a BOM) and import it whole."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("{name} is not a UTF-8 text file", name=path.name) from None
    return import_document(read_json(text, path.name), actor=actor, source=path.name)


def read_json(text: str, name: str):
    """The JSON value of an interchange file's text. A whole number too long to be one is
    kept as a marker the record's check names (schema.LongNumber); nesting deeper than
    Python can follow is refused here."""
    try:
        return json.loads(text, parse_int=s.read_number)
    except json.JSONDecodeError as exc:
        raise InvalidInput("{name} is not valid JSON: {msg} at line {lineno}, column {colno}",
                           name=name, msg=exc.msg, lineno=exc.lineno,
                           colno=exc.colno) from None
    except RecursionError:
        raise InvalidInput("{name} nests lists or objects deeper than any interchange "
                           "document does; it is not one", name=name) from None
