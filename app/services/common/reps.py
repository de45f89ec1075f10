"""Who is writing: the rep this AfterDesk works for.

On a shop's own SQLite file the rep is named in the settings ("conversations.my_name",
the name 'assigned to me' uses too; empty: the computer's login), or for one command by
the environment variable AFTERDESK_REP. A shop database on a server will name the rep by
the login its connection uses: `current_rep()` is the one place that answers.
"""

from __future__ import annotations

import getpass
import os

REP_SETTING = "conversations.my_name"
REP_VARIABLE = "AFTERDESK_REP"
# Actors the services write for "whoever uses this AfterDesk": the audit trail names the rep.
REP_ACTORS = frozenset(("rep", "cli"))

_chosen: str | None = None


def set_current_rep(name: str | None) -> None:
    """This AfterDesk works for `name` from now on (None: ask the settings again)."""
    global _chosen
    _chosen = name.strip()[:100] if name and name.strip() else None


def current_rep() -> str:
    global _chosen
    if _chosen is None:
        named = os.environ.get(REP_VARIABLE, "").strip()
        if not named:
            from app.settings import Settings
            named = str(Settings().get(REP_SETTING) or "").strip()
        _chosen = (named or _login())[:100]
    return _chosen


def actor_name(actor: str | None) -> str:
    """The name the audit trail keeps for `actor`: the rep's own name for the rep."""
    if not actor:
        return "system"
    return current_rep() if actor in REP_ACTORS else actor


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some setups
        return "rep"
