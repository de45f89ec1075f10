"""Refund or resend? The smaller loss wins (GEN-2). A pure calculation for the rep.

goods price     = product cost + shipping cost + profit
refund result   = profit - refund amount          (refund amount <= goods price, negotiable)
resend result   = profit - (product cost + shipping cost)
The option with the larger result (the smaller loss) is advised; on a tie, refund (it ends
the case at once). When resending, the buyer places a new order and closes the dispute.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.errors import InvalidInput
from app.services.common.input_checks import money

RESEND_STEPS = ("Ask the buyer to place a new order for the resent goods, and to close the "
                "dispute once it is placed.")


@dataclass(frozen=True)
class Advice:
    product_cost: Decimal
    shipping_cost: Decimal
    profit: Decimal
    refund_amount: Decimal
    goods_price: Decimal
    refund_result: Decimal
    resend_result: Decimal
    recommendation: str          # "refund" or "resend"
    formula: str                 # the calculation written out for the rep
    note: str                    # what to do next

    @property
    def saving(self) -> Decimal:
        """How much less the advised option loses than the other one."""
        return abs(self.refund_result - self.resend_result)


def _signed(value, field: str) -> Decimal:
    """Profit may be negative (goods sold below cost); it is still exact money."""
    if isinstance(value, (int, str, Decimal)) and not isinstance(value, bool):
        text = str(value).strip()
        if text.startswith("-"):
            return -_amount(text[1:], field)
    return _amount(value, field)


def _amount(value, field: str) -> Decimal:
    amount = money(value, field, "refund-or-resend")
    assert amount is not None            # money() gives None only with allow_none
    return amount


def advise(product_cost, shipping_cost, profit, refund_amount) -> Advice:
    """Compare refunding `refund_amount` with resending the goods (GEN-2)."""
    record = "refund-or-resend"
    product_cost = money(product_cost, "product_cost", record)
    shipping_cost = money(shipping_cost, "shipping_cost", record)
    profit = _signed(profit, "profit")
    # a negative refund is refused here, like any negative amount
    refund_amount = money(refund_amount, "refund_amount", record)
    goods_price = product_cost + shipping_cost + profit
    if goods_price < 0:
        raise InvalidInput("the goods price {goods_price} (cost + shipping + profit) is below 0",
                           goods_price=goods_price,
                           record=record, field="profit")
    if refund_amount > goods_price:
        raise InvalidInput("the refund {refund_amount} is more than the goods price "
                           "{goods_price} (cost {product_cost} + shipping {shipping_cost} + "
                           "profit {profit})",
                           refund_amount=refund_amount, goods_price=goods_price,
                           product_cost=product_cost, shipping_cost=shipping_cost,
                           profit=profit, record=record, field="refund_amount")
    refund_result = profit - refund_amount
    resend_result = profit - (product_cost + shipping_cost)
    recommendation = "refund" if refund_result >= resend_result else "resend"
    formula = (f"goods price = {product_cost} + {shipping_cost} + {profit} = {goods_price}; "
               f"refund: {profit} - {refund_amount} = {refund_result}; "
               f"resend: {profit} - ({product_cost} + {shipping_cost}) = {resend_result}; "
               f"the smaller loss: {recommendation}")
    note = (RESEND_STEPS if recommendation == "resend"
            else f"Refund {refund_amount}; the buyer keeps or returns the goods as agreed.")
    return Advice(product_cost, shipping_cost, profit, refund_amount, goods_price,
                  refund_result, resend_result, recommendation, formula, note)
