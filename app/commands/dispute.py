"""`afterdesk dispute open …`: an AliExpress dispute the buyer opened, as the dispute form
records it.

    afterdesk dispute open --order 8000000000000001 --kind not_received \
        --sub-kind <sub-kind> --reason "Package did not arrive" --solution refund \
        --amount 25.00 [--shop KEY] [--first-request-at INSTANT] [--issue-id ID]
        [--reason-text TEXT] [--note TEXT] [--at INSTANT] [--json]

It goes through app.services.casework.case_actions.record_dispute (AE-1's kinds, one open
dispute per order, the amount at most what was paid; AE-3's clock starts). A refusal is
exit 2 and nothing is written.
"""

from __future__ import annotations

from app.commands.case_input import (add_opening_options, instant_option, order_shop,
                                     report_case)


def register(subparsers) -> dict:
    from app.vocab import DISPUTE_KINDS, DISPUTE_SUB_KINDS
    parser = subparsers.add_parser("dispute", help="AliExpress disputes: record one the buyer "
                                   "opened (the dispute form)")
    sub = parser.add_subparsers(dest="dispute_command", metavar="ACTION", required=True)
    one = sub.add_parser("open", help="record the dispute and the buyer's proposal")
    one.add_argument("--order", required=True, metavar="NO", help="the order number")
    one.add_argument("--shop", metavar="KEY", help="the shop (needed only when several "
                     "AliExpress shops have the number)")
    one.add_argument("--kind", required=True, help=f"one of: {', '.join(DISPUTE_KINDS)} (AE-1)")
    one.add_argument("--sub-kind", required=True, help="; ".join(
        f"{k}: {', '.join(v)}" for k, v in DISPUTE_SUB_KINDS.items()))
    one.add_argument("--reason", required=True, help="the reason as the platform shows it")
    one.add_argument("--solution", required=True, help="the buyer's proposal: refund or "
                     "return_and_refund")
    one.add_argument("--amount", required=True, help="the refund the buyer asks for")
    one.add_argument("--first-request-at", metavar="INSTANT",
                     help="the buyer's first refund request, if earlier (AE-5's day 1)")
    one.add_argument("--issue-id", help="the platform's dispute number")
    one.add_argument("--reason-text", default="", help="the reason in the buyer's words")
    one.add_argument("--note", default="", help="a note to the buyer's proposal")
    add_opening_options(one)
    return {"dispute": run}


def run(args, db_path) -> int:
    from app.clock import utcnow
    from app.services.casework import case_actions
    at = instant_option(args.at) or utcnow()
    first = instant_option(args.first_request_at, "--first-request-at")
    shop = order_shop(args.order, args.shop, "aliexpress")
    dispute = case_actions.record_dispute(
        shop, args.order, args.kind, args.sub_kind, args.reason, args.solution, args.amount,
        at, first_request_at=first, issue_id=args.issue_id or None,
        reason_text=args.reason_text, note=args.note, actor="cli")
    ref = f"D-{dispute.id}"
    return report_case(args, ref, at, f"{ref}: dispute on order {args.order} ({shop}) "
                                      f"recorded, {dispute.state}")
