"""Fixtures of the reply box tests (a pytest plugin: `pytest_plugins =
("tests.reply_box_fixtures",)`): a settings and file-store home of the test's own, a
Portuguese-speaking AliExpress buyer's conversation with one message, and the thread panel
showing it."""

from __future__ import annotations

import pytest

from app.services.messaging import conversations
from tests.factories import T0, make_buyer, make_shop
from ui.worker import wait_for_background


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def buyer_conv(db, home):
    shop = make_shop("ae")
    ana = make_buyer(shop, "ana", country="BR", language="pt")
    conv = conversations.start_conversation(shop, ana, "site_message", language="pt", at=T0)
    conversations.add_message(conv, "in", "Onde está meu pedido?", T0, source_lang="pt")
    return conv


@pytest.fixture
def panel(qtbot, buyer_conv):
    from ui.conversation.thread_panel import ThreadPanel
    panel = ThreadPanel("lin")
    panel.open_url = lambda url: None           # copy & open: no browser in the tests
    qtbot.addWidget(panel)
    panel.resize(1000, 700)
    panel.show()
    panel.show_conversation(buyer_conv.id)
    qtbot.waitUntil(lambda: panel.header is not None)
    yield panel
    wait_for_background()
