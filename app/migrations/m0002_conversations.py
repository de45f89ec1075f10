"""Schema version 2: the conversations workspace.

- `message_search`: the FTS5 index of message text as CJK bigrams (app.services.messaging.search),
  filled here for every message already in the database;
- `saved_view`: named inbox filters; `phrase_memory`: the offline translator's memory;
- indexes for the 'assigned to me' and star colour filters.

The text rewriting is frozen below as it was when this version was made: a later change
to app.services.messaging.search rebuilds the index in its own migration.
"""

import re
import unicodedata

VERSION = 2
DESCRIPTION = "conversations: message search index, saved views, phrase memory"

SQLITE_STATEMENTS = (
    'CREATE VIRTUAL TABLE "message_search" USING fts5(terms, '
    "tokenize='unicode61 remove_diacritics 2')",
    'CREATE TABLE "saved_view" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(100) NOT NULL, "filters" TEXT NOT NULL, "position" INTEGER NOT NULL, "created_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "saved_view_name" ON "saved_view" ("name")',
    'CREATE TABLE "phrase_memory" ("id" INTEGER NOT NULL PRIMARY KEY, "source_lang" VARCHAR(16) NOT NULL, "target_lang" VARCHAR(16) NOT NULL, "source_key" VARCHAR(500) NOT NULL, "source_text" TEXT NOT NULL, "target_text" TEXT NOT NULL, "origin" VARCHAR(16) NOT NULL, "uses" INTEGER NOT NULL, "created_at" DATETIME NOT NULL)',
    'CREATE UNIQUE INDEX "phrase_memory_source_lang_target_lang_source_key" ON "phrase_memory" ("source_lang", "target_lang", "source_key")',
    'CREATE INDEX "conversation_assigned_to_last_message_at" ON "conversation" ("assigned_to", "last_message_at")',
    'CREATE INDEX "conversation_star_last_message_at" ON "conversation" ("star", "last_message_at")',
)

_CJK = (r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
        r"\U00020000-\U0002ffff")
_PIECES = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+", re.UNICODE)
_IS_CJK = re.compile(rf"[{_CJK}]")
_BATCH = 5000


def _terms(text: str) -> str:
    out = []
    for piece in _PIECES.findall(unicodedata.normalize("NFKC", text or "").lower()):
        if _IS_CJK.match(piece):
            out.extend(piece[i:i + 2] for i in range(len(piece) - 1))
            out.append(piece[-1])
        else:
            out.append(piece)
    return " ".join(out)


def apply(db) -> None:
    for statement in SQLITE_STATEMENTS:
        db.execute_sql(statement)
    after = 0
    while True:
        rows = db.execute_sql(
            'SELECT "id", "body", "translation" FROM "message" WHERE "id" > ? ORDER BY "id" '
            'LIMIT ?', (after, _BATCH)).fetchall()
        if not rows:
            return
        db.cursor().executemany(
            'INSERT INTO "message_search" (rowid, terms) VALUES (?, ?)',
            [(mid, _terms(f"{body}\n{translation or ''}")) for mid, body, translation in rows])
        after = rows[-1][0]


# On a server (app/migrations/postgres.py) the search index is a table of its own: each
# message's terms as a tsvector with their positions, under a GIN index
# (app/services/messaging/search.py, PostgresTermSearch). A server database starts empty,
# so there is nothing to index here.
POSTGRES_SEARCH = (
    'CREATE TABLE "message_search" ("rowid" BIGINT NOT NULL PRIMARY KEY, '
    '"terms" TSVECTOR NOT NULL)',
    'CREATE INDEX "message_search_terms" ON "message_search" USING GIN ("terms")',
)


def apply_postgres(db) -> None:
    from app.migrations.postgres import translate
    for statement in POSTGRES_SEARCH + tuple(translate(s) for s in SQLITE_STATEMENTS[1:]):
        db.execute_sql(statement)
