"""`afterdesk bench [--json] [--dir FOLDER] [--seed N]`: generate shops at the scale of a busy
year and measure every performance figure (P1–P8) beside its floor, in one run
(docs/performance.md). It works in a folder of its own, never on the rep's database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> dict:
    parser = subparsers.add_parser(
        "bench", help="measure start, inbox, search, thread, import, monitor, evidence pack "
                      "and memory on generated shop-scale data (takes minutes)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--dir", metavar="FOLDER",
                        help="keep the generated shops and scratch files here (reused by the "
                             "next run with the same size and seed); default: a temporary "
                             "folder, removed afterwards")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated shops")
    parser.add_argument("--only", metavar="P1,P2,…", help=argparse.SUPPRESS)
    parser.add_argument("--size", default="full", help=argparse.SUPPRESS)  # tiny | full | 0.1
    parser.set_defaults(no_database=True)
    return {"bench": run}


def scale_of(size: str):
    from app.bench.scale import FULL, scaled, tiny
    if size == "tiny":
        return tiny()
    if size == "full":
        return FULL
    try:
        return scaled(float(size))
    except ValueError:
        from app.errors import InvalidInput
        raise InvalidInput("--size: '{size}' is not tiny, full or a factor such as 0.1",
                           size=size,
                           field="size") from None


def run(args, db_path) -> int:
    from app.bench.report import text
    from app.bench.run import FIGURES, run_bench
    only = tuple(k.strip().upper() for k in args.only.split(",")) if args.only else FIGURES
    result = run_bench(scale_of(args.size), folder=Path(args.dir) if args.dir else None,
                       seed=args.seed, only=only,
                       log=lambda line: print(line, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(text(result))
    return 0
