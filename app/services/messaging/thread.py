"""One conversation as the rep works on it: the messages, what sits beside the thread
(the order, the buyer's other orders and cases), and sending a reply.

Reads return plain dataclasses so the window never touches a model; `send_reply` is the
one way a rep's answer enters a thread: it refuses a text that still holds a placeholder
(nothing leaks to the buyer) and records the channel actually used (GEN-5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal

from app.clock import utcnow
from app.db import database
from app.models import (AftersalesRequest, Conversation, Dispute, Message, Order, OrderItem,
                        TrackingEvent)
from app.vocab import CHANNELS, DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
from app.services.messaging import conversations, placeholders
from app.errors import InvalidInput, NotFound
from app.services.common.input_checks import choice
from app.services.common.reps import actor_name
from app.services.casework import case_forms
from app.services.casework.case_ids import case_id, get_case
from app.services.commerce.policy import load_profile


@dataclass(frozen=True)
class AttachmentView:
    sha256: str
    name: str
    mime: str
    caption: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


@dataclass(frozen=True)
class MessageView:
    id: int
    direction: str              # "in" from the buyer, "out" to the buyer
    channel: str
    body: str
    sent_at: datetime
    author: str
    source_lang: str
    translation: str | None
    translation_lang: str
    is_auto: bool
    is_internal: bool
    attachments: tuple = ()


@dataclass(frozen=True)
class CaseView:
    ref: str                    # "D-3" / "A-7"
    kind: str
    state: str
    is_open: bool
    amount: Decimal | None


@dataclass(frozen=True)
class OrderView:
    id: int
    order_no: str
    status: str
    currency: str
    total_amount: Decimal
    paid_amount: Decimal
    created_at: datetime
    shipped_at: datetime | None
    promised_days: int | None
    promised_by: datetime | None
    carrier: str
    tracking_no: str
    items: tuple = ()           # (title, attributes, quantity, unit price)
    tracking: tuple = ()        # (at, location, description), newest first
    cases: tuple = ()


@dataclass(frozen=True)
class ThreadHeader:
    id: int
    shop: str
    shop_id: int
    platform: str
    buyer_name: str
    buyer_login: str
    buyer_country: str
    buyer_language: str
    language: str               # the conversation's language ('' unknown)
    channel: str
    subject: str
    star: str
    assigned_to: str
    is_read: bool
    is_replied: bool
    buyer_zone: str = "UTC"                  # where the buyer lives (GEN-7)
    buyer_day: tuple = ("09:00", "20:00")    # their daytime, from the policy profile
    version: int = 0                         # the conversation's version as read


@dataclass(frozen=True)
class RequestEntry:
    """Whether a Taobao order can still take an after-sales request, as the panel says it."""
    window_text: str            # "12 days 4 h left to open a request …" (TB-1)
    window_open: bool
    window_rule: str
    earlier_ref: str | None     # the order's one request, when it had one (TB-2)
    once_rule: str
    window: object = None       # the case_forms.RequestWindow the text was made from


@dataclass(frozen=True)
class SidePanel:
    order: OrderView | None
    other_orders: tuple = ()    # OrderView of the buyer's other orders, newest first
    placeholder_values: dict = field(default_factory=dict)
    shop: str = ""              # the conversation's shop key
    platform: str = ""          # aliexpress | taobao
    request: RequestEntry | None = None     # Taobao orders only


def get_conversation(conversation_id: int) -> Conversation:
    conv = Conversation.get_or_none(Conversation.id == conversation_id)
    if conv is None:
        raise NotFound("conversation {conversation_id} does not exist (deleted meanwhile?)",
                       conversation_id=conversation_id)
    return conv


def header(conversation_id: int) -> ThreadHeader:
    from app.rules.timeconv import buyer_zone
    c = get_conversation(conversation_id)
    b, s = c.buyer, c.shop
    profile = load_profile(s.platform)
    day = tuple(profile.number(k) for k in ("follow_up_day_start", "follow_up_day_end")
                if k in profile)
    return ThreadHeader(c.id, s.key, s.id, s.platform, b.name or b.login, b.login, b.country,
                        b.language, c.language, c.channel, c.subject, c.star, c.assigned_to,
                        c.is_read, c.is_replied, buyer_zone(b.country, b.timezone),
                        day if len(day) == 2 else ("09:00", "20:00"), c.version)


def thread_messages(conversation_id: int, limit: int | None = None) -> list[MessageView]:
    """The thread oldest first; with `limit` only the newest `limit` messages.

    Plain rows, not model instances: a thread of a thousand messages is read in a few
    milliseconds (docs/performance.md, P4)."""
    sql, params = _MESSAGES, [conversation_id]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = database.execute_sql(sql, params).fetchall()[::-1]
    files: dict[int, list] = {}
    if rows:
        for message_id, caption, sha, name, mime in database.execute_sql(
                _ATTACHMENTS, (conversation_id,)):
            files.setdefault(message_id, []).append(AttachmentView(sha, name, mime, caption))
    return [_message_view(row, tuple(files.get(row[0], ()))) for row in rows]


_MESSAGES = ('SELECT "id", "direction", "channel", "body", "sent_at", "author", "source_lang", '
             '"translation", "translation_lang", "is_auto", "is_internal" FROM "message" '
             'WHERE "conversation_id" = ? ORDER BY "sent_at" DESC, "id" DESC')
# The files of the whole thread (few): no list of a thousand message ids to send.
_ATTACHMENTS = ('SELECT a."message_id", a."caption", f."sha256", f."original_name", f."mime" '
                'FROM "message" m JOIN "attachment" a ON a."message_id" = m."id" '
                'JOIN "stored_file" f ON f."id" = a."file_id" '
                'WHERE m."conversation_id" = ? ORDER BY a."id"')
_MESSAGE_FIELDS = ("id", "direction", "channel", "body", "sent_at", "author", "source_lang",
                   "translation", "translation_lang", "is_auto", "is_internal")


def _message_view(row: tuple, attachments: tuple) -> MessageView:
    """A MessageView from a row of _MESSAGES, built without the frozen dataclass's
    per-field __setattr__ (every field is set, so it equals MessageView(...))."""
    values = dict(zip(_MESSAGE_FIELDS, row))
    values["sent_at"] = _instant(values["sent_at"])
    values["is_auto"], values["is_internal"] = bool(values["is_auto"]), bool(values["is_internal"])
    values["attachments"] = attachments
    view = object.__new__(MessageView)
    view.__dict__.update(values)
    return view


def _instant(value) -> datetime | None:
    """A stored instant (naive UTC text) as an aware UTC datetime."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value + "+00:00")
        except ValueError:                  # not the usual form: the field knows them all
            from app.models.fields import UTCDateTimeField
            return UTCDateTimeField().python_value(value)
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


def _cases(order: Order) -> tuple:
    return _cases_of([order.id]).get(order.id, ())


def _cases_of(order_ids: list[int]) -> dict[int, tuple]:
    """order id -> its disputes, then its requests; two queries for any number of orders."""
    out: dict[int, list] = {}
    if not order_ids:
        return {}
    for d in Dispute.select().where(Dispute.order.in_(order_ids)).order_by(Dispute.id):
        out.setdefault(d.order_id, []).append(
            CaseView(f"D-{d.id}", d.kind, d.state, d.state not in DISPUTE_FINAL_STATES,
                     d.refund_amount))
    for r in (AftersalesRequest.select().where(AftersalesRequest.order.in_(order_ids))
              .order_by(AftersalesRequest.id)):
        out.setdefault(r.order_id, []).append(
            CaseView(f"A-{r.id}", r.service_type, r.state, r.state not in REQUEST_FINAL_STATES,
                     r.amount))
    return {order_id: tuple(cases) for order_id, cases in out.items()}


def order_view(order: Order, *, details: bool = True, cases: tuple | None = None) -> OrderView:
    from datetime import timedelta
    promised_by = (order.shipped_at + timedelta(days=order.promised_days)
                   if order.shipped_at and order.promised_days else None)
    items: tuple[tuple, ...] = ()
    tracking: tuple[tuple, ...] = ()
    if details:
        items = tuple((i.title, i.attributes, i.quantity, i.unit_price)
                      for i in order.items.order_by(OrderItem.position))
        tracking = tuple((t.at, t.location, t.description)
                         for t in order.tracking_events.order_by(TrackingEvent.at.desc()))
    return OrderView(order.id, order.order_no, order.status, order.currency,
                     order.total_amount, order.paid_amount, order.created_at, order.shipped_at,
                     order.promised_days, promised_by, order.carrier, order.tracking_no,
                     items, tracking, _cases(order) if cases is None else cases)


def side_panel(conversation_id: int, at: datetime | None = None) -> SidePanel:
    c = get_conversation(conversation_id)
    others = list(Order.select().where((Order.buyer == c.buyer_id)
                                       & (Order.id != (c.order_id or 0)))
                  .order_by(Order.created_at.desc()).limit(20))
    cases = _cases_of([o.id for o in others] + ([c.order_id] if c.order_id else []))
    platform = c.shop.platform
    request = None
    if c.order_id and platform == "taobao":
        request = _request_entry(c.order, at)
    return SidePanel(order_view(c.order, cases=cases.get(c.order_id, ()))
                     if c.order_id else None,
                     tuple(order_view(o, details=False, cases=cases.get(o.id, ()))
                           for o in others),
                     placeholders.values_for(c, at), c.shop.key, platform, request)


def _request_entry(order: Order, at: datetime | None) -> RequestEntry:
    """The order's after-sales window and its one request (the form checks both again)."""
    window = case_forms.request_window(order, at)
    earlier = case_forms.earlier_request(order)
    return RequestEntry(window.text, window.is_open, window.rule,
                        earlier.ref if earlier else None,
                        load_profile(order.shop.platform).rule("requests_per_order"), window)


def send_reply(conversation_id: int, body: str, *, channel: str | None = None,
               language: str = "", at: datetime | None = None, author: str = "rep",
               internal: bool = False, actor: str = "rep") -> Message:
    """Send the rep's answer (or save an internal note) through `channel` (default: the
    conversation's own). The message's author "rep" is the rep's name (current_rep). A text with a placeholder left is refused; nothing is written."""
    c = get_conversation(conversation_id)
    record = f"reply to conversation {conversation_id}"
    body = (body or "").strip()
    if not body:
        raise InvalidInput("write a message first", record=record, field="body")
    if not internal:
        placeholders.check_sendable(body, record)
    channel = choice(channel or c.channel, CHANNELS, "channel", record)
    return conversations.add_message(c, "out", body, at or utcnow(), channel=channel,
                                     author=actor_name(author), is_internal=internal,
                                     source_lang=language, actor=actor)


def open_conversation(conversation_id: int, *, actor: str = "rep") -> ThreadHeader:
    """The rep opened the thread: it counts as read."""
    c = get_conversation(conversation_id)
    if not c.is_read:
        conversations.mark_read(c, actor=actor)
    return header(conversation_id)


def conversation_about_order(order, channel: str | None = None) -> int | None:
    """The id of the conversation with the order's buyer about `order` (an Order or its id)
    on `channel` (default: the platform's order channel), None when there is none: read
    only (a viewer's window shows it, and starts none)."""
    if not isinstance(order, Order):
        order = Order.get_or_none(Order.id == order)
        if order is None:
            return None
    channel = channel or ("order_message" if order.shop.platform == "aliexpress" else "im")
    return (Conversation.select(Conversation.id)
            .where((Conversation.order == order) & (Conversation.channel == channel)).scalar())


def start_from_order(order_id: int, channel: str | None = None, *, subject: str = "",
                     actor: str = "rep") -> int:
    """A conversation with the order's buyer about the order (AE-13); returns its id. An
    existing conversation on the same order and channel is reused."""
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        raise NotFound("order {order_id} does not exist", order_id=order_id)
    if order.buyer_id is None:
        raise InvalidInput("the order has no buyer to write to", record=f"order {order.order_no}",
                           field="buyer")
    existing = conversation_about_order(order, channel)
    if existing is not None:
        return existing
    channel = channel or ("order_message" if order.shop.platform == "aliexpress" else "im")
    with database.atomic():
        conv = conversations.start_conversation(order.shop, order.buyer, channel, order=order,
                                                subject=subject or f"Order {order.order_no}",
                                                language=order.buyer.language, actor=actor)
    return conv.id


def start_from_case(case_ref: str, channel: str | None = None, *, actor: str = "rep") -> int:
    """A conversation about a dispute or request ('D-3', 'A-7') with its buyer (AE-13)."""
    case = get_case(case_ref)
    return start_from_order(case.order_id, channel, subject=f"{case_id(case)} · order "
                            f"{case.order.order_no}", actor=actor)
