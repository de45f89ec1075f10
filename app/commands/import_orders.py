"""`afterdesk import orders FILE --shop KEY [--items FILE] [--dry-run] [--json]`: an
AliExpress or Taobao order export into AfterDesk. `afterdesk import FILE` (no 'orders') stays
the JSON interchange import; app/cli_commands.py sends 'orders' here."""

from __future__ import annotations

import sys

from app.errors import InvalidInput


def add_arguments(parser) -> None:
    parser.add_argument("--shop", metavar="KEY", help="the shop the export belongs to")
    parser.add_argument("--items", metavar="FILE",
                        help="Taobao item report (宝贝报表) to join to the order report")
    parser.add_argument("--encoding", help="encoding of a CSV file (default: a byte-order mark, "
                                           "else UTF-8, else GBK)")
    parser.add_argument("--dry-run", action="store_true",
                        help="only show what would be added, updated and skipped, and problems")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")


def run(args, db_path) -> int:
    from app.commands.common import EXIT_ERROR, EXIT_OK, print_json
    from app.importers.preview import build_preview
    from app.services.commerce.order_imports import apply_preview
    if args.file != "orders" or not args.export:
        raise InvalidInput("write: afterdesk import orders FILE --shop KEY "
                           "(or: afterdesk import FILE for a JSON interchange file)")
    if not args.shop:
        raise InvalidInput("say which shop the export belongs to: --shop KEY")
    preview = build_preview(args.export, args.shop, items_path=args.items,
                            encoding=args.encoding)
    if args.dry_run or not preview.can_apply:
        if args.json:
            print_json({**preview.to_json(), "imported": False})
        else:
            _print_preview(preview)
        if not preview.can_apply:
            print(f"afterdesk: {preview.file_name}: {len(preview.errors) or 1} problem(s); "
                  "nothing was imported", file=sys.stderr)
            return EXIT_ERROR
        return EXIT_OK
    result = apply_preview(preview, actor="cli")
    if args.json:
        print_json(result.to_json())
    else:
        print(result.summary())
        for problem in preview.warnings:
            print(f"  warning: {problem}")
    return EXIT_OK


def _print_preview(preview) -> None:
    print(preview.summary())
    if preview.previous:
        print(f"  this file was imported before ({len(preview.previous)} time(s), last "
              f"{preview.previous[-1]:%Y-%m-%d %H:%M} UTC)")
    for step in preview.plan.steps:
        if step.action == "update":
            print(f"  update {step.order_no}: {', '.join(step.changed)}")
    for problem in preview.problems:
        print(f"  {problem.severity}: {problem}")
