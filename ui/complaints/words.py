"""Words a rep reads for complaint kinds, steps and outcomes."""

KINDS = {"late_shipment": "Late shipment", "description_mismatch": "Not as described",
         "intellectual_property": "Intellectual property", "broken_promise": "Broken promise",
         "negative_review": "Negative review"}
STEPS = {"respond": "Respond at once", "listen": "Listen without interrupting",
         "explain": "Explain what happened", "apologise": "Apologise sincerely",
         "propose_compensation": "Propose compensation", "remedy": "Take a remedy",
         "follow_up": "Follow up until the buyer confirms"}
STEP_HINTS = {
    "respond": "Contact the buyer now, on the channel they used.",
    "listen": "Let the buyer say everything; note their words.",
    "explain": "Say plainly what happened, without blaming the buyer.",
    "apologise": "A sincere apology, once.",
    "propose_compensation": "Offer what fits; never in exchange for a changed review.",
    "remedy": "Resend, refund, repair: do what was promised.",
    "follow_up": "Check with the buyer until they confirm it is solved.",
}
OUTCOMES = {"review_revised": "Review revised by the buyer",
            "complaint_withdrawn": "Complaint withdrawn", "penalty": "Penalty applied",
            "buyer_satisfied": "Buyer satisfied", "no_change": "No change"}
STATES = {"open": "Open", "closed": "Closed", "done": "Done", "skipped": "Skipped"}
