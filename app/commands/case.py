"""`afterdesk case …`: read a dispute or request and record its steps, as the case view does.

    afterdesk case show D-12 [--at INSTANT] [--json]
    afterdesk case actions D-12 [--at INSTANT] [--json]
    afterdesk case act D-12 seller_refuse --reason "Tracking shows delivered" [--at INSTANT]
    afterdesk case act A-7 rule_for_buyer --amount 20.00 [--file proof.pdf] [--json]
    afterdesk case act D-12 seller_accept --send     # and send it to AliExpress/Taobao
    afterdesk case cause D-12 carrier

Every step goes through app.services.casework.case_actions (state machine, rule clocks,
audit, change notice), the window's own path: a refusal is exit 2 with the rule's message
and nothing is written. With --send, a decision on a case the shop's connected platform
account brought in is also queued for the platform (app.platforms.decisions.send_step, the
case view's "Send it to … now"); `afterdesk outbox` shows how it goes.
"""

from __future__ import annotations

from app.commands.case_input import (case_json, evidence_status, instant_option, offer_json,
                                     plain)

# option -> the argument of the step it fills (app.services.casework.case_actions.ACTION_INPUTS)
STEP_OPTIONS = (
    ("reason", "--reason", "a refusal's or an appeal's reason; revise: the reason code; "
                           "buyer_modify: the new reason"),
    ("amount", "--amount", "an amount (a proposal's refund, a ruling's or revision's amount)"),
    ("note", "--note", "a note to a proposal, a ruling or submitted proof"),
    ("solution", "--solution", "refund or return_and_refund (proposals, rulings)"),
    ("service_type", "--type", "revise: refund_only or return_and_refund"),
    ("description", "--description", "revise: the new description"),
    ("tracking_no", "--tracking", "a return's tracking number"),
    ("carrier", "--carrier", "a return's carrier"),
    ("in_favour_of", "--in-favour-of", "platform_rule: buyer or seller"),
)


def register(subparsers) -> dict:
    parser = subparsers.add_parser("case", help="one dispute or request: show it, list the "
                                   "steps it allows, record a step")
    sub = parser.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="state, proposals, timeline, deadlines (met, missed, "
                          "pending), steps, files and evidence status")
    actions = sub.add_parser("actions", help="the steps the case allows: now, or later from "
                             "when (the case view's buttons)")
    for one in (show, actions):
        one.add_argument("id", help="case id as `afterdesk cases` lists it (D-n, A-n)")
        one.add_argument("--at", metavar="INSTANT", help="as of this instant (default: now)")
        one.add_argument("--json", action="store_true")
        one.set_defaults(read_only=True)
    act = sub.add_parser("act", help="record a step (see `case actions ID`)")
    act.add_argument("id")
    act.add_argument("action", help="e.g. seller_accept, seller_refuse, agree, refuse, "
                                    "ship_return, confirm_received")
    for dest, flag, text in STEP_OPTIONS:
        act.add_argument(flag, dest=dest, help=text)
    act.add_argument("--file", action="append", default=[], metavar="FILE",
                     help="a photo or PDF attached to the case with the step (repeatable)")
    act.add_argument("--at", metavar="INSTANT",
                     help="when it happened on the platform, ISO 8601 (default: now)")
    act.add_argument("--json", action="store_true", help="print the case afterwards as JSON")
    act.add_argument("--send", action="store_true",
                     help="also send the decision to the platform through the outbox "
                          "(AliExpress: seller_accept, seller_counter_propose, submit_proof "
                          "with --file pictures; Taobao: agree, refuse)")
    cause = sub.add_parser("cause", help="who caused the problem (GEN-1): seller, carrier, "
                           "buyer or unknown")
    cause.add_argument("id")
    cause.add_argument("cause")
    tick = sub.add_parser("tick", help="tick (or with --off untick) a step of the case's "
                          "checklist (GEN-3): lost_parcel or short_shipment")
    tick.add_argument("id")
    tick.add_argument("guide")
    tick.add_argument("step", help="the step's key (`case show --json` lists them)")
    tick.add_argument("--off", action="store_true", help="untick it")
    tick.add_argument("--at", metavar="INSTANT", help="when it was done (default: now)")
    return {"case": run}


def run(args, db_path) -> int:
    from app.commands.common import EXIT_OK, print_json
    from app.clock import utcnow
    from app.services.casework import case_actions
    from app.services.casework.case_view import case_detail
    command = args.case_command
    if command == "cause":
        case = case_actions.set_cause(args.id, args.cause, actor="cli")
        print(f"{args.id.upper()}: cause {case.cause}")
        return EXIT_OK
    at = instant_option(args.at, recorded=command in ("act", "tick")) or utcnow()
    if command == "tick":
        from app.services.casework.case_checklist import set_tick
        changed = set_tick(args.id, args.guide, args.step, not args.off, actor="cli", at=at)
        state = "unticked" if args.off else "ticked"
        print(f"{args.id.upper()}: {args.guide} {args.step} {state}"
              + ("" if changed else " (already)"))
        return EXIT_OK
    if command == "act":
        values = _step_values(args)
        before = case_detail(args.id, at)
        sent = None
        if args.send:
            from app.platforms.decisions import send_step
            sent = send_step(args.id, args.action, at, files=args.file, actor="cli", **values)
        else:
            case_actions.perform(args.id, args.action, at, files=args.file, actor="cli",
                                 **values)
        after = case_detail(args.id, at)
        if args.json:
            print_json(case_json(after, evidence_status(args.id)))
        else:
            print(f"{after.ref}: {args.action} at {plain(at)}: {before.state} -> {after.state}")
            if sent is not None:
                print(f"queued for the platform: outbox item {sent.id} "
                      f"({sent.action['method']})")
        return EXIT_OK
    detail = case_detail(args.id, at)
    if command == "actions":
        steps = [offer_json(o) for o in detail.offers]
        if args.json:
            print_json(steps)
            return EXIT_OK
        for step in steps:
            when = (f"from {step['opens_at']}" if step["status"] == "later"
                    else f"until {step['until']}" if step["until"] else "")
            inputs = " ".join(f"{_flag(i['name'])}{'' if i['required'] else '?'}"
                              for i in step["inputs"])
            rule = f"({step['rule']})" if step["rule"] else ""
            print(f"{step['action']:<24} {step['status']:<6} {when:<28} {rule:<8} {inputs}")
        return EXIT_OK
    data = case_json(detail, evidence_status(args.id))
    if args.json:
        print_json(data)
        return EXIT_OK
    _print_case(data)
    return EXIT_OK


def _step_values(args) -> dict:
    """The step's inputs by the service's argument names (only the options given)."""
    from app.services.casework.case_actions import ACTION_INPUTS
    takes = dict(ACTION_INPUTS.get(args.action, ()))
    values = {}
    for dest, _flag_name, _text in STEP_OPTIONS:
        value = getattr(args, dest)
        if value is None:
            continue
        name = {"solution": "solution_type"}.get(dest, dest)
        if name == "amount" and "refund_amount" in takes:
            name = "refund_amount"      # a dispute's amounts are refunds
        values[name] = value
    return values


def _flag(name: str) -> str:
    names = {"solution_type": "solution", "refund_amount": "amount",
             "service_type": "service_type"}
    dest = names.get(name, name)
    return next(flag for d, flag, _ in STEP_OPTIONS if d == dest)


def _print_case(data: dict) -> None:
    print(f"{data['id']} {data['type']} · {data['shop']} · order {data['order_no']} · "
          f"{data['state']}" + (f" · {data['outcome']}" if data["outcome"] else ""))
    print(f"  {data['kind']} {data['sub_kind']} · reason {data['reason']} · amount "
          f"{data['amount']} {data['currency']} · cause {data['cause']}")
    if data["window"]:
        print(f"  window: {data['window']['text']}")
    for party, p in data["proposals"].items():
        print(f"  proposal {party:<8} {p['solution_type'] or '-':<18} {p['amount'] or '-':>10} "
              f"{p['status']}")
    print("  timeline:")
    for e in data["timeline"]:
        rule = f" [{e['rule']}]" if e["rule"] else ""
        print(f"    {e['at']} {e['actor']:<8} {e['action']:<24} {e['from_state'] or '':>20} "
              f"-> {e['to_state']}{rule}")
    print("  deadlines:")
    for d in data["deadlines"]:
        print(f"    {d['due_at'] or 'unknown':<20} {d['state']:<8} {d['rule']:<6} {d['label']}")
    print("  steps: " + (", ".join(f"{s['action']}" + ("" if s["status"] == "now"
                                                        else f" (from {s['opens_at']})")
                                   for s in data["steps"]) or "none"))
    for f in data["files"]:
        print(f"  file {f['name']} {f['sha256'][:12]}")
    ev = data["evidence"]
    if ev:
        print(f"  evidence: {ev['score']}% complete"
              + (f"; missing {', '.join(ev['missing'])}" if ev["missing"] else ""))
