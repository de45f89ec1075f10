"""Demo after-sales requests (Taobao) and disputes (AliExpress), one script per state.

Each script opens a case some time before the anchor and walks it through the actions a
buyer, a rep or the platform would take, so every state of both machines is on show.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.demo.content import DISPUTE_REASONS, REQUEST_DESCRIPTIONS
from app.services import aftersales as asr
from app.services import disputes as dsp

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
COPIES = 3   # cases per state


def _pick(orders, used, test):
    for order in orders:
        if order.id not in used and test(order):
            used.add(order.id)
            return order
    return None


# --- Taobao after-sales requests ------------------------------------------------------

REQUEST_SCRIPTS = {
    # target state: (days before anchor the request opens, [(action, hours after opening)])
    "waiting_seller": (1.5, []),
    "seller_refused": (3, [("refuse", 20)]),
    "waiting_buyer_return": (3, [("agree_return", 6)]),
    "waiting_seller_receive": (6, [("agree_return", 5), ("ship_return", 30)]),
    "platform_intervening": (8, [("refuse", 24), ("request_platform", 50)]),
    "success": (10, [("agree", 3)]),
    "closed": (14, [("refuse", 24), ("revise_window_expired", 24 + 5 * 24 + 1)]),
    "cancelled": (5, [("cancel", 26)]),
}


def make_requests(orders, anchor, rng):
    used: set[int] = set()
    for copy in range(COPIES):
        for target, (days, steps) in REQUEST_SCRIPTS.items():
            opened = anchor - timedelta(days=days + copy * 0.4, minutes=rng.randint(0, 300))
            needs_return = any(a in ("agree_return", "ship_return") for a, _ in steps)
            order = _pick(orders, used, lambda o: o.completed_at is not None
                          and o.completed_at + HOUR <= opened <= o.completed_at + 14 * DAY)
            if order is None:
                order = _pick(orders, used, lambda o: o.status == "shipped"
                              and o.completed_at is None and o.shipped_at + DAY <= opened)
                if order is None or needs_return:
                    continue
                reason, service = "not_received", "refund_only"   # before receipt: TB-4
            elif needs_return:
                reason, service = rng.choice(("quality", "damaged")), "return_and_refund"
            else:
                reason, service = rng.choice(("quality", "damaged", "not_as_described")), "refund_only"
            amount = order.paid_amount if service == "return_and_refund" else (
                order.paid_amount * Decimal(rng.choice(("0.3", "0.5", "1")))).quantize(Decimal("0.01"))
            request = asr.open_request(order, service, reason, amount, opened,
                                       description=REQUEST_DESCRIPTIONS[reason], actor="demo")
            for action, hours in steps:
                at = opened + timedelta(hours=hours)
                if action == "refuse":
                    request = asr.refuse(request, "商品已检查无质量问题，请提供更多照片。", at,
                                         actor="demo")
                elif action == "ship_return":
                    request = asr.ship_return(request, at, tracking_no=f"SF{rng.randint(10**11, 10**12)}",
                                              carrier="顺丰速运", actor="demo")
                else:
                    request = getattr(asr, action)(request, at, actor="demo")
            asr.set_cause(request, rng.choice(("seller", "carrier", "buyer")), actor="demo")


# --- AliExpress disputes --------------------------------------------------------------

DISPUTE_SCRIPTS = {
    "awaiting_seller": (1.2, "refund", []),
    "negotiating": (4, "refund", [("seller_refuse", 20)]),
    "escalated": (17, "refund", [("seller_counter_propose", 24), ("auto_escalate", 15 * 24)]),
    "awaiting_return": (4, "return_and_refund", [("seller_accept", 20)]),
    "return_shipped": (9, "return_and_refund", [("seller_accept", 20), ("buyer_ship_return", 70)]),
    "resolved": (12, "refund", [("seller_accept", 30)]),
    "resolved_timeout": (8, "refund", [("seller_response_timeout", 5 * 24 + 1)]),
    "resolved_ruling": (25, "refund", [("seller_refuse", 10), ("buyer_escalate", 4 * 24 + 2),
                                       ("submit_proof", 5 * 24), ("platform_rule_seller", 9 * 24)]),
    "cancelled": (6, "refund", [("buyer_cancel", 40)]),
    "appealed": (13, "refund", [("seller_refuse", 10), ("buyer_escalate", 5 * 24),
                                ("platform_rule_buyer", 8 * 24), ("appeal", 10 * 24)]),
}


def make_disputes(orders, anchor, rng):
    used: set[int] = set()
    reasons = list(DISPUTE_REASONS.items())
    for copy in range(COPIES):
        for target, (days, solution, steps) in DISPUTE_SCRIPTS.items():
            opened = anchor - timedelta(days=days + copy * 0.4, minutes=rng.randint(0, 300))
            escalates = any(a in ("buyer_escalate", "auto_escalate") for a, _ in steps)
            order = _pick(orders, used, lambda o: o.delivered_at is not None
                          and o.delivered_at + HOUR <= opened)
            if order is None:
                continue
            (kind, sub_kind), reason = rng.choice([r for r in reasons if r[0][0] == "not_as_described"])
            if not escalates and rng.random() < 0.3:
                (kind, sub_kind), reason = ("not_received", "lost"), "Package lost"
            amount = order.paid_amount if solution == "return_and_refund" else (
                order.paid_amount * Decimal(rng.choice(("0.4", "0.6", "1")))).quantize(Decimal("0.01"))
            dispute = dsp.open_dispute(order, kind, sub_kind, reason, solution, amount, opened,
                                       issue_id=f"{order.order_no}-{copy}", actor="demo")
            for action, hours in steps:
                at = opened + timedelta(hours=hours)
                dispute = _dispute_step(dispute, action, at, order, rng)
            dsp.set_cause(dispute, rng.choice(("seller", "carrier", "buyer")), actor="demo")


def _dispute_step(dispute, action, at, order, rng):
    if action == "seller_refuse":
        return dsp.seller_refuse(dispute, "Tracking shows the parcel was delivered and signed.",
                                 at, actor="demo")
    if action == "seller_counter_propose":
        half = (order.paid_amount / 2).quantize(Decimal("0.01"))
        return dsp.seller_counter_propose(dispute, "refund", half, at,
                                          note="Partial refund offered", actor="demo")
    if action == "buyer_ship_return":
        return dsp.buyer_ship_return(dispute, at, tracking_no=f"RR{rng.randint(10**8, 10**9)}CN",
                                     carrier="China Post", actor="demo")
    if action == "submit_proof":
        return dsp.submit_proof(dispute, at, note="Post-office proof of delivery", actor="demo")
    if action == "platform_rule_seller":
        return dsp.platform_rule(dispute, "seller", at, actor="demo")
    if action == "platform_rule_buyer":
        return dsp.platform_rule(dispute, "buyer", at, actor="demo")
    if action == "appeal":
        return dsp.appeal(dispute, at, reason="The buyer disagrees with the ruling", actor="demo")
    return getattr(dsp, action)(dispute, at, actor="demo")
