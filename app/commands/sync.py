"""`afterdesk sync [--once] [--account KEY]`: fetch new messages and send the outbox.
Without --once it keeps running (IDLE or polling) until Ctrl+C."""

from __future__ import annotations

import sys


def register(subparsers) -> dict:
    parser = subparsers.add_parser("sync", help="fetch new mail and send queued answers")
    parser.add_argument("--once", action="store_true", help="one pass, then exit")
    parser.add_argument("--account", action="append", metavar="KEY",
                        help="only this account (repeat for more)")
    return {"sync": run}


def _say(result) -> None:
    pulled = result.pulled
    print(f"{result.account}: {result.fetched} new, {result.sent} sent, "
          f"{result.failed} failed"
          + (f"; orders {pulled.get('added', 0)} added, {pulled.get('updated', 0)} updated; "
             f"disputes {pulled.get('disputes', 0)} changed" if pulled else ""), flush=True)


def run(args, db_path) -> int:
    from app.channels import account as accounts
    from app.channels.errors import ChannelProblem
    from app.channels.lease import lease_for
    keys = args.account or [a.key for a in accounts.accounts()]
    for key in keys:
        accounts.get_account(key)               # an unknown key: a clear message
    if not keys:
        print("no account to sync: afterdesk account add KEY --shop SHOP …")
        return 0
    if args.once:
        from app.channels.sync import run_pass
        problems = 0
        with lease_for():
            for key in keys:
                try:
                    _say(run_pass(key))
                except ChannelProblem as problem:
                    print(f"{key}: {problem}", file=sys.stderr)
                    problems += 1
        return 2 if problems else 0
    return _keep_running(keys)


def _keep_running(keys) -> int:
    import threading

    from app.channels.runner import ChannelRunner
    from app.db import database
    database.close()              # the runner's thread opens its own connection
    ended = threading.Event()
    runner = ChannelRunner(
        accounts=keys, on_pass=_say,
        on_problem=lambda key, problem: print(f"{key}: {problem}", file=sys.stderr,
                                              flush=True),
        on_error=lambda text: (print(text, file=sys.stderr, flush=True), ended.set()))
    runner.start()
    try:
        while runner.is_alive():
            runner.join(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        runner.stop()
    database.connect(reuse_if_open=True)
    return 2 if ended.is_set() else 0
