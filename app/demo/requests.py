"""Demo Taobao after-sales requests: one script per way a request goes, every rule offset
taken from the `taobao` policy profile, played through app.services.casework.aftersales."""

from __future__ import annotations

from app.demo import content
from app.demo.cases import HOUR, SECOND, Script, amount, cause_of, part, play
from app.services.casework import aftersales as asr

RETURN, REFUND = "return_and_refund", "refund_only"
NO_REASON = "seven_day_no_reason"


class RequestScripts:
    """The scripts of one profile: `live` by open state, `history`, `check`."""

    def __init__(self, p):
        self.p = p
        self.win = p.duration("aftersales_window")            # rule TB-1
        self.t_s = t_s = p.duration("seller_timeout_shipped")   # rule TB-3
        t_u = p.duration("seller_timeout_unshipped")          # rule TB-3
        self.rev = rev = p.duration("buyer_revise_window")    # rule TB-3
        self.no_reason = p.duration("no_reason_return")       # rule TB-7
        r = self.r
        self.live = {
            "waiting_seller": [
                lambda: r("not_received", needs="shipped").opens(part(t_s, .3)),     # TB-4
                lambda: r("other", needs="unshipped").opens(part(t_u, .4)),
                lambda: r("quality").at(part(t_s, .3), "refuse")
                .then(part(rev, .4), "revise", share="0.5").wait(part(t_s, .2))],
            "seller_refused": [
                lambda: r("damaged").at(part(t_s, .5), "refuse").wait(part(rev, .3)),
                lambda: r("not_as_described", share="0.5").at(part(t_s, .2), "refuse")
                .wait(part(rev, .8)),
                lambda: r(NO_REASON, RETURN, needs="received").at(part(t_s, .2), "agree_return")
                .then(30 * HOUR, "ship_return")
                .then(20 * HOUR, "refuse", reason=content.TB_SAY["refuse"][2])
                .wait(part(rev, .4))],
            "waiting_buyer_return": [
                lambda: r("quality", RETURN).at(part(t_s, .4), "agree_return").wait(20 * HOUR),
                lambda: r("wrong_item", RETURN).at(t_s + SECOND, "auto_agree").wait(5 * HOUR),
                lambda: r(NO_REASON, RETURN, needs="received").at(part(t_s, .2), "agree_return")
                .wait(2 * HOUR)],
            "waiting_seller_receive": [
                lambda: r("damaged", RETURN).at(part(t_s, .2), "agree_return")
                .then(30 * HOUR, "ship_return").wait(40 * HOUR),
                lambda: r("quality").at(part(t_s, .2), "refuse")
                .then(part(rev, .3), "revise", service_type=RETURN, share="1")
                .then(part(t_s, .2), "agree_return").then(26 * HOUR, "ship_return")
                .wait(5 * HOUR),
                lambda: r("short_quantity", RETURN).at(part(t_s, .6), "agree_return")
                .then(50 * HOUR, "ship_return").wait(3 * HOUR)],
            "platform_intervening": [
                lambda: r("quality").at(part(t_s, .4), "refuse")
                .then(part(rev, .5), "request_platform").wait(6 * HOUR),
                # asked at the last second TB-3 allows: met
                lambda: r("damaged", share="0.5").at(part(t_s, .3), "refuse")
                .then(rev, "request_platform").wait(10 * HOUR),
                lambda: r("wrong_item", RETURN).at(part(t_s, .2), "agree_return")
                .then(30 * HOUR, "ship_return").then(20 * HOUR, "refuse")
                .then(part(rev, .2), "request_platform").wait(8 * HOUR)],
        }
        self.history = [
            lambda: r("quality", share="0.5").at(part(t_s, .2), "agree"),
            lambda: r("damaged").at(t_s + SECOND, "auto_agree"),
            lambda: r("damaged", RETURN).at(part(t_s, .3), "agree_return")
            .then(30 * HOUR, "ship_return").then(50 * HOUR, "confirm_received"),
            lambda: r("not_as_described").at(part(t_s, .4), "refuse")
            .then(rev + SECOND, "revise_window_expired"),
            lambda: r("quality").at(part(t_s, .3), "refuse")
            .then(part(rev, .5), "request_platform").then(30 * HOUR, "rule_for_seller"),
            lambda: r("damaged").at(part(t_s, .3), "refuse")
            .then(part(rev, .4), "request_platform")
            .then(40 * HOUR, "rule_for_buyer", share="0.6"),
            lambda: r("other").at(part(t_s, .3), "cancel"),
            lambda: r("quality").at(part(t_s, .3), "refuse")
            .then(part(rev, .3), "revise", share="0.7").then(part(t_s, .2), "agree"),
            lambda: r(NO_REASON, RETURN, needs="received").at(part(t_s, .2), "agree_return")
            .then(26 * HOUR, "ship_return").then(60 * HOUR, "confirm_received"),
            lambda: r("short_quantity", share="0.25").at(part(t_s, .4), "refuse")
            .then(part(rev, .2), "cancel"),
            lambda: r("wrong_item", RETURN).at(t_s + SECOND, "auto_agree")
            .then(40 * HOUR, "ship_return").then(48 * HOUR, "confirm_received"),
        ]
        self.check = [
            lambda: r().at(part(t_s, .8), "agree").opens(part(t_s, .4)),
            lambda: r("damaged").at(part(t_s, .3), "refuse")
            .then(part(rev, .8), "revise", share="0.5").then(part(t_s, .3), "agree")
            .opens(part(t_s, .3) + part(rev, .5)),
            lambda: r("quality", RETURN).at(part(t_s, .2), "agree_return")
            .then(40 * HOUR, "ship_return").then(50 * HOUR, "confirm_received")
            .opens(part(t_s, .2) + 20 * HOUR),
        ]

    @staticmethod
    def r(reason: str = "quality", service: str = REFUND, share: str = "1",
          needs: str = "completed") -> Script:
        return Script(needs, service, reason, share=share)


def make_requests(pairs, anchor, rng) -> None:
    """Open and play the after-sales request of every (case, order) pair."""
    for case, order in pairs:
        reason, service = case.script.kind, case.script.solution
        paid = order.paid_amount
        first = amount(paid, case.script.share if service == REFUND else "1")
        request = asr.open_request(order, service, reason, first, case.t0,
                                   description=content.REQUEST_DESCRIPTIONS[reason],
                                   goods_intact=True if reason == NO_REASON else None,
                                   actor="demo")

        def fill(kw, action, paid=paid):
            if "share" in kw:
                kw["amount"] = amount(paid, kw.pop("share"))
            if action == "refuse":
                kw.setdefault("reason", rng.choice(content.TB_SAY["refuse"][:2]))
            elif action == "revise":
                kw.setdefault("description", content.TB_SAY["revise"])
            elif action == "ship_return":
                kw.update(tracking_no=f"SF{rng.randint(10**11, 10**12 - 1)}",
                          carrier=content.RETURN_CARRIERS["taobao"])
            return kw

        play(case, request, asr, anchor, fill, cause_of(reason), rng)
