"""Disputes and after-sales requests counted by kind, reason, cause (GEN-1) and outcome,
for the cases opened in a period (GEN-6: track disputes regularly)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from app.evidence.labels import reason_label
from app.models import AftersalesRequest, Dispute, Order
from app.vocab import CAUSES

DISPUTE_KIND_WORDS = {"not_received": "Not received", "not_as_described": "Not as described"}
SERVICE_WORDS = {"refund_only": "Refund only (仅退款)",
                 "return_and_refund": "Return and refund (退货退款)"}
OUTCOME_WORDS = {
    "negotiation_consensus": "Agreed with the buyer", "platform_arbitrate": "Ruled by platform",
    "seller_response_timeout": "Seller did not respond in time",
    "return_timeout": "Buyer did not return in time", "buyer_cancelled": "Cancelled by buyer",
    "success": "Refunded", "closed": "Closed without refund", "cancelled": "Cancelled by buyer",
    "open": "Still open",
}
CAUSE_WORDS = {"seller": "Seller", "carrier": "Carrier", "buyer": "Buyer", "unknown": "Not set"}


def _disputes(shop_ids, start, end):
    return list(Dispute.select(Dispute.kind, Dispute.sub_kind, Dispute.reason, Dispute.cause,
                               Dispute.state, Dispute.resolution)
                .join(Order).where(Order.shop.in_(shop_ids) & (Dispute.opened_at >= start)
                                   & (Dispute.opened_at < end)).tuples())


def _requests(shop_ids, start, end):
    return list(AftersalesRequest.select(AftersalesRequest.service_type,
                                         AftersalesRequest.reason, AftersalesRequest.cause,
                                         AftersalesRequest.state)
                .join(Order).where(Order.shop.in_(shop_ids)
                                   & (AftersalesRequest.opened_at >= start)
                                   & (AftersalesRequest.opened_at < end)).tuples())


def _rows(disputes: Counter, requests: Counter, order=None, words=None) -> list:
    keys = list(order or []) + sorted((set(disputes) | set(requests)) - set(order or []),
                                      key=lambda k: (-(disputes[k] + requests[k]), str(k)))
    seen, rows = set(), []
    for key in keys:
        if key in seen or (order is None and not (disputes[key] or requests[key])):
            continue
        seen.add(key)
        rows.append([(words or {}).get(key, key), disputes[key], requests[key],
                     disputes[key] + requests[key]])
    return rows


def breakdowns(shop_ids: list, start: datetime, end: datetime, non_counted) -> dict:
    """{"kind"|"reason"|"cause"|"outcome": rows of [label, disputes, requests, total]}."""
    disputes = _disputes(shop_ids, start, end)
    requests = _requests(shop_ids, start, end)
    kind_d = Counter(f"{DISPUTE_KIND_WORDS.get(k, k)}: {s.replace('_', ' ')}"
                     for k, s, *_ in disputes)
    kind_r = Counter(SERVICE_WORDS.get(t, t) for t, *_ in requests)
    skip = {r.strip().lower() for r in non_counted}
    reason_d = Counter(r + (" (not counted, AE-2)" if r.strip().lower() in skip else "")
                       for _, _, r, *_ in disputes)
    reason_r = Counter(reason_label(r, "en") for _, r, *_ in requests)   # codes in words
    cause_d = Counter(c for *_, c, _, _ in disputes)
    cause_r = Counter(c for *_, c, _ in requests)
    outcome_d = Counter(res if res else ("open" if st != "cancelled" else "buyer_cancelled")
                        for *_, st, res in disputes)
    outcome_r = Counter(st if st in ("success", "closed", "cancelled") else "open"
                        for *_, st in requests)
    return {
        "kind": _rows(kind_d, kind_r),
        "reason": _rows(reason_d, reason_r),
        "cause": _rows(cause_d, cause_r, order=CAUSES, words=CAUSE_WORDS),
        "outcome": _rows(_merge_outcomes(outcome_d), _merge_outcomes(outcome_r),
                         words=OUTCOME_WORDS),
    }


def _merge_outcomes(counter: Counter) -> Counter:
    merged = Counter()
    for key, n in counter.items():
        merged["buyer_cancelled" if key == "cancelled" else key] += n
    return merged
