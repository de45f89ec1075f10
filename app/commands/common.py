"""What every command shares: exit codes, JSON on stdout, the database file it works on.
(A module without `register`: app.commands.register_all passes it by.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 2, 64


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def resolve_db_path(arg: str | None) -> Path | str:
    """The database file `--db` names (or the default one); a server address
    (postgresql://…) as it was typed (docs/server.md)."""
    from app.server.address import is_server_address
    if arg and is_server_address(arg):
        return arg
    if arg:
        return Path(arg)
    from app.paths import default_db_path
    return default_db_path()
