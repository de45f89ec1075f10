"""Evidence packs: every change of a pack goes through here, audited.

A case has one pack with versions. Changes go to the latest version while it is a draft; once
it is submitted (frozen, with its pack hash) the next change starts a new version carrying the
same items and statement, so what was handed in stays as it was (history kept). Rule AE-9 lets
evidence change at any time until the case ends; a settled case's pack cannot change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.clock import utcnow
from app.db import database
from app.evidence import checklist as checklists
from app.evidence import queries, store, templates
from app.evidence import signing
from app.secrets import SecretStoreUnavailable
from app.evidence.builder import BuildResult, build, prepare
from app.evidence.content import PackContent, collect
from app.evidence.labels import CATEGORY_LABELS, FILE_CATEGORIES
from app.evidence.manifest import content_hash
from app.models import (Dispute, EvidenceItem, EvidencePack, Message, StoredFile,
                        TrackingEvent)
from app.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
from app.services.common import audit
from app.services.casework.case_ids import case_id, get_case
from app.errors import ForbiddenTransition, InvalidInput, NotFound
from app.services.commerce.policy import load_profile

ENTITY = "evidence_pack"
# Reads the builder UI uses, re-exported so the window talks to one service.
item_rows, message_choices, tracking_choices = (queries.item_rows, queries.message_choices,
                                                queries.tracking_choices)


def resolve(case):
    """A case record from a record or an id such as 'D-12'."""
    return get_case(case) if isinstance(case, str) else case


def latest(case) -> EvidencePack | None:
    return queries.latest_pack(resolve(case))


def history(case) -> list[EvidencePack]:
    return queries.packs_of(resolve(case))


def checklist(case, language: str = "en") -> checklists.Checklist:
    case = resolve(case)
    pack = queries.latest_pack(case)
    return checklists.evaluate(case, load_profile(case.order.shop.platform),
                               queries.category_counts(pack), pack.statement if pack else "",
                               language)


def statement_language(case) -> str:
    return templates.default_language(resolve(case))


def statement_template(case, language: str | None = None) -> str:
    """The statement drafted from the template, citing what the case's pack holds now (or,
    before there is a pack, what its first draft will hold)."""
    case = resolve(case)
    pack = queries.latest_pack(case)
    held = queries.category_counts(pack) if pack is not None else _first_draft_categories(case)
    return templates.render_statement(case, language, held)


def _first_draft_categories(case) -> list[str]:
    return (["conversation"] if queries.message_choices(case) else []) + (
        ["tracking"] if queries.tracking_choices(case) else [])


def content(case, version: int | None = None) -> PackContent:
    case = resolve(case)
    packs = queries.packs_of(case)
    pack = next((p for p in packs if p.version == version), None) if version else (
        packs[-1] if packs else None)
    if pack is None:
        if version:
            raise NotFound("{case} has no evidence pack version {version}: add evidence first "
                           "(or use 'afterdesk evidence build', which starts one)",
                           case=case_id(case), version=version)
        raise NotFound("{case} has no evidence pack: add evidence first (or use 'afterdesk "
                       "evidence build', which starts one)", case=case_id(case))
    return collect(case, pack)


NOT_SIGNED = ("The pack is not signed: {problem} 'afterdesk verify' will report it as "
              "unsigned.")


def signer(case) -> signing.Signer | None:
    """The shop's signing key (made on first use; the private half in the system keyring),
    or None when there is no keyring to keep it in."""
    try:
        return signing.shop_signer(resolve(case).order.shop)
    except SecretStoreUnavailable:
        return None


def _signer_and_warning(case) -> tuple[signing.Signer | None, list[str]]:
    try:
        return signing.shop_signer(case.order.shop), []
    except SecretStoreUnavailable as exc:
        return None, [NOT_SIGNED.format(problem=exc)]


@dataclass(frozen=True)
class Readiness:
    """What a rep is told before a build: gaps in the checklist, empty parts."""
    score: int
    missing: list[str]               # checklist labels the pack lacks
    empty_statement: bool
    warnings: list[str]


def readiness(case, language: str = "en") -> Readiness:
    """Below 100 % the build warns, naming what is missing; an empty statement is refused
    unless the rep confirms (GEN-4)."""
    case = resolve(case)
    check = checklist(case, language)
    pack = queries.latest_pack(case)
    empty = pack is not None and not pack.statement.strip()
    warnings = []
    if check.score < 100:
        warnings.append(f"The pack is {check.score}% complete; missing: "
                        f"{', '.join(check.missing)}.")
    counts = queries.category_counts(pack)
    if not counts.get("conversation"):
        warnings.append("The pack has no conversation with the buyer.")
    if not counts.get("tracking") and queries.tracking_choices(case):
        warnings.append("The pack has no tracking, though the order has tracking events.")
    if empty:
        warnings.append("The seller's statement is empty.")
    cited = _cited_but_absent(pack.statement if pack else "", counts)
    if cited:
        warnings.append("The statement mentions evidence the pack does not hold: "
                        f"{', '.join(cited)}. Add it, or fill the statement from the "
                        "template again.")
    return Readiness(check.score, check.missing, empty, warnings)


def _cited_but_absent(statement: str, counts: dict) -> list[str]:
    """Evidence the statement says is attached (a sentence with "attach" or 附, in English or
    Chinese) that the pack has none of."""
    sentences = re.split(r"(?<=[.;!?。；！？\n])", statement.lower())
    text = " ".join(s for s in sentences if "attach" in s or "附" in s)
    return [en for category, (en, zh) in CATEGORY_LABELS.items()
            if category not in ("conversation", "statement", "other")
            and not counts.get(category) and (en.lower() in text or zh in text)]


def build_pack(case, out: str | Path, *, version: int | None = None, page_budget=None,
               progress=None, cancel=None, allow_incomplete: bool = False,
               built_at=None) -> BuildResult:
    """Build the PDF or ZIP of the case's pack (the latest version unless `version`), signed
    with the shop's key. The latest version is checked first: its gaps become warnings of the
    result, and an empty statement is refused unless `allow_incomplete`."""
    case = resolve(case)
    if page_budget is None:
        from app.settings import Settings
        page_budget = Settings().get("evidence.page_budget")
    ready = readiness(case) if version is None else None
    if ready is not None and ready.empty_statement and not allow_incomplete:
        raise InvalidInput("the seller's statement of {case} is empty: write it (or fill it "
                           "from the template) before building, or confirm building without "
                           "it ('--allow-incomplete')", case=case_id(case), field="statement")
    key, unsigned = _signer_and_warning(case)
    result = build(content(case, version), out, page_budget=page_budget, progress=progress,
                   cancel=cancel, signer=key, built_at=built_at)
    result.warnings[:0] = (ready.warnings if ready is not None else []) + unsigned
    return result


def print_material(case, *, progress=None, cancel=None, built_at=None):
    """(content, prepared) to paint the latest version onto a printer or a preview: the
    same pages as its PDF."""
    case = resolve(case)
    pack_content = content(case)
    key = signer(case)
    return pack_content, prepare(pack_content, cancel=cancel, progress=progress,
                                 fingerprint=key.fingerprint if key else "", built_at=built_at)


# --- writes -------------------------------------------------------------------------------

def ensure_pack(case, *, language: str | None = None, actor: str = "rep") -> EvidencePack:
    """The case's pack; a first draft is started when there is none: the statement from the
    template, every message the buyer saw and every tracking event of the order."""
    case = resolve(case)
    pack = queries.latest_pack(case)
    if pack is not None:
        return pack
    _editable(case)
    with database.atomic():
        return _start(case, language, actor)


def _start(case, language: str | None, actor: str) -> EvidencePack:
    """The first draft (inside the caller's transaction): every message the buyer saw, every
    tracking event of the order, and the statement drafted from the template citing them."""
    statement = templates.render_statement(case, language, _first_draft_categories(case))
    pack = _create(case, 1, statement)
    position = 0
    for choice in queries.message_choices(case):
        position += 1
        EvidenceItem.create(pack=pack, position=position, category="conversation",
                            message=choice.id)
    for event in queries.tracking_choices(case):
        position += 1
        EvidenceItem.create(pack=pack, position=position, category="tracking",
                            tracking_event=event)
    audit.record(actor, ENTITY, pack.uid, "start", {"case": case_id(case), "items": position})
    return pack


def add_messages(case, message_ids, *, actor: str = "rep") -> int:
    """Add messages (whole conversations: pass all their ids); returns how many were new."""
    case = resolve(case)
    allowed = {c.id for c in queries.case_conversations(case)}
    wanted = [int(i) for i in message_ids]
    found = {m.id: m for m in Message.select().where(Message.id.in_(wanted))}
    for mid in wanted:
        m = found.get(mid)
        if m is None:
            raise NotFound("no message {mid}", mid=mid)
        if m.conversation_id not in allowed:
            raise InvalidInput("message {mid} is from a conversation about another order or "
                               "buyer", mid=mid, field="message")
        if m.is_internal:
            raise InvalidInput("message {mid} is an internal note the buyer never saw; it is "
                               "not evidence", mid=mid, field="message")
    return _add_links(case, "conversation", "message", wanted, actor)


def add_tracking(case, event_ids, *, actor: str = "rep") -> int:
    case = resolve(case)
    wanted = [int(i) for i in event_ids]
    events = {t.id: t for t in TrackingEvent.select().where(TrackingEvent.id.in_(wanted))}
    for eid in wanted:
        if eid not in events or events[eid].order_id != case.order_id:
            raise InvalidInput("tracking event {eid} is not one of order {order_no}",
                               eid=eid, order_no=case.order.order_no, field="tracking_event")
    return _add_links(case, "tracking", "tracking_event", wanted, actor)


def add_file(case, source, category: str, caption: str = "", *, name: str | None = None,
             max_mb: int | None = None, actor: str = "rep") -> EvidenceItem:
    """Add a photo or PDF (a path, or bytes with `name`). The original is kept unchanged in the
    content-addressed store; a damaged or unsupported file is refused, nothing written."""
    case = resolve(case)
    if category not in FILE_CATEGORIES:
        raise InvalidInput("'{category}' is not a file category ({categories})",
                           category=category, categories=', '.join(FILE_CATEGORIES),
                           field="category")
    if isinstance(source, (bytes, bytearray)):
        data, name = bytes(source), name or "file"
        mime = store.check_file(data, name, store.upload_limit(max_mb))
    else:
        name = name or Path(source).name
        data, mime = store.read_source(Path(source), "file", max_mb, name)
    _editable(case)
    digest, _ = store.put(data)
    with database.atomic():
        stored = StoredFile.get_or_none(StoredFile.sha256 == digest) or StoredFile.create(
            sha256=digest, size=len(data), mime=mime, original_name=name[:300],
            created_at=utcnow())
        pack = _draft(case, actor)
        item = EvidenceItem.create(pack=pack, position=_next_position(pack), category=category,
                                   caption=caption.strip(), file=stored, file_name=name[:300])
        audit.record(actor, ENTITY, pack.uid, "add_file",
                     {"category": category, "name": name, "sha256": digest, "size": len(data)})
    return item


def remove_items(case, item_ids, *, actor: str = "rep") -> int:
    case = resolve(case)
    with database.atomic():
        pack = _draft(case, actor)
        rows = _pack_items(pack, item_ids)
        for item in rows:
            item.delete_instance()
        audit.record(actor, ENTITY, pack.uid, "remove", {"items": len(rows)})
    return len(rows)


def set_caption(case, item_id: int, caption: str, *, actor: str = "rep") -> None:
    case = resolve(case)
    with database.atomic():
        pack = _draft(case, actor)
        (item,) = _pack_items(pack, [item_id])
        item.caption = caption.strip()
        item.save()
        audit.record(actor, ENTITY, pack.uid, "caption", {"position": item.position})


def set_statement(case, text: str, *, actor: str = "rep") -> EvidencePack:
    case = resolve(case)
    with database.atomic():
        pack = _draft(case, actor)
        pack.statement = str(text)
        pack.save()
        audit.record(actor, ENTITY, pack.uid, "statement", {"length": len(pack.statement)})
    return pack


def submit(case, *, actor: str = "rep") -> EvidencePack:
    """Freeze the latest version as handed in: its pack hash is recorded; later changes make
    a new version."""
    case = resolve(case)
    pack = queries.latest_pack(case)
    if pack is None or pack.state == "submitted":
        if pack:
            raise InvalidInput("{case} has no draft pack to submit (version {version} is "
                               "submitted already)", case=case_id(case), version=pack.version)
        raise InvalidInput("{case} has no draft pack to submit", case=case_id(case))
    if not pack.items.count():
        raise InvalidInput("the pack is empty: add the conversation and evidence first")
    _editable(case)
    digest = content_hash(collect(case, pack))
    with database.atomic():
        pack.state, pack.pack_hash, pack.submitted_at = "submitted", digest, utcnow()
        pack.save()
        audit.record(actor, ENTITY, pack.uid, "submit",
                     {"case": case_id(case), "version": pack.version, "pack_hash": digest})
    return pack


# --- helpers ------------------------------------------------------------------------------

def _editable(case) -> None:
    finals = DISPUTE_FINAL_STATES if isinstance(case, Dispute) else REQUEST_FINAL_STATES
    if case.state in finals:   # AE-9: evidence may change until the case ends
        raise ForbiddenTransition(case_id(case), case.state, "change evidence")


def _create(case, version: int, statement: str) -> EvidencePack:
    owner = {"dispute": case} if isinstance(case, Dispute) else {"request": case}
    return EvidencePack.create(version=version, state="draft", statement=statement,
                               created_at=utcnow(), **owner)


def _draft(case, actor: str) -> EvidencePack:
    """The version changes go to (inside the caller's transaction)."""
    _editable(case)
    pack = queries.latest_pack(case)
    if pack is None:
        pack = _start(case, None, actor)
    elif pack.state == "submitted":
        old = pack
        pack = _create(case, old.version + 1, old.statement)
        for item in old.items.order_by(EvidenceItem.position):
            EvidenceItem.create(pack=pack, position=item.position, category=item.category,
                                caption=item.caption, file=item.file_id, message=item.message_id,
                                tracking_event=item.tracking_event_id, file_name=item.file_name)
        audit.record(actor, ENTITY, pack.uid, "new_version",
                     {"case": case_id(case), "version": pack.version, "from": old.uid})
    return pack


def _next_position(pack) -> int:
    last = (EvidenceItem.select(EvidenceItem.position).where(EvidenceItem.pack == pack)
            .order_by(EvidenceItem.position.desc()).first())
    return (last.position if last else 0) + 1


def _pack_items(pack, item_ids) -> list[EvidenceItem]:
    """Items of the draft by id; ids of an older version map to the same position here."""
    ids = [int(i) for i in item_ids]
    originals = {i.id: i.position for i in EvidenceItem.select().where(EvidenceItem.id.in_(ids))}
    missing = [i for i in ids if i not in originals]
    if missing:
        raise NotFound("no evidence item {item}", item=missing[0])
    return list(EvidenceItem.select().where((EvidenceItem.pack == pack)
                                            & EvidenceItem.position.in_(list(originals.values()))))


def _add_links(case, category: str, field: str, ids: list[int], actor: str) -> int:
    with database.atomic():
        pack = _draft(case, actor)
        column = getattr(EvidenceItem, field)
        have = {getattr(i, f"{field}_id") for i in
                EvidenceItem.select(column).where((EvidenceItem.pack == pack) & column.is_null(False))}
        new = [i for i in dict.fromkeys(ids) if i not in have]
        position = _next_position(pack)
        for offset, target in enumerate(new):
            EvidenceItem.create(pack=pack, position=position + offset, category=category,
                                **{field: target})
        audit.record(actor, ENTITY, pack.uid, f"add_{field}", {"added": len(new)})
    return len(new)
