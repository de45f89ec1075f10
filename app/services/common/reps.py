"""Who is writing: the rep this AfterDesk works for.

On a shop's own SQLite file the rep is named in the settings ("conversations.my_name",
the name 'assigned to me' uses too; empty: the computer's login), or for one command by
the environment variable AFTERDESK_REP. On a shop database on a server the rep is the
login the connection uses (the name the owner gave it with `server rep add --name`, else
the login itself), whatever the settings say; only a superuser's connection (setting the
server up) keeps the settings' name. `current_rep()` is the one place that answers, and
`my_role()` says what the server lets this login do (app/server/roles.py): on a file the
one rep does everything ("owner").

On a server, the login's name and role are read once per address and kept: the window
reads them off its thread when it opens the database (`read_identity`, ui/upgrade_progress.py),
so its widgets ask `my_role()` and `may_write()` without waiting on the network; they are
read again when the change log shows a change to the reps (`server rep` commands:
app.services.common.live_changes), so a role the owner changes reaches an open window at
its next reading of the change log, whose reload then shows what the new role may do.
"""

from __future__ import annotations

import getpass
import os

REP_SETTING = "conversations.my_name"
REP_VARIABLE = "AFTERDESK_REP"
# Actors the services write for "whoever uses this AfterDesk": the audit trail names the rep.
REP_ACTORS = frozenset(("rep", "cli"))

_chosen: str | None = None
_on_server: dict[str, tuple[str, str | None, bool]] = {}   # address -> roles.identity


def set_current_rep(name: str | None) -> None:
    """This AfterDesk works for `name` from now on (None: ask the settings again)."""
    global _chosen
    _chosen = name.strip()[:100] if name and name.strip() else None
    _on_server.clear()


def _server_identity() -> tuple[str, str | None, bool] | None:
    """(name, role, superuser) of this AfterDesk's login on a server database; None on a file."""
    from app import db
    if not db.on_server():
        return None
    address = db.current_path() or ""
    found = _on_server.get(address)
    if found is None:
        from app.server import roles
        try:
            found = _on_server[address] = roles.identity(db.database.cursor())
        except Exception as exc:
            if db.expected_problem(exc, address) is None:
                raise
            return None     # the server is out of reach: asked again at the next write
    return found


def read_identity() -> None:
    """Read this login's name and role from the server now and keep them (nothing on a
    file). Waits on the network: a window calls it off its thread."""
    from app import db
    if not db.on_server():
        return
    from app.server import roles
    _on_server[db.current_path() or ""] = roles.identity(db.database.cursor())


def reread_identity() -> bool:
    """Read the login's name and role again (the owner may have changed them); True when
    they changed. Raises what the read raises (the server out of reach)."""
    from app import db
    before = _on_server.get(db.current_path() or "")
    read_identity()
    return _on_server.get(db.current_path() or "") != before


def my_role() -> str:
    """What this AfterDesk's login may do: "owner" (everything), "rep" (conversations,
    cases, evidence; reads the rest) or "viewer" (reads only). On a file: "owner"; on a
    server not reached yet: "viewer" (asked again at the next call)."""
    found = _server_identity()
    if found is None:
        from app import db
        # On a server whose answer is not known yet (out of reach): the least, until it
        # answers; a wrongly offered write would only meet the server's refusal.
        return "viewer" if db.on_server() else "owner"
    _name, role, superuser = found
    return "owner" if superuser else (role or "viewer")


def named_by_login() -> bool:
    """True on a server database, where the login names the rep and the settings' name
    is not used (a superuser's connection aside)."""
    found = _server_identity()
    return found is not None and not found[2]


def may_write() -> bool:
    """True when this login may change conversations and cases (not a viewer)."""
    return my_role() != "viewer"


def current_rep() -> str:
    global _chosen
    found = _server_identity()
    if found is not None and not found[2]:
        return found[0][:100]
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
