"""Reps and their roles on a shop database on a PostgreSQL server (docs/server.md, "Add
reps"): what the server itself lets each login do, so a rep with a SQL client can do no
more than the window lets them.

Each shop database has three group roles (NOLOGIN), named after the database so that
several shop databases on one server keep theirs apart (`group_role`):

- owner: everything (shops, policy profiles, accounts, the calendar, the reps);
- rep: reads everything and writes what a rep works: conversations and their messages,
  quick phrases and automatic replies, buyers and orders, cases, evidence, follow-ups and complaints, the outbox, the search
  index, the change log and presence; the audit trail only grows (INSERT, no UPDATE or
  DELETE); of a channel account only what its sync records (state, last sync, last error);
- viewer: reads only.

A rep's own login is a member of one of them (`app.commands.server_reps`). Grants are
given table by table (`REP_WRITES`, `REP_APPENDS`, `REP_COLUMNS`; every other table is
the owner's to change) by `apply_grants`, which `server init` runs and every schema
migration on the server runs again: a new table gets its grants with its migration. It is
idempotent: it revokes and grants the whole set each time. With them comes a trigger on
the audit trail (`actor_statements`): an entry a rep's login adds names that rep.
"""

from __future__ import annotations

import hashlib

ROLES = ("owner", "rep", "viewer")

# Tables a rep may INSERT, UPDATE and DELETE: what replying, working a case, importing
# orders and a channel's sync write (checked by running the services as a rep login,
# tests/test_server_roles.py).
REP_WRITES = frozenset((
    "conversation", "message", "message_search", "phrase_memory", "saved_view",
    "attachment", "stored_file", "quick_phrase", "quick_phrase_variant",
    "buyer", "orders", "order_item", "tracking_event", "import_batch",
    "aftersales_request", "request_event", "dispute", "dispute_event", "dispute_proposal",
    "case_checklist_tick", "evidence_pack", "evidence_item",
    "follow_up_attempt", "follow_up_state", "complaint", "complaint_step",
    "channel_cursor", "channel_message", "outbox_item", "auto_reply_rule", "auto_reply_revision",
    "change_log", "presence",
))
# Tables a rep may only add to: the audit trail is append-only for reps.
REP_APPENDS = frozenset(("audit_entry",))
# Columns a rep may UPDATE in a table that is otherwise the owner's: what a channel's sync
# records about its account (app.channels.account.record_state).
REP_COLUMNS = {"channel_account": ("state", "last_sync_at", "last_error", "last_error_at")}
# The owner's alone (a rep reads them): shops, policy profiles, the calendar, channel and
# platform accounts with their signing keys, the schema's version.
OWNER_ONLY = frozenset((
    "shop", "policy_override", "calendar_override", "channel_account", "shop_signing_key",
    "schema_version",
))


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def group_role(database_name: str, role: str) -> str:
    """The group role of `role` for the shop database `database_name`, e.g. `shop_rep`.
    PostgreSQL keeps 63 bytes of a name: a longer one ends in a short hash of the whole."""
    if role not in ROLES:
        raise ValueError(role)
    name = f"{database_name}_{role}"
    if len(name.encode()) <= 63:
        return name
    digest = hashlib.sha1(database_name.encode()).hexdigest()[:8]
    stem = database_name.encode()[:63 - len(role) - 10].decode(errors="ignore")
    return f"{stem}_{digest}_{role}"


def groups(database_name: str) -> dict[str, str]:
    return {role: group_role(database_name, role) for role in ROLES}


def create_groups(cursor, database_name: str, admin: str | None = None) -> None:
    """Make the three group roles when missing (as a login that may create roles, on any
    database of the server) and let `admin`, the shop's owner login, add reps to them."""
    for name in groups(database_name).values():
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE ROLE {quoted(name)} NOLOGIN")
        if admin:
            cursor.execute(f"GRANT {quoted(name)} TO {quoted(admin)} WITH ADMIN OPTION")
    if admin:
        cursor.execute(f"ALTER ROLE {quoted(admin)} CREATEROLE")


def has_groups(cursor, database_name: str) -> bool:
    names = list(groups(database_name).values())
    cursor.execute("SELECT COUNT(*) FROM pg_roles WHERE rolname = ANY(%s)", (names,))
    return cursor.fetchone()[0] == len(names)


def _tables(cursor) -> list[str]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                   "ORDER BY tablename")
    return [name for (name,) in cursor.fetchall()]


def unclassified(table_names) -> list[str]:
    """Tables this module gives no decision for (a new migration's table must be named in
    one of the lists; until then a rep only reads it)."""
    known = REP_WRITES | REP_APPENDS | OWNER_ONLY | set(REP_COLUMNS)
    return sorted(set(table_names) - known)


def grant_statements(database_name: str, table_names) -> list[str]:
    """Every statement that gives the three group roles exactly their rights on the tables
    `table_names` (and their id sequences), from nothing."""
    owner, rep, viewer = (quoted(n) for n in groups(database_name).values())
    everyone = f"{owner}, {rep}, {viewer}"
    out = [f"REVOKE CONNECT, TEMPORARY ON DATABASE {quoted(database_name)} FROM PUBLIC",
           f"GRANT CONNECT ON DATABASE {quoted(database_name)} TO {everyone}",
           f"GRANT USAGE ON SCHEMA public TO {everyone}"]
    for table in table_names:
        t = quoted(table)
        out.append(f"REVOKE ALL ON TABLE {t} FROM {everyone}")
        out.append(f"GRANT ALL ON TABLE {t} TO {owner}")
        out.append(f"GRANT SELECT ON TABLE {t} TO {rep}, {viewer}")
        if table in REP_WRITES:
            out.append(f"GRANT INSERT, UPDATE, DELETE ON TABLE {t} TO {rep}")
        elif table in REP_APPENDS:
            out.append(f"GRANT INSERT ON TABLE {t} TO {rep}")
        elif table in REP_COLUMNS:
            columns = ", ".join(quoted(c) for c in REP_COLUMNS[table])
            out.append(f"GRANT UPDATE ({columns}) ON TABLE {t} TO {rep}")
    return out


def _sequences(cursor) -> dict[str, str]:
    """The sequence of each table that has one (its id's), by table name."""
    cursor.execute("SELECT t.relname, quote_ident(s.relname) FROM pg_class s "
                   "JOIN pg_namespace n ON n.oid = s.relnamespace "
                   "JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i') "
                   "JOIN pg_class t ON t.oid = d.refobjid "
                   "WHERE s.relkind = 'S' AND n.nspname = 'public'")
    return dict(cursor.fetchall())


def apply_grants(cursor, database_name: str) -> None:
    """Give the group roles their rights on every table of the shop database (run by the
    tables' owner or a superuser, inside a transaction). Nothing happens when the shop
    has no group roles (a database made before reps existed: `server init` makes them)."""
    if not has_groups(cursor, database_name):
        return
    tables = _tables(cursor)
    for statement in grant_statements(database_name, tables):
        cursor.execute(statement)
    owner, rep, viewer = (quoted(n) for n in groups(database_name).values())
    for table, sequence in _sequences(cursor).items():
        cursor.execute(f"REVOKE ALL ON SEQUENCE {sequence} FROM {owner}, {rep}, {viewer}")
        cursor.execute(f"GRANT ALL ON SEQUENCE {sequence} TO {owner}")
        cursor.execute(f"GRANT SELECT ON SEQUENCE {sequence} TO {rep}, {viewer}")
        if table in REP_WRITES or table in REP_APPENDS:
            cursor.execute(f"GRANT USAGE ON SEQUENCE {sequence} TO {rep}")
    if "audit_entry" in tables:
        for statement in actor_statements(database_name):
            cursor.execute(statement)


# The audit trail's actors that are AfterDesk's own jobs, not a rep (app.services: the
# deadline monitor, the mail sync, an order import, automatic replies, the demo data).
MACHINE_ACTORS = ("system", "monitor", "sync", "import", "auto_reply", "demo")


def actor_statements(database_name: str) -> list[str]:
    """A trigger that names the login in every audit entry a rep's or a viewer's login
    adds: a rep cannot write an entry in another rep's name, even with raw SQL (an entry
    of one of AfterDesk's own jobs, MACHINE_ACTORS, keeps its actor). The shop's owners
    and a superuser write the actor they give (moving a shop in keeps its history)."""
    owner_group = group_role(database_name, "owner").replace("'", "''")
    machines = ", ".join(f"'{a}'" for a in MACHINE_ACTORS)
    return [
        "CREATE OR REPLACE FUNCTION afterdesk_audit_actor() RETURNS trigger "
        "LANGUAGE plpgsql AS $body$ "
        "DECLARE login oid := (SELECT oid FROM pg_roles WHERE rolname = session_user); "
        "BEGIN "
        "IF pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), "
        "'USAGE') OR pg_has_role(session_user, "
        f"(SELECT oid FROM pg_roles WHERE rolname = '{owner_group}'), 'USAGE') "
        f"OR NEW.actor IN ({machines}) THEN RETURN NEW; END IF; "
        "NEW.actor := left(COALESCE(NULLIF(btrim(shobj_description(login, 'pg_authid')), ''), "
        "session_user::text), 100); "
        "RETURN NEW; END $body$",
        'DROP TRIGGER IF EXISTS audit_entry_actor ON "audit_entry"',
        'CREATE TRIGGER audit_entry_actor BEFORE INSERT ON "audit_entry" FOR EACH ROW '
        "EXECUTE FUNCTION afterdesk_audit_actor()",
    ]


def role_of(cursor, database_name: str, login: str | None = None) -> str | None:
    """The shop role (owner, rep, viewer) of `login` (default: this session's), the
    widest it holds; "owner" for a superuser or the database's owner; None for a login
    that holds none of them."""
    cursor.execute(
        "SELECT r.rolsuper, pg_get_userbyid(d.datdba) = r.rolname FROM pg_roles r, "
        "pg_database d WHERE r.rolname = COALESCE(%s, current_user) AND d.datname = %s",
        (login, database_name))
    row = cursor.fetchone()
    if row is None:
        return None
    if row[0] or row[1]:
        return "owner"
    for role in ROLES:
        cursor.execute("SELECT pg_has_role(COALESCE(%s, current_user), oid, 'MEMBER') "
                       "FROM pg_roles WHERE rolname = %s", (login, group_role(database_name, role)))
        found = cursor.fetchone()
        if found and found[0]:
            return role
    return None


def identity(cursor) -> tuple[str, str | None, bool]:
    """This session's (name, shop role, is a superuser): the name the owner gave the
    login (its role comment), else the login itself."""
    cursor.execute("SELECT current_database(), rolsuper FROM pg_roles "
                   "WHERE rolname = current_user")
    database_name, superuser = cursor.fetchone()
    return display_name(cursor), role_of(cursor, database_name), bool(superuser)


def display_name(cursor, login: str | None = None) -> str:
    """The name the owner gave a login (its role comment), else the login itself."""
    cursor.execute("SELECT rolname, shobj_description(oid, 'pg_authid') FROM pg_roles "
                   "WHERE rolname = COALESCE(%s, current_user)", (login,))
    row = cursor.fetchone()
    if row is None:
        return login or ""
    return (row[1] or "").strip() or row[0]
