"""`python -m bench [--json] [--dir FOLDER] [--seed N]`: generate shops at the scale of a busy
year and measure every performance figure (P1–P8, P10a, P10b, P11) beside its floor, in one run
(docs/performance.md). It works in a folder of its own, never on the rep's database.

Run it from the repository's root folder: the benchmark is a tool beside AfterDesk, not a
part of the installed program."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.report import text
from bench.run import FIGURES, SERVER_FIGURES, run_bench
from bench.scale import FULL, Scale, scaled, tiny


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="measure start, inbox, search, thread, import, monitor, evidence pack, "
                    "memory, mail and platform syncs on generated shop-scale data (takes "
                    "minutes)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--dir", metavar="FOLDER",
                        help="keep the generated shops and scratch files here (reused by the "
                             "next run with the same size and seed); default: a temporary "
                             "folder, removed afterwards")
    parser.add_argument("--seed", type=int, default=7, help="seed of the generated shops")
    parser.add_argument("--server", metavar="postgresql://…",
                        help="also measure P13 (live changes between five reps) on this "
                             "shop database on a PostgreSQL server")
    parser.add_argument("--only", metavar="P1,P2,…", help=argparse.SUPPRESS)
    parser.add_argument("--size", default="full", help=argparse.SUPPRESS)  # tiny | full | 0.1
    return parser


def scale_of(size: str, parser: argparse.ArgumentParser) -> Scale:
    if size == "tiny":
        return tiny()
    if size == "full":
        return FULL
    try:
        return scaled(float(size))
    except ValueError:
        parser.error(f"--size: '{size}' is not tiny, full or a factor such as 0.1")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    wanted = {k.strip().upper() for k in args.only.split(",")} if args.only else None
    offered = FIGURES + (SERVER_FIGURES if args.server or wanted else ())
    only = tuple(k for k in offered if wanted is None or k.upper() in wanted)
    result = run_bench(scale_of(args.size, parser), server=args.server,
                       folder=Path(args.dir) if args.dir else None,
                       seed=args.seed, only=only,
                       log=lambda line: print(line, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(text(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
