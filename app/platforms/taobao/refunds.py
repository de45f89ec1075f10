"""A TOP refund (taobao.refunds.receive.get / taobao.refund.get) → PlatformRefund."""

from __future__ import annotations

from app.platforms.taobao.times import to_utc
from app.platforms.taobao.trades import money
from app.services.casework.aftersales_rules import REQUEST_REASONS
from app.services.casework.aftersales_sync import PlatformRefund

# Refund statuses (`status`) → vocab.REQUEST_STATES.
REFUND_STATES = {
    "WAIT_SELLER_AGREE": "waiting_seller",
    "WAIT_BUYER_RETURN_GOODS": "waiting_buyer_return",
    "WAIT_SELLER_CONFIRM_GOODS": "waiting_seller_receive",
    "SELLER_REFUSE_BUYER": "seller_refused",
    "CLOSED": "closed",
    "SUCCESS": "success",
}
LIST_FIELDS = ("refund_id,tid,oid,status,modified,created,refund_fee,reason,desc,"
               "has_good_return,good_status,company_name,sid,order_status,refund_phase,"
               "buyer_nick,title")
DETAIL_FIELDS = LIST_FIELDS + ",good_return_time,refund_remind_timeout"
MESSAGE_FIELDS = "id,refund_id,owner_nick,owner_role,content,created,message_type,pic_urls"
_REASON_OF = {zh: code for code, zh, _en in REQUEST_REASONS}


def reason_of(text: str) -> str:
    """The reason code of the platform's Chinese reason (its own list), else `other`."""
    text = (text or "").strip()
    if text in _REASON_OF:
        return _REASON_OF[text]
    for zh, code in _REASON_OF.items():
        if zh in text:
            return code
    return "other"


def refund_id_of(refund: dict) -> str:
    return str(refund.get("refund_id") or "").strip()


def platform_refund(refund: dict) -> PlatformRefund | None:
    """None when it lacks its id or its creation time."""
    refund_id, created = refund_id_of(refund), to_utc(refund.get("created"))
    if not refund_id or created is None:
        return None
    word = str(refund.get("status") or "")
    has_return = refund.get("has_good_return") in (True, "true", "True", 1)
    return PlatformRefund(
        refund_id=refund_id, platform_status=word[:64], state=REFUND_STATES.get(word),
        service_type="return_and_refund" if has_return else "refund_only",
        reason=reason_of(str(refund.get("reason") or "")),
        reason_text=str(refund.get("reason") or ""), amount=money(refund.get("refund_fee")),
        description=str(refund.get("desc") or ""), opened_at=created,
        changed_at=to_utc(refund.get("modified")) or created,
        return_carrier=str(refund.get("company_name") or "")[:100],
        return_tracking_no=str(refund.get("sid") or "")[:100],
        return_shipped_at=to_utc(refund.get("good_return_time")))
