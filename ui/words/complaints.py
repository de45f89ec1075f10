"""Words a rep reads for complaint kinds, steps and outcomes, marked for the translators
(context "complaints"); `say(table, value)` shows one in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KINDS = {
    "late_shipment": QT_TRANSLATE_NOOP("complaints", "Late shipment"),
    "description_mismatch": QT_TRANSLATE_NOOP("complaints", "Not as described"),
    "intellectual_property": QT_TRANSLATE_NOOP("complaints", "Intellectual property"),
    "broken_promise": QT_TRANSLATE_NOOP("complaints", "Broken promise"),
    "negative_review": QT_TRANSLATE_NOOP("complaints", "Negative review"),
}
STEPS = {
    "respond": QT_TRANSLATE_NOOP("complaints", "Respond at once"),
    "listen": QT_TRANSLATE_NOOP("complaints", "Listen without interrupting"),
    "explain": QT_TRANSLATE_NOOP("complaints", "Explain what happened"),
    "apologise": QT_TRANSLATE_NOOP("complaints", "Apologise sincerely"),
    "propose_compensation": QT_TRANSLATE_NOOP("complaints", "Propose compensation"),
    "remedy": QT_TRANSLATE_NOOP("complaints", "Take a remedy"),
    "follow_up": QT_TRANSLATE_NOOP("complaints", "Follow up until the buyer confirms"),
}
STEP_HINTS = {
    "respond": QT_TRANSLATE_NOOP("complaints", "Contact the buyer now, on the channel they used."),
    "listen": QT_TRANSLATE_NOOP("complaints", "Let the buyer say everything; note their words."),
    "explain": QT_TRANSLATE_NOOP(
        "complaints", "Say plainly what happened, without blaming the buyer."),
    "apologise": QT_TRANSLATE_NOOP("complaints", "A sincere apology, once."),
    "propose_compensation": QT_TRANSLATE_NOOP(
        "complaints", "Offer what fits; never in exchange for a changed review."),
    "remedy": QT_TRANSLATE_NOOP("complaints", "Resend, refund, repair: do what was promised."),
    "follow_up": QT_TRANSLATE_NOOP(
        "complaints", "Check with the buyer until they confirm it is solved."),
}
OUTCOMES = {
    "review_revised": QT_TRANSLATE_NOOP("complaints", "Review revised by the buyer"),
    "complaint_withdrawn": QT_TRANSLATE_NOOP("complaints", "Complaint withdrawn"),
    "penalty": QT_TRANSLATE_NOOP("complaints", "Penalty applied"),
    "buyer_satisfied": QT_TRANSLATE_NOOP("complaints", "Buyer satisfied"),
    "no_change": QT_TRANSLATE_NOOP("complaints", "No change"),
}
STATES = {
    "open": QT_TRANSLATE_NOOP("complaints", "Open"),
    "closed": QT_TRANSLATE_NOOP("complaints", "Closed"),
    "done": QT_TRANSLATE_NOOP("complaints", "Done"),
    "skipped": QT_TRANSLATE_NOOP("complaints", "Skipped"),
}


def say(table: dict, value) -> str:
    """The rep's word for `value` of `table`, translated; an unknown value as it is."""
    if value is None:
        return ""
    known = table.get(value)
    return QCoreApplication.translate("complaints", known) if known else str(value)
