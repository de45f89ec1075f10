"""`afterdesk verify PACK.zip`: check an exported evidence pack: its signature, every file
against the SHA-256 in its manifest, duplicate members; with the shop's database, whether the
key is the shop's and whether the pack is a version recorded as submitted. Exit 1 and name
what is wrong when anything does not match."""

from __future__ import annotations


def register(subparsers) -> dict:
    parser = subparsers.add_parser("verify", help="check an evidence pack ZIP: signature, "
                                   "files, submitted versions (exit 1 when anything is wrong)")
    parser.add_argument("pack", metavar="PACK.zip")
    return {"verify": run}


def run(args, db_path) -> int:
    from app.evidence.verify import verify_zip
    report = verify_zip(args.pack, with_database=True)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1
