"""`afterdesk evidence …`: build, check and freeze the evidence pack of a case.

    afterdesk evidence build --case D-12 --out pack.pdf   (or pack.zip) [--allow-incomplete]
    afterdesk evidence print --case D-12 [--printer NAME] [--copies N]
    afterdesk evidence status --case D-12 [--json]
    afterdesk evidence add-file --case D-12 FILE --category proof_of_delivery [--caption TEXT]
    afterdesk evidence statement --case D-12 [--language zh|en] [--set FILE]
    afterdesk evidence submit --case D-12
    afterdesk evidence history --case D-12
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.evidence.labels import FILE_CATEGORIES


def register(subparsers) -> dict:
    parser = subparsers.add_parser("evidence", help="evidence packs for appeals: build a PDF or "
                                   "ZIP, check what is missing, add files, submit")
    sub = parser.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    build = sub.add_parser("build", help="write the pack as FILE.pdf or FILE.zip (starts a "
                           "first draft from the case when there is none)")
    build.add_argument("--case", required=True, help="case id as `afterdesk cases` lists it")
    build.add_argument("--out", required=True, help="FILE.pdf or FILE.zip")
    build.add_argument("--version", type=int, help="an earlier version (default: the latest)")
    build.add_argument("--page-budget", type=int, help="warn above this many pages")
    build.add_argument("--allow-incomplete", action="store_true",
                       help="build even when the seller's statement is empty")
    printing = sub.add_parser("print", help="print the pack: the same pages as its PDF "
                              "(A4, or Letter when the printer is set to Letter)")
    printing.add_argument("--case", required=True)
    printing.add_argument("--printer", help="printer name (default: the system's default)")
    printing.add_argument("--copies", type=int, default=1)
    printing.add_argument("--allow-incomplete", action="store_true",
                          help="print even when the seller's statement is empty")
    status = sub.add_parser("status", help="checklist: what the pack has and what is missing")
    status.add_argument("--case", required=True)
    status.add_argument("--language", default="en", choices=("en", "zh"))
    status.add_argument("--json", action="store_true")
    add = sub.add_parser("add-file", help="add a photo or PDF to the pack")
    add.add_argument("--case", required=True)
    add.add_argument("file")
    add.add_argument("--category", required=True, choices=FILE_CATEGORIES)
    add.add_argument("--caption", default="")
    statement = sub.add_parser("statement", help="print the statement, or replace it")
    statement.add_argument("--case", required=True)
    statement.add_argument("--set", metavar="FILE", help="UTF-8 text file with the new statement")
    statement.add_argument("--template", choices=("zh", "en"),
                           help="print the statement template filled from the case")
    sub.add_parser("submit", help="freeze the latest version as handed in") \
        .add_argument("--case", required=True)
    sub.add_parser("history", help="every version of the pack").add_argument("--case", required=True)
    return {"evidence": run}


def run(args, db_path) -> int:
    from app.services.casework import evidence
    action = args.evidence_command
    case = evidence.resolve(args.case)
    if action == "build":
        from app.evidence.builder import output_format
        output_format(args.out)
        if args.version is None:
            evidence.ensure_pack(case, actor="cli")
        result = evidence.build_pack(case, args.out, version=args.version,
                                     page_budget=args.page_budget,
                                     allow_incomplete=args.allow_incomplete)
        key = evidence.signer(case)
        signed = f", signed by key {key.fingerprint}" if key else ", not signed"
        print(f"{result.path}: {result.pages} pages, pack hash {result.pack_hash}{signed} "
              f"({result.seconds:.2f} s)")
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        return 0
    if action == "print":
        from app.evidence import printing
        name = printing.choose_printer(args.printer)
        evidence.ensure_pack(case, actor="cli")
        ready = evidence.readiness(case)
        if ready.empty_statement and not args.allow_incomplete:
            from app.errors import InvalidInput
            raise InvalidInput("the seller's statement of {case} is empty: write it before "
                               "printing, or confirm with --allow-incomplete", case=args.case)
        pages, paper = printing.print_pages(*evidence.print_material(case), name,
                                            copies=args.copies)
        print(f"sent {pages} pages ({paper}) × {args.copies} to printer {name}")
        for warning in ready.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        return 0
    if action == "status":
        check = evidence.checklist(case, args.language)
        if args.json:
            print(json.dumps({"case": args.case.upper(), "group": check.group,
                              "score": check.score, "missing": check.missing_categories,
                              "items": {e.category: e.count for e in check.entries}},
                             ensure_ascii=False, indent=2))
            return 0
        for entry in check.entries:
            print(f"[{'x' if entry.present else ' '}] {entry.label} ({entry.count})")
        print(f"complete: {check.score}%" + (f"; missing: {', '.join(check.missing)}"
                                              if check.missing else ""))
        return 0
    if action == "add-file":
        item = evidence.add_file(case, args.file, args.category, args.caption, actor="cli")
        print(f"added {Path(args.file).name} as item {item.position} "
              f"(SHA-256 {item.file.sha256})")
        return 0
    if action == "statement":
        if args.set:
            text = Path(args.set).read_text(encoding="utf-8")
            evidence.set_statement(case, text, actor="cli")
            print("statement saved")
        elif args.template:
            print(evidence.statement_template(case, args.template), end="")
        else:
            pack = evidence.latest(case)
            print(pack.statement if pack else "", end="")
        return 0
    if action == "submit":
        pack = evidence.submit(case, actor="cli")
        print(f"version {pack.version} submitted, pack hash {pack.pack_hash}")
        return 0
    for pack in evidence.history(case):
        print(f"v{pack.version} {pack.state:9} {pack.items.count():4} items "
              f"{pack.pack_hash or ''}")
    return 0
