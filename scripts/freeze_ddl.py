"""Print the CREATE TABLE / CREATE INDEX statements of some models, for pasting into a new
migration (app/migrations/mNNNN_*.py) as frozen SQL. Migrations never import live models:
a model changes later, a migration must not.

    python scripts/freeze_ddl.py app.models.search:SearchToken app.models.search:SavedView
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.db import database  # noqa: E402


def statements(models) -> list[str]:
    context = database.get_sql_context
    out = []
    for model in models:
        out.append(context().sql(model._schema._create_table(safe=False)).query()[0])
        for index in model._schema._create_indexes(safe=False):
            out.append(context().sql(index).query()[0])
    return out


def main(names: list[str]) -> None:
    database.init(":memory:")
    models = []
    for name in names:
        module, _, attr = name.partition(":")
        models.append(getattr(importlib.import_module(module), attr))
    for sql in statements(models):
        print(f"    {sql!r},")


if __name__ == "__main__":
    main(sys.argv[1:])
