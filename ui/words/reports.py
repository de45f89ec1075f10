"""The report in the rep's language: section titles, notes, column names and the fixed row
words (outcomes, causes, measures) that app.reports writes in English.

The report itself stays English (exports and `afterdesk report` use it as built); the page
shows a translated copy. Free text from the data (a buyer's reason, a shop key) is shown as
it is.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "report"

# Titles and notes by section key; {days} and {reasons} come from Section.params.
TITLES = {
    "rate_recent": QT_TRANSLATE_NOOP("report", "Dispute rate, last {days} days"),
    "rate_monthly": QT_TRANSLATE_NOOP("report", "Dispute rate per month"),
    "kind": QT_TRANSLATE_NOOP("report", "By kind (AE-1) and service type"),
    "reason": QT_TRANSLATE_NOOP("report", "By reason"),
    "cause": QT_TRANSLATE_NOOP("report", "By cause (GEN-1)"),
    "outcome": QT_TRANSLATE_NOOP("report", "By outcome"),
    "response": QT_TRANSLATE_NOOP("report", "Response times (hours)"),
    "refunds": QT_TRANSLATE_NOOP("report", "Refunds paid"),
}
RATE_NOTE = QT_TRANSLATE_NOOP(
    "report", "AE-16: (disputes opened − cancelled by the buyer) ÷ (orders confirmed received + "
    "receipt time-outs + disputes opened). 'Rate % excl. AE-2' leaves out the reasons that do "
    "not count: {reasons}. For ruling: escalated to the platform; ruled against: ruled with a "
    "refund to the buyer.")
NOTES = {
    "rate_recent": RATE_NOTE,
    "rate_monthly": RATE_NOTE,
    "kind": QT_TRANSLATE_NOOP("report", "Disputes and after-sales requests opened in the period."),
    "reason": QT_TRANSLATE_NOOP("report", "Disputes and after-sales requests opened in the period."),
    "cause": QT_TRANSLATE_NOOP("report", "Disputes and after-sales requests opened in the period."),
    "outcome": QT_TRANSLATE_NOOP("report", "Disputes and after-sales requests opened in the period."),
    "response": QT_TRANSLATE_NOOP("report", "First replies from the messages; dispute and request "
                                  "responses from their events."),
    "refunds": QT_TRANSLATE_NOOP("report", "Disputes resolved with money to the buyer and requests "
                                 "refunded, by closing day."),
}
# Column names and fixed row words as app.reports writes them.
WORDS = (
    QT_TRANSLATE_NOOP("report", "Shop"), QT_TRANSLATE_NOOP("report", "Period"),
    QT_TRANSLATE_NOOP("report", "Month"), QT_TRANSLATE_NOOP("report", "Confirmed"),
    QT_TRANSLATE_NOOP("report", "Time-outs"), QT_TRANSLATE_NOOP("report", "Disputes"),
    QT_TRANSLATE_NOOP("report", "Cancelled"), QT_TRANSLATE_NOOP("report", "Rate %"),
    QT_TRANSLATE_NOOP("report", "Rate % excl. AE-2"), QT_TRANSLATE_NOOP("report", "For ruling"),
    QT_TRANSLATE_NOOP("report", "Ruled against"), QT_TRANSLATE_NOOP("report", "Kind"),
    QT_TRANSLATE_NOOP("report", "Reason"), QT_TRANSLATE_NOOP("report", "Cause"),
    QT_TRANSLATE_NOOP("report", "Outcome"), QT_TRANSLATE_NOOP("report", "Requests"),
    QT_TRANSLATE_NOOP("report", "Total"), QT_TRANSLATE_NOOP("report", "Measure"),
    QT_TRANSLATE_NOOP("report", "Answered"), QT_TRANSLATE_NOOP("report", "Median (h)"),
    QT_TRANSLATE_NOOP("report", "90th percentile (h)"),
    QT_TRANSLATE_NOOP("report", "Not answered in time"), QT_TRANSLATE_NOOP("report", "Currency"),
    QT_TRANSLATE_NOOP("report", "Dispute refunds"), QT_TRANSLATE_NOOP("report", "Dispute amount"),
    QT_TRANSLATE_NOOP("report", "Request refunds"), QT_TRANSLATE_NOOP("report", "Request amount"),
    QT_TRANSLATE_NOOP("report", "Total paid"),
    QT_TRANSLATE_NOOP("report", "All AliExpress shops"),
    QT_TRANSLATE_NOOP("report", "Not received"), QT_TRANSLATE_NOOP("report", "Not as described"),
    QT_TRANSLATE_NOOP("report", "Refund only (仅退款)"),
    QT_TRANSLATE_NOOP("report", "Return and refund (退货退款)"),
    QT_TRANSLATE_NOOP("report", "Agreed with the buyer"),
    QT_TRANSLATE_NOOP("report", "Ruled by platform"),
    QT_TRANSLATE_NOOP("report", "Seller did not respond in time"),
    QT_TRANSLATE_NOOP("report", "Buyer did not return in time"),
    QT_TRANSLATE_NOOP("report", "Cancelled by buyer"), QT_TRANSLATE_NOOP("report", "Refunded"),
    QT_TRANSLATE_NOOP("report", "Closed without refund"), QT_TRANSLATE_NOOP("report", "Still open"),
    QT_TRANSLATE_NOOP("report", "Seller"), QT_TRANSLATE_NOOP("report", "Carrier"),
    QT_TRANSLATE_NOOP("report", "Buyer"), QT_TRANSLATE_NOOP("report", "Not set"),
    QT_TRANSLATE_NOOP("report", "First reply to a buyer's message"),
    QT_TRANSLATE_NOOP("report", "Seller response to a dispute (AE-3)"),
    QT_TRANSLATE_NOOP("report", "Seller response to a request (TB-3)"),
)
_KNOWN = frozenset(WORDS)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def word(text) -> str:
    """A fixed word of the report in the rep's language; anything else unchanged. A kind
    with its sub-kind ("Not received: in transit") translates its first part."""
    if not isinstance(text, str):
        return text
    if text in _KNOWN:
        return _t(text)
    head, sep, tail = text.partition(": ")
    if sep and head in _KNOWN:
        return f"{_t(head)}: {tail}"
    return text


def localised(section):
    """A copy of `section` with title, note, column names and fixed row words translated."""
    params = getattr(section, "params", {}) or {}
    title = _t(TITLES[section.key]).format(**params) if section.key in TITLES else section.title
    note = _t(NOTES[section.key]).format(**params) if section.key in NOTES else section.note
    label = section.chart.label_column if section.chart is not None else 0
    rows = [[word(cell) if n == label else cell for n, cell in enumerate(row)]
            for row in section.rows]
    return replace(section, title=title, note=note, columns=[word(c) for c in section.columns],
                   rows=rows)
