"""What the rules say about a complaint case (GEN-8, TB-5, TB-6), as pure functions.

- the platform's window for the complaint, where a rule gives one: a late-shipment
  complaint may be filed until `late_shipment_complaint_window` after the transaction
  ended (TB-5), a description-mismatch complaint until `mismatch_complaint_window` after
  transaction success (TB-6);
- the late-shipment compensation the shop pays if upheld (TB-5: 5 %, at most 30 CNY),
  computed by app.rules.compensation;
- the cause of the problem for statistics (GEN-1).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.rules.compensation import late_shipment_compensation

# kind -> (policy key of the window, which order instant starts it)
WINDOWS = {
    "late_shipment": ("late_shipment_complaint_window", ("closed_at", "completed_at")),
    "description_mismatch": ("mismatch_complaint_window", ("completed_at",)),
}
# rule GEN-1: late shipment and a description that does not match are the seller's doing.
CAUSES = {"late_shipment": "seller", "description_mismatch": "seller",
          "broken_promise": "seller"}


def platform_window(kind: str, order, profile) -> tuple[str, datetime] | None:
    """(rule ID, end) of the window in which the buyer may file this complaint with the
    platform (TB-5, TB-6), or None when no rule gives one or the order has not ended."""
    if kind not in WINDOWS or order is None:
        return None
    key, starts = WINDOWS[kind]
    if key not in profile:
        return None
    start = next((getattr(order, s) for s in starts if getattr(order, s, None)), None)
    if start is None:
        return None
    return profile.rule(key), start + profile.duration(key)


def suggested_compensation(kind: str, order, profile) -> Decimal | None:
    """rule TB-5: what an upheld late-shipment complaint costs the shop (share of the
    amount paid, capped); None for other kinds, or where the profile has no such rule."""
    if kind != "late_shipment" or order is None or "late_shipment_rate" not in profile:
        return None
    return late_shipment_compensation(order.paid_amount, profile)


def cause_of(kind: str) -> str:
    return CAUSES.get(kind, "unknown")
