"""`afterdesk verify PACK.zip`: check every file of an exported evidence pack against the
SHA-256 in its manifest; exit 1 and name what changed when anything does not match."""

from __future__ import annotations


def register(subparsers) -> dict:
    parser = subparsers.add_parser("verify", help="check an evidence pack ZIP against its "
                                   "manifest (exit 1 when a file changed)")
    parser.add_argument("pack", metavar="PACK.zip")
    parser.set_defaults(read_only=True)
    return {"verify": run}


def run(args, db_path) -> int:
    from app.evidence.verify import verify_zip
    report = verify_zip(args.pack)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1
