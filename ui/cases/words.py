"""Words a rep reads for the case vocabularies (actions, states, proposals, causes, outcomes,
the checklists' steps). Every text is marked for translators with QT_TRANSLATE_NOOP in the
context "cases"; `w(table, value)` shows the rep's word in the interface language."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "cases"

ACTIONS = {
    # after-sales requests (Taobao)
    "open_request": QT_TRANSLATE_NOOP("cases", "Request opened"),
    "agree": QT_TRANSLATE_NOOP("cases", "Agree to refund"),
    "agree_return": QT_TRANSLATE_NOOP("cases", "Agree to return"),
    "ship_return": QT_TRANSLATE_NOOP("cases", "Buyer shipped the goods back"),
    "confirm_received": QT_TRANSLATE_NOOP("cases", "Confirm goods received (refund)"),
    "refuse": QT_TRANSLATE_NOOP("cases", "Refuse"),
    "revise": QT_TRANSLATE_NOOP("cases", "Buyer revised the request"),
    "request_platform": QT_TRANSLATE_NOOP("cases", "Buyer asked the platform"),
    "rule_for_buyer": QT_TRANSLATE_NOOP("cases", "Platform ruled for the buyer"),
    "rule_for_seller": QT_TRANSLATE_NOOP("cases", "Platform ruled for the seller"),
    "cancel": QT_TRANSLATE_NOOP("cases", "Buyer cancelled"),
    "auto_agree": QT_TRANSLATE_NOOP("cases", "Agreed automatically (seller's time ran out)"),
    "revise_window_expired": QT_TRANSLATE_NOOP("cases", "Closed (buyer did not revise in time)"),
    # disputes (AliExpress)
    "open_dispute": QT_TRANSLATE_NOOP("cases", "Dispute opened"),
    "buyer_modify": QT_TRANSLATE_NOOP("cases", "Buyer changed the proposal"),
    "seller_accept": QT_TRANSLATE_NOOP("cases", "Accept buyer's proposal"),
    "seller_refuse": QT_TRANSLATE_NOOP("cases", "Refuse"),
    "seller_counter_propose": QT_TRANSLATE_NOOP("cases", "Counter-propose"),
    "buyer_accept": QT_TRANSLATE_NOOP("cases", "Buyer accepted seller's proposal"),
    "buyer_escalate": QT_TRANSLATE_NOOP("cases", "Buyer escalated"),
    "auto_escalate": QT_TRANSLATE_NOOP("cases", "Escalated automatically"),
    "seller_response_timeout": QT_TRANSLATE_NOOP("cases", "Seller did not respond in time"),
    "platform_propose": QT_TRANSLATE_NOOP("cases", "Platform proposed"),
    "platform_rule": QT_TRANSLATE_NOOP("cases", "Platform ruling"),
    "buyer_cancel": QT_TRANSLATE_NOOP("cases", "Buyer cancelled"),
    "buyer_ship_return": QT_TRANSLATE_NOOP("cases", "Buyer shipped the goods back"),
    "return_timeout": QT_TRANSLATE_NOOP("cases", "Return not shipped in time"),
    "seller_confirm_return": QT_TRANSLATE_NOOP("cases", "Confirm return received"),
    "appeal": QT_TRANSLATE_NOOP("cases", "Buyer appealed"),
    "submit_proof": QT_TRANSLATE_NOOP("cases", "Submit proof"),
    "staff_join": QT_TRANSLATE_NOOP("cases", "Platform staff joined"),
}
# The seller's steps as the timeline tells them afterwards (the others read the same on a
# button and in the timeline).
EVENTS = {
    "agree": QT_TRANSLATE_NOOP("cases", "Agreed to refund"),
    "agree_return": QT_TRANSLATE_NOOP("cases", "Agreed to the return"),
    "confirm_received": QT_TRANSLATE_NOOP("cases", "Confirmed the goods received (refunded)"),
    "refuse": QT_TRANSLATE_NOOP("cases", "Refused"),
    "seller_accept": QT_TRANSLATE_NOOP("cases", "Accepted the buyer's proposal"),
    "seller_refuse": QT_TRANSLATE_NOOP("cases", "Refused"),
    "seller_counter_propose": QT_TRANSLATE_NOOP("cases", "Counter-proposed"),
    "seller_confirm_return": QT_TRANSLATE_NOOP("cases", "Confirmed the return received"),
    "submit_proof": QT_TRANSLATE_NOOP("cases", "Submitted proof"),
}
# Actions of the seller (the rep's own): shown first and as default buttons.
SELLER_ACTIONS = ("agree", "agree_return", "confirm_received", "refuse", "seller_accept",
                  "seller_refuse", "seller_counter_propose", "seller_confirm_return",
                  "submit_proof")
SERVICE_TYPES = {"refund_only": QT_TRANSLATE_NOOP("cases", "仅退款 Refund only"),
                 "return_and_refund": QT_TRANSLATE_NOOP("cases", "退货退款 Return and refund")}
SOLUTIONS = {"refund": QT_TRANSLATE_NOOP("cases", "Refund"),
             "return_and_refund": QT_TRANSLATE_NOOP("cases", "Return and refund")}
PARTIES = {"buyer": QT_TRANSLATE_NOOP("cases", "Buyer's proposal"),
           "seller": QT_TRANSLATE_NOOP("cases", "Seller's proposal"),
           "platform": QT_TRANSLATE_NOOP("cases", "Platform's proposal")}
# Where a proposal stands (DisputeProposal.status, the platform's words).
PROPOSAL_STATUSES = {
    "wait_seller_accept": QT_TRANSLATE_NOOP("cases", "waiting for the seller"),
    "wait_buyer_accept": QT_TRANSLATE_NOOP("cases", "waiting for the buyer"),
    "wait_buyer_and_seller_accept": QT_TRANSLATE_NOOP("cases", "waiting for buyer and seller"),
    "seller_refused": QT_TRANSLATE_NOOP("cases", "refused by the seller"),
    "buyer_refused": QT_TRANSLATE_NOOP("cases", "replaced by the buyer"),
    "reached": QT_TRANSLATE_NOOP("cases", "agreed"),
    "perform": QT_TRANSLATE_NOOP("cases", "carried out"),
    "reach_cancle": QT_TRANSLATE_NOOP("cases", "cancelled"),
}
KINDS = {"not_received": QT_TRANSLATE_NOOP("cases", "Not received"),
         "not_as_described": QT_TRANSLATE_NOOP("cases", "Not as described"),
         "refund_only": QT_TRANSLATE_NOOP("cases", "Refund only"),
         "return_and_refund": QT_TRANSLATE_NOOP("cases", "Return and refund")}
SUB_KINDS = {
    "in_transit": QT_TRANSLATE_NOOP("cases", "In transit"),
    "no_tracking": QT_TRANSLATE_NOOP("cases", "No tracking information (invalid waybill)"),
    "lost": QT_TRANSLATE_NOOP("cases", "Parcel lost"),
    "returned_to_sender": QT_TRANSLATE_NOOP("cases", "Returned to sender"),
    "wrong_address": QT_TRANSLATE_NOOP("cases", "Wrong address"),
    "customs": QT_TRANSLATE_NOOP("cases", "Held by customs"),
    "not_as_described": QT_TRANSLATE_NOOP("cases", "Not as described"),
    "quality": QT_TRANSLATE_NOOP("cases", "Quality problem"),
    "short_quantity": QT_TRANSLATE_NOOP("cases", "Short quantity"),
    "damaged": QT_TRANSLATE_NOOP("cases", "Damaged"),
    "not_working": QT_TRANSLATE_NOOP("cases", "Does not work"),
    "counterfeit": QT_TRANSLATE_NOOP("cases", "Counterfeit"),
}
# Complaint kinds (GEN-8, TB-5, TB-6) as the queue shows them beside disputes and requests.
COMPLAINT_KINDS = {
    "late_shipment": QT_TRANSLATE_NOOP("cases", "Late shipment"),
    "description_mismatch": QT_TRANSLATE_NOOP("cases", "Description mismatch"),
    "intellectual_property": QT_TRANSLATE_NOOP("cases", "Intellectual property"),
    "broken_promise": QT_TRANSLATE_NOOP("cases", "Broken promise"),
    "negative_review": QT_TRANSLATE_NOOP("cases", "Negative review"),
}
CASE_TYPES = {"dispute": QT_TRANSLATE_NOOP("cases", "Dispute"),
              "aftersales": QT_TRANSLATE_NOOP("cases", "After-sales"),
              "complaint": QT_TRANSLATE_NOOP("cases", "Complaint")}
# The platform's English reason for each sub-kind (what the dispute list shows). These are
# the platform's own words, stored with the dispute: not translated.
SUB_KIND_REASONS = {
    "in_transit": "Shipment is still in transit", "no_tracking": "No tracking information",
    "lost": "Package lost", "returned_to_sender": "Package returned to sender",
    "wrong_address": "Wrong shipping address", "customs": "Held by customs",
    "not_as_described": "Item not as described", "quality": "Quality problem",
    "short_quantity": "Short quantity", "damaged": "Product damaged",
    "not_working": "Item does not work", "counterfeit": "Counterfeit item",
}
CAUSES = {"seller": QT_TRANSLATE_NOOP("cases", "Seller"),
          "carrier": QT_TRANSLATE_NOOP("cases", "Carrier"),
          "buyer": QT_TRANSLATE_NOOP("cases", "Buyer"),
          "unknown": QT_TRANSLATE_NOOP("cases", "Not decided")}
CAUSE_HINTS = {   # GEN-1
    "seller": QT_TRANSLATE_NOOP("cases", "defective item, not as described, late shipment, "
                                         "wrong or missing items"),
    "carrier": QT_TRANSLATE_NOOP("cases", "rude courier, slow, wrong region, lost parcel"),
    "buyer": QT_TRANSLATE_NOOP("cases", "changed mind or expected more, ordered wrongly, "
                                        "operated wrongly"),
    "unknown": QT_TRANSLATE_NOOP("cases", "not classified yet"),
}
STATES = {
    "waiting_seller": QT_TRANSLATE_NOOP("cases", "Waiting for the seller"),
    "seller_refused": QT_TRANSLATE_NOOP("cases", "Refused by the seller"),
    "waiting_buyer_return": QT_TRANSLATE_NOOP("cases", "Waiting for the return"),
    "waiting_seller_receive": QT_TRANSLATE_NOOP("cases", "Return on its way"),
    "platform_intervening": QT_TRANSLATE_NOOP("cases", "Platform intervening"),
    "success": QT_TRANSLATE_NOOP("cases", "Refunded"),
    "closed": QT_TRANSLATE_NOOP("cases", "Closed"),
    "cancelled": QT_TRANSLATE_NOOP("cases", "Cancelled"),
    "awaiting_seller": QT_TRANSLATE_NOOP("cases", "Waiting for the seller"),
    "negotiating": QT_TRANSLATE_NOOP("cases", "Negotiating"),
    "escalated": QT_TRANSLATE_NOOP("cases", "Escalated"),
    "awaiting_return": QT_TRANSLATE_NOOP("cases", "Waiting for the return"),
    "return_shipped": QT_TRANSLATE_NOOP("cases", "Return on its way"),
    "resolved": QT_TRANSLATE_NOOP("cases", "Resolved"),
    "appealed": QT_TRANSLATE_NOOP("cases", "Appealed"),
    "open": QT_TRANSLATE_NOOP("cases", "Open"),
}
ACTORS = {"buyer": QT_TRANSLATE_NOOP("cases", "Buyer"),
          "seller": QT_TRANSLATE_NOOP("cases", "Seller"),
          "platform": QT_TRANSLATE_NOOP("cases", "Platform"),
          "system": QT_TRANSLATE_NOOP("cases", "System"),
          "waiter": QT_TRANSLATE_NOOP("cases", "Platform staff"),
          "rep": QT_TRANSLATE_NOOP("cases", "Rep")}
# How a dispute ended (vocab.RESOLUTIONS) and what became of a request (its final state).
OUTCOMES = {
    "negotiation_consensus": QT_TRANSLATE_NOOP("cases", "agreement between buyer and seller"),
    "platform_arbitrate": QT_TRANSLATE_NOOP("cases", "ruling of the platform"),
    "seller_response_timeout": QT_TRANSLATE_NOOP(
        "cases", "the seller did not respond in time: the buyer's proposal was carried out"),
    "return_timeout": QT_TRANSLATE_NOOP(
        "cases", "the buyer did not ship the goods back in time: the money went to the seller"),
    "buyer_cancelled": QT_TRANSLATE_NOOP("cases", "the buyer cancelled the dispute"),
}
REQUEST_OUTCOMES = {"success": QT_TRANSLATE_NOOP("cases", "refunded"),
                    "closed": QT_TRANSLATE_NOOP("cases", "closed without refund"),
                    "cancelled": QT_TRANSLATE_NOOP("cases", "cancelled by the buyer")}
# The names of an event's details in the timeline (DisputeEvent / RequestEvent.detail).
DETAILS = {
    "kind": QT_TRANSLATE_NOOP("cases", "kind"),
    "sub_kind": QT_TRANSLATE_NOOP("cases", "sub-kind"),
    "reason": QT_TRANSLATE_NOOP("cases", "reason"),
    "solution_type": QT_TRANSLATE_NOOP("cases", "solution"),
    "refund_amount": QT_TRANSLATE_NOOP("cases", "refund"),
    "amount": QT_TRANSLATE_NOOP("cases", "amount"),
    "service_type": QT_TRANSLATE_NOOP("cases", "service type"),
    "tracking_no": QT_TRANSLATE_NOOP("cases", "tracking number"),
    "carrier": QT_TRANSLATE_NOOP("cases", "carrier"),
    "note": QT_TRANSLATE_NOOP("cases", "note"),
    "in_favour_of": QT_TRANSLATE_NOOP("cases", "in favour of"),
    "description": QT_TRANSLATE_NOOP("cases", "description"),
    "closed_at": QT_TRANSLATE_NOOP("cases", "closed at"),
    "first_closed_at": QT_TRANSLATE_NOOP("cases", "first closed at"),
}
# Detail values that are codes of a vocabulary, by detail name.
DETAIL_VALUES = {"kind": KINDS, "sub_kind": SUB_KINDS, "solution_type": SOLUTIONS,
                 "service_type": SERVICE_TYPES, "in_favour_of": ACTORS}
# The checklists of app.services.casework.case_guides (GEN-3), titles and steps, for translators;
# tests/test_case_checklist.py checks that this list and the guides agree.
GUIDE_TEXTS = (
    QT_TRANSLATE_NOOP("cases", "Lost parcel"),
    QT_TRANSLATE_NOOP("cases", "Confirm the loss with the carrier: ask for a written statement "
                               "and keep it as evidence."),
    QT_TRANSLATE_NOOP("cases", "Take care of the buyer first: resend the goods or refund them "
                               "(see the advisor)."),
    QT_TRANSLATE_NOOP("cases", "If resending, ask the buyer to place a new order and to close "
                               "the dispute (GEN-2)."),
    QT_TRANSLATE_NOOP("cases", "Claim the value of the parcel from the carrier, citing the "
                               "tracking number."),
    QT_TRANSLATE_NOOP("cases", "Set the cause to 'carrier' so the statistics show who lost it "
                               "(GEN-1)."),
    QT_TRANSLATE_NOOP("cases", "Short shipment"),
    QT_TRANSLATE_NOOP("cases", "Check the parcel weight recorded by the warehouse against the "
                               "weight on the carrier's waybill."),
    QT_TRANSLATE_NOOP("cases", "Ask the buyer for a photo of everything received and of the "
                               "label."),
    QT_TRANSLATE_NOOP("cases", "If the weights differ, ask the carrier about the missing "
                               "weight."),
    QT_TRANSLATE_NOOP("cases", "Resend the missing part or refund it (see the advisor for "
                               "which costs less)."),
    QT_TRANSLATE_NOOP("cases", "Set the cause: 'seller' if the warehouse packed too little, "
                               "'carrier' if it went missing on the way (GEN-1)."),
)


def tr(text: str) -> str:
    """`text` (marked in this module) in the interface language."""
    return QCoreApplication.translate("cases", text)


def w(table: dict, value) -> str:
    if value is None:
        return ""
    known = table.get(value)
    return tr(known) if known else str(value).replace("_", " ")


# What the deadline engine calls the clocks of a case and what meets them (the `label` and
# `action` of app.rules.deadline.Deadline for disputes and requests), for translators;
# tests/test_case_words.py checks that every such text of the engine is listed here.
DEADLINE_TEXTS = (
    QT_TRANSLATE_NOOP("cases", "Accept or refuse the buyer's proposal"),
    QT_TRANSLATE_NOOP("cases", "Agree with the buyer on a solution"),
    QT_TRANSLATE_NOOP("cases", "Upload the proof of delivery to the dispute"),
    QT_TRANSLATE_NOOP("cases", "Compensation negotiation (no proof of delivery)"),
    QT_TRANSLATE_NOOP("cases", "Platform dispute staff step in"),
    QT_TRANSLATE_NOOP("cases", "Provide the post-office proof of delivery"),
    QT_TRANSLATE_NOOP("cases", "Reach an agreement before the platform escalates the dispute"),
    QT_TRANSLATE_NOOP("cases", "Respond to the buyer's proposal (else the platform refunds "
                               "the buyer)"),
    QT_TRANSLATE_NOOP("cases", "The buyer may appeal the closed dispute"),
    QT_TRANSLATE_NOOP("cases", "The buyer may escalate the dispute to the platform"),
    QT_TRANSLATE_NOOP("cases", "The buyer ships the goods back (else the money goes to the "
                               "seller)"),
    QT_TRANSLATE_NOOP("cases", "The platform acts on the escalation"),
    QT_TRANSLATE_NOOP("cases", "Agree to or refuse the buyer's request"),
    QT_TRANSLATE_NOOP("cases", "Agree or refuse the request (else it is agreed automatically)"),
    QT_TRANSLATE_NOOP("cases", "The buyer revises the request or asks the platform (else it "
                               "closes)"),
    # the clocks of orders, conversations and complaints (Deadlines view, alerts)
    QT_TRANSLATE_NOOP("cases", "Answer the buyer's message"),
    QT_TRANSLATE_NOOP("cases", "Reply to the buyer"),
    QT_TRANSLATE_NOOP("cases", "Ship the paid order"),
    QT_TRANSLATE_NOOP("cases", "Ship the order and enter its tracking number"),
    QT_TRANSLATE_NOOP("cases", "The buyer may open an after-sales request"),
    QT_TRANSLATE_NOOP("cases", "Completion time missing in the export: enter it, or import a "
                               "report that has it"),
    QT_TRANSLATE_NOOP("cases", "Ship time missing in the export: the order's status says it "
                               "was shipped"),
    QT_TRANSLATE_NOOP("cases", "The buyer may file a description-mismatch complaint"),
    QT_TRANSLATE_NOOP("cases", "The buyer's confirmation window ends (receipt time-out)"),
    QT_TRANSLATE_NOOP("cases", "Confirmation window nearly over: check whether the parcel is "
                               "still moving"),
    QT_TRANSLATE_NOOP("cases", "Respond to the complaint at once"),
    QT_TRANSLATE_NOOP("cases", "Contact the buyer, listen and note what happened"),
    QT_TRANSLATE_NOOP("cases", "Follow the complaint up with the buyer"),
    QT_TRANSLATE_NOOP("cases", "Check the remedy with the buyer until they confirm; then close "
                               "the case"),
    # what the platform did by itself (app.monitor.platform_rules), for the alerts
    QT_TRANSLATE_NOOP("cases", "The seller's time to respond ran out: the platform carried out "
                               "the buyer's proposal"),
    QT_TRANSLATE_NOOP("cases", "No agreement in time: the platform escalated the dispute"),
    QT_TRANSLATE_NOOP("cases", "The seller's time to act ran out: the platform agreed to the "
                               "request"),
)
# The channels named in a follow-up's advice (app.rules.engine_followups.CHANNEL_WORDS).
FOLLOW_UP_CHANNELS = {
    "site message": QT_TRANSLATE_NOOP("cases", "site message"),
    "order message": QT_TRANSLATE_NOOP("cases", "order message"),
    "email": QT_TRANSLATE_NOOP("cases", "email"),
    "SMS": QT_TRANSLATE_NOOP("cases", "SMS"),
    "phone": QT_TRANSLATE_NOOP("cases", "phone"),
    "IM": QT_TRANSLATE_NOOP("cases", "IM"),
}
# Engine texts with numbers in them: (pattern, text with {0}, {1}… for the groups).
DEADLINE_PATTERNS = (
    (re.compile(r"Arbitration rules, (\d+) to (\d+) days after the negotiation"),
     QT_TRANSLATE_NOOP("cases", "Arbitration rules, {0} to {1} days after the negotiation")),
    (re.compile(r"Follow up (.+): no reply \(follow-up (\d+) of (\d+)\)"),
     QT_TRANSLATE_NOOP("cases", "Follow up {0}: no reply (follow-up {1} of {2})")),
    (re.compile(r"Send a short, clear follow-up by (.+), inside the buyer's daytime \((.+)\)"),
     QT_TRANSLATE_NOOP("cases", "Send a short, clear follow-up by {0}, inside the buyer's "
                                "daytime ({1})")),
    (re.compile(r"If it is still in transit, extend the buyer's confirmation window by (\d+) "
                r"days"),
     QT_TRANSLATE_NOOP("cases", "If it is still in transit, extend the buyer's confirmation "
                                "window by {0} days")),
    (re.compile(r"The buyer may complain about the late shipment \((\d+)% of the amount, at "
                r"most (\d+) CNY\)"),
     QT_TRANSLATE_NOOP("cases", "The buyer may complain about the late shipment ({0}% of the "
                                "amount, at most {1} CNY)")),
)


def deadline_words(text: str) -> str:
    """A deadline's label or action from the engine in the interface language (the
    English text itself when it is not listed above)."""
    if not text:
        return ""
    for pattern, words in DEADLINE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            groups = list(match.groups())
            if words.startswith("Send a short"):          # {0} is a channel
                groups[0] = tr(FOLLOW_UP_CHANNELS.get(groups[0], groups[0]))
            return tr(words).format(*groups)
    return tr(text)


def detail_words(detail: dict) -> str:
    """'refund 12.00, note Half the pieces' — an event's details in the rep's words."""
    parts = []
    order = list(DETAILS)
    for key, value in sorted(detail.items(), key=lambda item: (
            order.index(item[0]) if item[0] in order else len(order), item[0])):
        if value in (None, ""):
            continue
        table = DETAIL_VALUES.get(key)
        shown = w(table, value) if table is not None else str(value)
        name = tr(DETAILS[key]) if key in DETAILS else key.replace("_", " ")
        parts.append(QCoreApplication.translate("cases", "{0} {1}").format(name, shown))
    return QCoreApplication.translate("cases", ", ").join(parts)


def event_words(action: str, detail: dict) -> str:
    """'Refuse: reason Wrong size' — what happened, for the timeline."""
    what = w(EVENTS, action) if action in EVENTS else w(ACTIONS, action)
    shown = detail_words(detail or {})
    return QCoreApplication.translate("cases", "{0}: {1}").format(what, shown) if shown else what


def span_words(span) -> str:
    """'12 days 4 h', '1 day', '5 h 20 min', '40 min': the two largest units (as
    app.services.casework.case_forms.span_text, in the interface language)."""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        day = (QCoreApplication.translate("cases", "{0} day") if days == 1
               else QCoreApplication.translate("cases", "{0} days")).format(days)
        return QCoreApplication.translate("cases", "{0} {1} h").format(day, hours) if hours \
            else day
    if hours:
        return (QCoreApplication.translate("cases", "{0} h {1} min").format(hours, minutes)
                if minutes else QCoreApplication.translate("cases", "{0} h").format(hours))
    return QCoreApplication.translate("cases", "{0} min").format(
        max(minutes, 1) if span.total_seconds() > 0 else 0)


def window_words(window) -> str:
    """The TB-1 window of an order (app.services.casework.case_forms.RequestWindow) for the form
    and the case view."""
    from app.services.common.input_checks import shop_time
    if getattr(window, "unknown", False):
        return QCoreApplication.translate(
            "cases", "The transaction succeeded, but its completion time is missing in the "
                     "export: enter it, or import a report that has it ({0}).").format(
            window.rule)
    if window.end is None:
        only = QCoreApplication.translate("cases", " or ").join(
            w(SERVICE_TYPES, s) for s in window.only)
        return QCoreApplication.translate(
            "cases", "The transaction has not succeeded yet: the after-sales window starts "
                     "when it does ({0}). Until then a buyer who did not receive the goods "
                     "asks for {1} ({2}).").format(window.rule, only, window.only_rule)
    end = shop_time(window.end, window.zone)
    if not window.is_open:
        return QCoreApplication.translate(
            "cases", "The after-sales protection period ended on {0} (shop time, {1}): no "
                     "request can be opened; the buyer can only negotiate with the seller "
                     "directly.").format(end, window.rule)
    return QCoreApplication.translate(
        "cases", "{0} left to open a request for this order (until {1} shop time, {2}).").format(
        span_words(window.left), end, window.rule)


def reason_words(code: str) -> str:
    """A Taobao request reason (aftersales_rules.REQUEST_REASONS) in the interface language:
    Chinese as Taobao shows it, or English."""
    from PySide6.QtCore import QLocale

    from app.services.casework.aftersales_rules import reason_label
    return reason_label(code, "zh" if QLocale().name().startswith("zh") else "en")
