"""Every list sorts by its columns (by key, not by title) when the rep clicks a header
(#26): the inbox through its query (ORDER BY in SQLite: the window never reads every row),
the lists whose rows are all in the window in memory; the unreplied conversations open with
the most overdue first (HOUSE-1)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from app.clock import utcnow
from app.services.messaging import conversations
from tests.factories import make_buyer, make_shop
from tests.test_deadlines_page import ROWS, SHANGHAI, WED
from ui.pages import conversations_page
from ui.pages.conversations_page import ConversationsPage
from ui.table_models.deadline_table_model import DeadlineTableModel
from ui.table_models.list_table_model import sort_by_header
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui


def click_header(qtbot, view, key: str) -> None:
    """A real click in the middle of the header of column `key`."""
    header = view.horizontalHeader()
    number = view.model().column_number(key)
    assert not view.isColumnHidden(number)
    x = header.sectionViewportPosition(number) + header.sectionSize(number) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


@pytest.fixture
def inbox(db):
    now = utcnow()
    shop = make_shop("ae")
    made = {}
    # (buyer, hours since the buyer wrote, answered?)
    for login, hours, answered in (("mia", 3, False), ("zoe", 30, False), ("ana", 12, False),
                                   ("bob", 1, True)):
        buyer = make_buyer(shop, login, language="en")
        conv = conversations.start_conversation(shop, buyer, "site_message", language="en",
                                                at=now - timedelta(hours=hours + 1))
        conversations.add_message(conv, "in", f"Hello from {login}", now - timedelta(hours=hours))
        if answered:
            conversations.add_message(conv, "out", "Done", now - timedelta(minutes=30))
        made[login] = conv.id
    return made


@pytest.fixture
def page(qtbot, inbox, monkeypatch):
    asked = []
    real = conversations_page.conversation_ids

    def conversation_ids(filters, **options):
        asked.append(options.get("sort"))
        return real(filters, **options)
    monkeypatch.setattr(conversations_page, "conversation_ids", conversation_ids)
    page = ConversationsPage()
    page.sorts_asked = asked
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    yield page
    wait_for_background()


def buyers(page) -> list[str]:
    column = page.model.column_number("buyer")
    return [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]


def test_the_unreplied_view_opens_with_the_most_overdue_first(qtbot, page):
    assert buyers(page) == ["Bob", "Mia", "Ana", "Zoe"]          # latest message first
    page.unreplied_only.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert buyers(page) == ["Zoe", "Ana", "Mia"]                 # waited longest first
    header = page.view.horizontalHeader()
    assert header.sortIndicatorSection() == page.model.column_number("reply_within")
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert page.sorts_asked[-1] == ("reply_within", False)


def test_a_header_click_sorts_the_inbox_through_the_query(qtbot, page):
    click_header(qtbot, page.view, "buyer")
    qtbot.waitUntil(lambda: buyers(page) == ["Ana", "Bob", "Mia", "Zoe"])
    assert page.sorts_asked[-1] == ("buyer", False)              # SQLite sorted them
    click_header(qtbot, page.view, "buyer")
    qtbot.waitUntil(lambda: buyers(page) == ["Zoe", "Mia", "Bob", "Ana"])
    assert page.sorts_asked[-1] == ("buyer", True)
    page.unreplied_only.setChecked(True)                         # the rep's order stays
    qtbot.waitUntil(lambda: buyers(page) == ["Zoe", "Mia", "Ana"])
    click_header(qtbot, page.view, "reply_within")
    qtbot.waitUntil(lambda: page.sorts_asked[-1] == ("reply_within", False))
    qtbot.waitUntil(lambda: buyers(page) == ["Zoe", "Ana", "Mia"])


def test_a_header_click_sorts_the_lists_in_memory_and_a_third_gives_the_order_back(qtbot):
    from PySide6.QtWidgets import QTableView
    model = DeadlineTableModel(now=WED, grouped=False, zone=SHANGHAI)
    model.set_rows(ROWS)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    sort_by_header(view)
    view.resize(1200, 300)
    view.show()
    given = [model.deadline(r).case_id for r in range(model.rowCount())]

    def cases():
        return [model.deadline(r).case_id for r in range(model.rowCount())]
    view.setCurrentIndex(model.index(given.index("D-3"), 0))
    click_header(qtbot, view, "due")
    assert cases() == ["D-1", "D-6", "D-2", "D-3", "D-4", "D-5"]
    assert model.deadline(view.currentIndex().row()).case_id == "D-3"     # the row followed
    click_header(qtbot, view, "due")
    assert cases() == ["D-5", "D-4", "D-3", "D-2", "D-6", "D-1"]
    click_header(qtbot, view, "due")
    assert cases() == given                                    # the service's order again
    assert (model.sort_key, view.horizontalHeader().sortIndicatorSection()) == (None, -1)


def test_grouped_deadlines_sort_inside_their_groups(qtbot):
    model = DeadlineTableModel(now=WED, grouped=True, zone=SHANGHAI)
    model.set_rows(ROWS)
    headers = model.header_rows()
    model.sort(model.column_number("due"), Qt.SortOrder.DescendingOrder)
    assert model.header_rows() == headers
    week = [model.deadline(r).case_id for r in range(headers[2] + 1, headers[3])]
    assert week == ["D-4", "D-3"]
    model.set_rows(ROWS)                                       # a reload keeps the rep's order
    assert [model.deadline(r).case_id for r in range(headers[2] + 1, headers[3])] == week



def test_in_chinese_columns_are_found_hidden_and_sorted_by_key(chinese, qtbot, page):
    """#19: the titles are translated; code finds the columns by their keys all the same."""
    model = page.model
    assert model.headerData(model.column_number("shop"), Qt.Orientation.Horizontal) == "店铺"
    assert page.view.isColumnHidden(model.column_number("shop"))      # 1366 px: narrow
    assert not page.view.isColumnHidden(model.column_number("buyer"))
    click_header(qtbot, page.view, "buyer")
    qtbot.waitUntil(lambda: page.sorts_asked[-1] == ("buyer", False))
    qtbot.waitUntil(lambda: buyers(page) == ["Ana", "Bob", "Mia", "Zoe"])
    tip = model.data(model.index(0, model.column_number("buyer")), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Ana（ana，BR）"                         # the tooltip's words, in Chinese


def test_every_table_model_names_its_columns_by_keys_of_their_own(qapp):
    import importlib
    import inspect
    import re

    from scripts.update_translations import table_model_modules
    from ui.table_models.list_table_model import ListTableModel
    seen = 0
    for name in table_model_modules():
        module = importlib.import_module(name)
        for _n, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, ListTableModel) and cls.__module__ == module.__name__:
                keys = [c.key for c in cls().columns]
                assert len(keys) == len(set(keys)), cls
                assert all(re.fullmatch(r"[a-z][a-z_]*", k) for k in keys), (cls, keys)
                seen += 1
    assert seen >= 10


def test_sorting_passes_the_model_tester(qtmodeltester):
    model = DeadlineTableModel(now=WED, grouped=True, zone=SHANGHAI)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    for key in ("due", "subject", "rule", "what"):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(model.column_number(key), order)
            qtmodeltester.check(model)
    model.sort(-1)
    qtmodeltester.check(model)


def test_a_complaints_words_speak_chinese(chinese):
    from ui.words.complaints import KINDS, STEPS, say
    assert say(KINDS, "late_shipment") == "延迟发货"
    assert say(STEPS, "apologise") == "真诚道歉"
    assert say(KINDS, "something_new") == "something_new"


def test_texts_sort_with_their_numbers_as_numbers():
    rows = [deadline_row(case) for case in ("D-10", "a-3", "D-2", "C-1")]
    model = DeadlineTableModel(now=WED)
    model.set_rows(rows)
    model.sort(model.column_number("subject"), Qt.SortOrder.AscendingOrder)
    assert [model.deadline(r).case_id for r in range(4)] == ["a-3", "C-1", "D-2", "D-10"]


def deadline_row(case: str):
    from dataclasses import replace
    return replace(ROWS[1], case_id=case)
