"""The inbox table: every matching conversation id, rows fetched a page at a time.

The model holds only the ordered ids (loaded in the background). A row's contents
are fetched when the view first asks for it, together with the rest of its page,
and kept in a bounded cache, so a list of a million conversations costs one id list
and the rows on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt

from app.clock import utcnow
from app.services.messaging.inbox import InboxRow, conversation_rows
from ui.formatting import countdown_text, local_time_text
from ui.words.vocabulary import CHANNELS, ORDER_STATES, OUTBOX_STATES, STARS, word
from ui.table_models.list_table_model import TIME_SAMPLE, Column, ListTableModel
from ui.tones import qcolor

translate = QCoreApplication.translate     # lupdate finds translate("context", "…")

log = logging.getLogger("afterdesk.ui.inbox")

PAGE_SIZE = 100
CACHE_LIMIT = 2000

STARRED = ("red", "orange", "yellow", "green", "blue", "purple")   # colours of a star


def _status(row: InboxRow) -> str:
    """Unreplied, Unread or Replied; "Not sent" before all when an answer failed (the
    Delivery column says it too, but far right on a laptop's screen)."""
    translate = QCoreApplication.translate
    if row.delivery == "failed":
        return word(OUTBOX_STATES, "failed")
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
    return qcolor(f"star.{row.star}") if row.star in STARRED else None


def _needs_attention(row: InboxRow) -> bool:
    return not row.is_replied or not row.is_read or row.delivery == "failed"



def _star_tip(row: InboxRow) -> str | None:
    if row.star not in STARRED:
        return None
    return translate("ConversationTableModel", "Star: {0}").format(word(STARS, row.star))


def _buyer_tip(row: InboxRow) -> str:
    return translate("ConversationTableModel", "{0} ({1}, {2})").format(
        row.buyer_name, row.buyer_login, row.buyer_country or "?")


def _reply_tip(row: InboxRow) -> str | None:
    left = _reply_within(row)
    return translate("ConversationTableModel", "{0}: answer by {1}").format(
        left, local_time_text(row.reply_due_at)) if left \
        else None


def _delivery(row: InboxRow) -> str:
    """Where its answer is, while one is not delivered (the bubble's words)."""
    return word(OUTBOX_STATES, row.delivery) if row.delivery else ""


def _delivery_colour(row: InboxRow):
    return qcolor("error") if row.delivery == "failed" else None


def _delivery_bold(row: InboxRow) -> bool:
    return row.delivery == "failed"


def _delivery_tip(row: InboxRow) -> str | None:
    if row.delivery == "failed":
        return translate("ConversationTableModel",
                         "An answer did not reach the buyer: open the conversation to see why, "
                         "then Retry or Edit")
    if row.delivery == "copied":
        return translate("ConversationTableModel",
                         "The answer was copied to the platform but not confirmed as sent")
    if row.delivery == "to_copy":
        return translate("ConversationTableModel",
                         "AfterDesk cannot send through this channel: open the conversation, "
                         "copy the answer into the platform and confirm")
    if row.delivery:
        return translate("ConversationTableModel", "An answer is on its way to the buyer")
    return None


def _case(row: InboxRow) -> str:
    return translate("ConversationTableModel", "open") if row.has_open_case else ""


def _case_tip(row: InboxRow) -> str | None:
    return translate("ConversationTableModel",
                     "An after-sales request or dispute is open on this order") \
        if row.has_open_case else None


class ConversationTableModel(ListTableModel):
    """Sorting asks the page for the ids in a new order (`sorted_by_changed`): the rows are
    not all here to sort. The keys are app.services.messaging.inbox.SORT_KEYS."""

    columns = (
        Column("star", "★", lambda r: "★" if r.star in STARRED else "", width=3,
               tooltip=_star_tip, foreground=_star_colour),
        Column("buyer", "Buyer", lambda r: r.buyer_name, width=18, bold=_needs_attention,
               tooltip=_buyer_tip),
        Column("status", "Status", _status, width=11, bold=_needs_attention,
               foreground=_delivery_colour, tooltip=_delivery_tip),
        Column("reply_within", "Reply within", _reply_within, width="overdue 23 h 59 min",
               foreground=_reply_colour, tooltip=_reply_tip),
        Column("delivery", "Delivery", _delivery, width=12,
               foreground=_delivery_colour, bold=_delivery_bold, tooltip=_delivery_tip),
        Column("case", "Case", _case, width=5, tooltip=_case_tip),
        Column("last_message_at", "Last message at", lambda r: local_time_text(r.last_message_at),
               width=TIME_SAMPLE),
        Column("shop", "Shop", lambda r: r.shop, width=10),
        Column("channel", "Channel", lambda r: word(CHANNELS, r.channel), width=14),
        Column("order", "Order", _order, width=28),
        Column("last_message", "Last message", _snippet, width=50, bold=_needs_attention),
    )

    def __init__(self, parent=None, fetch_rows=conversation_rows):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._cache: dict[int, InboxRow | None] = {}
        self._positions: dict[int, int] | None = None

    # --- sorting: by the query ------------------------------------------------------
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """A header click: remember the order and ask for the ids in it (the page reads
        them again through app.services.messaging.inbox with ORDER BY)."""
        key = self.columns[column].key if 0 <= column < len(self.columns) else None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.sort_descending):
            return
        self.sort_key, self.sort_descending = key, descending
        self.sorted_by_changed.emit(key or "", descending)

    def show_sorted_by(self, key: str | None, descending: bool) -> None:
        """The order the ids are in (a default the page chose), without asking again."""
        self.sort_key, self.sort_descending = key, descending

    def _in_sort_order(self, rows: list) -> list:
        return rows                 # the ids come sorted from the query: one list of them

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
