"""Field specs of the interchange format and the checks an imported value must pass.

Each kind of record (shop, order, message...) is described by a `RecordSpec`: its plain
fields come from the model's columns (so a new column is exported at once), with the
closed vocabularies of app.vocab attached. Links to other records (natural keys,
uids, nested lists) are named in `links` and handled by the exporter and the importer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import peewee

from app import vocab
from app.clock import check_not_future, format_instant, parse_instant
from app.models import (AftersalesRequest, Attachment, AuditEntry, AutoReplyRevision,
                        AutoReplyRule, Buyer, CalendarOverride, Conversation, Dispute,
                        DisputeEvent, DisputeProposal, EvidenceItem, EvidencePack, Message,
                        Order, OrderItem, PolicyOverride, QuickPhrase, QuickPhraseVariant,
                        RequestEvent, Shop, StoredFile, TrackingEvent)
from app.models.complaints import (COMPLAINT_KINDS, COMPLAINT_OUTCOMES, COMPLAINT_STATES,
                                   COMPLAINT_STEPS, STEP_STATES, Complaint, ComplaintStep)
from app.models.followups import FollowUpAttempt, FollowUpState
from app.models.fields import MONEY_LIMIT, JSONTextField, MoneyField, UTCDateTimeField
from app.errors import InvalidInput
from app.vocab import REASON_TAGS

FORMAT = "afterdesk-interchange"
VERSION = 3     # 2 added complaints and GEN-7 follow-ups, 3 the case numbers; older still import

# Instants that may lie ahead: deadlines the platform or AfterDesk set in advance. Every
# other instant has happened and may not be later than now (app.clock.check_not_future).
FUTURE_INSTANTS = frozenset(("ship_by", "next_due_at"))
MONEY_TEXT = re.compile(r"-?\d+\.\d{2}")
SHA256_TEXT = re.compile(r"[0-9a-f]{64}")
CURRENCY_TEXT = re.compile(r"[A-Z]{3}")


class DocumentError(InvalidInput):
    """A record of an interchange document is refused; names its path and field."""

    def __init__(self, where: str, message: str, field_name: str | None = None):
        text = f"{where}: field '{field_name}': {message}" if field_name else f"{where}: {message}"
        Exception.__init__(self, text)
        self.record = where
        self.field = field_name


class Where:
    """The path of a record inside the document, with a label a rep recognises."""

    def __init__(self, path: str, label: str = ""):
        self.path = path
        self.label = label

    def at(self, name: str, index: int | None = None, label: str | None = None) -> "Where":
        path = f"{self.path}.{name}" if self.path else name
        if index is not None:
            path += f"[{index}]"
        return Where(path, self.label if label is None else label)

    def __str__(self) -> str:
        path = self.path or "document"
        return f"{path} ({self.label})" if self.label else path

    def fail(self, message: str, field_name: str | None = None) -> DocumentError:
        return DocumentError(str(self), message, field_name)


def show(value) -> str:
    """A value as the error message quotes it."""
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return f"'{text}'"
    if value is True or value is False:
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    return str(value)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str                      # text, instant, money, bool, int, date, json
    required: bool
    nullable: bool
    choices: tuple | None = None

    def read(self, raw, where: Where):
        """The Python value for the model, or a DocumentError naming the field."""
        if raw is None:
            if self.nullable:
                return None
            raise where.fail("must not be null", self.name)
        value = READERS[self.kind](raw, where, self.name)
        if self.choices is not None and value not in self.choices:
            raise where.fail(f"{show(raw)} is not one of: {', '.join(self.choices)}", self.name)
        return value

    def write(self, value):
        """The JSON value of a model value."""
        if value is None:
            return None
        return WRITERS[self.kind](value)


def _text(raw, where, name):
    if not isinstance(raw, str):
        raise where.fail(f"{show(raw)} is not text", name)
    return raw


def _instant(raw, where, name):
    try:
        if not isinstance(raw, str):
            raise ValueError
        value = parse_instant(raw)
    except (ValueError, OverflowError):
        raise where.fail(f"{show(raw)} is not an ISO 8601 instant "
                         "(e.g. 2026-03-01T08:00:00Z)", name) from None
    if name not in FUTURE_INSTANTS:
        try:
            check_not_future(value, name)
        except InvalidInput as exc:
            raise where.fail(exc.template.format(**exc.values), name) from None
    return value


def _money(raw, where, name):
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raise where.fail(f"{raw} is a number: amounts are written as text with 2 decimals, "
                         'e.g. "12.50"', name)
    if not isinstance(raw, str) or not MONEY_TEXT.fullmatch(raw):
        raise where.fail(f'{show(raw)} is not an amount with 2 decimals, e.g. "12.50"', name)
    if raw.startswith("-"):
        raise where.fail(f"{show(raw)} is negative: amounts are never below zero", name)
    if Decimal(raw) >= MONEY_LIMIT:
        raise where.fail(f"{show(raw)} is too large: an amount is below 1,000,000,000,000", name)
    return Decimal(raw)


def _bool(raw, where, name):
    if raw is not True and raw is not False:
        raise where.fail(f"{show(raw)} is not true or false", name)
    return raw


class LongNumber:
    """A JSON whole number too long to be read as one (Python refuses to convert more than
    4,300 digits, and no field holds a number of more than 18): the reader keeps its digits
    in this marker so that the record and field holding it can be named."""

    def __init__(self, digits: str):
        self.digits = digits

    def __str__(self) -> str:
        return f"a number of {len(self.digits.lstrip('-'))} digits"

    __repr__ = __str__


LONG_NUMBER_DIGITS = 30


def read_number(text: str):
    """`parse_int` for json.loads: long numbers become LongNumber markers."""
    return LongNumber(text) if len(text) > LONG_NUMBER_DIGITS else int(text)


def _int(raw, where, name):
    if isinstance(raw, LongNumber):
        raise where.fail(f"{raw} is too large", name)
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise where.fail(f"{show(raw)} is not a whole number", name)
    if raw < 0:
        raise where.fail(f"{raw} is negative", name)
    if raw >= 2 ** 62:
        raise where.fail(f"{raw} is too large", name)
    return raw


def _date(raw, where, name):
    try:
        if not isinstance(raw, str) or len(raw) != 10:
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise where.fail(f"{show(raw)} is not a date (YYYY-MM-DD)", name) from None


def _json(raw, where, name):
    """Free JSON as stored; only a number too long to be one is refused."""
    stack = [raw]
    while stack:
        value = stack.pop()
        if isinstance(value, LongNumber):
            raise where.fail(f"holds {value}, which is too large", name)
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return raw


READERS = {"text": _text, "instant": _instant, "money": _money, "bool": _bool, "int": _int,
           "date": _date, "json": _json}
WRITERS = {"text": str, "instant": format_instant, "money": lambda v: f"{Decimal(v):.2f}",
           "bool": bool, "int": int, "date": lambda v: v.isoformat(), "json": lambda v: v}


def _kind_of(column: peewee.Field) -> str:
    for cls, kind in ((UTCDateTimeField, "instant"), (MoneyField, "money"),
                      (JSONTextField, "json"), (peewee.BooleanField, "bool"),
                      (peewee.DateField, "date"), (peewee.IntegerField, "int"),
                      (peewee.BigIntegerField, "int")):
        if isinstance(column, cls):
            return kind
    return "text"


@dataclass(frozen=True)
class RecordSpec:
    name: str                       # what a rep calls it: "order", "message"
    model: type
    fields: tuple[FieldSpec, ...]
    links: tuple[str, ...] = ()     # keys that are references or nested lists
    checks: dict = field(default_factory=dict)  # field name -> extra check(value) -> str|None

    def read(self, data, where: Where) -> dict:
        """Checked column values for `model.create(**values)`; absent optional fields are
        left out so that the model's defaults apply."""
        if not isinstance(data, dict):
            raise where.fail(f"{self.a_name} must be an object, not {show(data)}")
        known = {f.name for f in self.fields} | set(self.links)
        for key in sorted(set(data) - known, key=str):
            raise where.fail(f"unknown field in {self.a_name} (format version {VERSION})", key)
        values = {}
        for spec in self.fields:
            if spec.name not in data:
                if spec.required:
                    raise where.fail("is required but missing", spec.name)
                continue
            value = spec.read(data[spec.name], where)
            check = self.checks.get(spec.name)
            problem = check(value) if check and value is not None else None
            if problem:
                raise where.fail(f"{show(data[spec.name])} {problem}", spec.name)
            values[spec.name] = value
        return values

    @property
    def a_name(self) -> str:
        return ("an " if self.name[0] in "aeiou" else "a ") + self.name

    def write(self, row) -> dict:
        return {spec.name: spec.write(getattr(row, spec.name)) for spec in self.fields}


# Columns of one database only: a row's version counts the changes made to it there
# (app.models.versioned); an imported row starts again at 0.
LOCAL_FIELDS = ("version",)


def record_spec(name, model, *, links=(), choices=None, checks=None, skip=()) -> RecordSpec:
    """The spec of `model`'s plain columns: no id, no foreign keys (those are links)."""
    choices = choices or {}
    specs = []
    for column in model._meta.sorted_fields:
        if column.primary_key or isinstance(column, peewee.ForeignKeyField) or column.name in skip:
            continue
        optional = column.null or column.default is not None
        specs.append(FieldSpec(
            name=column.name, kind=_kind_of(column),
            required=column.name == "uid" or not optional, nullable=column.null,
            choices=tuple(choices[column.name]) if column.name in choices else None))
    return RecordSpec(name, model, tuple(specs), tuple(links), dict(checks or {}))


def _zone(value: str):
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return "is not a time zone name (e.g. Asia/Shanghai)"
    return None


def _currency(value: str):
    return None if CURRENCY_TEXT.fullmatch(value) else "is not a currency code (e.g. USD, CNY)"


def _currency_or_none(value: str):
    return None if value == "" else _currency(value)


def _one_of(choices):
    def check(value: str):
        if value == "" or value in choices:
            return None
        return f"is not one of: {', '.join(choices)} (or empty)"
    return check


def _sha256(value: str):
    return None if SHA256_TEXT.fullmatch(value) else "is not a SHA-256 in lowercase hex"


CURRENCY = {"currency": _currency}
REQUEST_STATES = vocab.REQUEST_STATES
DISPUTE_STATES = vocab.DISPUTE_STATES

SHOP = record_spec("shop", Shop, links=("buyers", "orders", "conversations", "auto_reply_rules",
                                        "complaints"),
                   choices={"platform": vocab.PLATFORMS},
                   checks={"timezone": _zone, **CURRENCY})
BUYER = record_spec("buyer", Buyer, checks={"timezone": _zone})
ORDER = record_spec("order", Order,
                    links=("buyer", "items", "tracking_events", "aftersales_request", "disputes"),
                    choices={"status": vocab.ORDER_STATES}, checks=CURRENCY)
ORDER_ITEM = record_spec("order item", OrderItem)
TRACKING_EVENT = record_spec("tracking event", TrackingEvent)
# `number` of a request, dispute or complaint: the n of its id A-n / D-n / C-n (version 3).
REQUEST = record_spec("after-sales request", AftersalesRequest,
                      links=("number", "events", "attachments", "evidence_packs"),
                      choices={"service_type": vocab.SERVICE_TYPES, "state": REQUEST_STATES,
                               "cause": vocab.CAUSES}, checks=CURRENCY,
                      skip=LOCAL_FIELDS)
REQUEST_EVENT = record_spec("request event", RequestEvent,
                            choices={"actor": vocab.ACTORS, "from_state": REQUEST_STATES,
                                     "to_state": REQUEST_STATES})
DISPUTE = record_spec("dispute", Dispute,
                      links=("number", "proposals", "events", "attachments", "evidence_packs"),
                      choices={"kind": vocab.DISPUTE_KINDS, "state": DISPUTE_STATES,
                               "resolution": vocab.RESOLUTIONS, "cause": vocab.CAUSES},
                      checks=CURRENCY, skip=LOCAL_FIELDS)
PROPOSAL = record_spec("dispute proposal", DisputeProposal,
                       choices={"party": vocab.PARTIES, "solution_type": vocab.SOLUTION_TYPES},
                       checks=CURRENCY)
DISPUTE_EVENT = record_spec("dispute event", DisputeEvent,
                            choices={"actor": vocab.ACTORS, "from_state": DISPUTE_STATES,
                                     "to_state": DISPUTE_STATES})
ATTACHMENT = record_spec("attachment", Attachment, links=("file",))
EVIDENCE_PACK = record_spec("evidence pack", EvidencePack, links=("items",),
                            choices={"state": vocab.PACK_STATES})
EVIDENCE_ITEM = record_spec("evidence item", EvidenceItem,
                            links=("file", "message", "tracking_event"),
                            choices={"category": vocab.EVIDENCE_CATEGORIES})
CONVERSATION = record_spec("conversation", Conversation,
                           links=("buyer", "order", "messages", "follow_ups", "follow_up_state"),
                           choices={"channel": vocab.CHANNELS, "star": vocab.STAR_COLOURS},
                           skip=LOCAL_FIELDS)
MESSAGE = record_spec("message", Message, links=("attachments",),
                      choices={"direction": vocab.DIRECTIONS, "channel": vocab.CHANNELS})
FOLLOW_UP = record_spec("follow-up", FollowUpAttempt, links=("message",),
                        choices={"channel": vocab.CHANNELS},
                        checks={"suggested_channel": _one_of(vocab.CHANNELS)})
FOLLOW_UP_STATE = record_spec("follow-up state", FollowUpState,
                              checks={"reason": _one_of(REASON_TAGS)})
COMPLAINT = record_spec("complaint", Complaint,
                        links=("number", "order", "buyer", "conversation", "steps"),
                        choices={"kind": COMPLAINT_KINDS, "state": COMPLAINT_STATES,
                                 "outcome": COMPLAINT_OUTCOMES},
                        checks={"compensation_currency": _currency_or_none})
COMPLAINT_STEP = record_spec("complaint step", ComplaintStep,
                             choices={"step": COMPLAINT_STEPS, "state": STEP_STATES})
AUTO_REPLY_RULE = record_spec("auto-reply rule", AutoReplyRule, links=("revisions",))
AUTO_REPLY_REVISION = record_spec("auto-reply revision", AutoReplyRevision)
QUICK_PHRASE = record_spec("quick phrase", QuickPhrase, links=("shop", "variants"))
QUICK_PHRASE_VARIANT = record_spec("quick phrase variant", QuickPhraseVariant)
POLICY_OVERRIDE = record_spec("policy override", PolicyOverride)
CALENDAR_OVERRIDE = record_spec("calendar override", CalendarOverride)
STORED_FILE = record_spec("file", StoredFile, checks={"sha256": _sha256})
AUDIT_ENTRY = record_spec("audit entry", AuditEntry)

ALL_SPECS = (SHOP, BUYER, ORDER, ORDER_ITEM, TRACKING_EVENT, REQUEST, REQUEST_EVENT, DISPUTE,
             PROPOSAL, DISPUTE_EVENT, ATTACHMENT, EVIDENCE_PACK, EVIDENCE_ITEM, CONVERSATION,
             MESSAGE, FOLLOW_UP, FOLLOW_UP_STATE, COMPLAINT, COMPLAINT_STEP, AUTO_REPLY_RULE,
             AUTO_REPLY_REVISION, QUICK_PHRASE, QUICK_PHRASE_VARIANT, POLICY_OVERRIDE, CALENDAR_OVERRIDE, STORED_FILE, AUDIT_ENTRY)

TOP_LEVEL = ("format", "version", "exported_at", "shops", "quick_phrases", "policy_overrides",
             "calendar_overrides", "files", "audit")


def read_list(data: dict, key: str, where: Where, *, required: bool = False) -> list:
    """The list under `key` ([] when absent and optional); anything else is refused."""
    if key not in data or (data[key] is None and not required):
        if required:
            raise where.fail("is required but missing", key)
        return []
    value = data[key]
    if not isinstance(value, list):
        raise where.fail(f"must be a list, not {show(value)}", key)
    return value


def label_of(kind: str, data, key: str) -> str:
    """'order 8000123' from a raw record, even one whose key is missing or wrong."""
    value = data.get(key) if isinstance(data, dict) else None
    return f"{kind} {value}" if isinstance(value, (str, int)) and value != "" else kind
