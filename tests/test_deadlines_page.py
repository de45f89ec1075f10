"""The Deadlines view: grouped overdue / due today / this week / later in the rep's own
days, counting down; a double-click opens the case; the navigation shows the count of
overdue and due-today deadlines; a change made in the window reaches the open pages and
the monitor (app.services.common.change_notice)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.rules.deadline import Deadline
from app.services.casework import disputes
from app.services.common import change_notice
from app.services.clocks.deadline_groups import badge_count, grouped
from app.settings import Settings
from tests.cases_ui_helpers import NOW, aliexpress_orders
from ui.main_window import MainWindow
from ui.table_models.deadline_table_model import DeadlineTableModel
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui
SHANGHAI = ZoneInfo("Asia/Shanghai")
# Wednesday 2026-03-04 10:00 in Shanghai
WED = datetime(2026, 3, 4, 2, 0, tzinfo=timezone.utc)


def deadline(due, state="pending", case="D-1", **changes):
    values = dict(rule="AE-3", kind="seller_response", subject="dispute", platform="aliexpress",
                  shop="ae", order_no="8000000000000001", case_id=case, due_at=due, state=state,
                  label="Respond to the buyer's proposal", action="Accept or refuse")
    values.update(changes)
    return Deadline(**values)


ROWS = [deadline(WED - timedelta(hours=2), "missed", "D-1"),          # overdue
        deadline(WED + timedelta(hours=13, minutes=59), case="D-2"),  # 23:59 Wed: today
        deadline(WED + timedelta(hours=14), case="D-3"),              # 00:00 Thu: this week
        deadline(WED + timedelta(days=4, hours=13), case="D-4"),      # Sun 23:00: this week
        deadline(WED + timedelta(days=4, hours=14), case="D-5"),      # Mon 00:00: later
        deadline(WED + timedelta(hours=1), "met", "D-6")]             # met: not shown


def test_groups_follow_the_reps_days():
    groups = grouped(ROWS, WED, SHANGHAI)
    assert {k: [d.case_id for d in v] for k, v in groups.items()} == {
        "overdue": ["D-1"], "today": ["D-2"], "week": ["D-3", "D-4"], "later": ["D-5"],
        "unknown": []}
    assert badge_count(ROWS, WED, SHANGHAI) == 2


def test_grouped_model_shows_headers_and_passes_qt_checks(qtmodeltester):
    model = DeadlineTableModel(now=WED, grouped=True, zone=SHANGHAI)
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    firsts = [model.data(model.index(r, 0)) for r in model.header_rows()]
    assert firsts == ["Overdue (1)", "Due today (1)", "This week (2)", "Later (1)"]
    assert model.deadline(0) is None and model.deadline(1).case_id == "D-1"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).bold()


def test_a_deadline_that_becomes_overdue_moves_group_without_a_reload():
    model = DeadlineTableModel(now=WED, grouped=True, zone=SHANGHAI)
    model.set_rows(ROWS)
    assert model.group_counts()["today"] == 1
    due = ROWS[1].due_at
    model.set_now(due)                                  # met at the due instant
    assert model.group_counts()["today"] == 1
    model.set_now(due + timedelta(seconds=1))           # missed from due + 1 s
    assert model.group_counts() == {"overdue": 2, "week": 2, "later": 1}


@pytest.fixture
def window(qtbot, db, tmp_path):
    [late, soon] = aliexpress_orders(2)
    made = [disputes.open_dispute(late, "not_received", "lost", "Package lost", "refund",
                                  "10.00", NOW - timedelta(days=5, hours=2)),       # AE-3 missed
            disputes.open_dispute(soon, "not_received", "lost", "Package lost", "refund",
                                  "10.00", NOW - timedelta(days=4, hours=22))]      # 2 h left
    win = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
    qtbot.addWidget(win)
    win.show()
    win.reload_all()
    page = win.pages["deadlines"]
    qtbot.waitUntil(lambda: not page.is_loading and page.model.rowCount() > 0)
    win.made = made
    yield win
    wait_for_background()
    QApplication.processEvents()


def test_double_click_opens_the_case(window, qtbot):
    page = window.pages["deadlines"]
    window.show_page("deadlines")
    ref = f"D-{window.made[1].id}"
    row = next(r for r in range(page.model.rowCount())
               if page.model.deadline(r) is not None and page.model.deadline(r).case_id == ref)
    qtbot.waitUntil(lambda: page.view.visualRect(page.model.index(row, 2)).isValid())
    centre = page.view.visualRect(page.model.index(row, 2)).center()
    # a real double-click: press and release, then the double-click of the same place
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_page_key() == "cases"
    cases = window.pages["cases"]
    qtbot.waitUntil(lambda: cases.case_view.detail is not None
                    and cases.case_view.detail.ref == ref)


def test_navigation_badges_count_what_needs_attention(window, qtbot):
    # one AE-3 missed with nothing recorded since, one due within 2 h
    qtbot.waitUntil(lambda: window.navigation.badge("cases") == 2)
    qtbot.waitUntil(lambda: window.navigation.badge("deadlines") >= 1)
    page = window.pages["deadlines"]
    assert window.navigation.badge("deadlines") == page.model.badge_count()


def test_a_change_reaches_the_open_pages_and_the_monitor(window, qtbot, monkeypatch):
    woken = []
    monkeypatch.setattr("app.monitor.notify_changed", lambda: woken.append(True))
    cases = window.pages["cases"]
    qtbot.waitUntil(lambda: not cases.is_loading and cases.model.rowCount() == 2)
    late = window.made[0]
    from app.services.casework import case_actions
    with qtbot.waitSignal(cases.loaded, timeout=5000):
        case_actions.perform(f"D-{late.id}", "seller_response_timeout", NOW)
    assert woken == [True]
    row = cases.model.row_of(f"D-{late.id}")
    assert cases.model.case_row(row).state == "resolved"
    qtbot.waitUntil(lambda: window.navigation.badge("cases") == 1)


def test_listeners_are_dropped_when_gone_and_failures_do_not_stop_others(monkeypatch):
    monkeypatch.setattr("app.monitor.notify_changed", lambda: None)
    seen = []

    class Listener:
        def heard(self, refs):
            seen.append(refs)

    def broken(_refs):
        raise RuntimeError("a broken page")

    keep = Listener()
    gone = Listener()
    change_notice.subscribe(keep.heard)
    change_notice.subscribe(gone.heard)
    change_notice.subscribe(broken)
    del gone                                   # a closed page: dropped, not called
    change_notice.changed("D-1")               # the broken listener is logged, not raised
    assert seen == [("D-1",)]
    change_notice.unsubscribe(keep.heard)
    change_notice.unsubscribe(broken)


def test_the_platforms_own_clocks_are_listed_only_when_asked_for(window, qtbot):
    page = window.pages["deadlines"]
    window.show_page("deadlines")

    def shown():
        return [page.model.deadline(r) for r in range(page.model.rowCount())
                if page.model.deadline(r) is not None]

    assert shown() and not any(d.informational for d in shown())
    page.platform_clocks.click()
    qtbot.waitUntil(lambda: not page.is_loading and any(d.informational for d in shown()))
    # e.g. rule AE-5: the buyer's window to escalate, nothing for the rep to do
    assert {d.rule for d in shown() if d.informational} >= {"AE-5"}
    page.platform_clocks.click()
    qtbot.waitUntil(lambda: not page.is_loading and not any(d.informational for d in shown()))


def test_a_window_of_unknown_start_has_a_group_of_its_own(qtbot):
    # rule TB-1 (issue #21): a completed order whose export carried no completion time
    unknown = deadline(None, "unknown", None, rule="TB-1", kind="aftersales_window",
                       subject="order", platform="taobao", informational=True,
                       label="The buyer may open an after-sales request",
                       action="Completion time missing in the export: enter it, or import "
                              "a report that has it")
    groups = grouped(ROWS + [unknown], WED, SHANGHAI)
    assert groups["unknown"] == [unknown]
    assert badge_count(ROWS + [unknown], WED, SHANGHAI) == 2          # not an alarm
    model = DeadlineTableModel(now=WED, grouped=True, zone=SHANGHAI)
    model.set_rows(ROWS + [unknown])
    assert model.group_counts()["unknown"] == 1
    row = model.rowCount() - 1
    assert model.deadline(row) is unknown
    assert model.index(row, 1).data() == "Unknown"                     # no countdown
    assert "Completion time missing" in model.index(row, 6).data()
