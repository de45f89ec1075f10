"""`afterdesk request open …`: a Taobao after-sales request (售后申请), as the request form
records it.

    afterdesk request open --order 3612345678901234567 --type refund_only \
        --reason not_received --amount 59.00 [--shop KEY] [--note TEXT] [--file FILE]
        [--reason-text TEXT] [--goods-intact yes|no] [--completed-at INSTANT]
        [--at INSTANT] [--json]

The request goes through app.services.casework.case_actions.open_request, the form's own
path: TB-1's window (and, when the export did not carry it, the completion time it runs
from: --completed-at), TB-2's one request per order, TB-4 (goods not received: refund
only), TB-7, the amount at most what was paid. A refusal is exit 2 and nothing is written.
"""

from __future__ import annotations

from app.commands.case_input import (add_opening_options, instant_option, order_shop,
                                     report_case)

REASONS = ("not_received, not_as_described, quality, damaged, wrong_item, short_quantity, "
           "seven_day_no_reason, other")


def register(subparsers) -> dict:
    parser = subparsers.add_parser("request", help="Taobao after-sales requests: open one "
                                   "(the request form)")
    sub = parser.add_subparsers(dest="request_command", metavar="ACTION", required=True)
    one = sub.add_parser("open", help="record the request the buyer opened on the platform")
    one.add_argument("--order", required=True, metavar="NO", help="the order number")
    one.add_argument("--shop", metavar="KEY",
                     help="the shop (needed only when several Taobao shops have the number)")
    one.add_argument("--type", required=True, dest="service_type",
                     help="refund_only or return_and_refund")
    one.add_argument("--reason", required=True, help=f"one of: {REASONS}")
    one.add_argument("--amount", required=True, help="the refund asked for, in the order's "
                     "currency (at most what was paid)")
    one.add_argument("--note", default="", help="what the buyer says happened (description)")
    one.add_argument("--reason-text", default="", help="the reason in the buyer's words")
    one.add_argument("--goods-intact", choices=("yes", "no"),
                     help="seven-day no-reason returns: tags on, unused, unwashed (TB-7)")
    one.add_argument("--file", action="append", default=[], metavar="FILE",
                     help="a photo or PDF from the buyer (repeatable)")
    one.add_argument("--completed-at", metavar="INSTANT",
                     help="when the transaction succeeded, for an order whose export did not "
                          "carry it (TB-1's window runs from it)")
    add_opening_options(one)
    return {"request": run}


def run(args, db_path) -> int:
    from app.clock import utcnow
    from app.services.casework import case_actions
    at = instant_option(args.at) or utcnow()
    completed_at = instant_option(args.completed_at, "--completed-at")
    intact = {"yes": True, "no": False}.get(args.goods_intact)
    shop = order_shop(args.order, args.shop, "taobao")
    request = case_actions.open_request(
        shop, args.order, args.service_type, args.reason, args.amount, at,
        description=args.note, reason_text=args.reason_text, goods_intact=intact,
        files=args.file, completed_at=completed_at, actor="cli")
    ref = f"A-{request.id}"
    return report_case(args, ref, at, f"{ref}: request on order {args.order} ({shop}) "
                                      f"recorded, {request.state}")
