"""The open conversation among several reps (issue 24): "李丽 is replying" while another
rep types an answer there, and a change from a thread another rep changed meanwhile is
refused with her name, the thread then shown as it is now."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.clock import utcnow
from app.models import Conversation
from app.services.common.reps import set_current_rep
from app.services.messaging import conversations, presence
from tests.conftest import TEST_REP
from tests.factories import make_buyer, make_shop
from tests.inbox_helpers import show_inbox
from ui import errors
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui
OTHER_REP = "李丽"


@pytest.fixture
def conversation(db):
    shop = make_shop("ae")
    conv = conversations.start_conversation(shop, make_buyer(shop, "maria", language="en"),
                                            "site_message", language="en",
                                            at=utcnow() - timedelta(hours=2))
    conversations.add_message(conv, "in", "Where is my parcel?", utcnow() - timedelta(hours=1))
    return conv


@pytest.fixture
def panel(qtbot, conversation):
    page = show_inbox(qtbot, rows=1)
    page.view.setCurrentIndex(page.model.index(0, 1))
    qtbot.waitUntil(lambda: page.thread_panel.header is not None
                    and page.thread_panel.composer.isEnabled())
    yield page.thread_panel
    wait_for_background()


def as_rep(name: str, write):
    set_current_rep(name)
    try:
        return write()
    finally:
        set_current_rep(None)


def test_another_rep_replying_shows_above_the_thread(qtbot, panel, conversation):
    assert panel.presence.isHidden()
    presence.mark_replying(conversation.id, rep=OTHER_REP)
    qtbot.waitUntil(lambda: panel.presence.isVisible(), timeout=5000)
    assert panel.presence.text() == f"{OTHER_REP} is replying"
    presence.clear(conversation.id, rep=OTHER_REP)
    qtbot.waitUntil(lambda: panel.presence.isHidden(), timeout=5000)


def test_typing_an_answer_tells_the_other_reps_until_it_is_sent(qtbot, panel, conversation):
    qtbot.keyClicks(panel.composer.edit, "It left")
    assert as_rep(OTHER_REP, lambda: presence.replying(conversation.id)) == [TEST_REP]
    opened: list = []
    panel.open_url = opened.append          # no account: the answer is copied and opened
    qtbot.mouseClick(panel.composer.send_button, Qt.MouseButton.LeftButton)
    assert as_rep(OTHER_REP, lambda: presence.replying(conversation.id)) == []


def test_a_star_from_a_thread_another_rep_changed_is_refused_naming_her(qtbot, panel,
                                                                        conversation,
                                                                        monkeypatch):
    as_rep(OTHER_REP, lambda: conversations.assign(Conversation.get_by_id(conversation.id),
                                                   OTHER_REP))
    shown: list[str] = []
    monkeypatch.setattr(errors.ExpectedErrorBox, "exec",
                        lambda box: shown.append(box.text()) or 0)
    with qtbot.waitSignal(panel.loaded, timeout=5000):     # refused, then shown as it is
        panel.star.setCurrentIndex(panel.star.findData("red"))
        panel.star.activated.emit(panel.star.currentIndex())
    assert len(shown) == 1 and OTHER_REP in shown[0] and "assign" in shown[0]
    assert Conversation.get_by_id(conversation.id).star == "none"
    assert panel.header.assigned_to == OTHER_REP
    assert panel.star.currentData() == "none"
    panel.star.setCurrentIndex(panel.star.findData("red"))   # now from what is shown
    panel.star.activated.emit(panel.star.currentIndex())
    assert Conversation.get_by_id(conversation.id).star == "red"
