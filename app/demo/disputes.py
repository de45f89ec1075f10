"""Demo AliExpress disputes: one script per way a dispute goes, every rule offset taken
from the `aliexpress` policy profile, played through app.services.casework.disputes."""

from __future__ import annotations

from app.demo import content
from app.demo.cases import HOUR, SECOND, Script, amount, cause_of, part, play
from app.services.casework import disputes as dsp

RETURN = "return_and_refund"
NEEDS = {"nad": "delivered", "noncounted": "delivered", "lost": "lost", "transit": "transit"}


class DisputeScripts:
    """The scripts of one profile: `live` by open state, `history`, `check`."""

    def __init__(self, p):
        self.p = p
        self.s = p.duration("seller_response")            # rule AE-3
        self.staff = p.duration("staff_intervene")        # rule AE-4
        self.eo = p.duration("buyer_escalation_opens")    # rule AE-5
        self.auto = p.duration("auto_escalation")         # rule AE-6
        self.proof = p.duration("proof_of_delivery")      # rule AE-8
        self.arb = p.duration("arbitration_max")          # rule AE-8
        self.appeal = p.duration("appeal_window")         # rule AE-14
        self.ret = p.duration("return_shipment")          # rule AE-15
        self.after_shipment = p.duration("dispute_open_after_shipment")   # rule AE-17
        s, eo, auto, ret = self.s, self.eo, self.auto, self.ret
        d = self.d
        self.live = {
            "awaiting_seller": [
                lambda: d().opens(part(s, .25)),
                # refused, then the buyer changes the proposal: AE-3 starts again
                lambda: d("transit").at(part(s, .2), "seller_refuse")
                .at(s + part(s, .1), "buyer_modify", share="0.5").wait(part(s, .3)),
                lambda: d().at(part(s, .3), "buyer_modify", solution_type=RETURN, share="1")
                .at(part(self.staff, .5), "staff_join").wait(part(s, .1))],
            "negotiating": [
                lambda: d().at(part(s, .2), "seller_refuse").wait(part(s, .3)),
                lambda: d().at(part(s, .3), "seller_counter_propose", share="0.5")
                .opens(eo + 5 * HOUR),
                lambda: d("transit").at(part(s, .1), "seller_refuse")
                .then(part(self.staff, .6), "staff_join").opens(part(auto, .6))],
            "escalated": [
                lambda: d().at(part(s, .4), "seller_counter_propose", share="0.3")
                .at(part(self.staff, .9), "staff_join")
                .at(auto + SECOND, "auto_escalate").wait(part(s, .1)),
                lambda: d().at(part(s, .1), "seller_refuse")
                .at(eo + 2 * HOUR, "buyer_escalate").wait(part(self.proof, .3)),
                lambda: d().at(part(s, .1), "seller_refuse").at(eo + HOUR, "buyer_escalate")
                .then(part(self.proof, .5), "submit_proof")
                .then(3 * HOUR, "platform_propose", share="0.5").wait(4 * HOUR)],
            "awaiting_return": [
                lambda: d(solution=RETURN).at(part(s, .3), "seller_accept").wait(part(ret, .3)),
                lambda: d().at(part(s, .2), "seller_counter_propose", solution_type=RETURN,
                               share="1").then(9 * HOUR, "buyer_accept").wait(part(ret, .6)),
                lambda: d(solution=RETURN).at(s + SECOND, "seller_response_timeout")
                .wait(part(ret, .1))],
            "return_shipped": [
                lambda: d(solution=RETURN).at(part(s, .3), "seller_accept")
                .then(part(ret, .5), "buyer_ship_return").wait(6 * HOUR),
                # shipped back at the last second AE-15 allows: met
                lambda: d(solution=RETURN).at(part(s, .2), "seller_accept")
                .then(ret, "buyer_ship_return").wait(2 * HOUR),
                lambda: d(solution=RETURN).at(part(self.staff, .3), "staff_join")
                .then(part(s, .2), "seller_accept").then(part(ret, .2), "buyer_ship_return")
                .wait(part(ret, .2))],
            "appealed": [
                lambda: self.ruled(d(), "seller").then(part(self.appeal, .5), "appeal")
                .wait(3 * HOUR),
                lambda: d(solution=RETURN).at(part(s, .3), "seller_accept")
                .then(ret + SECOND, "return_timeout")
                .then(part(self.appeal, .3), "appeal").wait(5 * HOUR),
                lambda: d().at(part(s, .3), "seller_counter_propose", share="0.2")
                .at(auto + SECOND, "auto_escalate")
                .then(20 * HOUR, "platform_propose", share="0.5")
                .then(part(self.arb, .6), "platform_rule", in_favour_of="buyer")
                .then(part(self.appeal, .7), "appeal")
                .then(2 * HOUR, "platform_propose", share="0.7").wait(HOUR)],
        }
        self.history = [
            lambda: d(share="0.6").at(part(s, .3), "seller_accept"),
            lambda: d("lost").at(s + SECOND, "seller_response_timeout"),
            lambda: d("noncounted").at(part(s, .2), "seller_refuse")
            .then(part(eo, .5), "buyer_cancel"),
            lambda: d().at(part(s, .1), "seller_refuse").at(eo + 3 * HOUR, "buyer_escalate")
            .at(part(self.staff, .8), "staff_join")
            .then(self.proof + HOUR, "platform_rule", in_favour_of="buyer"),
            lambda: d().at(part(s, .4), "seller_counter_propose", share="0.5")
            .then(9 * HOUR, "buyer_accept"),
            lambda: d(solution=RETURN).at(part(s, .2), "seller_accept")
            .then(part(ret, .4), "buyer_ship_return")
            .then(part(ret, .4), "seller_confirm_return"),
            lambda: d("noncounted", RETURN).at(part(s, .3), "seller_accept")
            .then(ret + SECOND, "return_timeout"),
            lambda: d().at(part(s, .3), "seller_counter_propose", share="0.3")
            .at(part(self.staff, .9), "staff_join").at(auto + SECOND, "auto_escalate")
            .then(part(self.proof, .5), "submit_proof")
            .then(20 * HOUR, "platform_propose", share="0.3")
            .then(part(self.arb, .6), "platform_rule", in_favour_of="seller"),
            lambda: d("lost").at(part(s, .4), "buyer_modify", share="0.8")
            .then(part(s, .3), "seller_accept"),
            lambda: self.ruled(d(), "seller").then(part(self.appeal, .4), "appeal")
            .then(20 * HOUR, "platform_rule", in_favour_of="buyer", share="1"),
            lambda: d("noncounted").at(part(s, .1), "buyer_cancel"),
            lambda: d().at(part(self.staff, .3), "staff_join")
            .at(s + SECOND, "seller_response_timeout"),
        ]
        self.check = [
            lambda: d().at(part(s, .7), "seller_accept").opens(part(s, .4)),
            lambda: d().at(part(s, .2), "seller_refuse").at(part(s, .8), "buyer_cancel")
            .opens(part(s, .6)),
            lambda: d(solution=RETURN).at(part(s, .3), "seller_accept")
            .then(part(ret, .4), "buyer_ship_return").then(30 * HOUR, "seller_confirm_return")
            .opens(part(s, .3) + part(ret, .2)),
        ]

    def d(self, kind: str = "nad", solution: str = "refund", share: str = "1") -> Script:
        return Script(NEEDS[kind], solution, kind, share=share)

    def ruled(self, script: Script, winner: str) -> Script:
        """Refused, escalated by the buyer in the AE-5 window, proof (AE-8), ruling."""
        return (script.at(part(self.s, .1), "seller_refuse")
                .at(self.eo + HOUR, "buyer_escalate")
                .then(part(self.proof, .4), "submit_proof", note=content.AE_SAY["proof"])
                .then(self.proof + part(self.arb, .8), "platform_rule", in_favour_of=winner))


def make_disputes(pairs, scripts: DisputeScripts, anchor, rng) -> None:
    """Open and play the dispute of every (case, order) pair."""
    reasons_nad = list(content.AE_NOT_AS_DESCRIBED.items())
    reasons_nr = list(content.AE_NOT_RECEIVED.items())
    non_counted = scripts.p.items("non_counted_reasons")      # rule AE-2
    for case, order in pairs:
        kind = case.script.kind
        if kind == "noncounted":    # each reason that does not count toward the rate in turn
            (k, sub), reason = ("not_as_described", "not_as_described"), non_counted[0]
            non_counted = non_counted[1:] + non_counted[:1]
        elif kind == "lost":
            (k, sub), reason = rng.choice(reasons_nr)
        elif kind == "transit":
            (k, sub), reason = content.AE_IN_TRANSIT
        else:
            (k, sub), reason = rng.choice(reasons_nad)
        paid = order.paid_amount
        first = amount(paid, case.script.share if case.script.solution == "refund" else "1")
        dispute = dsp.open_dispute(order, k, sub, reason, case.script.solution, first, case.t0,
                                   issue_id=f"{order.order_no}1", actor="demo",
                                   reason_text=content.AE_REASON_TEXTS[k])

        def fill(kw, action, paid=paid):
            if "share" in kw:
                kw["refund_amount"] = amount(paid, kw.pop("share"))
            if action in ("seller_counter_propose", "platform_propose"):
                kw.setdefault("solution_type", "refund")
                kw.setdefault("note", content.AE_SAY["counter_return" if kw["solution_type"]
                                                     == RETURN else "counter"]
                              if action == "seller_counter_propose" else content.AE_SAY["platform"])
            elif action == "seller_refuse":
                kw.setdefault("reason", rng.choice(content.AE_SAY["refuse"]))
            elif action == "buyer_ship_return":
                kw.update(tracking_no=f"RR{rng.randint(10**8, 10**9 - 1)}CN",
                          carrier=content.RETURN_CARRIERS["aliexpress"])
            elif action == "appeal":
                kw.setdefault("reason", rng.choice(content.AE_SAY["appeal"]))
            elif action == "buyer_modify":
                kw.setdefault("note", content.AE_SAY["modify"])
            return kw

        cause = "buyer" if kind == "noncounted" else cause_of(sub)
        play(case, dispute, dsp, anchor, fill, cause, rng)
