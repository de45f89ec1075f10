"""What a viewer's window offers on a shop server (issue 24; docs/server.md, "What a viewer
sees"): every page that writes shows its controls off (or hidden) with a short note, so
the window never offers a write the server would refuse; a rep's window offers them.
Real logins on the throw-away PostgreSQL cluster (tests/postgres_server.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import utcnow
from app.db import close_database, open_database
from tests import test_server_roles

pytestmark = pytest.mark.gui

shop = test_server_roles.shop      # the same shop: a Taobao order, a request, a rep, a viewer


@pytest.fixture
def busy_shop(shop):
    """The shop with a complaint on the order and a buyer quiet for three days since the
    shop's answer (a follow-up is due)."""
    from app.models import Conversation
    from app.services.aftercare import complaints
    from app.services.messaging import conversations
    open_database(shop["owner"])
    conversation = Conversation.get_by_id(shop["conversation"])
    conversations.add_message(conversation, "out", "亲，已经为您查询。",
                              utcnow() - timedelta(days=3), author="老板")
    complaints.open_complaint(conversation.shop, "late_shipment", "发货太慢了！",
                              order=conversation.order)
    close_database()
    return shop


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    return widget


def _finish():
    from ui.worker import wait_for_background
    wait_for_background()


@pytest.mark.parametrize("login", ["viewer", "rep"])
def test_the_evidence_page_offers_a_viewer_no_pack_writes(qtbot, shop, login):
    from ui.pages.evidence_page import EvidencePage
    open_database(shop[login])
    page = _shown(qtbot, EvidencePage())
    with qtbot.waitSignal(page.loaded, timeout=20000):
        page.show_case(f"A-{shop['request']}")
    viewer = login == "viewer"
    for key in ("messages", "tracking", "file", "fill", "save", "pdf", "zip", "print",
                "submit"):
        assert page.buttons[key].isEnabled() != viewer, key
    assert page.statement.isReadOnly() == viewer
    assert page.read_only_note.isVisible() == viewer
    _finish()


@pytest.mark.parametrize("login", ["viewer", "rep"])
def test_a_viewer_ticks_no_step_of_a_cases_checklist(qtbot, shop, login):
    from app.services.casework.case_guides import GUIDES
    from ui.cases.guide_panel import GuidePanel
    open_database(shop[login])
    panel = _shown(qtbot, GuidePanel())
    panel.set_case(f"A-{shop['request']}", next(iter(GUIDES)))
    assert panel.boxes
    viewer = login == "viewer"
    assert all(box.isEnabled() != viewer for box in panel.boxes)
    assert panel.read_only_note.isVisible() == viewer
    if viewer:
        assert "viewer" in panel.read_only_note.text()


@pytest.mark.parametrize("login", ["viewer", "rep"])
def test_a_viewer_reads_the_quick_phrases_and_automatic_replies_a_rep_edits(qtbot, shop,
                                                                           login):
    from ui.conversation.replies_dialog import RepliesDialog
    open_database(shop[login])
    dialog = _shown(qtbot, RepliesDialog())
    viewer = login == "viewer"
    assert dialog.read_only_note.isVisible() == viewer
    for button in dialog.writing_buttons():
        assert button.isHidden() == viewer
    _finish()


@pytest.mark.parametrize("login", ["viewer", "rep"])
def test_a_viewer_records_no_complaint_step(qtbot, busy_shop, login):
    from ui.pages.complaints_page import ComplaintsPage
    open_database(busy_shop[login])
    page = _shown(qtbot, ComplaintsPage())
    page.reload()
    qtbot.waitUntil(lambda: page.panel.detail is not None, timeout=20000)
    panel = page.panel
    viewer = login == "viewer"
    assert page.new_button.isEnabled() != viewer
    assert panel.read_only_note.isVisible() == viewer
    assert panel.checklist.rows["respond"][3].isEnabled() != viewer
    for button in (panel.save_offer, panel.contact, panel.close_button, panel.write_button):
        assert button.isEnabled() != viewer
    _finish()


@pytest.mark.parametrize("login", ["viewer", "rep"])
def test_a_viewer_sends_no_follow_up(qtbot, busy_shop, login):
    from ui.pages.followups_page import FollowUpsPage
    open_database(busy_shop[login])
    page = _shown(qtbot, FollowUpsPage())
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20000)
    qtbot.waitUntil(lambda: page.panel.row is not None, timeout=20000)
    viewer = login == "viewer"
    panel = page.panel
    for widget in (panel.send_button, panel.body, panel.stop_button, panel.zone_button):
        assert widget.isEnabled() != viewer
    assert panel.read_only_note.isVisible() == viewer
    _finish()


@pytest.mark.parametrize("login", ["viewer", "rep"])
def test_a_viewer_imports_no_orders(qtbot, shop, login):
    from ui.pages.reports_page import ReportsPage
    open_database(shop[login])
    page = _shown(qtbot, ReportsPage())
    qtbot.waitUntil(lambda: not page.is_loading, timeout=20000)
    viewer = login == "viewer"
    assert page.import_button.isEnabled() != viewer
    assert ("viewer" in page.import_button.toolTip()) == viewer
    _finish()


@pytest.mark.parametrize("login", ["viewer", "rep"])
def test_a_viewer_records_no_case_and_translates_nothing(qtbot, busy_shop, login):
    """The cases page's New request and Record dispute, the thread's translation links
    and Translate button (translations are kept), the order panel's case buttons."""
    from ui.pages.cases_page import CasesPage
    open_database(busy_shop[login])
    viewer = login == "viewer"
    page = _shown(qtbot, CasesPage())
    page.reload()
    qtbot.waitUntil(lambda: not page.is_loading, timeout=20000)
    assert page.new_request_button.isEnabled() != viewer
    assert page.new_dispute_button.isEnabled() != viewer
    from ui.cases.case_view import CaseView
    view = _shown(qtbot, CaseView())
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.show_case(f"A-{busy_shop['request']}")
    assert view.actions_box.isVisible() != viewer and view.cause.isEnabled() != viewer
    panel = test_server_roles._thread_panel(qtbot, busy_shop["conversation"])
    assert ("Write a translation" in panel.view.toPlainText()) != viewer
    assert panel.translate_button.isEnabled() != viewer
    _finish()


def test_the_window_reads_its_role_off_its_thread_when_it_opens_the_shop(qtbot, shop,
                                                                        monkeypatch):
    """Opening the shop database as the window does reads the login's role on a pool
    thread; the widgets then ask the kept role without a query."""
    import threading
    from app.server import roles
    from app.services.common.reps import may_write, my_role, set_current_rep
    from ui.upgrade_progress import open_with_upgrade
    set_current_rep(None)                   # nothing kept from before
    readers: list[str] = []
    read = roles.identity

    def identity(cursor):
        readers.append(threading.current_thread().name)
        return read(cursor)
    monkeypatch.setattr(roles, "identity", identity)
    open_with_upgrade(shop["viewer"])
    assert len(readers) == 1 and readers[0] != threading.main_thread().name
    assert my_role() == "viewer" and not may_write()
    assert len(readers) == 1                # asked again: the kept role
    close_database()
