"""The inbox table: every matching conversation id, rows fetched a page at a time.

The model holds only the ordered ids (loaded in the background). A row's contents
are fetched when the view first asks for it, together with the rest of its page,
and kept in a bounded cache, so a list of a million conversations costs one id list
and the rows on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QColor

from app.services.inbox import InboxRow, conversation_rows
from ui.formatting import local_time_text
from ui.labels import CHANNELS, ORDER_STATES, word
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel

log = logging.getLogger("afterdesk.ui.inbox")

PAGE_SIZE = 100
CACHE_LIMIT = 2000

STAR_COLOURS = {"red": "#d93025", "orange": "#e8710a", "yellow": "#c9a400",
                "green": "#188038", "blue": "#1a73e8", "purple": "#9334e6"}


def _status(row: InboxRow) -> str:
    if not row.is_replied:
        return "Unreplied"
    if not row.is_read:
        return "Unread"
    return "Replied"


def _snippet(row: InboxRow) -> str:
    return ("You: " + row.snippet) if row.last_direction == "out" else row.snippet


def _order(row: InboxRow) -> str:
    if not row.order_no:
        return ""
    return f"{row.order_no} · {word(ORDER_STATES, row.order_status)}"


def _star_colour(row: InboxRow):
    return QColor(STAR_COLOURS[row.star]) if row.star in STAR_COLOURS else None


def _needs_attention(row: InboxRow) -> bool:
    return not row.is_replied or not row.is_read


class ConversationTableModel(ListTableModel):
    columns = (
        Column("★", lambda r: "★" if r.star in STAR_COLOURS else "", width=3,
               tooltip=lambda r: None if r.star == "none" else f"Star: {r.star}",
               foreground=_star_colour),
        Column("Buyer", lambda r: r.buyer_name, width=18, bold=_needs_attention,
               tooltip=lambda r: f"{r.buyer_name} ({r.buyer_login}, {r.buyer_country or '?'})"),
        Column("Status", _status, width=11, bold=_needs_attention),
        Column("Last message at", lambda r: local_time_text(r.last_message_at), width=TIME_SAMPLE),
        Column("Shop", lambda r: r.shop, width=10),
        Column("Channel", lambda r: word(CHANNELS, r.channel), width=14),
        Column("Order", _order, width=28),
        Column("Last message", _snippet, width=50, bold=_needs_attention),
    )

    def __init__(self, parent=None, fetch_rows=conversation_rows):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._cache: dict[int, InboxRow | None] = {}

    def set_ids(self, ids) -> None:
        """Show these conversations, in this order; cached rows are dropped."""
        self._cache.clear()
        self.set_rows(ids)

    def conversation_id(self, row: int) -> int:
        return self._rows[row]

    def row_object(self, row: int) -> InboxRow | None:
        conv_id = self._rows[row]
        if conv_id not in self._cache:
            self._fetch_page(row)
        return self._cache.get(conv_id)

    def _fetch_page(self, row: int) -> None:
        start = row - row % PAGE_SIZE
        wanted = [i for i in self._rows[start:start + PAGE_SIZE] if i not in self._cache]
        if len(self._cache) + len(wanted) > CACHE_LIMIT:
            self._cache.clear()
        try:
            fetched = self._fetch_rows(wanted)
        except Exception:  # noqa: BLE001 - a row that cannot be read shows as '…'
            log.exception("could not read inbox rows %s..%s", start, start + PAGE_SIZE)
            fetched = {}
        for conv_id in wanted:
            self._cache[conv_id] = fetched.get(conv_id)   # None: gone since the ids were read
