"""A TOP trade (taobao.trade.fullinfo.get) → the OrderRow an export would give, so an order
from the platform and the same order from an export file are one order (the order number,
`tid`, is the key; see app.services.commerce.order_imports.merge_rows)."""

from __future__ import annotations

import logging
from decimal import Decimal, InvalidOperation

from app.importers.rows import OrderRow
from app.platforms.taobao.times import to_utc

log = logging.getLogger("afterdesk.platforms")

# Trade statuses (taobao.trades.sold.get, `status`) → vocab.ORDER_STATES.
TRADE_STATES = {
    "TRADE_NO_CREATE_PAY": "awaiting_payment",
    "WAIT_BUYER_PAY": "awaiting_payment",
    "PAY_PENDING": "awaiting_payment",
    "WAIT_PRE_AUTH_CONFIRM": "awaiting_payment",
    "WAIT_SELLER_SEND_GOODS": "awaiting_shipment",
    "SELLER_CONSIGNED_PART": "awaiting_shipment",
    "PAID_FORBID_CONSIGN": "awaiting_shipment",
    "WAIT_BUYER_CONFIRM_GOODS": "shipped",
    "TRADE_BUYER_SIGNED": "shipped",
    "TRADE_FINISHED": "completed",
    "TRADE_CLOSED": "closed",
    "TRADE_CLOSED_BY_TAOBAO": "closed",
}
# The fields asked of taobao.trade.fullinfo.get (each listed in docs/connectors.md).
FULL_FIELDS = ("tid,tid_str,status,buyer_nick,receiver_name,created,pay_time,consign_time,"
               "end_time,modified,total_fee,post_fee,payment,buyer_message,"
               "orders.oid,orders.title,orders.num,orders.price,orders.num_iid,"
               "orders.sku_properties_name,orders.outer_iid,orders.logistics_company,"
               "orders.invoice_no")
LIST_FIELDS = "tid,tid_str,status,modified"     # the account test's one small call
# The fields asked of taobao.trades.sold.increment.get by the sync: what order_row reads.
# That call returns any field of its response example, the trade's orders included, so a
# listed trade needs no fullinfo call of its own (docs/connectors.md).
INCREMENT_FIELDS = FULL_FIELDS.replace("buyer_message,", "")


def is_whole(trade: dict) -> bool:
    """Whether a listed trade carries what order_row reads (its creation time and its
    items); else its fullinfo is asked for."""
    return bool(trade.get("created")) and bool(sub_orders(trade))


def order_no_of(trade: dict) -> str:
    return str(trade.get("tid_str") or trade.get("tid") or "").strip()


def money(value) -> Decimal:
    try:
        return Decimal(str(value or "0")).quantize(Decimal("0.01"))
    except InvalidOperation:
        return Decimal("0.00")


def status_of(trade: dict) -> tuple[str, bool]:
    """Our order state and whether the platform's word is known. An unknown word is kept
    as given (platform_status) and the state is read from the times the trade carries."""
    word = str(trade.get("status") or "")
    if word in TRADE_STATES:
        return TRADE_STATES[word], True
    for name, state in (("end_time", "completed"), ("consign_time", "shipped"),
                        ("pay_time", "awaiting_shipment")):
        if to_utc(trade.get(name)) is not None:
            return state, False
    return "awaiting_payment", False


def sub_orders(trade: dict) -> list:
    orders = trade.get("orders") or {}
    found = orders.get("order") if isinstance(orders, dict) else orders
    return [o for o in (found or []) if isinstance(o, dict)]


def order_row(trade: dict) -> OrderRow | None:
    """None for a trade without a number or a creation time (nothing can be keyed on it)."""
    order_no, created = order_no_of(trade), to_utc(trade.get("created"))
    if not order_no or created is None:
        return None
    status, _known = status_of(trade)
    paid_at = to_utc(trade.get("pay_time"))
    finished = to_utc(trade.get("end_time"))
    subs = sub_orders(trade)
    shipping: dict = next((o for o in subs if o.get("invoice_no")), {})
    payment = money(trade.get("payment"))
    return OrderRow(
        row=0, order_no=order_no[:64], status=status,
        platform_status=str(trade.get("status") or "")[:64], created_at=created,
        paid_at=paid_at, shipped_at=to_utc(trade.get("consign_time")),
        confirmed_at=finished if status == "completed" else None,
        completed_at=finished if status == "completed" else None,
        goods_amount=money(trade.get("total_fee")), shipping_amount=money(trade.get("post_fee")),
        total_amount=payment, paid_amount=payment if paid_at is not None else Decimal("0.00"),
        carrier=str(shipping.get("logistics_company") or "")[:100],
        tracking_no=str(shipping.get("invoice_no") or "")[:100],
        destination_country="CN", buyer_login=str(trade.get("buyer_nick") or "")[:200],
        buyer_name=str(trade.get("receiver_name") or "")[:200],
        items=[{"title": str(o.get("title") or "—"),
                "quantity": max(1, int(o.get("num") or 1)),
                "unit_price": money(o.get("price")),
                "product_id": str(o.get("num_iid") or o.get("outer_iid") or "")[:64],
                "attributes": str(o.get("sku_properties_name") or "")} for o in subs])
