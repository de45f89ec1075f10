"""Schema version 7: message search finds English words by their beginning in one term
lookup. The index (`message_search`) is rebuilt with every Latin word's beginnings of 3 to
12 letters stored as terms of their own (refunded → "ref … refund refunde refunded"), so a
query such as "refund" no longer merges the posting lists of every word that starts with it.

The text rewriting is frozen below as it was when this version was made: a later change
to app.services.messaging.search rebuilds the index in its own migration."""

import re
import unicodedata

VERSION = 7
DESCRIPTION = "message search: word beginnings as terms"

_CJK = (r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
        r"\U00020000-\U0002ffff")
_PIECES = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+", re.UNICODE)
_IS_CJK = re.compile(rf"[{_CJK}]")
_SHORTEST, _LONGEST = 3, 12
_BATCH = 5000


def _terms(text: str) -> str:
    out = []
    for piece in _PIECES.findall(unicodedata.normalize("NFKC", text or "").lower()):
        if _IS_CJK.match(piece):
            out.extend(piece[i:i + 2] for i in range(len(piece) - 1))
            out.append(piece[-1])
        else:
            out.extend(piece[:n] for n in range(_SHORTEST, min(len(piece), _LONGEST + 1)))
            out.append(piece)
    return " ".join(out)


def apply(db) -> None:
    db.execute_sql('DELETE FROM "message_search"')
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


def apply_postgres(db) -> None:
    """Nothing to rewrite: a server's index is written with the current terms from the
    start (app/migrations/postgres.py)."""
