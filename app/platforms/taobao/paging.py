"""Incremental, paged, resumable listing by modification time.

The modified-time range is cut into windows of at most one day (the limit of
taobao.trades.sold.increment.get). The platform lists a window newest first; its pages are
read from the last to the first, so a record modified while AfterDesk reads drops out of
the window (it comes again in the next one) without pushing an unread record past the
pages already read: records may come twice (they are stored once), never missed. After
each page the cursor (app.channels.cursor) is saved in the same transaction as the page's
records: a stopped sync resumes at the page it had reached.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Callable

from app.channels import cursor
from app.clock import utcnow
from app.db import database
from app.platforms.taobao.times import china_text, to_utc

WINDOW = timedelta(days=1)
PAGE_SIZE = 100
FIRST_DAYS = 30     # the first sync looks this far back (trades: at most three months)


def listed(body: dict, outer: str, inner: str) -> list:
    wrapper = body.get(outer) or {}
    found = wrapper.get(inner) if isinstance(wrapper, dict) else wrapper
    return [r for r in (found or []) if isinstance(r, dict)]


def pull_by_modified(client, account, scope: str, method: str, *, fields: str,
                     outer: str, inner: str, prepare: Callable[[list], list],
                     write: Callable[[list], None], start_from: datetime | None = None,
                     page_size: int | None = None) -> int:
    """Read every record modified since the cursor of `scope`. For each page,
    `prepare(records)` asks the platform for what else it needs (no transaction is open
    meanwhile) and `write(prepared)` stores it, inside the transaction that moves the
    cursor. Returns the records read."""
    page_size = page_size or PAGE_SIZE
    state = cursor.load(account, scope)
    now = utcnow()
    start = (to_utc(state.get("start")) or start_from
             or now - timedelta(days=FIRST_DAYS))
    count = 0
    while start < now:
        end = min(start + WINDOW, now)
        known = None
        if state.get("end") and state.get("next"):         # resume a window half read
            end, pages, page = to_utc(state["end"]) or end, int(state["pages"]), \
                int(state["next"])
        else:
            first = client.call(method, fields=fields, start_modified=china_text(start),
                                end_modified=china_text(end), page_no=1, page_size=page_size)
            pages = max(1, math.ceil(int(first.get("total_results") or 0) / page_size))
            page = pages
            known = first if pages == 1 else None
        while page >= 1:
            body = known if known is not None else client.call(
                method, fields=fields, start_modified=china_text(start),
                end_modified=china_text(end), page_no=page, page_size=page_size)
            records = listed(body, outer, inner)
            following = ({"start": china_text(start), "end": china_text(end),
                          "pages": pages, "next": page - 1} if page > 1
                         else {"start": china_text(end)})
            prepared = prepare(records)
            with database.atomic():
                write(prepared)
                cursor.save(account, scope, following)
            count += len(records)
            page -= 1
        state = {}
        start = end
    return count
