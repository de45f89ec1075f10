"""`afterdesk --db postgresql://OWNER@… server rep add|list|role|remove`: the reps of a shop
database on a server and their roles (docs/server.md, "Add reps"; app/server/roles.py).
(A module without `register`: app/commands/server.py adds its parser.)

A rep is a PostgreSQL login role, a member of one of the shop's group roles. The owner
gives a new rep's password once (typed, or one line on standard input); AfterDesk sends
the server its hash (never the password: a server's log keeps no secret) and keeps it
nowhere: the rep gives it once in the address on their own computer, where AfterDesk
moves it to that computer's keyring. Each change is kept in the
audit trail ("rep", LOGIN).
"""

from __future__ import annotations

import sys

from app.commands.common import EXIT_OK, print_json
from app.errors import InvalidInput, NotFound
from app.server.roles import ROLES, group_role, groups, quoted

ENTITY = "rep"


def add_parser(actions) -> None:
    rep = actions.add_parser("rep", help="the reps of a shop database and their roles "
                                         "(as the shop's owner: --db postgresql://OWNER@…)")
    steps = rep.add_subparsers(dest="rep_command", metavar="ACTION", required=True)
    add = steps.add_parser("add", help="add a rep (a new login, or an existing one)")
    add.add_argument("login")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--name", default="", help="the name shown for the rep, e.g. 李丽")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the new login's password from the first line of stdin")
    listing = steps.add_parser("list", help="the shop's reps and their roles")
    listing.add_argument("--json", action="store_true")
    role = steps.add_parser("role", help="change a rep's role")
    role.add_argument("login")
    role.add_argument("role", choices=ROLES)
    remove = steps.add_parser("remove", help="take a rep's access to this shop away")
    remove.add_argument("login")


def run(args, path) -> int:
    from app.db import close_database, is_server_address, open_database
    if not is_server_address(str(path)):
        raise InvalidInput("reps and roles belong to a shop database on a server: give its "
                           "address with --db postgresql://OWNER@HOST/NAME")
    open_database(path)
    try:
        if args.rep_command == "list":
            return _list(args.json)
        if args.rep_command == "add":
            secret = _password(args.password_stdin)
            if not add(args.login, args.role, name=args.name, password=secret) and secret:
                print(f"{args.login} was already a login of this server: its password is "
                      "unchanged")
            print(f"{args.login} is now a {args.role} of this shop")
        elif args.rep_command == "role":
            set_role(args.login, args.role)
            print(f"{args.login} is now a {args.role} of this shop")
        else:
            remove(args.login)
            print(f"{args.login} no longer has access to this shop")
        return EXIT_OK
    finally:
        close_database()


def _password(from_stdin: bool) -> str | None:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        return line or None
    if not sys.stdin.isatty():
        return None
    import getpass
    return getpass.getpass("password for the new login (empty: an existing login): ") or None


def _cursor_and_name():
    from app.db import database
    cursor = database.cursor()
    cursor.execute("SELECT current_database()")
    return cursor, cursor.fetchone()[0]


def _exists(cursor, login: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
    return cursor.fetchone() is not None


def _checked_login(login: str) -> str:
    login = (login or "").strip()
    if not login or len(login.encode()) > 63:
        raise InvalidInput("a login is 1 to 63 characters: '{login}'", login=login)
    return login


def _member(cursor, login: str, group: str) -> bool:
    """True when `login` was made a member of `group` itself (not by being a superuser)."""
    cursor.execute("SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                   "JOIN pg_roles r ON r.oid = m.member "
                   "WHERE r.rolname = %s AND g.rolname = %s", (login, group))
    return cursor.fetchone() is not None


def _join(cursor, name: str, login: str, role: str) -> None:
    """`login` holds `role` of the shop `name` and none of its others."""
    for other, group in groups(name).items():
        if other != role and _member(cursor, login, group):
            cursor.execute(f"REVOKE {quoted(group)} FROM {quoted(login)}")
    admin = " WITH ADMIN OPTION" if role == "owner" else ""
    cursor.execute(f"GRANT {quoted(group_role(name, role))} TO {quoted(login)}{admin}")
    if role == "owner":         # an owner adds reps too
        cursor.execute(f"ALTER ROLE {quoted(login)} CREATEROLE")


def add(login: str, role: str, *, name: str = "", password: str | None = None) -> bool:
    """Make `login` a rep of this shop with `role` (a new login needs `password`). True
    when the login was made, False when it existed (its password is left as it was)."""
    from app.db import database
    from app.services.common import audit
    login = _checked_login(login)
    with database.atomic():
        cursor, shop_db = _cursor_and_name()
        made = not _exists(cursor, login)
        if made:
            if not password:
                raise InvalidInput("the new login {login} needs a password (type it, or "
                                   "give it with --password-stdin)", login=login)
            # The password's hash is sent, never the password: a server that logs role
            # changes (log_statement) keeps no secret in its log.
            from psycopg2.extensions import encrypt_password
            hashed = encrypt_password(password, login, cursor.connection)
            cursor.execute(f"CREATE ROLE {quoted(login)} LOGIN PASSWORD %s", (hashed,))
        _join(cursor, shop_db, login, role)
        if name.strip():
            cursor.execute(f"COMMENT ON ROLE {quoted(login)} IS %s", (name.strip()[:100],))
        audit.record("cli", ENTITY, login, "add", {"role": role, "name": name.strip()})
    return made


def _role_in_shop(cursor, shop_db: str, login: str) -> str | None:
    cursor.execute("SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                   "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = %s", (login,))
    held = {row[0] for row in cursor.fetchall()}
    return next((role for role, group in groups(shop_db).items() if group in held), None)


def reps() -> list[dict]:
    """The logins holding one of this shop's roles: login, role, name."""
    cursor, shop_db = _cursor_and_name()
    by_group = {group: role for role, group in groups(shop_db).items()}
    cursor.execute("SELECT r.rolname, g.rolname, COALESCE(shobj_description(r.oid, "
                   "'pg_authid'), '') FROM pg_auth_members m "
                   "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles r ON r.oid = m.member "
                   "WHERE g.rolname = ANY(%s) AND r.rolcanlogin ORDER BY r.rolname",
                   (list(by_group),))
    found: dict[str, dict] = {}
    for login, group, shown in cursor.fetchall():
        role = by_group[group]
        known = found.get(login)
        if known is None or ROLES.index(role) < ROLES.index(known["role"]):
            found[login] = {"login": login, "role": role, "name": shown}
    return list(found.values())


def _list(as_json: bool) -> int:
    rows = reps()
    if as_json:
        print_json(rows)
        return EXIT_OK
    for row in rows:
        print(f"{row['login']:<24} {row['role']:<7} {row['name']}")
    if not rows:
        print("no reps yet: add one with `afterdesk server rep add LOGIN --role rep`")
    return EXIT_OK


def set_role(login: str, role: str) -> None:
    from app.db import database
    from app.services.common import audit
    with database.atomic():
        cursor, shop_db = _cursor_and_name()
        before = _role_in_shop(cursor, shop_db, login)
        if before is None:
            raise NotFound("{login} is not a rep of this shop", login=login)
        _join(cursor, shop_db, login, role)
        audit.record("cli", ENTITY, login, "set_role", {"from": before, "to": role})


def remove(login: str) -> None:
    """`login` loses every role of this shop; a login that then belongs to no other shop is
    dropped from the server."""
    from app.db import database
    from app.services.common import audit
    with database.atomic():
        cursor, shop_db = _cursor_and_name()
        if _role_in_shop(cursor, shop_db, login) is None:
            raise NotFound("{login} is not a rep of this shop", login=login)
        cursor.execute("SELECT current_user")
        if cursor.fetchone()[0] == login:
            raise InvalidInput("{login} cannot remove itself: ask another owner", login=login)
        for group in groups(shop_db).values():
            if _member(cursor, login, group):
                cursor.execute(f"REVOKE {quoted(group)} FROM {quoted(login)}")
        cursor.execute("SELECT COUNT(*) FROM pg_auth_members m JOIN pg_roles r "
                       "ON r.oid = m.member WHERE r.rolname = %s", (login,))
        if cursor.fetchone()[0] == 0:
            cursor.execute(f"DROP ROLE {quoted(login)}")
        audit.record("cli", ENTITY, login, "remove")
