"""Guided checklists for two problems a rep meets often (GEN-3), and which one fits a case.

Lost parcel: confirm the loss with the carrier, resend or refund the buyer first, then
claim from the carrier. Short shipment: check the weight with the warehouse and the
carrier, then resend the missing part or refund it.

Each step has a key that stays put when its wording changes: the ticks a rep makes are
stored by guide and step key (app.services.casework.case_checklist).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GuideStep:
    key: str
    text: str


@dataclass(frozen=True)
class Guide:
    key: str
    title: str
    rule: str
    steps: tuple[GuideStep, ...]

    def step_keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.steps)


LOST_PARCEL = Guide("lost_parcel", "Lost parcel", "GEN-3", (
    GuideStep("confirm_loss", "Confirm the loss with the carrier: ask for a written statement "
                              "and keep it as evidence."),
    GuideStep("care_for_buyer", "Take care of the buyer first: resend the goods or refund them "
                                "(see the advisor)."),
    GuideStep("new_order", "If resending, ask the buyer to place a new order and to close the "
                           "dispute (GEN-2)."),
    GuideStep("claim_carrier", "Claim the value of the parcel from the carrier, citing the "
                               "tracking number."),
    GuideStep("set_cause", "Set the cause to 'carrier' so the statistics show who lost it "
                           "(GEN-1)."),
))
SHORT_SHIPMENT = Guide("short_shipment", "Short shipment", "GEN-3", (
    GuideStep("check_weight", "Check the parcel weight recorded by the warehouse against the "
                              "weight on the carrier's waybill."),
    GuideStep("photos", "Ask the buyer for a photo of everything received and of the label."),
    GuideStep("ask_carrier", "If the weights differ, ask the carrier about the missing weight."),
    GuideStep("resend_or_refund", "Resend the missing part or refund it (see the advisor for "
                                  "which costs less)."),
    GuideStep("set_cause", "Set the cause: 'seller' if the warehouse packed too little, "
                           "'carrier' if it went missing on the way (GEN-1)."),
))
GUIDES = {g.key: g for g in (LOST_PARCEL, SHORT_SHIPMENT)}

LOST_WORDS = ("lost", "no_tracking", "returned_to_sender", "not_received")
SHORT_WORDS = ("short_quantity",)


def guide_for(kind: str, sub_kind: str = "", reason: str = "") -> Guide | None:
    """The checklist that fits a case: its dispute sub-kind or request reason decides."""
    words = {kind, sub_kind, reason}
    if words & set(SHORT_WORDS):
        return SHORT_SHIPMENT
    if sub_kind in ("lost", "no_tracking", "returned_to_sender") or reason == "not_received":
        return LOST_PARCEL
    return None
