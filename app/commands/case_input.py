"""What the case commands (`request`, `dispute`, `case`, `reply`) read from their options
before they call a service: an instant given with `--at` and the like, the shop of an
order given by number only, and case details as JSON. No command of its own."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.clock import check_not_future, format_instant, parse_instant
from app.errors import InvalidInput, NotFound

def instant_option(text: str | None, option: str = "--at", *,
                   recorded: bool = True) -> datetime | None:
    """The instant of an option (ISO 8601 with Z or an offset), or None when not given.
    For a time that is `recorded` (when something happened), one later than now plus the
    clock skew app.clock allows is refused (the services refuse it too). A read may look
    ahead."""
    if text is None:
        return None
    try:
        value = parse_instant(text)
    except ValueError as exc:
        raise InvalidInput(str(exc), field=option) from None
    if recorded:
        check_not_future(value, option)
    return value


def order_shop(order_no: str, shop: str | None, platform: str) -> str:
    """The shop key of order `order_no`: the one given, else the one shop of `platform`
    that has an order with that number."""
    if shop:
        return shop
    from app.models import Order, Shop
    keys = sorted(key for (key,) in Order.select(Shop.key).join(Shop)
                  .where((Order.order_no == (order_no or "").strip())
                         & (Shop.platform == platform)).tuples())
    if not keys:
        raise NotFound("no {platform} shop has order {order_no}", platform=platform,
                       order_no=order_no)
    if len(keys) > 1:
        raise InvalidInput("order {order_no} is in several shops ({keys}): say which with "
                           "--shop KEY", order_no=order_no, keys=", ".join(keys), field="--shop")
    return keys[0]


def plain(value):
    """A value of a case detail as JSON: instants as ISO 8601 UTC, amounts as text."""
    if isinstance(value, datetime):
        return format_instant(value)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def case_json(detail, evidence: dict | None = None) -> dict:
    """What `afterdesk case show --json` prints: the case view's content
    (app.services.casework.case_view.CaseDetail)."""
    d = detail
    return {
        "id": d.ref, "type": d.type, "platform": d.platform, "shop": d.shop,
        "order_no": d.order_no, "order_status": d.order_status, "state": d.state,
        "open": d.is_open, "kind": d.kind, "sub_kind": d.sub_kind,
        "reason": d.reason_code or d.reason, "reason_text": d.reason_text,
        "description": d.description, "amount": plain(d.amount), "currency": d.currency,
        "paid_amount": plain(d.paid_amount), "cause": d.cause,
        "opened_at": plain(d.opened_at), "outcome": d.outcome,
        "resolution": d.resolution, "refund": plain(d.refund),
        "counts_toward_rate": d.counts_toward_rate,
        "proposals": {party: {"solution_type": p.solution_type, "amount": plain(p.amount),
                              "currency": p.currency, "status": p.status, "note": p.note}
                      for party, p in sorted(d.proposals.items())},
        "timeline": [{"at": plain(e.at), "actor": e.actor, "action": e.action,
                      "from_state": e.from_state, "to_state": e.to_state,
                      "detail": plain(e.detail), "rule": e.by_rule,
                      "recorded_by": e.recorded_by, "recorded_at": plain(e.recorded_at)}
                     for e in d.timeline],
        "deadlines": [x.to_json() for x in d.deadlines],
        "steps": [offer_json(o) for o in d.offers],
        "files": [{"name": name, "sha256": digest, "mime": mime}
                  for name, digest, mime in d.files],
        "window": window_json(d.window),
        "checklist": checklist_json(d),
        "evidence": evidence,
        "read_at": plain(d.read_at),
    }


def checklist_json(detail) -> dict:
    """The GEN-3 checklist shown (the one last ticked, else the one that fits), its steps
    and the steps ticked in every guide."""
    from app.services.casework.case_guides import GUIDES
    shown = detail.shown_guide
    return {"guide": shown,
            "steps": list(GUIDES[shown].step_keys()) if shown in GUIDES else [],
            "ticked": {guide: sorted(detail.checklist.ticked(guide))
                       for guide in sorted(detail.checklist.ticks)}}


def offer_json(offer) -> dict:
    """One step of `case actions`: now (with its last instant) or later (from when)."""
    from app.services.casework.case_actions import ACTION_INPUTS
    return {"action": offer.action, "status": offer.status, "rule": offer.rule or None,
            "opens_at": plain(offer.opens_at), "until": plain(offer.until),
            "inputs": [{"name": name, "required": needed}
                       for name, needed in ACTION_INPUTS.get(offer.action, ())]}


def window_json(window) -> dict | None:
    """A request's TB-1 window, 'unknown' when the export carried no completion time."""
    if window is None:
        return None
    state = "unknown" if window.unknown else ("open" if window.is_open else "closed")
    if window.end is None and not window.unknown:
        state = "not_started"
    return {"state": state, "end": plain(window.end), "rule": window.rule,
            "text": window.text}


def add_opening_options(parser) -> None:
    """--at and --json of the commands that record a case the buyer opened."""
    parser.add_argument("--at", metavar="INSTANT",
                        help="when the buyer opened it on the platform, ISO 8601 (default: now)")
    parser.add_argument("--json", action="store_true", help="print the new case as JSON")


def report_case(args, ref: str, at: datetime, line: str) -> int:
    """Print the case just written: as `case show --json` with --json, else one line."""
    from app.cli import EXIT_OK, print_json
    if args.json:
        from app.services.casework.case_view import case_detail
        print_json(case_json(case_detail(ref, at), evidence_status(ref)))
    else:
        print(line)
    return EXIT_OK


def evidence_status(ref: str) -> dict:
    """The evidence pack's checklist (what is there, what is missing), as the case's
    evidence page shows it."""
    from app.services.casework import evidence
    check = evidence.checklist(ref)
    latest = evidence.latest(ref)
    return {"group": check.group, "score": check.score, "missing": check.missing_categories,
            "items": {e.category: e.count for e in check.entries},
            "pack": ({"version": latest.version, "state": latest.state} if latest else None)}
