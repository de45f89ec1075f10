"""The inbox table: every matching conversation id, rows fetched a page at a time.

The model holds only the ordered ids (loaded in the background). A row's contents
are fetched when the view first asks for it, together with the rest of its page,
and kept in a bounded cache, so a list of a million conversations costs one id list
and the rows on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QModelIndex

from app.clock import utcnow
from app.services.messaging.inbox import InboxRow, conversation_rows
from ui.formatting import countdown_text, local_time_text
from ui.labels import CHANNELS, ORDER_STATES, word
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor

log = logging.getLogger("afterdesk.ui.inbox")

PAGE_SIZE = 100
CACHE_LIMIT = 2000

STARS = ("red", "orange", "yellow", "green", "blue", "purple")


def _status(row: InboxRow) -> str:
    translate = QCoreApplication.translate
    if not row.is_replied:
        return translate("ConversationTableModel", "Unreplied")
    if not row.is_read:
        return translate("ConversationTableModel", "Unread")
    return translate("ConversationTableModel", "Replied")


def _snippet(row: InboxRow) -> str:
    if row.last_direction != "out":
        return row.snippet
    return QCoreApplication.translate("ConversationTableModel", "You: {0}").format(row.snippet)


def _order(row: InboxRow) -> str:
    if not row.order_no:
        return ""
    return f"{row.order_no} · {word(ORDER_STATES, row.order_status)}"


def _reply_within(row: InboxRow) -> str:
    """Time left to answer the buyer (HOUSE-1 reply target), while unreplied."""
    if row.reply_due_at is None or row.is_replied:
        return ""
    return countdown_text(row.reply_due_at, utcnow())


def _reply_colour(row: InboxRow):
    if row.reply_due_at is not None and not row.is_replied and row.reply_due_at <= utcnow():
        return qcolor("error")
    return None


def _star_colour(row: InboxRow):
    return qcolor(f"star.{row.star}") if row.star in STARS else None


def _needs_attention(row: InboxRow) -> bool:
    return not row.is_replied or not row.is_read


class ConversationTableModel(ListTableModel):
    columns = (
        Column("★", lambda r: "★" if r.star in STARS else "", width=3,
               tooltip=lambda r: None if r.star == "none" else f"Star: {r.star}",
               foreground=_star_colour),
        Column("Buyer", lambda r: r.buyer_name, width=18, bold=_needs_attention,
               tooltip=lambda r: f"{r.buyer_name} ({r.buyer_login}, {r.buyer_country or '?'})"),
        Column("Status", _status, width=11, bold=_needs_attention),
        Column("Reply within", _reply_within, width="overdue 23 h 59 min", foreground=_reply_colour,
               tooltip=lambda r: (f"{_reply_within(r)}: answer by "
                                  f"{local_time_text(r.reply_due_at)}") if _reply_within(r)
               else None),
        Column("Case", lambda r: "open" if r.has_open_case else "", width=5,
               tooltip=lambda r: "An after-sales request or dispute is open on this order"
               if r.has_open_case else None),
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
        self._positions: dict[int, int] | None = None

    def set_ids(self, ids, first_rows: dict | None = None) -> None:
        """Show these conversations, in this order; cached rows are dropped. `first_rows`
        ({id: row, or None when it is gone} of the first ids, read with them off the GUI
        thread) spares the first paint its query."""
        self._cache.clear()
        if first_rows:
            self._cache.update(first_rows)
        self._positions = None
        self.set_rows(ids)

    def append_ids(self, more) -> None:
        """Add conversations after the ones shown (the rest of a list whose first screenful
        came first); nothing shown moves."""
        more = list(more)
        if not more:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self._positions = None
        self.endInsertRows()

    def ids_set(self) -> dict[int, int]:
        """conversation id -> row (built on first use after a reload)."""
        if self._positions is None:
            self._positions = {conv_id: row for row, conv_id in enumerate(self._rows)}
        return self._positions

    def row_of(self, conv_id: int) -> int:
        return self.ids_set()[conv_id]

    def forget(self, ids) -> None:
        """These rows changed: read them again when next shown."""
        for conv_id in ids:
            self._cache.pop(conv_id, None)
            row = self.ids_set().get(conv_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, self.columnCount() - 1))

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
