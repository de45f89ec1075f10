"""The queue of disputes and requests (AE-10): remaining response time, least first;
overdue on top in red, under 24 h amber; filters; a buyer modification moves the 5-day
countdown (AE-3)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.services.casework import disputes
from app.services.clocks import queue
from app.services.casework.cases import list_cases
from tests.cases_ui_helpers import NOW, aliexpress_orders, cell, taobao_order
from ui.pages.cases_page import CasesPage
from ui.table_models.case_table_model import CaseTableModel
from ui.tones import LIGHT

pytestmark = pytest.mark.gui


def open_dispute(order, opened_at, amount="20.00", reason="Package lost"):
    return disputes.open_dispute(order, "not_received", "lost", reason, "refund", amount,
                                 opened_at)


@pytest.fixture
def cases(db):
    """Five disputes whose AE-3 time (5 days) ends at different instants, one of them
    already missed with nothing recorded since, and one settled."""
    orders = aliexpress_orders(5)
    ages = {0: timedelta(days=2), 1: timedelta(days=4, hours=12),     # 2 d 12 h left
            2: timedelta(days=5, hours=3),                           # overdue 3 h
            3: timedelta(days=1), 4: timedelta(days=3)}
    made = {n: open_dispute(orders[n], NOW - age) for n, age in ages.items()}
    disputes.seller_accept(made[4], NOW - timedelta(days=2))         # settled
    return made


@pytest.fixture
def page(qtbot, cases):
    widget = CasesPage()
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.reload()
    qtbot.waitUntil(lambda: not widget.is_loading and widget.model.rowCount() == 5)
    return widget


def ids(page) -> list[str]:
    return [page.model.case_row(r).id for r in range(page.model.rowCount())]


def test_the_queue_follows_remaining_response_time_overdue_first(page, cases):
    d = {n: f"D-{c.id}" for n, c in cases.items()}
    # overdue 3 h; 12 h left (day 5 of 5 after 4.5 d); 3 d; 4 d; then the settled one
    assert ids(page) == [d[2], d[1], d[0], d[3], d[4]]
    lefts = [cell(page.model, r, "Time left") for r in range(5)]
    assert lefts[0].startswith("overdue 3 h")
    # (the clock moved on a little since the cases were made)
    assert lefts[1].startswith(("in 12 h", "in 11 h")) and lefts[2].startswith(("in 3 d",
                                                                                "in 2 d 23 h"))
    rows = [page.model.case_row(r) for r in range(4)]
    remaining = [queue.remaining(r, page.model.now) for r in rows]
    assert remaining == sorted(remaining)


def test_overdue_rows_are_red_and_rows_under_a_day_amber(page):
    red, amber = QColor(LIGHT["error"]), QColor(LIGHT["warning"])
    fg = Qt.ItemDataRole.ForegroundRole
    assert cell(page.model, 0, "Case", fg) == red
    assert cell(page.model, 1, "Case", fg) == amber
    assert cell(page.model, 2, "Case", fg) is None
    assert cell(page.model, 0, "Time left", Qt.ItemDataRole.FontRole).bold()


def test_filters_keep_only_the_chosen_cases(page, cases, qtbot):
    page.set_filter("state", "resolved")
    qtbot.waitUntil(lambda: not page.is_loading and page.model.rowCount() == 1)
    assert ids(page) == [f"D-{cases[4].id}"]
    page.set_filter("state", None)
    page.open_only.setChecked(True)
    qtbot.waitUntil(lambda: not page.is_loading and page.model.rowCount() == 4)
    page.set_filter("platform", "taobao")
    qtbot.waitUntil(lambda: not page.is_loading and page.model.rowCount() == 0)
    assert page.message.text() == "No case matches the filters."


def test_a_buyer_modification_moves_the_five_day_countdown(page, cases, qtbot):
    # rule AE-3: each buyer modification restarts the seller's 5 days
    ref = f"D-{cases[0].id}"
    row = ids(page).index(ref)
    assert cell(page.model, row, "Time left").startswith(("in 3 d", "in 2 d 23 h"))
    page.open_case(ref)
    qtbot.waitUntil(lambda: page.case_view.detail is not None
                    and page.case_view.detail.ref == ref)
    page.case_view.action_buttons["buyer_modify"].click()
    dialog = page.case_view.dialog
    dialog.field("refund_amount").setText("15.00")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        assert dialog.submit()          # at = now: the platform instant defaults to now
    row = ids(page).index(ref)
    assert cell(page.model, row, "Time left") in ("in 5 d", "in 4 d 23 h")
    assert ids(page)[-2] == ref          # now the furthest open case, before the settled one
    qtbot.waitUntil(lambda: page.case_view.detail.proposals["buyer"].amount == 15)


def test_badge_counts_overdue_and_soon_cases(page, qtbot):
    with qtbot.waitSignal(page.badge_changed) as signal:
        page.tick()
    assert signal.args == [2]


def test_the_model_passes_qt_checks(qtmodeltester, db, cases):
    model = CaseTableModel(now=NOW)
    qtmodeltester.check(model)
    model.set_rows(queue.queue().rows)
    qtmodeltester.check(model)
    from PySide6.QtCore import QModelIndex, Qt
    cell = model.flags(model.index(0, 1))                   # a rep can pick any row
    assert cell & Qt.ItemFlag.ItemIsSelectable and cell & Qt.ItemFlag.ItemIsEnabled
    assert not cell & Qt.ItemFlag.ItemIsEditable            # lists are read-only
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def test_request_and_dispute_share_one_order_of_urgency(db):
    order = taobao_order(completed=NOW - timedelta(days=3))
    from app.services.casework import aftersales
    aftersales.open_request(order, "refund_only", "quality", "5.00",
                            NOW - timedelta(days=4, hours=20))          # TB-3: 4 h left
    [ae] = aliexpress_orders(1)
    open_dispute(ae, NOW - timedelta(days=1))
    rows = queue.queue().rows
    assert [r.type for r in rows] == ["aftersales", "dispute"]
    assert queue.urgency(rows[0], NOW) == queue.SOON
    assert len(rows) == len(list_cases())


# --- complaints in the queue (GEN-8 clocks) -------------------------------------------------

@pytest.fixture
def mixed(db):
    """A dispute with 12 h left (AE-3), a complaint to answer within 22 h, one whose
    response (24 h, HOUSE-1) was missed 6 h ago, and a closed one."""
    from app.services.aftercare import complaints
    [order] = aliexpress_orders(1)
    shop = order.shop
    made = {"dispute": open_dispute(order, NOW - timedelta(days=4, hours=12)),
            "fresh": complaints.open_complaint(shop, "negative_review", "Too slow!",
                                               opened_at=NOW - timedelta(hours=2)),
            "late": complaints.open_complaint(shop, "broken_promise", "You promised a gift",
                                              opened_at=NOW - timedelta(hours=30))}
    closed = complaints.open_complaint(shop, "negative_review", "Bad box",
                                       opened_at=NOW - timedelta(days=3))
    complaints.close_complaint(closed, "buyer_satisfied", skip_reason="solved at once",
                               at=NOW - timedelta(days=2))
    made["closed"] = closed
    return {k: (f"D-{v.id}" if k == "dispute" else f"C-{v.id}") for k, v in made.items()}


def test_complaints_join_the_queue_by_their_response_clock(mixed):
    # rule AE-10 across case types; a missed complaint clock stays on top (GEN-8)
    rows = queue.queue(at=NOW).rows
    assert [r.id for r in rows] == [mixed["late"], mixed["dispute"], mixed["fresh"],
                                    mixed["closed"]]
    urgencies = [queue.urgency(r, NOW) for r in rows]
    assert urgencies == [queue.OVERDUE, queue.SOON, queue.SOON, queue.SETTLED]
    assert rows[0].next_due_at == NOW - timedelta(hours=6)
    assert queue.queue(queue.QueueFilters(type="complaint"), at=NOW).rows[-1].id == \
        mixed["closed"]


def test_enter_or_double_click_opens_a_complaint_below_the_queue(qtbot, mixed):
    page = CasesPage()
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: not page.is_loading and page.model.rowCount() == 4)
    assert cell(page.model, 0, "Type") == "Complaint"
    assert cell(page.model, 0, "Time left").startswith("overdue 6 h")
    assert cell(page.model, 0, "Kind") == "Broken promise"
    page.open_case(mixed["dispute"])
    qtbot.waitUntil(lambda: page.case_view.detail is not None)
    assert page.detail_stack.currentWidget() is page.case_view
    # Enter on the fresh complaint's row
    page.view.setFocus()
    row = ids(page).index(mixed["fresh"])
    page.view.selectionModel().blockSignals(True)        # move without showing yet
    page.view.setCurrentIndex(page.model.index(row, 0))
    page.view.selectionModel().blockSignals(False)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert page.detail_stack.currentWidget() is page.complaint_view
    panel = page.complaint
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.row.id == mixed["fresh"])
    assert "Too slow!" in panel.words.text()
    # a double-click on the dispute brings the case view back
    page.open_case(mixed["late"])
    row = ids(page).index(mixed["dispute"])
    centre = page.view.visualRect(page.model.index(row, 1)).center()
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert page.detail_stack.currentWidget() is page.case_view
    assert page.shown_ref == mixed["dispute"]


def test_a_complaint_step_recorded_below_the_queue_moves_its_clock(qtbot, mixed):
    page = CasesPage()
    qtbot.addWidget(page)
    page.reload()
    qtbot.waitUntil(lambda: not page.is_loading and page.model.rowCount() == 4)
    page.open_case(mixed["late"])
    panel = page.complaint
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.row.id == mixed["late"])
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.mouseClick(panel.checklist.rows["respond"][3], Qt.MouseButton.LeftButton)
    # responded now: the next clock is the follow-up in 2 days (GEN-7), no longer overdue
    assert ids(page)[:2] == [mixed["dispute"], mixed["fresh"]]
    row = ids(page).index(mixed["late"])
    assert cell(page.model, row, "Time left") in ("in 2 d", "in 1 d 23 h")
    assert page.shown_ref == mixed["late"]
