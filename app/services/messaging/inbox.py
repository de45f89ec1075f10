"""The inbox: which conversations to list, and what one page of the list shows.

`conversation_ids` returns every matching id in list order (cheap: one indexed
query on the conversation table); `conversation_rows` fills in one page of them
with a fixed number of queries, whatever the page size.

Filters combine (AND): unreplied, unread, star colour, order status, channel, shop,
has an open request or dispute, assigned to someone, and free text over the messages
(app.services.messaging.search: 退款 is found although it has only two characters).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from app import db
from app.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
from app.errors import InvalidInput
from app.rules.policy import DEFAULTS, Profile

SNIPPET_LENGTH = 80
_CHUNK = 500   # ids per IN (...) list, well under SQLite's variable limit

REPLY_DUE = "reply_due"       # the reply target of app.rules.policy

FILTER_KEYS = ("unreplied", "unread", "shop", "channel", "star", "order_status", "open_case",
               "assigned_to", "delivery_failed", "text")

# The outbox states of an answer not yet delivered (app.channels.states; the services do not
# import the channels, which write through them), the one that most needs the rep first:
# what the list shows for a conversation (app.channels.outbox.conversation_states agrees).
# "to_copy": queued on a channel AfterDesk cannot send through, waiting for copy & open.
UNDELIVERED = ("failed", "sending", "queued", "to_copy", "copied")
_RANK = ('CASE WHEN x."state" = \'failed\' THEN 0 WHEN x."state" = \'sending\' THEN 1 '
         'WHEN x."state" = \'queued\' AND x."account_id" IS NOT NULL THEN 2 '
         'WHEN x."state" = \'queued\' THEN 3 WHEN x."state" = \'copied\' THEN 4 END')


@dataclass(frozen=True)
class InboxRow:
    id: int
    buyer_name: str         # the buyer's name, or their login when no name is known
    buyer_login: str
    buyer_country: str
    shop: str               # shop key
    platform: str
    channel: str
    star: str
    subject: str
    snippet: str            # the latest message the buyer sees, shortened to one line
    last_direction: str | None  # "in" or "out" for that message, None without messages
    is_read: bool
    is_replied: bool
    order_no: str | None
    order_status: str | None
    last_message_at: datetime | None
    assigned_to: str = ""
    has_open_case: bool = False
    reply_due_at: datetime | None = None   # answer by then (HOUSE-1) while unreplied
    delivery: str = ""      # the outbox state of its undelivered answers (UNDELIVERED), or ""


def conversation_ids(filters: dict | None = None, *, limit: int | None = None,
                     reader=None, sort: tuple[str, bool] | None = None) -> list[int]:
    """Ids of the matching conversations, the latest message first (never-used ones last);
    with `limit`, only the first so many. `reader`: a connection of the standard library
    to read with instead of the database handle (app.db.plain_connection; a start's first
    screenful, before peewee has loaded).

    sort: (a key of SORT_KEYS, descending?) to list them in that order instead; rows
    without a value (no reply due, no order) come last either way.

    filters: unreplied=True, unread=True, shop=<shop key>, channel=<channel>,
    star=<colour>, order_status=<vocab.ORDER_STATES>, open_case=True,
    assigned_to=<rep name>, delivery_failed=True (an answer was not sent),
    text=<words searched in the messages>.
    """
    filters = dict(filters or {})
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise InvalidInput("unknown inbox filter(s): {names}",
                           names=', '.join(sorted(unknown)),
                           field="filters")
    where: list[str] = []
    params: list = []
    for key in FILTER_KEYS[:-1]:
        value = filters.get(key)
        if value:
            where.append(_WHERE[key])
            params.extend([value] * _WHERE[key].count("?"))
    if (filters.get("text") or "").strip():
        from app.services.messaging import search  # docs/start.md
        found = search.backend().matching_conversations_sql(filters["text"])
        if found is None:
            return []
        where.append(f'"id" IN ({found[0]})')
        params.extend(found[1])
    # Index order (last_message_at, rowid) read backwards: no sort step. Plain SQL, no
    # query object or wrapper per row.
    where_sql = " WHERE " + " AND ".join(where) if where else ""
    order_sql, order_params = _order_by(sort, reader)
    params = [*params, *order_params]
    if limit is not None:
        rows = _execute(reader, _IDS + where_sql + order_sql + " LIMIT ?",
                        [*params, int(limit)]).fetchall()
        return [row[0] for row in rows]
    return ids_in_order(where_sql, params, reader, order_sql)


def default_sort(filters: dict | None) -> tuple[str, bool] | None:
    """The order a list opens in when the rep has not chosen one: the unreplied ones with
    the most overdue first (HOUSE-1 reply target); any other list the latest message
    first (None)."""
    return ("reply_within", False) if (filters or {}).get("unreplied") else None


def _execute(reader, sql: str, params):
    """A cursor over `sql` from `reader` (a standard-library connection) or the handle."""
    if reader is not None:
        return reader.execute(sql, params)
    return db.database.execute_sql(sql, params)


def ids_in_order(where_sql: str, params, reader=None, order_sql: str | None = None) -> list[int]:
    """The matching ids in list order, joined into one text by SQLite and parsed once.

    Row by row, a cursor gives the interpreter lock away and takes it back for each of
    50,000 ids; while the window is busy on the GUI thread (it is, at start) every one of
    those hand-overs waits for it, and the read took twice as long as alone. One row of
    joined ids is one hand-over. The ids come from an ordered subquery, which walks the
    index backwards; SQLite keeps that order for the aggregate (tests/test_inbox_queries.py
    checks it on this SQLite and on a newer one). `group_concat(… ORDER BY …)` of SQLite
    3.44 would say so in the statement, but sorts instead: 9× slower on 50,000 ids."""
    (joined,), = _execute(reader, joined_ids_sql(where_sql, order_sql), params).fetchall()
    return json.loads("[" + joined + "]") if joined else []


def joined_ids_sql(where_sql: str, order_sql: str | None = None) -> str:
    """The statement of ids_in_order: one row, the ids in list order joined by commas."""
    # A server joins with its own string_agg (group_concat there is an SQL-language
    # aggregate, called once per id: several times slower on a whole inbox).
    joined = 'string_agg("id"::text, \',\')' if db.on_server() else 'group_concat("id")'
    return ('SELECT ' + joined + ' FROM (' + _IDS + where_sql + (order_sql or _ORDER)
            + ') AS "listed"')


def _order_by(sort: tuple[str, bool] | None, reader=None) -> tuple[str, list]:
    """The ORDER BY of a list sorted by a column key (SORT_KEYS) and its parameters; the
    latest message first without `sort`. Rows without a value (a replied conversation has
    no reply due) come last in both directions; equal values keep the newest id first."""
    if sort is None or sort == ("last_message_at", True):
        return _ORDER, []
    key, descending = sort
    if key not in SORT_KEYS:
        raise InvalidInput("the inbox cannot be sorted by '{key}'", key=key, field="sort")
    params: list = []
    if key == "reply_within":
        # Due = the buyer's last message + the platform's reply target (HOUSE-1).
        cases = []
        for platform, span in _reply_due_by_platform(reader).items():
            cases.append("WHEN ? THEN ?")
            params += [platform, span.total_seconds() / 86400]
        if not cases:
            return _ORDER, []
        value = ('(CASE WHEN "is_replied" = 0 AND "last_inbound_at" IS NOT NULL THEN '
                 'julianday("last_inbound_at") + (CASE (SELECT "platform" FROM "shop" '
                 'WHERE "shop"."id" = "conversation"."shop_id") ' + " ".join(cases)
                 + " END) END)")
    else:
        value = SORT_KEYS[key] or ""
    direction = "DESC" if descending else "ASC"
    return (f' ORDER BY {value} IS NULL, {value} {direction}, "id" DESC', params * 2)


_IDS = 'SELECT "id" FROM "conversation"'
# What the inbox sorts by, by column key (the table's columns, ui/table_models); the reply
# due is worked out in _order_by. SQLite sorts by these: the window never reads every row.
SORT_KEYS: dict[str, str | None] = {
    "star": '"star"',
    "buyer": ('(SELECT coalesce(nullif("name", \'\'), "login") FROM "buyer" '
              'WHERE "buyer"."id" = "conversation"."buyer_id")'),
    "status": 'CASE WHEN "is_replied" = 0 THEN 0 WHEN "is_read" = 0 THEN 1 ELSE 2 END',
    "reply_within": None,
    "case": None,           # below: needs the open-case statements
    "last_message_at": '"last_message_at"',
    "shop": '(SELECT "key" FROM "shop" WHERE "shop"."id" = "conversation"."shop_id")',
    "channel": '"channel"',
    "order": ('(SELECT "order_no" FROM "orders" '
              'WHERE "orders"."id" = "conversation"."order_id")'),
    "last_message": ('(SELECT "body" FROM "message" WHERE "message"."conversation_id" = '
                     '"conversation"."id" AND "message"."is_internal" = 0 '
                     'ORDER BY "sent_at" DESC, "id" DESC LIMIT 1)'),
}
_ORDER = ' ORDER BY "last_message_at" DESC, "id" DESC'
_OPEN_DISPUTE = ('SELECT "order_id" FROM "dispute" WHERE "state" NOT IN ('
                 + ", ".join(f"'{s}'" for s in DISPUTE_FINAL_STATES) + ")")
_OPEN_REQUEST = ('SELECT "order_id" FROM "aftersales_request" WHERE "state" NOT IN ('
                 + ", ".join(f"'{s}'" for s in REQUEST_FINAL_STATES) + ")")
SORT_KEYS["delivery"] = (f'(SELECT min({_RANK}) FROM "outbox_item" x '
                         'WHERE x."conversation_id" = "conversation"."id")')
SORT_KEYS["case"] = (f'(CASE WHEN "order_id" IN ({_OPEN_DISPUTE} UNION {_OPEN_REQUEST}) '
                     "THEN 1 ELSE 0 END)")
# One condition per filter (booleans take no parameter; the others one each).
_WHERE = {
    "unreplied": '"is_replied" = 0',
    "unread": '"is_read" = 0',
    "shop": '"shop_id" IN (SELECT "id" FROM "shop" WHERE "key" = ?)',
    "channel": '"channel" = ?',
    "star": '"star" = ?',
    "order_status": '"order_id" IN (SELECT "id" FROM "orders" WHERE "status" = ?)',
    "open_case": f'"order_id" IN ({_OPEN_DISPUTE} UNION {_OPEN_REQUEST})',
    "assigned_to": '"assigned_to" = ?',
    "delivery_failed": '"id" IN (SELECT "conversation_id" FROM "outbox_item" '
                       'WHERE "state" = \'failed\')',
}
_DELIVERY = (f'(SELECT min({_RANK}) FROM "outbox_item" x '
             'WHERE x."conversation_id" = c."id")')
# What a row shows, in one statement whatever the page size: the conversation, its buyer,
# shop and order, whether the order has an open case, and the latest message the buyer
# sees (internal notes left out).
_ROWS = (
    'SELECT c."id", b."name", b."login", b."country", s."key", s."platform", c."channel", '
    'c."star", c."subject", c."is_read", c."is_replied", o."order_no", o."status", '
    'c."last_message_at", c."assigned_to", c."last_inbound_at", '
    f'(EXISTS ({_OPEN_DISPUTE} AND "order_id" = o."id") OR '
    f'EXISTS ({_OPEN_REQUEST} AND "order_id" = o."id")), m."body", m."direction", '
    f'{_DELIVERY} '
    'FROM "conversation" c JOIN "buyer" b ON b."id" = c."buyer_id" '
    'JOIN "shop" s ON s."id" = c."shop_id" '
    'LEFT JOIN "orders" o ON o."id" = c."order_id" '
    'LEFT JOIN "message" m ON m."id" = (SELECT i."id" FROM "message" i '
    'WHERE i."conversation_id" = c."id" AND i."is_internal" = 0 '
    'ORDER BY i."sent_at" DESC, i."id" DESC LIMIT 1) '
    'WHERE c."id" IN ({marks})')


def conversation_rows(ids, *, reader=None) -> dict[int, InboxRow]:
    """What the inbox shows for each of `ids` (missing ids are left out); `reader` as for
    conversation_ids."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    rows: dict[int, InboxRow] = {}
    if not ids:
        return rows
    reply_due = _reply_due_by_platform(reader)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        cursor = _execute(reader, _ROWS.format(marks=", ".join("?" * len(chunk))), chunk)
        for (conv_id, name, login, country, shop, platform, channel, star, subject, is_read,
             is_replied, order_no, order_status, last_at, assigned_to, last_inbound, open_case,
             body, direction, delivery) in cursor.fetchall():
            is_replied = bool(is_replied)
            last_inbound = _instant(last_inbound)
            due = (last_inbound + reply_due[platform]
                   if not is_replied and last_inbound and platform in reply_due else None)
            rows[conv_id] = _row(
                id=conv_id, buyer_name=name or login, buyer_login=login, buyer_country=country,
                shop=shop, platform=platform, channel=channel, star=star, subject=subject,
                snippet=snippet(body) if body is not None else "", last_direction=direction,
                is_read=bool(is_read), is_replied=is_replied, order_no=order_no,
                order_status=order_status, last_message_at=_instant(last_at),
                assigned_to=assigned_to, has_open_case=bool(open_case), reply_due_at=due,
                delivery=UNDELIVERED[delivery] if delivery is not None else "")
    return rows


def _row(**fields) -> InboxRow:
    """An InboxRow built without the frozen dataclass's per-field __setattr__ (a third of a
    page's time); every field is given, so nothing differs from InboxRow(**fields)."""
    row = object.__new__(InboxRow)
    row.__dict__.update(fields)
    return row


def _instant(value) -> datetime | None:
    """A stored instant (naive UTC text) as an aware UTC datetime."""
    if value is None or isinstance(value, datetime):
        return value if value is None or value.tzinfo else value.replace(tzinfo=timezone.utc)
    try:
        return datetime.fromisoformat(value + "+00:00")  # parsed with its zone: quicker
    except ValueError:                      # not the usual form: the field knows them all
        from app.models.fields import UTCDateTimeField  # the models: see docs/start.md
        return UTCDateTimeField().python_value(value)


def _reply_due_by_platform(reader=None) -> dict:
    """platform -> how long a buyer may wait for an answer (HOUSE-1 'reply_due'); one query."""
    overrides: dict[str, dict] = {name: {} for name in DEFAULTS}
    for profile, value in _execute(
            reader, 'SELECT "profile", "value" FROM "policy_override" WHERE "key" = ?',
            (REPLY_DUE,)):
        overrides.setdefault(profile, {})[REPLY_DUE] = value
    out = {}
    for name in DEFAULTS:
        key = (name, tuple(overrides[name].items()))
        if key not in _reply_due_cache:
            profile = Profile(name, overrides[name])
            _reply_due_cache[key] = profile.duration(REPLY_DUE) if REPLY_DUE in profile else None
        if _reply_due_cache[key] is not None:
            out[name] = _reply_due_cache[key]
    return out


_reply_due_cache: dict = {}     # (profile, its reply_due override) -> duration


def snippet(text: str, length: int = SNIPPET_LENGTH) -> str:
    """One line of at most `length` characters, whitespace collapsed, '…' when cut."""
    line = " ".join((text or "").split())
    return line if len(line) <= length else line[:length - 1].rstrip() + "…"
