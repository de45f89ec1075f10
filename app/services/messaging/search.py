"""Free-text search over messages, behind one small interface.

Reps search in Chinese as often as in English, and most Chinese words have two
characters (退款, 物流, 发票). SQLite's trigram tokenizer needs three, so AfterDesk keeps
its own index: every message's text (body and translation) is rewritten into *terms*
in which each run of CJK characters becomes overlapping bigrams plus its last
character on its own (退款了 → "退款 款了 了"), and Latin words and numbers stay as they
are. The terms go into an FTS5 table (unicode61 tokenizer). A query is rewritten the
same way:

- a CJK run of two or more characters → its bigrams as one phrase ("退款 款了");
- a single CJK character → a prefix query (款*): every character of the text starts a
  term, so it is found wherever it stands;
- a Latin word of three or more letters finds the words it starts (refund finds
  refunded). The index stores every Latin word's beginnings of 3 to PREFIX_TERMS letters
  as terms of their own (refunded → "ref refu refun refund refunde refunded"), so such a
  query is one term lookup, as fast as a Chinese word; a longer query word falls back to
  FTS5's prefix query (a merge over every matching term);
- everything ANDed.

`MessageSearch` is the interface the rest of AfterDesk uses; `SqliteBigramSearch` is the
implementation for the SQLite file, `PostgresTermSearch` the one for a shop database on a
PostgreSQL server: the same terms, stored with their positions as a tsvector under a
GIN index, and the query rewritten the same way as a tsquery (a phrase of bigrams with
`<->`, a prefix with `:*`), so both find the same messages. PostgreSQL keeps at most 16383
positions: a phrase past that far into one message is not found there.
The index is kept in step by `app.services.messaging.conversations.add_message`; messages written
by other paths (import, older versions) are caught up before each search.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Protocol

from app.db import database

TABLE = "message_search"
# Han, kana, Hangul, CJK compatibility: written without spaces between words.
_CJK = (r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
        r"\U00020000-\U0002ffff")


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """(runs of CJK or of other word characters, a CJK character): compiled when first
    needed, not at start (a few ms for these Unicode classes)."""
    return (re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+", re.UNICODE), re.compile(rf"[{_CJK}]"))
MIN_PREFIX = 3          # shorter Latin words match whole words only
PREFIX_TERMS = 12       # Latin beginnings up to this length are indexed as terms
CATCH_UP_BATCH = 5000


@dataclass(frozen=True)
class SearchHit:
    message_id: int
    conversation_id: int
    sent_at: datetime


def _hit(message_id: int, conversation_id: int, sent_at) -> SearchHit:
    """A SearchHit from a row: the stored instant (naive UTC text) parsed with its zone,
    and the frozen dataclass filled without its per-field __setattr__ (200 a search)."""
    if isinstance(sent_at, str):
        try:
            sent_at = datetime.fromisoformat(sent_at + "+00:00")
        except ValueError:                  # not the usual form: the field knows them all
            from app.models.fields import UTCDateTimeField
            sent_at = UTCDateTimeField().python_value(sent_at)
    elif sent_at is not None and sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=timezone.utc)
    hit = object.__new__(SearchHit)
    hit.__dict__.update(message_id=message_id, conversation_id=conversation_id, sent_at=sent_at)
    return hit


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def index_terms(text: str) -> str:
    """The text as the index stores it: CJK runs as bigrams (and their last character),
    other words as they are, after their beginnings of MIN_PREFIX to PREFIX_TERMS
    letters; lower case."""
    out: list[str] = []
    pieces, is_cjk = _patterns()
    for piece in pieces.findall(_fold(text)):
        if is_cjk.match(piece):
            out.extend(piece[i:i + 2] for i in range(len(piece) - 1))
            out.append(piece[-1])
        else:
            # a word's beginnings first, the word itself last (see the module text)
            out.extend(piece[:n] for n in range(MIN_PREFIX, min(len(piece), PREFIX_TERMS + 1)))
            out.append(piece)
    return " ".join(out)


def _query_parts(query: str) -> list[tuple[str, list[str]]]:
    """What a rep typed as the index is asked it (see the module text): ("phrase",
    bigrams) for a CJK run of two or more characters, ("prefix", [term]) for a single CJK
    character or a Latin word longer than PREFIX_TERMS, ("term", [term]) otherwise."""
    parts: list[tuple[str, list[str]]] = []
    pieces, is_cjk = _patterns()
    for piece in pieces.findall(_fold(query)):
        if is_cjk.match(piece) and len(piece) > 1:
            parts.append(("phrase", [piece[i:i + 2] for i in range(len(piece) - 1)]))
        elif is_cjk.match(piece) or len(piece) > PREFIX_TERMS:
            parts.append(("prefix", [piece]))
        else:
            parts.append(("term", [piece]))
    return parts


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH expression for what a rep typed; None when nothing searchable."""
    shapes = {"phrase": '"{}"', "prefix": '"{}"*', "term": '"{}"'}
    return " AND ".join(shapes[kind].format(" ".join(terms))
                        for kind, terms in _query_parts(query)) or None


class MessageSearch(Protocol):
    """What AfterDesk needs from a message search, whatever the database."""

    def index(self, message) -> None:
        """Make one new or changed message findable (inside the writer's transaction)."""

    def catch_up(self) -> int:
        """Index messages written without `index` (imports); returns how many."""

    def rebuild(self) -> int:
        """Index every message again; returns how many."""

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Messages matching `query`, newest first."""


class SqliteBigramSearch:
    """FTS5 over bigram terms in the SQLite file (see the module text)."""

    # How one message's terms are stored: the statement, and the text it stores.
    STORE = f'INSERT OR REPLACE INTO "{TABLE}" (rowid, terms) VALUES (?, ?)'
    stored_terms = staticmethod(index_terms)
    # How a query asks the index: the condition, and the expression it is given.
    MATCHES = f'"{TABLE}" MATCH ?'
    expression = staticmethod(match_expression)

    def __init__(self, db=database):
        self.db = db

    def index(self, message) -> None:
        self.db.execute_sql(self.STORE, (message.id, self.stored_terms(
            f"{message.body}\n{message.translation or ''}")))

    def _index_rows(self, rows) -> int:
        values = [(mid, self.stored_terms(f"{body}\n{translation or ''}"))
                  for mid, body, translation in rows]
        if values:
            self.db.execute_many(self.STORE, values)
        return len(values)

    def _last_indexed(self) -> int:
        row = self.db.execute_sql(
            f'SELECT rowid FROM "{TABLE}" ORDER BY rowid DESC LIMIT 1').fetchone()
        return row[0] if row else 0

    def up_to_date(self) -> bool:
        """True when every message is in the index (searching writes nothing then)."""
        row = self.db.execute_sql('SELECT MAX("id") FROM "message"').fetchone()
        return (row[0] or 0) <= self._last_indexed()

    def catch_up(self) -> int:
        done = 0
        while True:
            after = self._last_indexed()
            rows = self.db.execute_sql(
                'SELECT "id", "body", "translation" FROM "message" WHERE "id" > ? '
                'ORDER BY "id" LIMIT ?', (after, CATCH_UP_BATCH)).fetchall()
            if not rows:
                return done
            with self.db.atomic():
                done += self._index_rows(rows)

    def rebuild(self) -> int:
        with self.db.atomic():
            self.db.execute_sql(f'DELETE FROM "{TABLE}"')
        return self.catch_up()

    def search(self, query: str, limit: int | None = None) -> list[SearchHit]:
        expression = self.expression(query)
        if expression is None:
            return []
        self.catch_up()
        sql = (f'SELECT m."id", m."conversation_id", m."sent_at" FROM "{TABLE}" s '
               f'JOIN "message" m ON m."id" = s.rowid WHERE {self.MATCHES} '
               f'ORDER BY s.rowid DESC')
        params: tuple = (expression,)
        if limit is not None:
            sql += " LIMIT ?"
            params += (int(limit),)
        return [_hit(mid, cid, at) for mid, cid, at in self.db.execute_sql(sql, params)]

    def matching_conversations_sql(self, query: str) -> tuple[str, tuple] | None:
        """A subquery (SQL, params) yielding the ids of conversations with a matching
        message, for the inbox to combine with its filters; None when nothing to search."""
        expression = self.expression(query)
        if expression is None:
            return None
        self.catch_up()
        return (f'SELECT m."conversation_id" FROM "{TABLE}" s JOIN "message" m '
                f'ON m."id" = s.rowid WHERE {self.MATCHES}', (expression,))


def _plain(term: str) -> str:
    """A term without its diacritics (café → cafe), as SQLite's tokenizer stores it."""
    if term.isascii():
        return term
    return "".join(c for c in unicodedata.normalize("NFD", term)
                   if not unicodedata.combining(c))


def _lexeme(term: str) -> str:
    return "'" + _plain(term).replace("\\", "\\\\").replace("'", "''") + "'"


def term_vector(text: str) -> str:
    """The text's terms in tsvector's input form, each with its position (1, 2, …)."""
    terms = index_terms(text).split()
    return " ".join(f"{_lexeme(t)}:{min(i, 16383)}" for i, t in enumerate(terms, 1))


def tsquery_expression(query: str) -> str | None:
    """What a rep typed as a tsquery (see match_expression); None when nothing searchable."""
    shapes = {"phrase": "({})", "prefix": "{}:*", "term": "{}"}
    return " & ".join(shapes[kind].format(" <-> ".join(_lexeme(t) for t in terms))
                      for kind, terms in _query_parts(query)) or None


class PostgresTermSearch(SqliteBigramSearch):
    """The terms as a tsvector under a GIN index on a PostgreSQL server (see the module
    text); catching up and rebuilding as on SQLite."""

    STORE = (f'INSERT INTO "{TABLE}" ("rowid", "terms") VALUES (?, ?::tsvector) '
             'ON CONFLICT ("rowid") DO UPDATE SET "terms" = EXCLUDED."terms"')
    stored_terms = staticmethod(term_vector)
    MATCHES = 's."terms" @@ ?::tsquery'
    expression = staticmethod(tsquery_expression)


_backends: dict[str, SqliteBigramSearch] = {}


def backend() -> SqliteBigramSearch:
    """The search of the open database (the file's or the server's)."""
    kind = database.backend
    if kind not in _backends:
        _backends[kind] = (PostgresTermSearch if kind == "postgresql"
                           else SqliteBigramSearch)(database)
    return _backends[kind]


def index_message(message) -> None:
    backend().index(message)


def search_messages(query: str, limit: int | None = 200) -> list[SearchHit]:
    return backend().search(query, limit)
