"""Closed vocabularies of the model, with the platforms' own words where they have them
(see shared formats: AliExpress dispute API, Taobao order report).

A module of its own, outside app.models: the words can be used (the inbox's query, the
filter bar) without making every table's model class, which a window start does only
once its first list has been painted."""

PLATFORMS = ("aliexpress", "taobao")

# Where a buyer reached the shop (GEN-5 lists the channels besides platform messages).
CHANNELS = ("site_message", "order_message", "im", "email", "sms", "phone")
# The conversation channel each kind of channel account carries (app.channels.states.KINDS).
# A platform's own messages: AliExpress dispute and message-centre messages are site
# messages, Taobao's refund messages belong to the order.
CHANNEL_OF_KIND = {"mail": "email", "aliexpress": "site_message", "taobao": "order_message"}
# Kinds that answer only in a conversation their own messages started (a platform's refund
# thread); other conversations of that channel stay copy & open.
THREAD_BOUND_KINDS = ("taobao",)
# An outbound item's first state: written, waiting for the sync runner (app.channels.states).
OUTBOX_QUEUED = "queued"

STAR_COLOURS = ("none", "red", "orange", "yellow", "green", "blue", "purple")

ORDER_STATES = (
    "awaiting_payment",   # 等待买家付款
    "awaiting_shipment",  # 买家已付款，等待卖家发货
    "shipped",            # 卖家已发货，等待买家确认
    "completed",          # 交易成功 / buyer confirmed receipt
    "closed",             # 交易关闭
)

# An order's instants: each may not come before the ones named after it (when both are
# known). Checked by the order service and by the order import alike.
ORDER_INSTANTS_AFTER = {
    "paid_at": ("created_at",),
    "shipped_at": ("created_at", "paid_at"),
    "delivered_at": ("created_at", "shipped_at"),
    "confirmed_at": ("created_at", "shipped_at"),
    "completed_at": ("created_at", "paid_at"),
    "closed_at": ("created_at",),
}

DIRECTIONS = ("in", "out")

# Who acted: the AliExpress API's submit_member_type plus the rep at the desk.
ACTORS = ("buyer", "seller", "platform", "system", "waiter", "rep")

# After-sales requests (Taobao 售后 / 退款).
SERVICE_TYPES = ("refund_only", "return_and_refund")
REQUEST_STATES = (
    "waiting_seller",          # the seller must agree or refuse before the timeout
    "seller_refused",          # the buyer may revise or ask the platform
    "waiting_buyer_return",    # return agreed: the buyer ships the goods back
    "waiting_seller_receive",  # goods on their way back: the seller confirms receipt
    "platform_intervening",    # the buyer asked the platform to step in
    "success",                 # refunded
    "closed",                  # failed: refused and not pursued, or ruled for the seller
    "cancelled",               # withdrawn by the buyer
)
REQUEST_FINAL_STATES = ("success", "closed", "cancelled")

# Disputes (AliExpress issues).
DISPUTE_KINDS = ("not_received", "not_as_described")
DISPUTE_SUB_KINDS = {
    "not_received": ("in_transit", "no_tracking", "lost", "returned_to_sender",
                     "wrong_address", "customs"),
    "not_as_described": ("not_as_described", "quality", "short_quantity", "damaged",
                         "not_working", "counterfeit"),
}
SOLUTION_TYPES = ("refund", "return_and_refund")
PARTIES = ("buyer", "seller", "platform")
DISPUTE_STATES = (
    "awaiting_seller",   # opened or modified by the buyer: the seller must respond
    "negotiating",       # the seller refused or counter-proposed: waiting for the buyer
    "escalated",         # with the platform (arbitration)
    "awaiting_return",   # return agreed: the buyer ships the goods back
    "return_shipped",    # goods on their way back to the seller
    "resolved",          # agreement reached or ruled; finish
    "cancelled",         # the buyer cancelled (canceled_issue)
    "appealed",          # a closed dispute appealed by the buyer
)
DISPUTE_FINAL_STATES = ("resolved", "cancelled")
# reached_type of the AliExpress API, plus outcomes of our own.
RESOLUTIONS = ("negotiation_consensus", "platform_arbitrate", "seller_response_timeout",
               "return_timeout", "buyer_cancelled")

# Cause of a problem, for statistics (GEN-1).
CAUSES = ("seller", "carrier", "buyer", "unknown")

EVIDENCE_CATEGORIES = (
    "conversation", "tracking", "proof_of_delivery", "carrier_statement",
    "product_description", "product_photo", "buyer_photo", "quality_check",
    "purchase_invoice", "brand_authorisation", "trademark_certificate",
    "statement", "other",
)
PACK_STATES = ("draft", "submitted")

# Why a buyer may not answer (GEN-7), for statistics.
REASON_TAGS = ("time_zone", "busy", "deciding", "unclear_message")
