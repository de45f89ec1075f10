"""How fast the shop answers: first replies to buyers' messages, seller responses to
disputes (the AE-3 clock) and to after-sales requests (the TB-3 clock); median and 90th
percentile in hours, plus how many were never answered in time.

- First reply: each time a buyer writes after the shop's last answer (a new question), the
  time until the shop's next message the buyer sees (internal notes and automatic replies of
  AE-12 do not count). Questions asked in the period count.
- Dispute response: from the buyer opening or modifying a dispute (events open_dispute,
  buyer_modify) to the seller's accept, refuse or counter-proposal; a seller response
  time-out counts as missed.
- Request response: from the buyer opening or revising a request to the seller agreeing or
  refusing; an automatic agreement (TB-3) counts as missed.
"""

from __future__ import annotations

from datetime import datetime

from app.models import (AftersalesRequest, Conversation, Dispute, DisputeEvent, Message, Order,
                        RequestEvent)
from app.reports.periods import median, percentile
from app.services.casework.dispute_rules import SELLER_RESPONSES

DISPUTE_STARTS = ("open_dispute", "buyer_modify")
DISPUTE_MISSED = ("seller_response_timeout",)
REQUEST_STARTS = ("open_request", "revise")
REQUEST_ANSWERS = ("agree", "agree_return", "refuse")
REQUEST_MISSED = ("auto_agree",)


def _hours(delta) -> float:
    return delta.total_seconds() / 3600


def first_replies(shop_ids, start: datetime, end: datetime) -> tuple[list, int]:
    """(reply times in hours, questions still unanswered)."""
    query = (Message.select(Message.conversation, Message.direction, Message.sent_at)
             .join(Conversation)
             .where(Conversation.shop.in_(shop_ids) & (Message.sent_at >= start)
                    # `= 0`, not NOT: a yes/no column is an integer on both backends
                    & (Message.is_internal == 0) & (Message.is_auto == 0))
             .order_by(Message.conversation, Message.sent_at, Message.id))
    times, waiting, current, asked = [], 0, None, None
    for conversation_id, direction, sent_at in query.tuples():
        if conversation_id != current:
            waiting += asked is not None
            current, asked = conversation_id, None
        if direction == "in":
            if asked is None and sent_at < end:
                asked = sent_at
        elif asked is not None:
            times.append(_hours(sent_at - asked))
            asked = None
    waiting += asked is not None
    return times, waiting


def _clock_times(events, starts, answers, missed) -> tuple[list, int]:
    times, missed_count, case, started = [], 0, None, None
    for case_id, action, at in events:
        if case_id != case:
            case, started = case_id, None
        if action in starts:
            started = started or at
        elif started is not None and action in answers:
            times.append(_hours(at - started))
            started = None
        elif started is not None and action in missed:
            missed_count += 1
            started = None
    return times, missed_count


def dispute_responses(shop_ids, start: datetime, end: datetime) -> tuple[list, int]:
    events = (DisputeEvent.select(DisputeEvent.dispute, DisputeEvent.action, DisputeEvent.at)
              .join(Dispute).join(Order)
              .where(Order.shop.in_(shop_ids) & (Dispute.opened_at < end)
                     & (DisputeEvent.at >= start))
              .order_by(DisputeEvent.dispute, DisputeEvent.at, DisputeEvent.id))
    rows = [(d, a, t) for d, a, t in events.tuples() if not (a in DISPUTE_STARTS and t >= end)]
    return _clock_times(rows, DISPUTE_STARTS, SELLER_RESPONSES, DISPUTE_MISSED)


def request_responses(shop_ids, start: datetime, end: datetime) -> tuple[list, int]:
    events = (RequestEvent.select(RequestEvent.request, RequestEvent.action, RequestEvent.at)
              .join(AftersalesRequest).join(Order)
              .where(Order.shop.in_(shop_ids) & (AftersalesRequest.opened_at < end)
                     & (RequestEvent.at >= start))
              .order_by(RequestEvent.request, RequestEvent.at, RequestEvent.id))
    rows = [(r, a, t) for r, a, t in events.tuples() if not (a in REQUEST_STARTS and t >= end)]
    return _clock_times(rows, REQUEST_STARTS, REQUEST_ANSWERS, REQUEST_MISSED)


def response_rows(shop_ids, start: datetime, end: datetime) -> list:
    """[measure, answered, median h, p90 h, not answered in time]."""
    out = []
    for label, (times, missed) in (
            ("First reply to a buyer's message", first_replies(shop_ids, start, end)),
            ("Seller response to a dispute (AE-3)", dispute_responses(shop_ids, start, end)),
            ("Seller response to a request (TB-3)", request_responses(shop_ids, start, end))):
        out.append([label, len(times), _round(median(times)), _round(percentile(times, 0.9)),
                    missed])
    return out


def _round(value):
    return None if value is None else round(value, 1)
