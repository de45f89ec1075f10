"""The policy tables: every rule of the marketplaces with its default value.

This module is the only place where rule numbers and their values are written.
Rule code asks a `Profile` for a key and gets back the value together with the
rule ID it comes from, so every deadline can say which rule produced it.
Shops may change any value; the changes live in the database (PolicyOverride)
and are audited by `app.services.commerce.policy`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

UNITS = ("hours", "days", "working_days", "percent", "amount", "count", "clock", "list")


@dataclass(frozen=True)
class PolicyValue:
    key: str
    rule: str          # rule ID of RULES.md, e.g. "AE-3"; "HOUSE-n" for the shop's own targets
    value: object      # int for durations and counts, Decimal for money and percent,
                       # "HH:MM" for clock times, tuple of str for lists
    unit: str
    label: str

    def as_text(self) -> str:
        if self.unit == "list":
            return "|".join(self.value)
        return str(self.value)


def _v(key, rule, value, unit, label):
    assert unit in UNITS, unit
    return PolicyValue(key, rule, value, unit, label)


# Both platforms: what a rep decides, and the shop's own reply target.
GENERAL = (
    _v("reply_due", "HOUSE-1", 24, "hours",
       "Answer a buyer's unreplied message within"),
    _v("follow_up_after", "GEN-7", 2, "days",
       "Follow up a buyer who has not answered after"),
    _v("follow_up_day_start", "GEN-7", "09:00", "clock",
       "Follow-ups inside the buyer's daytime, from"),
    _v("follow_up_day_end", "GEN-7", "20:00", "clock",
       "Follow-ups inside the buyer's daytime, until"),
    _v("follow_up_max", "GEN-7", 3, "count",
       "Stop after this many unanswered follow-ups"),
    _v("follow_up_within", "GEN-7", 14, "days", "Follow up only while the shop's last message is younger than"),
    _v("evidence_always", "GEN-4", ("conversation", "statement"), "list",
       "Evidence every appeal pack needs"),
    _v("evidence_not_received", "GEN-4", ("tracking", "proof_of_delivery", "carrier_statement"),
       "list", "Evidence for goods the buyer says never arrived"),
    _v("evidence_not_as_described", "GEN-4", ("product_description", "product_photo",
       "buyer_photo", "quality_check"), "list", "Evidence for goods said not to be as described"),
    _v("evidence_counterfeit", "GEN-4", ("purchase_invoice", "brand_authorisation",
       "trademark_certificate"), "list", "Evidence for goods said to be counterfeit"),
)

ALIEXPRESS = (
    _v("follow_up_channels", "GEN-7", ("site_message", "order_message", "email", "sms"), "list",
       "Order of channels for follow-ups"),
    _v("non_counted_reasons", "AE-2",
       ("Personal Reasons", "Easy return", "Shipping method was not as described"), "list",
       "Dispute reasons that do not count toward the dispute rate"),
    _v("seller_response", "AE-3", 5, "days",
       "Seller accepts or refuses after the buyer opens or modifies a dispute, within"),
    _v("staff_intervene", "AE-4", 7, "days",
       "Platform dispute staff step in after the dispute is submitted, within"),
    _v("buyer_escalation_opens", "AE-5", 3, "days",
       "The buyer may escalate from this long after the first refund request"),
    _v("buyer_escalation_closes", "AE-5", 15, "days",
       "The buyer may escalate until this long after the first refund request"),
    _v("auto_escalation", "AE-6", 15, "days",
       "With no agreement the system escalates this long after the first refund request"),
    _v("platform_action", "AE-7", 2, "working_days",
       "After escalation the platform acts within"),
    _v("proof_of_delivery", "AE-8", 3, "days",
       "Seller provides a post-office proof of delivery after escalation, within"),
    _v("compensation_negotiation", "AE-8", 3, "days",
       "Compensation negotiation without proof lasts"),
    _v("arbitration_min", "AE-8", 3, "days", "Arbitration takes at least"),
    _v("arbitration_max", "AE-8", 5, "days", "Arbitration takes at most"),
    _v("delivery_limit_brazil", "AE-11", 120, "days",
       "Longest promised delivery time (Brazil)"),
    _v("extension_advice_lead", "AE-11", 5, "days",
       "Advise extending the buyer's confirmation window when this little is left"),
    _v("extension_days", "AE-11", 30, "days", "Extend the confirmation window by"),
    _v("auto_reply_window", "AE-12", 24, "hours",
       "Automatic reply at most once per buyer within"),
    _v("appeal_window", "AE-14", 7, "days", "The buyer may appeal a closed dispute within"),
    _v("return_shipment", "AE-15", 10, "days",
       "After a return is agreed the buyer ships the goods back within"),
    _v("dispute_rate_period", "AE-16", 30, "days", "Dispute rate measured over the last"),
    _v("dispute_open_after_shipment", "AE-17", 10, "days",
       "The buyer may open a dispute this long after the order was shipped"),
    _v("dispute_open_when_left", "AE-17", 5, "days",
       "...or at once when the promised delivery time has less than this left"),
) + GENERAL

TAOBAO = (
    # GEN-5/GEN-7 on Taobao: the platform's own chat, then SMS (sellers get no buyer email)
    _v("follow_up_channels", "GEN-7", ("im", "sms"), "list",
       "Order of channels for follow-ups"),
    _v("aftersales_window", "TB-1", 15, "days",
       "After transaction success the buyer may open an after-sales request within"),
    _v("requests_per_order", "TB-2", 1, "count",
       "After-sales requests per order, whatever became of the first (fixed)"),
    _v("not_received_services", "TB-4", ("refund_only",), "list",
       "Service types a buyer who did not receive the goods may ask for"),
    _v("seller_timeout_unshipped", "TB-3", 48, "hours",
       "Seller acts on a refund of a paid, unshipped order within"),
    _v("seller_timeout_shipped", "TB-3", 5, "days",
       "Seller acts on a request on a shipped or completed order within"),
    _v("seller_timeout_virtual", "TB-3", 3, "days",
       "Seller acts on a request for virtual goods within"),
    _v("buyer_revise_window", "TB-3", 5, "days",
       "After a refusal the buyer revises or asks the platform within"),
    _v("ship_within", "TB-5", 72, "hours", "Ship a paid order within"),
    _v("late_shipment_complaint_window", "TB-5", 15, "days",
       "A late-shipment complaint may be filed after the transaction closed, within"),
    _v("late_shipment_rate", "TB-5", Decimal("5"), "percent",
       "Late-shipment compensation, share of the transaction amount"),
    _v("late_shipment_cap", "TB-5", Decimal("30"), "amount",
       "Late-shipment compensation at most (CNY)"),
    _v("mismatch_complaint_window", "TB-6", 15, "days",
       "A description-mismatch complaint may be filed after transaction success, within"),
    _v("no_reason_return", "TB-7", 7, "days",
       "Seven-day no-reason return after receipt, within"),
) + GENERAL

DEFAULTS = {"aliexpress": ALIEXPRESS, "taobao": TAOBAO}

TRANSLATION_FALLBACK = "en"   # AE-13: untranslatable languages fall back to English

# The working-day calendar each profile uses (China for both platforms by default).
CALENDARS = {"aliexpress": "CN", "taobao": "CN"}


class PolicyError(ValueError):
    pass


def parse_value(template: PolicyValue, text: str) -> object:
    """Read a value typed by a rep for `template`'s unit; raise PolicyError when it does not fit."""
    text = str(text).strip()
    try:
        if template.unit in ("hours", "days", "working_days", "count"):
            number = int(text)
            if number < 0:
                raise PolicyError(f"{template.key}: must not be negative")
            return number
        if template.unit in ("percent", "amount"):
            number = Decimal(text)
            if number < 0:
                raise PolicyError(f"{template.key}: must not be negative")
            return number
        if template.unit == "clock":
            hours, minutes = text.split(":")
            if not (0 <= int(hours) < 24 and 0 <= int(minutes) < 60):
                raise ValueError
            return f"{int(hours):02d}:{int(minutes):02d}"
        if template.unit == "list":
            return tuple(part.strip() for part in text.split("|") if part.strip())
    except PolicyError:
        raise
    except (ValueError, ArithmeticError):
        pass
    raise PolicyError(f"{template.key}: '{text}' is not a valid value ({template.unit})")


class Profile:
    """One platform's rules with the shop's overrides applied."""

    def __init__(self, name: str, overrides: dict[str, str] | None = None):
        if name not in DEFAULTS:
            raise PolicyError(f"unknown policy profile '{name}'")
        self.name = name
        self.calendar = CALENDARS[name]
        self._values = {v.key: v for v in DEFAULTS[name]}
        for key, text in (overrides or {}).items():
            if key in self._values:
                template = self._values[key]
                self._values[key] = replace(template, value=parse_value(template, text))

    def __contains__(self, key: str) -> bool:
        return key in self._values

    def get(self, key: str) -> PolicyValue:
        try:
            return self._values[key]
        except KeyError:
            raise PolicyError(f"profile '{self.name}' has no value '{key}'") from None

    def values(self) -> list[PolicyValue]:
        return list(self._values.values())

    def rule(self, key: str) -> str:
        return self.get(key).rule

    def duration(self, key: str) -> timedelta:
        """A calendar duration (hours or days of 24 h)."""
        item = self.get(key)
        if item.unit == "hours":
            return timedelta(hours=item.value)
        if item.unit == "days":
            return timedelta(days=item.value)
        raise PolicyError(f"{key} is {item.unit}, not a calendar duration")

    def working_days(self, key: str) -> int:
        item = self.get(key)
        if item.unit != "working_days":
            raise PolicyError(f"{key} is {item.unit}, not working days")
        return item.value

    def number(self, key: str):
        return self.get(key).value

    def items(self, key: str) -> tuple[str, ...]:
        item = self.get(key)
        if item.unit != "list":
            raise PolicyError(f"{key} is {item.unit}, not a list")
        return item.value


def default_profile(name: str) -> Profile:
    return Profile(name)
