"""What each `afterdesk` subcommand does, once the arguments are parsed."""

from __future__ import annotations


from app.commands.common import EXIT_OK, print_json, resolve_db_path
from app.clock import parse_instant, utcnow
from app.db import close_database, open_database, open_read_only
from app.errors import InvalidInput


def run_command(args) -> int:
    path = resolve_db_path(args.db)
    handler = COMMANDS.get(args.command) or args.extra_handlers[args.command]
    if getattr(args, "no_database", False):    # e.g. `bench`: works in a folder of its own
        return handler(args, path)
    # A command that only reads (`read_only` set by its parser) opens the file read-only.
    (open_read_only if getattr(args, "read_only", False) else open_database)(path)
    try:
        return handler(args, path)
    finally:
        close_database()


def cmd_init(args, path) -> int:
    from app.migrations import LATEST
    from app.db import current_path
    print(f"database ready at {current_path()} (schema version {LATEST})")
    return EXIT_OK


def cmd_demo(args, path) -> int:
    from app.demo import load_demo
    summary = load_demo(seed=args.seed, orders_per_shop=args.orders)
    print("demo loaded: " + ", ".join(f"{n} {kind}" for kind, n in summary.items()))
    return EXIT_OK


def cmd_shop(args, path) -> int:
    from app.services.commerce import shops
    if args.shop_command == "add":
        shop = shops.add_shop(args.key, args.platform, args.name, args.tz,
                              currency=args.currency, actor="cli")
        print(f"shop '{shop.key}' added ({shop.platform}, {shop.timezone}, {shop.currency})")
        return EXIT_OK
    rows = [{"key": s.key, "platform": s.platform, "name": s.name, "timezone": s.timezone,
             "currency": s.currency} for s in shops.list_shops()]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(f"{r['key']:<16} {r['platform']:<11} {r['timezone']:<22} {r['currency']}  {r['name']}")
    return EXIT_OK


def cmd_import(args, path) -> int:
    if args.file == "orders" or getattr(args, "export", None):
        from app.commands.import_orders import run as import_orders
        return import_orders(args, path)
    from app.interchange import import_file
    summary = import_file(args.file)
    print(f"imported {args.file}: {summary}")
    return EXIT_OK


def cmd_export(args, path) -> int:
    from app.interchange import export_file
    export_file(args.file)
    print(f"exported to {args.file}")
    return EXIT_OK


def cmd_cases(args, path) -> int:
    from app.services.clocks.case_list import list_cases
    rows = list_cases(complaints=True)
    if args.json:
        print_json([r.to_json() for r in rows])
        return EXIT_OK
    for r in rows:
        due = r.next_due_at.strftime("%Y-%m-%d %H:%M UTC") if r.next_due_at else "-"
        print(f"{r.id:<8} {r.type:<10} {r.shop:<10} {r.order_no:<20} {r.state:<22} next due {due}")
    return EXIT_OK


def cmd_deadlines(args, path) -> int:
    from app.services.clocks.deadlines import deadlines_at, every_clock
    if args.at:
        try:
            at = parse_instant(args.at)
        except ValueError as exc:
            raise InvalidInput(str(exc), field="--at") from None
    else:
        at = utcnow()
    if args.all:
        items = every_clock(at, order_no=args.order, case_ref=args.case)
    else:
        items = deadlines_at(at)
        if args.case:
            from app.services.casework.case_ids import case_id, get_case
            ref = case_id(get_case(args.case))
            items = [d for d in items if d.case_id == ref]
        if args.order:
            items = [d for d in items if d.order_no == args.order.strip()]
    if args.json:
        print_json([d.to_json() for d in items])
        return EXIT_OK
    for d in items:
        due = f"{d.due_at:%Y-%m-%d %H:%M}Z" if d.due_at else "unknown".ljust(17)
        print(f"{due} {d.state:<8} {d.rule:<8} {d.shop:<10} "
              f"{d.order_no or '-':<20} {d.case_id or '-':<8} {d.label}"
              + (f" ({d.action})" if d.state == "unknown" else ""))
    return EXIT_OK


def cmd_policy(args, path) -> int:
    from app.services.commerce import policy
    if args.policy_command == "set":
        policy.set_value(args.profile, args.key, args.value, actor="cli")
        print(f"{args.profile}.{args.key} = {policy.load_profile(args.profile).get(args.key).as_text()}")
        return EXIT_OK
    if args.policy_command == "reset":
        count = policy.reset(args.profile, actor="cli")
        print(f"{args.profile}: {count} value(s) back to the defaults")
        return EXIT_OK
    profile = policy.load_profile(args.profile)
    rows = [{"key": v.key, "rule": v.rule, "value": v.as_text(), "unit": v.unit, "label": v.label}
            for v in profile.values()]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(f"{r['rule']:<8} {r['key']:<32} {r['value']:<12} {r['unit']:<13} {r['label']}")
    return EXIT_OK


def cmd_calendar(args, path) -> int:
    from app.services.commerce import calendar_overrides as cal
    if args.calendar_command == "list":
        rows = [{"day": o.day.isoformat(), "working": o.is_working, "note": o.note}
                for o in cal.list_days()]
        if args.json:
            print_json(rows)
        else:
            for r in rows:
                print(f"{r['day']}  {'working day' if r['working'] else 'day off':<12} {r['note']}")
        return EXIT_OK
    day = cal.parse_day(args.day)
    if args.calendar_command == "clear":
        found = cal.clear_day(day, actor="cli")
        print(f"{day}: {'back to the holiday library' if found else 'had no override'}")
        return EXIT_OK
    cal.set_day(day, args.calendar_command == "work", note=args.note, actor="cli")
    print(f"{day}: {'working day' if args.calendar_command == 'work' else 'day off'}")
    return EXIT_OK


COMMANDS = {
    "init": cmd_init, "demo": cmd_demo, "shop": cmd_shop, "import": cmd_import,
    "export": cmd_export, "cases": cmd_cases, "calendar": cmd_calendar, "deadlines": cmd_deadlines, "policy": cmd_policy,
}

__all__ = ["run_command", "COMMANDS"]
