"""Words a rep reads for the case vocabularies (actions, states, proposals, causes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ACTIONS = {
    # after-sales requests (Taobao)
    "open_request": "Request opened", "agree": "Agree to refund", "agree_return": "Agree to return",
    "ship_return": "Buyer shipped the goods back", "confirm_received": "Confirm goods received (refund)",
    "refuse": "Refuse", "revise": "Buyer revised the request",
    "request_platform": "Buyer asked the platform", "rule_for_buyer": "Platform ruled for the buyer",
    "rule_for_seller": "Platform ruled for the seller", "cancel": "Buyer cancelled",
    "auto_agree": "Agreed automatically (seller's time ran out)",
    "revise_window_expired": "Closed (buyer did not revise in time)",
    # disputes (AliExpress)
    "open_dispute": "Dispute opened", "buyer_modify": "Buyer changed the proposal",
    "seller_accept": "Accept buyer's proposal", "seller_refuse": "Refuse",
    "seller_counter_propose": "Counter-propose", "buyer_accept": "Buyer accepted seller's proposal",
    "buyer_escalate": "Buyer escalated", "auto_escalate": "Escalated automatically",
    "seller_response_timeout": "Seller did not respond in time",
    "platform_propose": "Platform proposed", "platform_rule": "Platform ruling",
    "buyer_cancel": "Buyer cancelled", "buyer_ship_return": "Buyer shipped the goods back",
    "return_timeout": "Return not shipped in time", "seller_confirm_return": "Confirm return received",
    "appeal": "Buyer appealed", "submit_proof": "Submit proof", "staff_join": "Platform staff joined",
}
# Actions of the seller (the rep's own): shown first and as default buttons.
SELLER_ACTIONS = ("agree", "agree_return", "confirm_received", "refuse", "seller_accept",
                  "seller_refuse", "seller_counter_propose", "seller_confirm_return",
                  "submit_proof")
SERVICE_TYPES = {"refund_only": "仅退款 Refund only", "return_and_refund": "退货退款 Return and refund"}
SOLUTIONS = {"refund": "Refund", "return_and_refund": "Return and refund"}
PARTIES = {"buyer": "Buyer's proposal", "seller": "Seller's proposal",
           "platform": "Platform's proposal"}
KINDS = {"not_received": "Not received", "not_as_described": "Not as described",
         "refund_only": "Refund only", "return_and_refund": "Return and refund"}
SUB_KINDS = {
    "in_transit": "In transit", "no_tracking": "No tracking information (invalid waybill)",
    "lost": "Parcel lost", "returned_to_sender": "Returned to sender",
    "wrong_address": "Wrong address", "customs": "Held by customs",
    "not_as_described": "Not as described", "quality": "Quality problem",
    "short_quantity": "Short quantity", "damaged": "Damaged", "not_working": "Does not work",
    "counterfeit": "Counterfeit",
}
# The platform's English reason for each sub-kind (what the dispute list shows).
SUB_KIND_REASONS = {
    "in_transit": "Shipment is still in transit", "no_tracking": "No tracking information",
    "lost": "Package lost", "returned_to_sender": "Package returned to sender",
    "wrong_address": "Wrong shipping address", "customs": "Held by customs",
    "not_as_described": "Item not as described", "quality": "Quality problem",
    "short_quantity": "Short quantity", "damaged": "Product damaged",
    "not_working": "Item does not work", "counterfeit": "Counterfeit item",
}
CAUSES = {"seller": "Seller", "carrier": "Carrier", "buyer": "Buyer", "unknown": "Not decided"}
CAUSE_HINTS = {   # GEN-1
    "seller": "defective item, not as described, late shipment, wrong or missing items",
    "carrier": "rude courier, slow, wrong region, lost parcel",
    "buyer": "changed mind or expected more, ordered wrongly, operated wrongly",
    "unknown": "not classified yet",
}
STATES = {
    "waiting_seller": "Waiting for the seller", "seller_refused": "Refused by the seller",
    "waiting_buyer_return": "Waiting for the return", "waiting_seller_receive": "Return on its way",
    "platform_intervening": "Platform intervening", "success": "Refunded", "closed": "Closed",
    "cancelled": "Cancelled", "awaiting_seller": "Waiting for the seller",
    "negotiating": "Negotiating", "escalated": "Escalated", "awaiting_return": "Waiting for the return",
    "return_shipped": "Return on its way", "resolved": "Resolved", "appealed": "Appealed",
    "open": "Open",
}
ACTORS = {"buyer": "Buyer", "seller": "Seller", "platform": "Platform", "system": "System",
          "waiter": "Platform staff", "rep": "Rep"}


def w(table: dict, value) -> str:
    if value is None:
        return ""
    known = table.get(value)
    return QCoreApplication.translate("cases", known) if known else str(value).replace("_", " ")
