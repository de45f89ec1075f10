"""The GEN-3 checklist's ticks are kept: saved at once through the service (audited on the
case), back when the case is opened again and after a restart; a bad tick writes nothing.
The checklist texts are offered to translators."""

from __future__ import annotations

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.db import close_database, open_database
from app.models import AuditEntry
from app.models.case_checklist import CaseChecklistTick
from app.services.casework import case_checklist, disputes
from app.services.casework.case_guides import GUIDES, SHORT_SHIPMENT
from app.errors import InvalidInput, NotFound
from app.settings import Settings
from tests.cases_ui_helpers import NOW, aliexpress_orders
from ui.words import cases as words
from ui.cases.case_view import CaseView
from ui.main_window import MainWindow
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[1]


def short_dispute(order):
    return disputes.open_dispute(order, "not_as_described", "short_quantity", "Short quantity",
                                 "refund", "20.00", NOW - timedelta(days=2))


def lost_dispute(order):
    return disputes.open_dispute(order, "not_received", "lost", "Package lost", "refund",
                                 "20.00", NOW - timedelta(days=2))


# --- the service ------------------------------------------------------------------------------

def test_a_tick_is_stored_and_audited_and_an_untick_removes_it(db):
    [order] = aliexpress_orders(1)
    d = short_dispute(order)
    ref = f"D-{d.id}"
    audits = AuditEntry.select().count()
    assert case_checklist.set_tick(ref, "short_shipment", "photos", True, actor="小王")
    assert not case_checklist.set_tick(ref, "short_shipment", "photos", True)   # no change
    ticks = case_checklist.checklist(ref)
    assert ticks.ticked("short_shipment") == {"photos"}
    assert ticks.last_guide == "short_shipment"
    assert ticks.ticks["short_shipment"]["photos"].by == "小王"
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (entry.entity, entry.entity_ref, entry.action, entry.detail) == (
        "dispute", d.uid, "checklist_tick", {"guide": "short_shipment", "step": "photos"})
    assert case_checklist.set_tick(ref, "short_shipment", "photos", False)
    assert case_checklist.checklist(ref).ticked("short_shipment") == frozenset()
    assert AuditEntry.select().count() == audits + 2
    assert AuditEntry.select().order_by(AuditEntry.id.desc()).get().action == "checklist_untick"


@pytest.mark.parametrize("ref, guide, step, done, error", [
    ("D-{id}", "lost_luggage", "photos", True, InvalidInput),
    ("D-{id}", "short_shipment", "dance", True, InvalidInput),
    ("D-{id}", "lost_parcel", "photos", True, InvalidInput),    # a step of the other guide
    ("D-{id}", "short_shipment", "photos", "yes", InvalidInput),
    ("D-999", "short_shipment", "photos", True, NotFound),
    ("X-1", "short_shipment", "photos", True, InvalidInput),
])
def test_a_bad_tick_is_refused_and_writes_nothing(db, ref, guide, step, done, error):
    [order] = aliexpress_orders(1)
    d = short_dispute(order)
    before = (CaseChecklistTick.select().count(), AuditEntry.select().count())
    with pytest.raises(error):
        case_checklist.set_tick(ref.format(id=d.id), guide, step, done)
    assert (CaseChecklistTick.select().count(), AuditEntry.select().count()) == before


def test_ticks_go_with_their_case(db):
    [first, second] = aliexpress_orders(2)
    a, b = short_dispute(first), lost_dispute(second)
    case_checklist.set_tick(f"D-{a.id}", "short_shipment", "check_weight", True)
    case_checklist.set_tick(f"D-{b.id}", "lost_parcel", "confirm_loss", True)
    assert case_checklist.checklist(f"D-{a.id}").ticks.keys() == {"short_shipment"}
    assert case_checklist.checklist(f"D-{b.id}").ticked("lost_parcel") == {"confirm_loss"}
    a.delete_instance()                      # a case removed takes its ticks with it
    assert CaseChecklistTick.select().count() == 1


# --- the case view -----------------------------------------------------------------------------

def load(qtbot, view: CaseView, ref: str) -> None:
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_case(ref)


def checked(view: CaseView) -> list[str]:
    return [box.property("step") for box in view.guide.boxes if box.isChecked()]


def test_ticks_survive_choosing_another_case_and_coming_back(qtbot, db):
    [first, second] = aliexpress_orders(2)
    short, lost = short_dispute(first), lost_dispute(second)
    view = CaseView()
    qtbot.addWidget(view)
    load(qtbot, view, f"D-{short.id}")
    assert view.guide.guide_key == "short_shipment"
    view.guide.boxes[1].setChecked(True)               # "photos attached"
    view.guide.boxes[3].setChecked(True)
    assert view.guide.progress.text() == "2 of 5 done"
    load(qtbot, view, f"D-{lost.id}")
    assert view.guide.guide_key == "lost_parcel" and checked(view) == []
    load(qtbot, view, f"D-{short.id}")
    assert checked(view) == ["photos", "resend_or_refund"]
    assert view.guide.progress.text() == "2 of 5 done"
    assert view.guide.boxes[1].toolTip().startswith("Ticked by rep on ")
    view.guide.boxes[1].setChecked(False)              # unticking is kept too
    load(qtbot, view, f"D-{short.id}")
    assert checked(view) == ["resend_or_refund"]


def test_the_checklist_the_rep_chose_comes_back_with_its_ticks(qtbot, db):
    [order] = aliexpress_orders(1)
    d = lost_dispute(order)                             # lost parcel would fit
    view = CaseView()
    qtbot.addWidget(view)
    load(qtbot, view, f"D-{d.id}")
    view.guide.set_guide("short_shipment")             # the rep knows better
    view.guide.boxes[0].setChecked(True)
    load(qtbot, view, f"D-{d.id}")
    assert view.guide.guide_key == "short_shipment" and checked(view) == ["check_weight"]


def test_ticks_survive_a_restart(qtbot, tmp_path):
    path = tmp_path / "afterdesk.db"
    open_database(path)
    [order] = aliexpress_orders(1)
    ref = f"D-{short_dispute(order).id}"

    def window() -> MainWindow:
        win = MainWindow(path, Settings(tmp_path / "settings.json"))
        qtbot.addWidget(win)
        win.show_page("cases")
        page = win.pages["cases"]
        with qtbot.waitSignal(page.case_view.loaded, timeout=5000):
            page.open_case(ref)
        return win

    try:
        first = window()
        view = first.pages["cases"].case_view
        view.guide.boxes[0].setChecked(True)
        view.guide.boxes[4].setChecked(True)
        first.close()
        wait_for_background()
        QApplication.processEvents()
        close_database()                                # the app is gone
        open_database(path)                             # and started again
        second = window()
        assert checked(second.pages["cases"].case_view) == ["check_weight", "set_cause"]
        second.close()
        wait_for_background()
    finally:
        close_database()


# --- the words --------------------------------------------------------------------------------

def test_every_checklist_text_is_offered_to_translators():
    texts = {g.title for g in GUIDES.values()} | {s.text for g in GUIDES.values()
                                                  for s in g.steps}
    assert texts == set(words.GUIDE_TEXTS)
    assert len(SHORT_SHIPMENT.step_keys()) == len(set(SHORT_SHIPMENT.step_keys())) == 5


def test_every_case_deadline_text_of_the_engine_is_offered_to_translators():
    """A new label or action in the dispute or request clocks needs a line in
    ui/words/cases.py, or the Chinese case view shows it in English."""
    found = set()
    for name in ("engine_disputes.py", "engine_taobao.py"):
        tree = ast.parse((ROOT / "app" / "rules" / name).read_text(encoding="utf-8"))
        found |= {node.value.value for node in ast.walk(tree)
                  if isinstance(node, ast.keyword) and node.arg in ("label", "action")
                  and isinstance(node.value, ast.Constant)}
    assert found and found <= set(words.DEADLINE_TEXTS)
    assert words.deadline_words("Arbitration rules, 3 to 5 days after the negotiation") == \
        "Arbitration rules, 3 to 5 days after the negotiation"
