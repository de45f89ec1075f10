"""Whether a start shows the first-run wizard: asked at every start, so it loads nothing
of the wizard (its choices and their carrying out are in setup.py)."""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.server.address import is_server_address
from app.settings import Settings


def needs_first_run(settings: Settings, db_arg) -> bool:
    """The wizard shows when the rep has not finished it and did not name a database,
    and the default database does not exist yet (an existing one means AfterDesk was set
    up before this version had a wizard)."""
    if db_arg or settings.get("ui.first_run_done"):
        return False
    chosen = settings.get("data.db_path")
    if chosen and is_server_address(chosen):     # the shop's server was set up already
        return False
    path = Path(chosen).expanduser() if chosen else paths.default_db_path()
    return not path.exists()
