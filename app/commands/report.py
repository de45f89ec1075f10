"""`afterdesk report --from DATE --to DATE [--shop KEY]… [--json] [--csv FILE] [--xlsx FILE]`:
the dispute report (AE-16 rate with and without AE-2 reasons, counts, response times,
refunds) as text, JSON or a spreadsheet."""

from __future__ import annotations

from datetime import date, timedelta

from app.errors import InvalidInput


def register(subparsers) -> dict:
    parser = subparsers.add_parser("report", help="dispute report: AE-16 rate, counts, "
                                                  "response times, refunds")
    parser.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                        help="first day (default: 30 days ago)")
    parser.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: today)")
    parser.add_argument("--shop", action="append", metavar="KEY",
                        help="only this shop (repeat for several; default: all shops)")
    parser.add_argument("--zone", help="IANA time zone of the dates (default: the shops' zone)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--csv", metavar="FILE", help="also write the report as CSV")
    parser.add_argument("--xlsx", metavar="FILE", help="also write the report as XLSX")
    parser.set_defaults(read_only=True)
    return {"report": run}


def _day(text: str | None, default: date, flag: str) -> date:
    if not text:
        return default
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("'{text}' is not a date (YYYY-MM-DD)", text=text, field=flag) from None


def run(args, db_path) -> int:
    from app.commands.common import EXIT_OK, print_json
    from app.clock import utcnow
    from app.reports import build_report, export_csv, export_xlsx
    from app.rules.timeconv import is_zone
    if args.zone and not is_zone(args.zone):
        raise InvalidInput("'{zone}' is not a known time zone", zone=args.zone, field="--zone")
    today = utcnow().date()
    end = _day(args.end, today, "--to")
    start = _day(args.start, end - timedelta(days=29), "--from")
    report = build_report(start, end, args.shop, zone=args.zone)
    if args.csv:
        export_csv(report, args.csv)
    if args.xlsx:
        export_xlsx(report, args.xlsx)
    if args.json:
        print_json(report.to_json())
        return EXIT_OK
    print(f"Dispute report {report.start} – {report.end} ({report.zone}), shops: "
          f"{', '.join(report.shops) or 'none'}")
    for section in report.sections:
        print(f"\n{section.title}")
        widths = [max(len(str(c)) for c in [col] + [r[i] for r in section.rows])
                  for i, col in enumerate(section.columns)]
        print("  " + "  ".join(str(c).ljust(w) for c, w in zip(section.columns, widths)))
        for row in section.rows:
            print("  " + "  ".join(("–" if c is None else str(c)).ljust(w)
                                   for c, w in zip(row, widths)))
        if not section.rows:
            print("  (nothing in this period)")
    return EXIT_OK
