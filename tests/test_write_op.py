"""Every write of the window goes through one helper (ui/write_op.py): it runs the write
(here or on the pool), shows a refusal the usual way or in the form, sends a bug to the
crash dialog, and announces one notice of what changed, which the pages and the deadline
monitor hear (app.services.common.change_notice)."""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.errors import InvalidInput
from app.services.commerce import shops
from app.services.common import change_notice
from tests.test_parcel_watch_ui import make_near
from ui import errors
from ui.pages.parcel_watch_page import ParcelWatchPage
from ui.worker import wait_for_background
from ui.write_op import CASES, ORDERS, SHOPS, run_write, run_write_in_background

pytestmark = pytest.mark.gui


class Heard:
    def __init__(self):
        self.changes: list[change_notice.Change] = []

    def __call__(self, change):
        self.changes.append(change)


@pytest.fixture
def heard():
    listener = Heard()
    change_notice.subscribe(listener.__call__)
    yield listener
    change_notice.unsubscribe(listener.__call__)


@pytest.fixture
def boxes(monkeypatch):
    """The message boxes and crash dialogs that would have been shown."""
    shown = {"expected": [], "crash": []}
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec",
                        lambda self: shown["expected"].append(self.text()) or 0)
    monkeypatch.setattr(errors, "show_crash",
                        lambda exc_type, exc, tb, parent=None: shown["crash"].append(exc))
    return shown


def test_a_write_that_goes_through_is_announced_once_with_what_changed(qtbot, db, heard, boxes):
    parent = QWidget()
    qtbot.addWidget(parent)
    done = []
    written = run_write(parent, partial(shops.add_shop, "tb", "taobao", "淘宝店", "Asia/Shanghai"),
                        changes=[SHOPS], refs=lambda shop: [shop.key], on_done=done.append)
    assert written and written.result.key == "tb" and done == [written.result]
    assert heard.changes == [change_notice.Change(frozenset(["shops"]), ("tb",))]
    assert heard.changes[0].touches(change_notice.DEADLINE_KINDS)   # the monitor re-plans
    assert boxes == {"expected": [], "crash": []}


def test_a_refusal_shows_the_usual_message_and_announces_nothing(qtbot, db, heard, boxes):
    parent = QWidget()
    qtbot.addWidget(parent)
    undone = []
    written = run_write(parent, partial(shops.add_shop, "", "ebay", "x", "Nowhere/Zone"),
                        changes=[SHOPS], on_failed=undone.append)
    assert not written and isinstance(written.error, InvalidInput)
    assert len(boxes["expected"]) == 1 and boxes["crash"] == []
    assert undone == [written.error]
    assert heard.changes == []
    assert shops.list_shops() == []


def test_a_form_shows_the_refusal_in_its_own_line(qtbot, db, heard, boxes):
    parent = QWidget()
    qtbot.addWidget(parent)
    said = []
    assert not run_write(parent, partial(shops.add_shop, "", "ebay", "x", "Nowhere/Zone"),
                         changes=[SHOPS], on_refused=lambda error: said.append(
                             errors.describe(error)))
    assert len(said) == 1 and said[0] and boxes["expected"] == []


def test_a_bug_goes_to_the_crash_dialog_even_in_a_form(qtbot, db, heard, boxes):
    parent = QWidget()
    qtbot.addWidget(parent)

    def broken():
        raise KeyError("a bug")
    said = []
    assert not run_write(parent, broken, changes=[CASES], on_refused=said.append)
    assert said == [] and [type(e) for e in boxes["crash"]] == [KeyError]
    assert heard.changes == []


def test_a_write_on_the_pool_comes_back_to_the_window_and_is_announced(qtbot, db, heard,
                                                                      boxes):
    import threading
    parent = QWidget()
    qtbot.addWidget(parent)
    threads = []

    def write():
        threads.append(threading.current_thread())
        return shops.add_shop("ae", "aliexpress", "AE shop", "America/Los_Angeles").key
    done = []
    run_write_in_background(parent, write, changes=[SHOPS], on_done=done.append)
    qtbot.waitUntil(lambda: done == ["ae"])
    assert threads[0] is not threading.main_thread()
    assert heard.changes == [change_notice.Change(frozenset(["shops"]), ())]
    assert [s.key for s in shops.list_shops()] == ["ae"]
    wait_for_background()


def test_the_parcel_watch_button_writes_through_the_helper_and_every_list_hears_it(
        qtbot, db, heard):
    make_near()
    page = ParcelWatchPage()
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.view.selectRow(0)
    qtbot.mouseClick(page.extend_button, Qt.MouseButton.LeftButton)
    assert [c.kinds for c in heard.changes] == [frozenset([ORDERS])]
    assert heard.changes[0].touches(change_notice.DEADLINE_KINDS)   # the monitor re-plans
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not page.is_loading)
    wait_for_background()


def test_no_page_reloads_another_or_wakes_the_monitor_by_hand():
    """The pages hear writes through the notice; none calls reload_all or notify_changed."""
    from pathlib import Path
    root = Path(__file__).resolve().parents[1] / "ui"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name not in ("main.py", "main_window.py", "monitor_bridge.py",
                                   "bench_probe.py")
                 and ("reload_all(" in p.read_text(encoding="utf-8")
                      or "notify_changed(" in p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_a_hidden_list_reads_a_change_when_it_is_shown_again(qtbot, db, heard):
    make_near()
    page = ParcelWatchPage()
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.is_loading)
    page.view.selectRow(0)
    page.hide()
    from app.services.commerce.parcel_watch import parcels_near_window, record_extension_by_id
    row = parcels_near_window()[0]
    assert run_write(page, partial(record_extension_by_id, row.order_id, row.advice_days),
                     changes=[ORDERS])
    assert page.stale and not page.is_loading and page.model.rowCount() == 1   # not yet
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and not page.is_loading)
    wait_for_background()
