"""Table models of the lists: each passes Qt's model checks, and shows what a rep expects."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.models import Conversation, Message
from app.rules.deadline import Deadline
from app.services.casework.cases import CaseRow
from app.services.messaging.inbox import InboxRow, conversation_ids
from tests.factories import T0, make_buyer, make_order, make_shop
from ui.table_models import conversation_table_model as ctm
from ui.table_models.case_table_model import CaseTableModel
from ui.table_models.conversation_table_model import ConversationTableModel
from ui.table_models.deadline_table_model import DeadlineTableModel
from ui.tones import LIGHT

pytestmark = pytest.mark.gui
Display = Qt.ItemDataRole.DisplayRole


def cell(model, row, title, role=Display):
    column = [c.title for c in model.columns].index(title)
    return model.data(model.index(row, column), role)


def inbox_row(conv_id, **changes):
    values = dict(id=conv_id, buyer_name=f"Buyer {conv_id}", buyer_login=f"b{conv_id}",
                  buyer_country="BR", shop="ae", platform="aliexpress", channel="im",
                  star="none", subject="", snippet=f"hello {conv_id}", last_direction="in",
                  is_read=True, is_replied=True, order_no=None, order_status=None,
                  last_message_at=T0)
    values.update(changes)
    return InboxRow(**values)


class CountingFetch:
    def __init__(self, missing=()):
        self.calls: list[list[int]] = []
        self.missing = set(missing)

    def __call__(self, ids):
        self.calls.append(list(ids))
        return {i: inbox_row(i) for i in ids if i not in self.missing}


def deadline(due, state="pending", **changes):
    values = dict(rule="AE-3", kind="seller_response", subject="dispute", platform="aliexpress",
                  shop="ae", order_no="8000000000000001", case_id="D-1", due_at=due, state=state,
                  label="Respond to the buyer's proposal", action="Accept or refuse")
    values.update(changes)
    return Deadline(**values)


# --- conversations -------------------------------------------------------------------------

def test_conversation_model_passes_qt_checks_over_the_database(qtmodeltester, db):
    shop = make_shop("tb", platform="taobao")
    buyer = make_buyer(shop, "wang", country="CN")
    order = make_order(shop, "3456789012345678", buyer=buyer)
    for hour, star in enumerate(("red", "none", "green")):
        conv = Conversation.create(shop=shop, buyer=buyer, order=order if hour else None,
                                   channel="im", star=star, created_at=T0,
                                   last_message_at=T0 + timedelta(hours=hour),
                                   is_replied=bool(hour))
        Message.create(conversation=conv, direction="in", channel="im", body=f"退款 {hour}",
                       sent_at=T0 + timedelta(hours=hour))
    model = ConversationTableModel()
    model.set_ids(conversation_ids())
    qtmodeltester.check(model)
    assert [cell(model, r, "Last message") for r in range(3)] == ["退款 2", "退款 1", "退款 0"]
    assert cell(model, 2, "Status") == "Unreplied"
    assert cell(model, 2, "Buyer", Qt.ItemDataRole.FontRole).bold()
    assert cell(model, 0, "Buyer", Qt.ItemDataRole.FontRole) is None
    assert cell(model, 2, "★") == "★" and cell(model, 1, "★") == ""
    assert cell(model, 0, "Order") == "3456789012345678 · Shipped"


def test_empty_conversation_model_passes_qt_checks(qtmodeltester):
    model = ConversationTableModel(fetch_rows=CountingFetch())
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_rows_are_fetched_a_page_at_a_time_and_cached(qtmodeltester):
    fetch = CountingFetch()
    model = ConversationTableModel(fetch_rows=fetch)
    ids = list(range(1000, 1250))
    model.set_ids(ids)
    assert fetch.calls == []                            # nothing read until shown
    assert cell(model, 0, "Buyer") == "Buyer 1000"
    assert fetch.calls == [ids[0:100]]
    assert cell(model, 99, "Last message") == "hello 1099"
    assert cell(model, 150, "Buyer") == "Buyer 1150"
    assert fetch.calls == [ids[0:100], ids[100:200]]   # the second page only when needed
    qtmodeltester.check(model)
    read = [i for call in fetch.calls for i in call]
    assert len(read) == len(set(read))                  # no row is ever read twice
    model.set_ids(ids[:5])
    cell(model, 0, "Buyer")
    assert fetch.calls[-1] == ids[:5]                   # new ids: read again


def test_a_first_page_read_with_the_ids_is_painted_without_a_query(qtmodeltester):
    """The inbox reads its first page off the GUI thread together with the ids."""
    fetch = CountingFetch()
    model = ConversationTableModel(fetch_rows=fetch)
    ids = list(range(1000, 1250))
    first = CountingFetch(missing={1003})(ids[:40])
    model.set_ids(ids, {conv_id: first.get(conv_id) for conv_id in ids[:40]})
    assert cell(model, 0, "Buyer") == "Buyer 1000"
    assert cell(model, 39, "Last message") == "hello 1039"
    assert cell(model, 3, "★") == "…"                  # gone since the ids were read
    assert fetch.calls == []
    assert cell(model, 50, "Buyer") == "Buyer 1050"
    assert fetch.calls == [ids[40:100]]                # the rest of that page only
    qtmodeltester.check(model)


def test_the_cache_stays_bounded(monkeypatch):
    monkeypatch.setattr(ctm, "CACHE_LIMIT", 150)
    fetch = CountingFetch()
    model = ConversationTableModel(fetch_rows=fetch)
    model.set_ids(range(400))
    for row in (0, 150, 300):
        cell(model, row, "Buyer")
    assert len(model._cache) <= 150
    assert cell(model, 300, "Buyer") == "Buyer 300"


def test_a_conversation_gone_since_the_list_was_read_shows_a_placeholder(qtmodeltester):
    model = ConversationTableModel(fetch_rows=CountingFetch(missing={2}))
    model.set_ids([1, 2, 3])
    qtmodeltester.check(model)
    assert cell(model, 1, "★") == "…"
    assert cell(model, 1, "Buyer") is None
    assert cell(model, 2, "Buyer") == "Buyer 3"


def test_a_reply_of_the_shop_reads_as_yours():
    model = ConversationTableModel(fetch_rows=lambda ids: {
        i: inbox_row(i, last_direction="out", snippet="好的，谢谢") for i in ids})
    model.set_ids([1])
    assert cell(model, 0, "Last message") == "You: 好的，谢谢"


# --- cases -------------------------------------------------------------------------------

def case_row(case_id, state, next_due=None):
    return CaseRow(case_id, "dispute" if case_id.startswith("D") else "aftersales",
                   "aliexpress", "ae", "8000000000000001", state, "not_received",
                   "Package did not arrive", "carrier", T0, next_due)


def test_case_model_passes_qt_checks_and_mutes_settled_cases(qtmodeltester):
    model = CaseTableModel(now=T0)      # the countdown counts from T0
    qtmodeltester.check(model)
    model.set_rows([case_row("D-1", "awaiting_seller", T0 + timedelta(days=5)),
                    case_row("A-2", "success")])
    qtmodeltester.check(model)
    assert cell(model, 0, "Case") == "D-1"
    assert cell(model, 0, "State") == "awaiting seller"
    assert cell(model, 1, "Type") == "After-sales"
    assert cell(model, 0, "Case", Qt.ItemDataRole.ForegroundRole) is None
    assert isinstance(cell(model, 1, "Case", Qt.ItemDataRole.ForegroundRole), QColor)
    assert cell(model, 1, "Next due") == ""


# --- deadlines ------------------------------------------------------------------------------

def test_deadline_model_passes_qt_checks(qtmodeltester):
    model = DeadlineTableModel(now=T0)
    qtmodeltester.check(model)
    model.set_rows([deadline(T0 + timedelta(days=5)),
                    deadline(T0 - timedelta(hours=1), state="missed"),
                    deadline(T0 + timedelta(days=7), informational=True, action="",
                             case_id=None, conversation_id=4)])
    qtmodeltester.check(model)
    assert cell(model, 0, "Time left") == "in 5 d"
    assert cell(model, 1, "Time left") == "Missed"
    assert cell(model, 2, "Case / order") == "Order 8000000000000001"


def test_countdown_moves_and_turns_red_one_second_after_due(qtbot):
    # Convention of every rule (e.g. AE-3): met at the due instant, missed at due + 1 s.
    due = T0 + timedelta(hours=2)
    model = DeadlineTableModel(now=T0, warn_within=timedelta(hours=1))
    model.set_rows([deadline(due)])
    assert cell(model, 0, "Time left") == "in 2 h"
    assert cell(model, 0, "Due", Qt.ItemDataRole.ForegroundRole) is None

    with qtbot.waitSignal(model.dataChanged):
        model.set_now(due - timedelta(minutes=30))
    assert cell(model, 0, "Time left") == "in 30 min"
    assert cell(model, 0, "Time left", Qt.ItemDataRole.FontRole).bold()   # inside the warning

    model.set_now(due)
    assert cell(model, 0, "Time left") == "due now"
    assert cell(model, 0, "Due", Qt.ItemDataRole.ForegroundRole) != QColor(LIGHT["error"])

    model.set_now(due + timedelta(seconds=1))
    assert cell(model, 0, "Time left").startswith("overdue")
    assert cell(model, 0, "Due", Qt.ItemDataRole.ForegroundRole) == QColor(LIGHT["error"])
