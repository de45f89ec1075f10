"""The `afterdesk` command. With no subcommand it starts the window.

Errors a rep can act on go to stderr with exit code 2; nothing is written by a
command that fails.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from app import __version__

log = logging.getLogger("afterdesk.cli")

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 2, 64


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="afterdesk",
        description="AfterDesk (售后工作台): after-sales desk for marketplace shops. "
                    "Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"AfterDesk {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: AfterDesk.db in the user's data folder)")
    parser.add_argument("--smoke", action="store_true",
                        help="start the window on a temporary demo database and exit (self-test)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("init", help="create or upgrade the database")

    demo = sub.add_parser("demo", help="load realistic demo data (both platforms)")
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--orders", type=int, default=300, help="orders per shop")

    shop = sub.add_parser("shop", help="shops")
    shop_sub = shop.add_subparsers(dest="shop_command", metavar="ACTION", required=True)
    add = shop_sub.add_parser("add", help="add a shop")
    add.add_argument("key")
    add.add_argument("--platform", required=True, choices=("aliexpress", "taobao"))
    add.add_argument("--name", required=True)
    add.add_argument("--tz", required=True, help="IANA time zone its exports use")
    add.add_argument("--currency")
    lst = shop_sub.add_parser("list", help="list shops")
    lst.add_argument("--json", action="store_true")

    imp = sub.add_parser("import", help="import a JSON interchange file, or an order export: "
                                        "import orders FILE --shop KEY")
    imp.add_argument("file", help="the JSON interchange file, or the word 'orders'")
    imp.add_argument("export", nargs="?", metavar="FILE",
                     help="after 'orders': an AliExpress .xls/.xlsx or Taobao .csv export")
    from app.commands.import_orders import add_arguments as add_import_orders_arguments
    add_import_orders_arguments(imp)
    exp = sub.add_parser("export", help="export everything as a JSON interchange file")
    exp.add_argument("file")

    cases = sub.add_parser("cases", help="list disputes and after-sales requests")
    cases.add_argument("--json", action="store_true")

    dl = sub.add_parser("deadlines", help="what is due when")
    dl.add_argument("--at", metavar="ISO-8601", help="the instant to evaluate (default: now)")
    dl.add_argument("--all", action="store_true",
                    help="every clock with its state: met, missed, unknown and settled ones too")
    dl.add_argument("--order", metavar="NO", help="only the clocks of this order (and its cases)")
    dl.add_argument("--case", metavar="ID", help="only the clocks of this case (D-n, A-n)")
    dl.add_argument("--json", action="store_true")

    cal = sub.add_parser("calendar", help="working-day calendar overrides (China)")
    cal_sub = cal.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    cal_list = cal_sub.add_parser("list", help="days the rep has declared")
    cal_list.add_argument("--json", action="store_true")
    for name, text in (("work", "declare a working day (e.g. a make-up Saturday)"),
                       ("off", "declare a day off (e.g. a new public holiday)"),
                       ("clear", "back to the holiday library's answer")):
        one = cal_sub.add_parser(name, help=text)
        one.add_argument("day", help="YYYY-MM-DD")
        if name != "clear":
            one.add_argument("--note", default="")

    pol = sub.add_parser("policy", help="policy profiles (rule values)")
    pol_sub = pol.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    show = pol_sub.add_parser("show")
    show.add_argument("profile", choices=("aliexpress", "taobao"))
    show.add_argument("--json", action="store_true")
    pset = pol_sub.add_parser("set")
    pset.add_argument("profile", choices=("aliexpress", "taobao"))
    pset.add_argument("key")
    pset.add_argument("value")
    preset = pol_sub.add_parser("reset")
    preset.add_argument("profile", choices=("aliexpress", "taobao"))

    from app.commands import register_all
    parser.set_defaults(extra_handlers=register_all(sub))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app import start_collector
        start_collector.pause()         # until the window has painted (ui/main.py)
        from ui.main import main as gui_main
        return gui_main(db_path=args.db, smoke=args.smoke)
    from app.cli_commands import run_command
    from app.db import DatabaseError
    from app.errors import ServiceError
    try:
        return run_command(args)
    except (ServiceError, DatabaseError) as exc:
        rule = getattr(exc, "rule", None)       # a marketplace rule's refusal names its rule
        print(f"afterdesk: {exc}" + (f" ({rule})" if rule else ""), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        sys.stderr.close()  # the reader stopped early (e.g. `| head`): not an error
        return EXIT_OK
    except (OSError, json.JSONDecodeError) as exc:
        print(f"afterdesk: {describe_io_error(exc)}", file=sys.stderr)
        return EXIT_ERROR


def describe_io_error(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}"
    if isinstance(exc, FileNotFoundError):
        return f"no such file: {exc.filename}"
    if isinstance(exc, PermissionError):
        return f"permission denied: {exc.filename}"
    return str(exc)


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def resolve_db_path(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    from app.paths import default_db_path
    return default_db_path()
