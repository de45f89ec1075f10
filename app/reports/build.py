"""The dispute report of GEN-6: the AE-16 dispute rate (last 30 days and per month, with and
without the AE-2 reasons), disputes and requests by kind, reason, cause and outcome, response
times and refunds paid. Reading only; `build_report` is safe on a worker thread."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.clock import utcnow
from app.models import Shop
from app.reports.breakdowns import breakdowns
from app.reports.dispute_rate import RateFigures, rate_figures
from app.reports.model import Chart, Report, Section
from app.reports.periods import months, span
from app.reports.refunds import refund_rows
from app.reports.response_times import response_rows
from app.errors import InvalidInput, NotFound
from app.services.commerce.policy import load_profile

RATE_COLUMNS = ["Period", "Confirmed", "Time-outs", "Disputes", "Cancelled", "Rate %",
                "Rate % excl. AE-2", "For ruling", "Ruled against"]
RATE_CHART = Chart("bar", 0, (5, 6), "%")
COUNT_COLUMNS = ["Disputes", "Requests", "Total"]


def _percent(value: Decimal | None):
    return None if value is None else (value * 100).quantize(Decimal("0.01"))


def _rate_row(figures: RateFigures) -> list:
    return [figures.label, figures.confirmed, figures.timeouts, figures.opened,
            figures.cancelled, _percent(figures.rate_all), _percent(figures.rate_counted),
            figures.escalated, figures.ruled_against]


def report_shops(keys: list | None) -> list[Shop]:
    shops = list(Shop.select().order_by(Shop.key))
    if not keys:
        return shops
    by_key = {s.key: s for s in shops}
    unknown = [k for k in keys if k not in by_key]
    if unknown:
        raise NotFound("no shop with the key {keys}", keys=', '.join(unknown))
    return [by_key[k] for k in keys]


def report_zone(shops: list[Shop], zone: str | None) -> str:
    if zone:
        return zone
    zones = {s.timezone for s in shops}
    return zones.pop() if len(zones) == 1 else "UTC"


def build_report(start: date, end: date, shops: list | None = None, *, zone: str | None = None,
                 now: datetime | None = None) -> Report:
    """The report of [start, end] (local dates of `zone`: the shops' zone when they share one,
    else UTC) for the shops with these keys (all shops when None)."""
    if end < start:
        raise InvalidInput("the period ends ({end}) before it starts ({start})",
                           end=end, start=start, field="--to")
    now = now or utcnow()
    chosen = report_shops(shops)
    zone = report_zone(chosen, zone)
    ids = [s.id for s in chosen]
    ae_ids = [s.id for s in chosen if s.platform == "aliexpress"]
    profile = load_profile("aliexpress")
    non_counted = profile.items("non_counted_reasons")        # rule AE-2
    window = profile.duration("dispute_rate_period")            # rule AE-16
    first, after = span(start, end, zone)
    report = Report(start, end, zone, [s.key for s in chosen], now)
    note = ("AE-16: (disputes opened − cancelled by the buyer) ÷ (orders confirmed received + "
            "receipt time-outs + disputes opened). 'Rate % excl. AE-2' leaves out the reasons "
            f"that do not count: {', '.join(non_counted)}. For ruling: escalated to the "
            "platform; ruled against: ruled with a refund to the buyer.")

    recent = [rate_figures([s.id], now - window, now, non_counted, s.key)
              for s in chosen if s.platform == "aliexpress"]
    if len(recent) > 1:
        recent.append(rate_figures(ae_ids, now - window, now, non_counted, "All AliExpress shops"))
    report.sections.append(Section(
        "rate_recent", f"Dispute rate, last {window.days} days", ["Shop"] + RATE_COLUMNS[1:],
        [_rate_row(f) for f in recent], RATE_CHART, note,
        {"days": window.days, "reasons": ", ".join(non_counted)}))
    monthly = [rate_figures(ae_ids, *span(a, b, zone), non_counted, label)
               for label, a, b in months(start, end)] if ae_ids else []
    report.sections.append(Section("rate_monthly", "Dispute rate per month",
                                   ["Month"] + RATE_COLUMNS[1:],
                                   [_rate_row(f) for f in monthly],
                                   Chart("line", 0, (5, 6), "%"), note,
                                   {"reasons": ", ".join(non_counted)}))

    parts = breakdowns(ids, first, after, non_counted)
    titles = {"kind": ("Kind", "By kind (AE-1) and service type"),
              "reason": ("Reason", "By reason"),
              "cause": ("Cause", "By cause (GEN-1)"),
              "outcome": ("Outcome", "By outcome")}
    for key, (label, title) in titles.items():
        report.sections.append(Section(key, title, [label] + COUNT_COLUMNS, parts[key],
                                       Chart("bar", 0, (1, 2)),
                                       "Disputes and after-sales requests opened in the period."))
    report.sections.append(Section(
        "response", "Response times (hours)",
        ["Measure", "Answered", "Median (h)", "90th percentile (h)", "Not answered in time"],
        response_rows(ids, first, after), Chart("bar", 0, (2, 3), "h"),
        "First replies from the messages; dispute and request responses from their events."))
    report.sections.append(Section(
        "refunds", "Refunds paid",
        ["Month", "Currency", "Dispute refunds", "Dispute amount", "Request refunds",
         "Request amount", "Total paid"],
        refund_rows(ids, first, after, zone), Chart("bar", 0, (6,)),
        "Disputes resolved with money to the buyer and requests refunded, by closing day."))
    return report
