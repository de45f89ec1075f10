"""An empty filter result is not an empty inbox (#26.12): it says no conversation matches and
offers Clear filters, which brings every conversation back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import utcnow
from app.services.messaging import conversations
from tests.factories import make_buyer, make_shop
from ui.pages.conversations_page import ConversationsPage
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, db):
    shop = make_shop("ae")
    buyer = make_buyer(shop, "ana", country="BR", language="en")
    conv = conversations.start_conversation(shop, buyer, "site_message", language="en",
                                            at=utcnow() - timedelta(hours=3))
    conversations.add_message(conv, "in", "Hello", utcnow() - timedelta(hours=2))
    conversations.add_message(conv, "out", "Hi, how can I help?", utcnow() - timedelta(hours=1))
    page = ConversationsPage()
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    yield page
    wait_for_background()


def test_filters_that_hide_everything_say_so_and_clear_filters_brings_the_rows_back(qtbot, page):
    page.unreplied_only.setChecked(True)             # the one conversation is replied
    qtbot.waitUntil(lambda: page.body.currentWidget() is page.message and not page.is_loading)
    assert "No conversation matches these filters" in page.message.text()
    assert "No conversations yet" not in page.message.text()
    page.message.linkActivated.emit("clear")         # what a click on Clear filters sends
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert not page.unreplied_only.isChecked() and page.search.text() == ""


def test_an_empty_inbox_still_says_it_is_empty(qtbot, db):
    page = ConversationsPage()
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: not page.is_loading)
    assert "No conversations yet" in page.message.text()
    assert "Clear filters" not in page.message.text()
