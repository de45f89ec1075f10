"""AliExpress orders: `aliexpress.trade.seller.orderlist.get` answers → order rows.

The list is asked by modification time (US Pacific `yyyy-mm-dd hh:mm:ss`), 50 orders a
page; without a status it leaves out finished orders (FINISH), which are asked for on
their own. Every `gmt_*` time is US Pacific (docs/connectors.md).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.channels import states
from app.channels.errors import ChannelProblem
from app.importers.rows import OrderRow
from app.platforms.records import ZERO, amount, platform_time
from app.rules.timeconv import PLATFORM_ZONES, to_zone

LIST_METHOD = "aliexpress.trade.seller.orderlist.get"
DETAIL_METHOD = "aliexpress.trade.new.redefining.findorderbyid"
# A shipped order still on its way: its detail is read for the tracking number.
ON_ITS_WAY = ("WAIT_BUYER_ACCEPT_GOODS", "SELLER_PART_SEND_GOODS")
PAGE_SIZE = 50
PLATFORM = "aliexpress"
FINISH = "FINISH"

# order_status → AfterDesk's order state; None: a state beside the order's course (a
# dispute, a freeze, a cancel request…) that leaves the stored state as it was.
STATUS = {
    "PLACE_ORDER_SUCCESS": "awaiting_payment",
    "RISK_CONTROL": "awaiting_shipment",
    "WAIT_SELLER_SEND_GOODS": "awaiting_shipment",
    "SELLER_PART_SEND_GOODS": "awaiting_shipment",
    "WAIT_BUYER_ACCEPT_GOODS": "shipped",
    "IN_CANCEL": None,
    "IN_ISSUE": None,
    "IN_FROZEN": None,
    "FUND_PROCESSING": None,
    "WAIT_SELLER_EXAMINE_MONEY": None,
    FINISH: "completed",        # or closed: see _status
}


def pacific_text(instant: datetime) -> str:
    """An instant as the order list's query wants it."""
    return to_zone(instant, PLATFORM_ZONES[PLATFORM]).strftime("%Y-%m-%d %H:%M:%S")


def query(since: datetime, until: datetime, page: int, finished: bool) -> dict:
    q = {"current_page": page, "page_size": PAGE_SIZE,
         "modified_date_start": pacific_text(since), "modified_date_end": pacific_text(until)}
    if finished:
        q["order_status"] = FINISH
    return {"param_aeop_order_query": q}


def page_of(answer: dict) -> tuple[list[dict], int]:
    """(the page's orders, the number of pages) from the method's answer. An answer
    without its result, or one that says it failed, is a problem: nothing is stored and
    the cursor stays where it was."""
    result = answer.get("result")
    if not isinstance(result, dict) or result.get("success") in (False, "false"):
        said = (result or {}).get("error_message") if isinstance(result, dict) else None
        raise ChannelProblem(
            states.ERROR, "AliExpress did not give the order list"
            + (f": {said}" if said else ": its answer was incomplete") + ". Nothing was "
            "changed; AfterDesk tries again at the next sync.",
            detail=f"{LIST_METHOD}: {str(answer)[:300]}")
    listed = (result.get("target_list") or {}).get("aeop_order_item_dto") or []
    total_page = result.get("total_page") or 0
    try:
        total_page = int(total_page)
    except (TypeError, ValueError):
        total_page = 0
    return [o for o in listed if isinstance(o, dict)], total_page


def is_known(state: str) -> bool:
    return state in STATUS


def _status(dto: dict, state: str) -> str:
    if state not in STATUS:
        return ""                       # unknown: kept as given, flagged by the caller
    if state == FINISH:
        reason = str(dto.get("end_reason") or "").lower()
        if not dto.get("gmt_pay_time") or "cancel" in reason or "close" in reason:
            return "closed"
        return "completed"
    return STATUS[state] or ""


def row_of(dto: dict, index: int = 0) -> OrderRow | None:
    """One order of the list as an order row (None without an order number or a
    creation time: nothing can be keyed or timed)."""
    order_no = str(dto.get("order_id") or "").strip()
    created = platform_time(dto.get("gmt_create"), PLATFORM)
    if not order_no or created is None:
        return None
    state = str(dto.get("order_status") or "").strip()
    products = (dto.get("product_list") or {}).get("aeop_order_product_dto") or []
    items, goods, shipping, carrier = [], ZERO, ZERO, ""
    for product in products:
        if not isinstance(product, dict):
            continue
        count = _count(product.get("product_count"))
        price = amount(product.get("product_unit_price"))
        goods += (amount(product.get("total_product_amount")) or price * count)
        shipping += amount(product.get("logistics_amount"))
        carrier = carrier or str(product.get("logistics_service_name") or "")
        sku, standard = product.get("sku_code"), product.get("product_standard")
        attributes = f"{sku}; {standard}" if sku and standard else str(sku or standard or "")
        items.append({"title": str(product.get("product_name") or "—")[:2000],
                      "quantity": count, "unit_price": price,
                      "product_id": str(product.get("product_id") or "")[:64],
                      "attributes": attributes})
    paid = amount(dto.get("pay_amount"))
    paid_at = platform_time(dto.get("gmt_pay_time"), PLATFORM)
    shipped = platform_time(dto.get("gmt_send_goods_time"), PLATFORM)
    if paid_at is not None and paid_at < created:
        paid_at = created               # the platform's seconds may round differently
    if shipped is not None and shipped < (paid_at or created):
        shipped = None
    return OrderRow(
        row=index, order_no=order_no[:64], status=_status(dto, state),
        platform_status=state[:64], created_at=created, paid_at=paid_at, shipped_at=shipped,
        goods_amount=goods, shipping_amount=shipping, total_amount=paid or goods + shipping,
        paid_amount=paid if paid_at is not None else ZERO, carrier=carrier[:100],
        buyer_login=str(dto.get("buyer_login_id") or "")[:200],
        buyer_name=str(dto.get("buyer_signer_fullname") or "")[:200], items=items)


def detail_query(order_no: str) -> dict:
    return {"param1": {"order_id": int(order_no) if order_no.isdigit() else order_no}}


def add_shipping(row: OrderRow, answer: dict) -> None:
    """The detail's shipping facts on the row: the waybill and carrier of the last
    parcel sent, when it was sent (US Pacific), the destination country."""
    target = answer.get("target")
    if not isinstance(target, dict):
        return
    listed = target.get("logistic_info_list") or {}
    parcels = (listed.get("global_aeop_tp_logistic_info_dto")
               or listed.get("aeop_tp_logistic_info_dto") or [])
    parcels = [p for p in parcels if isinstance(p, dict) and p.get("logistics_no")]
    if parcels:
        last = max(parcels, key=lambda p: str(p.get("gmt_send") or ""))
        row.tracking_no = str(last["logistics_no"])[:100]
        row.carrier = str(last.get("logistics_service_name") or row.carrier)[:100]
        sent = platform_time(last.get("gmt_send"), PLATFORM)
        if sent is not None and sent >= (row.paid_at or row.created_at):
            row.shipped_at = row.shipped_at or sent
    country = str((target.get("receipt_address") or {}).get("country") or "").strip()
    if len(country) == 2 and country.isalpha():
        row.destination_country = country.upper()


def modified_at(dto: dict) -> datetime | None:
    return platform_time(dto.get("gmt_update"), PLATFORM)


def _count(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


OVERLAP = timedelta(minutes=5)      # asked again next time: a late write is not missed
