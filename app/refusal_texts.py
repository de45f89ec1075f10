"""The texts of the marketplace rules' refusals (RuleRefusal), in English, by key.

A service raises `RuleRefusal(rule, key=..., **values)`: the message is the template
filled with the values, and the window shows the same template in the rep's language
(ui/refusal_words.py; scripts/update_translations.py lists the templates for translators).
Values are already words a rep reads: order numbers, shop times, numbers of days.
"""

from __future__ import annotations

TEMPLATES = {
    # rule TB-1
    "aftersales_window_over": (
        "The after-sales protection period for order {order_no} ended on {end} (shop time, "
        "{days} days after the transaction succeeded). The buyer can only negotiate with the "
        "seller directly."),
    "completion_time_missing": (
        "Order {order_no} succeeded (交易成功) but its completion time is missing in the "
        "export, so its after-sales window cannot be checked: enter the completion time, or "
        "import a report that has it."),
    # rule TB-2, by what became of the earlier request
    "one_request_success": (
        "Order {order_no} already had an after-sales request ({earlier}), which succeeded "
        "(refunded). Taobao allows one after-sales request per order."),
    "one_request_closed": (
        "Order {order_no} already had an after-sales request ({earlier}), which failed and "
        "was closed. Taobao allows one after-sales request per order."),
    "one_request_cancelled": (
        "Order {order_no} already had an after-sales request ({earlier}), which was "
        "cancelled by the buyer. Taobao allows one after-sales request per order."),
    "one_request_open": (
        "Order {order_no} already had an after-sales request ({earlier}), which is still "
        "open ({state}). Taobao allows one after-sales request per order."),
    # rule TB-4 (service types as words: refund only, return and refund)
    "not_received_before": (
        "Goods not received before the buyer confirmed receipt: the buyer can only ask for "
        "{allowed}, not {asked}."),
    "not_received_after": (
        "Goods not received after the transaction succeeded: the buyer can only ask for "
        "{allowed}, not {asked}."),
    # rule TB-7
    "no_reason_not_intact": (
        "A no-reason return is only possible for intact goods (tags on, unused, unwashed); "
        "mark the goods as intact or choose the real reason."),
    "no_reason_no_receipt": (
        "Order {order_no} has no receipt yet: the no-reason return period starts when the "
        "buyer receives the goods."),
    "no_reason_over": (
        "The no-reason return period for order {order_no} ended on {end} (shop time, {days} "
        "days after receipt)."),
    # rule TB-3
    "seller_time_runs": (
        "The seller's time to act runs until {due} (shop time); the platform agrees "
        "automatically only after that."),
    "seller_time_over": (
        "The seller's time to act ended on {due} (shop time): the platform agreed "
        "automatically. Record 'auto_agree'."),
    "revise_time_runs": "The buyer may still revise or ask the platform until {due} (shop time).",
    "revise_time_over": (
        "The buyer's time to revise or ask the platform ended on {due} (shop time): the "
        "request closes. Record 'revise_window_expired'."),
    # rule AE-3
    "response_time_runs": (
        "The seller may respond until {due} (shop time); the buyer's proposal is carried out "
        "only after that."),
    "response_time_over": (
        "The seller's time to respond ended on {due} (shop time): the buyer's proposal is "
        "carried out. Record 'seller_response_timeout'."),
    # rule AE-14
    "appealed_already": (
        "This dispute was already appealed on {at} (shop time): a dispute can be appealed "
        "only once."),
    "appeal_cancelled": "The buyer cancelled this dispute: there is nothing to appeal.",
    "appeal_over": (
        "The time to appeal ended on {due} (shop time, {days} days after the dispute "
        "closed)."),
    # rule AE-15
    "return_time_runs": "The buyer may ship the goods back until {due} (shop time).",
    "return_time_over": (
        "The buyer's time to ship the goods back ended on {due} (shop time): the money goes "
        "to the seller. Record 'return_timeout'."),
    # rule AE-17 (with AE-5 and AE-6)
    "in_transit_buyer": (
        "Order {order_no} is in transit within its promised delivery time until {end} (shop "
        "time): the buyer cannot escalate before that."),
    "in_transit_system": (
        "Order {order_no} is in transit within its promised delivery time until {end} (shop "
        "time): the system cannot escalate before that."),
    # rule AE-5
    "escalation_not_yet": (
        "The buyer may escalate from {opens} (shop time; day {first_day} to day {last_day} "
        "after the buyer's first refund request), not yet."),
    "escalation_over": (
        "The buyer's time to escalate ended on {closes} (shop time; day {first_day} to day "
        "{last_day} after the buyer's first refund request)."),
    # rule AE-6
    "auto_escalation_not_yet": (
        "The parties may still agree until {due} (shop time): the system escalates a dispute "
        "without agreement only after that, not before."),
    # rule GEN-7
    "follow_up_not_waiting": (
        "This conversation is not waiting for the buyer: the buyer has replied or the shop "
        "has not written yet."),
    "follow_up_exhausted": "{maximum} follow-ups went unanswered: stop following up and note it.",
    "follow_up_stopped": (
        "Following up this buyer was stopped; a reply from the buyer starts a new plan."),
}
