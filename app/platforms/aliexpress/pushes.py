"""Delivering a dispute decision (app.platforms.aliexpress.decisions) to AliExpress, and
telling after a stop whether one caught in `sending` went.

The dispute's detail (`aliexpress.issue.detail.get`) is read just before each decision:
it gives the buyer's current solution id (to agree to it, or to answer it with the
seller's own) and the seller's solution a counter-proposal changes. After a stop the
same detail says whether the decision was taken: the buyer's solution reached, the
seller's solution there with its amount; an agreement sent again after an answer that was
lost finds the proposal reached and is not sent twice. Pictures go one call each; each
one taken is noted on the item at once, so a retry sends only the rest.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from app.channels import states
from app.channels.errors import Refused
from app.channels.problem_texts import text
from app.db import database
from app.models.channels import OutboxItem
from app.platforms.aliexpress import disputes
from app.platforms.aliexpress.client import Client
from app.platforms.aliexpress.decisions import AGREE, IMAGE_UPLOAD, SAVE
from app.platforms.aliexpress.errors import SERVER, PlatformAnswer

TAKEN = ("reached", "perform")
OPEN_FOR_SELLER = ("wait_seller_accept", "wait_buyer_and_seller_accept")


def send(client: Client, item: OutboxItem) -> None:
    action = dict(item.action)
    method = action.get("method")
    if method not in (AGREE, SAVE, IMAGE_UPLOAD):
        raise Refused(f"AfterDesk cannot send {method!r} to {SERVER}.")
    try:
        if method == IMAGE_UPLOAD:
            _pictures(client, item, action)
            return
        detail = _detail(client, action)
        if method == AGREE:
            _agree(client, action, detail)
        else:
            _save(client, action, detail)
    except PlatformAnswer as answer:
        raise Refused(text("platform_refused", platform=SERVER, words=answer.error.words()),
                      detail=answer.detail) from None


def check(client: Client, item: OutboxItem) -> str:
    """WENT, DID_NOT_GO or UNSURE for a decision a stop left in `sending`."""
    action = dict(item.action)
    method = action.get("method")
    if method == IMAGE_UPLOAD:
        # every picture taken is noted at once; the one being sent at the stop may have
        # reached the platform or not: the rep looks (Retry sends only the rest)
        return states.WENT if not _left(action) else states.UNSURE
    detail = _detail(client, action, missing_ok=True)
    if method == AGREE:
        return states.WENT if _agreed(detail) else states.DID_NOT_GO
    if method == SAVE:
        wanted = _amount(action.get("refund_amount"))
        for solution in _solutions(detail, "seller"):
            if (solution.get("solution_type") == action.get("solution_type")
                    and _amount(solution.get("refund_money")) == wanted):
                return states.WENT
        return states.DID_NOT_GO
    return states.DID_NOT_GO


def _detail(client: Client, action: dict, *, missing_ok: bool = False) -> dict:
    answer = client.call(disputes.DETAIL_METHOD, {"issue_id": action["issue_id"],
                                                  "buyer_login_id": action["buyer_login_id"]})
    detail = disputes.detail_of(answer)
    if not detail and not missing_ok:
        raise Refused(f"{SERVER} does not know dispute {action['issue_id']} (any more): "
                      "decide it in the seller centre.")
    return detail


def _solutions(detail: dict, side: str) -> list[dict]:
    found = (detail.get(f"{side}_solution_list") or {}).get("solution_api_dto") or []
    return [s for s in found if isinstance(s, dict)]


def _buyer_solution(action: dict, detail: dict) -> dict:
    buyer = _solutions(detail, "buyer")
    current = next((s for s in buyer if s.get("status") in OPEN_FOR_SELLER), None)
    current = current or next(iter(buyer), None)
    if current is None or current.get("id") in (None, ""):
        raise Refused(f"{SERVER} shows no proposal of the buyer's on dispute "
                      f"{action['issue_id']}: decide it in the seller centre.")
    return current


def _agreed(detail: dict) -> bool:
    """True when a proposal of the buyer's is agreed already (reached, or accepted by the
    seller)."""
    return any(s.get("status") in TAKEN or s.get("seller_accept_time")
               for s in _solutions(detail, "buyer"))


def _agree(client: Client, action: dict, detail: dict) -> None:
    if _agreed(detail):
        # taken by an earlier attempt whose answer was lost (the pass failed after the
        # platform agreed): agreeing again would be refused and fail a decision that went
        return
    solution = _buyer_solution(action, detail)
    answer = client.call(AGREE, {"issue_id": action["issue_id"],
                                 "buyer_login_id": action["buyer_login_id"],
                                 "solution_id": solution["id"],
                                 "return_address_id": action.get("return_address_id")})
    _taken(answer, AGREE)


def _save(client: Client, action: dict, detail: dict) -> None:
    dto: dict = {"issue_id": int(action["issue_id"]),
                 "buyer_login_id": action["buyer_login_id"],
                 "add_solution_type": action["solution_type"],
                 "refund_amount": action["refund_amount"],
                 "refund_amount_currency": action.get("currency") or "USD",
                 "solution_context": action.get("note") or None,
                 "return_good_address_id": int(action["return_address_id"])
                 if action.get("return_address_id") else None}
    seller = _solutions(detail, "seller")
    if seller:                       # the seller has a proposal already: it is changed
        dto.update(add_seller_solution=False, modify_seller_solution_id=seller[-1]["id"])
    else:                            # a new one, refusing the buyer's
        dto.update(add_seller_solution=True,
                   buyer_solution_id=_buyer_solution(action, detail)["id"])
    dto = {k: v for k, v in dto.items() if v not in (None, "")}
    _taken(client.call(SAVE, {"param_dto": dto}), SAVE)


def _pictures(client: Client, item: OutboxItem, action: dict) -> None:
    from app.evidence import store
    for picture in _left(action):
        data = store.read(picture["sha256"], picture.get("name", ""))
        answer = client.call(IMAGE_UPLOAD, {"issue_id": action["issue_id"],
                                            "buyer_login_id": action["buyer_login_id"],
                                            "extension": picture["extension"]},
                             files={"image_bytes": (picture["name"], data)})
        _taken(answer, IMAGE_UPLOAD)
        action["uploaded"] = [*action.get("uploaded", []), picture["sha256"]]
        with database.atomic():         # kept at once: a retry sends only the rest
            item.action = action
            item.save(only=[OutboxItem.action])


def _left(action: dict) -> list[dict]:
    done = set(action.get("uploaded") or ())
    return [p for p in action.get("pictures") or () if p["sha256"] not in done]


def _taken(answer: dict, method: str) -> None:
    if answer.get("result_object") is not True:
        said = answer.get("error_message") or answer.get("msg") or "result_object false"
        raise Refused(text("platform_not_taken", platform=SERVER, method=method, words=said))


def _amount(value) -> Decimal | None:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
