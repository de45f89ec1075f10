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
idempotent: it revokes and grants the whole set each time. With them come triggers on the
audit trail, the messages and the change log (`attribution_statements`): what a rep's
login writes names that rep, whatever name the writer gave.
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
        for statement in attribution_statements(database_name) + _table_triggers(tables):
            cursor.execute(statement)


# The audit trail's actors that are AfterDesk's own jobs, not a rep (app.services: the
# deadline monitor, the mail sync, an order import, automatic replies, the demo data).
MACHINE_ACTORS = ("system", "monitor", "sync", "import", "auto_reply", "demo")
# The author of a message AfterDesk itself wrote (app.services.messaging.auto_reply.AUTHOR).
MACHINE_AUTHORS = MACHINE_ACTORS + ("auto-reply",)
# The other columns that name the rep who did something (a tick, a step, a follow-up…),
# kept true by `attribution_statements` like the change log's rep: table -> columns.
NAMED_BY = {
    "case_checklist_tick": ("ticked_by",), "request_event": ("recorded_by",),
    "dispute_event": ("recorded_by",), "complaint": ("closed_by",),
    "complaint_step": ("done_by",), "follow_up_attempt": ("author",),
    "follow_up_state": ("reason_set_by", "stopped_by"), "import_batch": ("imported_by",),
    "auto_reply_revision": ("changed_by",), "presence": ("rep",),
}


def _sql_list(names) -> str:
    return ", ".join("'" + n.replace("'", "''") + "'" for n in names)


def attribution_statements(database_name: str) -> list[str]:
    """Triggers that name the login in what a rep's login writes, so a rep with a SQL
    client cannot write in another rep's name (docs/server.md, "Who wrote what"):

    - audit_entry.actor and change_log.rep: the login's name (the name the owner gave it,
      else the login), unless the actor is one of AfterDesk's own jobs (MACHINE_ACTORS:
      the deadline monitor or the sync ran in that rep's AfterDesk); such an audit entry
      keeps its actor and gets the login's name in its detail, under "login";
    - message.author of a reply or note (direction "out"): the login's name, unless it is
      one of AfterDesk's own (MACHINE_AUTHORS: an automatic reply, a follow-up the monitor
      sent). A buyer's message (direction "in", stored by the sync) keeps its author. An
      update that changes the author is held to the same rule;
    - the columns of NAMED_BY (who ticked a step, closed a complaint, sent a follow-up,
      is replying…): the login's name when a rep's login gives another name (an empty
      one, "nobody yet", and AfterDesk's own jobs' are kept), on INSERT and on an UPDATE
      that changes it.

    The shop's owners and a superuser write the name they give (moving a shop in keeps
    its history). Run as the tables' owner with `apply_grants`."""
    owner_group = group_role(database_name, "owner").replace("'", "''")
    machines = _sql_list(MACHINE_ACTORS)
    authors = _sql_list(MACHINE_AUTHORS)
    return [
        "CREATE OR REPLACE FUNCTION afterdesk_writer_is_owner(tbl oid) RETURNS boolean "
        "LANGUAGE sql STABLE AS $body$ SELECT "
        "pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = tbl), 'USAGE') "
        "OR COALESCE(pg_has_role(session_user, "
        f"(SELECT oid FROM pg_roles WHERE rolname = '{owner_group}'), 'USAGE'), false) "
        "$body$",
        "CREATE OR REPLACE FUNCTION afterdesk_writer_name() RETURNS text "
        "LANGUAGE sql STABLE AS $body$ SELECT left(COALESCE(NULLIF(btrim("
        "shobj_description((SELECT oid FROM pg_roles WHERE rolname = session_user), "
        "'pg_authid')), ''), session_user::text), 100) $body$",
        "CREATE OR REPLACE FUNCTION afterdesk_audit_actor() RETURNS trigger "
        "LANGUAGE plpgsql AS $body$ DECLARE old_detail jsonb; BEGIN "
        "IF afterdesk_writer_is_owner(TG_RELID) THEN RETURN NEW; END IF; "
        f"IF NEW.actor IN ({machines}) THEN "
        "old_detail := NULLIF(NEW.detail, '')::jsonb; "
        "IF old_detail IS NULL OR jsonb_typeof(old_detail) <> 'object' THEN "
        "old_detail := CASE WHEN old_detail IS NULL THEN '{}'::jsonb "
        "ELSE jsonb_build_object('detail', old_detail) END; END IF; "
        "NEW.detail := (old_detail || jsonb_build_object('login', afterdesk_writer_name()))"
        "::text; "
        "ELSE NEW.actor := afterdesk_writer_name(); END IF; "
        "RETURN NEW; END $body$",
        "CREATE OR REPLACE FUNCTION afterdesk_change_rep() RETURNS trigger "
        "LANGUAGE plpgsql AS $body$ BEGIN "
        "IF afterdesk_writer_is_owner(TG_RELID) THEN RETURN NEW; END IF; "
        "IF TG_OP = 'UPDATE' AND NEW.rep IS NOT DISTINCT FROM OLD.rep THEN RETURN NEW; END IF; "
        f"IF NEW.rep NOT IN ({machines}) THEN NEW.rep := afterdesk_writer_name(); END IF; "
        "RETURN NEW; END $body$",
        "CREATE OR REPLACE FUNCTION afterdesk_message_author() RETURNS trigger "
        "LANGUAGE plpgsql AS $body$ BEGIN "
        "IF afterdesk_writer_is_owner(TG_RELID) THEN RETURN NEW; END IF; "
        "IF NEW.direction <> 'out' THEN RETURN NEW; END IF; "
        "IF TG_OP = 'UPDATE' AND NEW.author IS NOT DISTINCT FROM OLD.author "
        "AND OLD.direction = 'out' THEN RETURN NEW; END IF; "
        f"IF NEW.author NOT IN ({authors}) THEN NEW.author := afterdesk_writer_name(); END IF; "
        "RETURN NEW; END $body$",
        "CREATE OR REPLACE FUNCTION afterdesk_named_by() RETURNS trigger "
        "LANGUAGE plpgsql AS $body$ DECLARE col text; given text; name text; BEGIN "
        "IF afterdesk_writer_is_owner(TG_RELID) THEN RETURN NEW; END IF; "
        "name := afterdesk_writer_name(); "
        "FOREACH col IN ARRAY TG_ARGV LOOP "
        "given := to_jsonb(NEW) ->> col; "
        "IF COALESCE(given, '') = '' OR given = name "
        f"OR given IN ({machines}) THEN CONTINUE; END IF; "
        "IF TG_OP = 'UPDATE' AND given IS NOT DISTINCT FROM (to_jsonb(OLD) ->> col) "
        "THEN CONTINUE; END IF; "
        "NEW := jsonb_populate_record(NEW, jsonb_build_object(col, name)); "
        "END LOOP; RETURN NEW; END $body$",
        'DROP TRIGGER IF EXISTS audit_entry_actor ON "audit_entry"',
        'CREATE TRIGGER audit_entry_actor BEFORE INSERT ON "audit_entry" FOR EACH ROW '
        "EXECUTE FUNCTION afterdesk_audit_actor()",
    ]


def _table_triggers(tables) -> list[str]:
    out = []
    if "change_log" in tables:
        out += ['DROP TRIGGER IF EXISTS change_log_rep ON "change_log"',
                'CREATE TRIGGER change_log_rep BEFORE INSERT OR UPDATE ON "change_log" '
                "FOR EACH ROW EXECUTE FUNCTION afterdesk_change_rep()"]
    for table, columns in sorted(NAMED_BY.items()):
        if table in tables:
            names = ", ".join(f"'{c}'" for c in columns)
            out += [f'DROP TRIGGER IF EXISTS {table}_named_by ON "{table}"',
                    f'CREATE TRIGGER {table}_named_by BEFORE INSERT OR UPDATE ON "{table}" '
                    f"FOR EACH ROW EXECUTE FUNCTION afterdesk_named_by({names})"]
    if "message" in tables:
        out += ['DROP TRIGGER IF EXISTS message_author ON "message"',
                'CREATE TRIGGER message_author BEFORE INSERT OR UPDATE ON "message" '
                "FOR EACH ROW EXECUTE FUNCTION afterdesk_message_author()"]
    return out


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
