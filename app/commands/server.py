"""`afterdesk server init ADDRESS` and `afterdesk server move-from FILE.db ADDRESS`: a shop
database on a PostgreSQL server (docs/server.md); `afterdesk --db ADDRESS server rep …`: its
reps and their roles (app/commands/server_reps.py).

`init` creates the shop database on the server when it is missing (through the server's
`postgres` maintenance database, as the login the address names) and brings its schema
to this AfterDesk's version; with `--owner ROLE`, a login role that owns the database
and its tables. `move-from` copies a single rep's SQLite file into an empty shop
database exactly (app/commands/server_move.py).
"""

from __future__ import annotations


def register(subparsers) -> dict:
    server = subparsers.add_parser("server", help="a shop database on a PostgreSQL server")
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create the shop database and its schema")
    init.add_argument("address", metavar="postgresql://USER@HOST:PORT/NAME")
    init.add_argument("--owner", metavar="ROLE",
                      help="a login role to own the shop database (made when missing; its "
                           "password is asked for, or read from AFTERDESK_OWNER_PASSWORD)")
    move = actions.add_parser("move-from", help="move a shop's SQLite file into an empty "
                                                "shop database on the server")
    move.add_argument("file", metavar="FILE.db")
    move.add_argument("address", metavar="postgresql://USER@HOST:PORT/NAME")
    from app.commands import server_reps
    server_reps.add_parser(actions)
    server.set_defaults(no_database=True)
    return {"server": run}


def run(args, db_path) -> int:
    from app.commands import server_move, server_reps, server_setup
    if args.server_command == "rep":
        return server_reps.run(args, db_path)
    if args.server_command == "init":
        shown = server_setup.init(args.address, owner=args.owner)
        print(f"shop database ready at {shown}")
        return 0
    moved = server_move.move_from(args.file, args.address)
    print(f"moved {moved.rows} rows of {moved.tables} tables from {args.file} to "
          f"{moved.address}")
    return 0
