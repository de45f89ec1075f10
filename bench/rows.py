"""Raw row writing for the benchmark's data: explicit ids, executemany in batches.

The shop-scale data is far too big to go through the services row by row (that is what
the demo does, at a few hundred orders). The generator writes the rows the services would
have written, with plain SQL; the cases are copied from demo cases that did go through
the services (bench/gen_cases.py).
"""

from __future__ import annotations

from datetime import datetime

BATCH = 20_000
FORMAT = "%Y-%m-%d %H:%M:%S"      # how UTCDateTimeField stores an instant


def at(value: datetime | None) -> str | None:
    """An instant as stored (naive UTC, whole seconds)."""
    return None if value is None else value.strftime(FORMAT)


def next_id(db, table: str) -> int:
    row = db.execute_sql(f'SELECT max("id") FROM "{table}"').fetchone()
    return (row[0] or 0) + 1


def columns(db, table: str) -> list[str]:
    return [row[1] for row in db.execute_sql(f'PRAGMA table_info("{table}")')]


def insert(db, table: str, names, rows) -> int:
    """executemany of `rows` (tuples in the order of `names`) in batches; how many."""
    names = list(names)
    quoted = ", ".join(f'"{n}"' for n in names)
    sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
    rows = list(rows)
    cursor = db.cursor()
    for start in range(0, len(rows), BATCH):
        cursor.executemany(sql, rows[start:start + BATCH])
    return len(rows)


def insert_dicts(db, table: str, rows: list[dict]) -> int:
    """Rows given as column -> value (all with the same keys)."""
    if not rows:
        return 0
    names = list(rows[0])
    return insert(db, table, names, [tuple(r[n] for n in names) for r in rows])


def read_dicts(db, table: str, where: str = "", params: tuple = ()) -> list[dict]:
    cursor = db.execute_sql(f'SELECT * FROM "{table}" {where}', params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor.fetchall()]
