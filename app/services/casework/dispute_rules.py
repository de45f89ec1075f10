"""AliExpress disputes: the state machine and the pure rule checks (AE-2..AE-17).

Nothing here touches the database: the service hands in the dispute, its order and the
policy profile; a check returns or raises RuleRefusal.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.vocab import DISPUTE_FINAL_STATES, DISPUTE_STATES
from app.rules.engine_orders import confirmation_window_end
from app.rules.policy import Profile
from app.errors import RuleRefusal
from app.services.common.input_checks import shop_time
from app.services.common.state_machine import SAME, START, StateMachine

OPEN_STATES = tuple(s for s in DISPUTE_STATES if s not in DISPUTE_FINAL_STATES)
# An agreement on a refund ends the dispute; on a return it waits for the goods (AE-15).
AGREED = {"refund": "resolved", "return_and_refund": "awaiting_return"}
NEGOTIABLE = ("awaiting_seller", "negotiating")

DISPUTE_MACHINE = StateMachine("dispute", DISPUTE_STATES, [
    ("open_dispute", [START], "awaiting_seller"),
    ("buyer_modify", NEGOTIABLE, "awaiting_seller"),                # restarts rule AE-3
    ("seller_accept", NEGOTIABLE + ("escalated",), AGREED),
    ("seller_refuse", ["awaiting_seller"], "negotiating"),
    ("seller_counter_propose", NEGOTIABLE, "negotiating"),
    ("buyer_accept", ["negotiating", "escalated"], AGREED),
    ("buyer_escalate", NEGOTIABLE, "escalated"),                    # rules AE-5, AE-17
    ("auto_escalate", NEGOTIABLE, "escalated"),                     # rule AE-6
    ("seller_response_timeout", ["awaiting_seller"], AGREED),       # rule AE-3
    ("platform_propose", ["escalated", "appealed"], SAME),
    ("platform_rule", ["escalated", "appealed"], AGREED),
    ("buyer_cancel", OPEN_STATES, "cancelled"),
    ("buyer_ship_return", ["awaiting_return"], "return_shipped"),
    ("return_timeout", ["awaiting_return"], "resolved"),            # rule AE-15
    ("seller_confirm_return", ["return_shipped"], "resolved"),
    ("appeal", ["resolved"], "appealed"),                           # rule AE-14
    ("submit_proof", OPEN_STATES, SAME),                            # rule AE-8
    ("staff_join", OPEN_STATES, SAME),                              # rule AE-4
], final_states=DISPUTE_FINAL_STATES)

# submit_member_type of each action (DisputeEvent.actor).
ROLES = {
    "open_dispute": "buyer", "buyer_modify": "buyer", "seller_accept": "seller",
    "seller_refuse": "seller", "seller_counter_propose": "seller", "buyer_accept": "buyer",
    "buyer_escalate": "buyer", "auto_escalate": "system", "seller_response_timeout": "platform",
    "platform_propose": "platform", "platform_rule": "platform", "buyer_cancel": "buyer",
    "buyer_ship_return": "buyer", "return_timeout": "platform",
    "seller_confirm_return": "seller", "appeal": "buyer", "submit_proof": "seller",
    "staff_join": "waiter",
}
SELLER_RESPONSES = ("seller_accept", "seller_refuse", "seller_counter_propose")  # rule AE-3
# How each closing action resolves the dispute (vocab.RESOLUTIONS).
RESOLUTION_OF = {
    "seller_accept": "negotiation_consensus", "buyer_accept": "negotiation_consensus",
    "seller_response_timeout": "seller_response_timeout", "platform_rule": "platform_arbitrate",
    "buyer_cancel": "buyer_cancelled", "return_timeout": "return_timeout",
}


def _day(delta: timedelta) -> int:
    return delta.days


# --- AE-3: the seller's response time -------------------------------------------------

def seller_response_due(dispute, profile: Profile) -> datetime:
    return dispute.buyer_changed_at + profile.duration("seller_response")  # rule AE-3


def check_seller_clock(dispute, action: str, at: datetime, profile: Profile, zone: str) -> None:
    """AE-3 both ways: the seller answers in time; the platform acts only after the time."""
    if dispute.state != "awaiting_seller":
        return
    due = seller_response_due(dispute, profile)
    rule = profile.rule("seller_response")
    if action == "seller_response_timeout" and at <= due:
        raise RuleRefusal(rule, key="response_time_runs", due=shop_time(due, zone))
    if action in SELLER_RESPONSES and at > due:
        raise RuleRefusal(rule, key="response_time_over", due=shop_time(due, zone))


# --- AE-5 / AE-6 / AE-17: escalation ----------------------------------------------------

def escalation_window(dispute, profile: Profile) -> tuple[datetime, datetime]:
    """First and last instant the buyer may escalate (both included), AE-5."""
    t0 = dispute.first_request_at
    return (t0 + profile.duration("buyer_escalation_opens"),
            t0 + profile.duration("buyer_escalation_closes"))


def auto_escalation_at(dispute, profile: Profile) -> datetime:
    return dispute.first_request_at + profile.duration("auto_escalation")  # rule AE-6


def promised_delivery_end(order, profile: Profile | None = None) -> datetime | None:
    """End of the promised delivery time with the extensions granted (AE-11, AE-17), the
    Brazil limit applied: the same instant as the deadline list's confirmation window."""
    return confirmation_window_end(order, profile)


def in_transit_until(dispute, order, at: datetime,
                     profile: Profile | None = None) -> datetime | None:
    """When a not-received parcel is still moving within its promised time at `at` (AE-17),
    the end of that time; otherwise None. A buyer who has the goods has nothing in transit."""
    if dispute.kind != "not_received" or order.status == "completed":
        return None
    if order.delivered_at is not None and order.delivered_at <= at:
        return None
    if order.confirmed_at is not None and order.confirmed_at <= at:
        return None
    end = promised_delivery_end(order, profile)
    return end if end is not None and at < end else None


def _check_transit(dispute, order, at, profile, zone, who: str) -> None:
    """`who` escalates: "buyer" or "system"."""
    end = in_transit_until(dispute, order, at, profile)
    if end is not None:
        raise RuleRefusal(profile.rule("dispute_open_after_shipment"), key=f"in_transit_{who}",
                          order_no=order.order_no, end=shop_time(end, zone))


def check_buyer_escalation(dispute, order, at: datetime, profile: Profile, zone: str) -> None:
    """AE-5: from day 4 to day 15 after the first refund request; AE-17: not in transit."""
    opens, closes = escalation_window(dispute, profile)
    rule = profile.rule("buyer_escalation_opens")
    first_day = _day(profile.duration("buyer_escalation_opens")) + 1
    last_day = _day(profile.duration("buyer_escalation_closes"))
    if at < opens:
        raise RuleRefusal(rule, key="escalation_not_yet", opens=shop_time(opens, zone),
                          first_day=first_day, last_day=last_day)
    if at > closes:
        raise RuleRefusal(rule, key="escalation_over", closes=shop_time(closes, zone),
                          first_day=first_day, last_day=last_day)
    _check_transit(dispute, order, at, profile, zone, "buyer")


def check_auto_escalation(dispute, order, at: datetime, profile: Profile, zone: str) -> None:
    """AE-6: the system escalates after t0 + 15 days without agreement (from due + 1 s: the
    buyer may still escalate at the due instant itself, AE-5); AE-17: not while in transit."""
    due = auto_escalation_at(dispute, profile)
    if at <= due:
        raise RuleRefusal(profile.rule("auto_escalation"), key="auto_escalation_not_yet",
                          due=shop_time(due, zone))
    _check_transit(dispute, order, at, profile, zone, "system")


# --- AE-14 appeal, AE-15 return -----------------------------------------------------------

def appeal_due(dispute, profile: Profile) -> datetime | None:
    if dispute.closed_at is None:
        return None
    return dispute.closed_at + profile.duration("appeal_window")  # rule AE-14


def check_appeal(dispute, at: datetime, profile: Profile, zone: str) -> None:
    rule = profile.rule("appeal_window")
    if dispute.appealed_at is not None:
        raise RuleRefusal(rule, key="appealed_already", at=shop_time(dispute.appealed_at, zone))
    if dispute.resolution == "buyer_cancelled":
        raise RuleRefusal(rule, key="appeal_cancelled")
    due = appeal_due(dispute, profile)
    if due is not None and at > due:
        raise RuleRefusal(rule, key="appeal_over", due=shop_time(due, zone),
                          days=_day(profile.duration("appeal_window")))


def return_due(dispute, profile: Profile) -> datetime | None:
    if dispute.return_agreed_at is None:
        return None
    return dispute.return_agreed_at + profile.duration("return_shipment")  # rule AE-15


def check_return_clock(dispute, action: str, at: datetime, profile: Profile, zone: str) -> None:
    due = return_due(dispute, profile)
    if due is None or dispute.state != "awaiting_return":
        return
    rule = profile.rule("return_shipment")
    if action == "return_timeout" and at <= due:
        raise RuleRefusal(rule, key="return_time_runs", due=shop_time(due, zone))
    if action == "buyer_ship_return" and at > due:
        raise RuleRefusal(rule, key="return_time_over", due=shop_time(due, zone))


# --- AE-2: which disputes count toward the dispute rate ------------------------------------

def counts_toward_rate(reason: str, profile: Profile) -> bool:
    excluded = {r.strip().casefold() for r in profile.items("non_counted_reasons")}  # rule AE-2
    return (reason or "").strip().casefold() not in excluded


def rate_counts(reasons, profile: Profile) -> tuple[int, int]:
    """(all disputes, disputes that count toward the rate) for a list of reasons (AE-2)."""
    reasons = list(reasons)
    return len(reasons), sum(1 for r in reasons if counts_toward_rate(r, profile))
