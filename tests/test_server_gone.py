"""The shop server gone and back (issue 24, docs/server.md "When the server is gone"): on
a throw-away PostgreSQL cluster of the test's own (the session's shared cluster keeps
running), the server is stopped under an open window: the window says so at once, the
list and the open conversation stay on screen, the answer being written stays in the
composer and a send is refused with the server's message, as is any other save (no crash
dialog); the server
started again, the banner goes away by itself and the same answer goes out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.clock import utcnow
from app.db import close_database, current_path, open_database
from app.models import Conversation, Message
from app.settings import Settings
from app.services.messaging import conversations
from tests.factories import make_buyer, make_shop
from ui import errors
from ui.main_window import MainWindow
from ui.server_banner import ServerBanner
from ui.worker import wait_for_background

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
ANSWER = "Your parcel left the warehouse today."


@pytest.fixture
def own_cluster():
    """A cluster only this test stops and starts."""
    from tests.postgres_server import Cluster
    cluster = Cluster()
    try:
        cluster.sql("CREATE DATABASE shop")
        yield cluster
    finally:
        close_database()
        cluster.stop()


def test_the_window_says_the_server_is_gone_keeps_the_answer_and_resumes(
        qtbot, own_cluster, tmp_path, monkeypatch):
    open_database(own_cluster.address("shop"))
    shop = make_shop("ae")
    conv = conversations.start_conversation(shop, make_buyer(shop, "maria", language="en"),
                                            "site_message", language="en",
                                            at=utcnow() - timedelta(hours=2))
    conversations.add_message(conv, "in", "Where is my parcel?", utcnow() - timedelta(hours=1))
    crashes: list = []
    monkeypatch.setattr(errors, "show_crash", lambda *args, **kw: crashes.append(args))
    window = MainWindow(current_path(), Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    window.reload_all()
    window.start_monitor()          # then the mail sync and the live changes, as at start
    try:
        page = window.pages["conversations"]
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20000)
        page.view.setCurrentIndex(page.model.index(0, 1))
        panel = page.thread_panel
        qtbot.waitUntil(lambda: panel.header is not None and panel.composer.isEnabled(),
                        timeout=20000)
        panel.open_url = lambda url: None       # no account: the answer is copied and opened
        qtbot.waitUntil(lambda: window.live is not None
                        and window.live.listener.listening is True, timeout=20000)
        assert window.server_banner.isHidden()
        qtbot.keyClicks(panel.composer.edit, ANSWER)

        own_cluster.halt()
        qtbot.waitUntil(window.server_banner.isVisible, timeout=20000)
        assert "cannot be reached" in window.server_banner.text()
        assert page.model.rowCount() == 1, "the list stays on screen"
        assert panel.header is not None and "Where is my parcel?" in panel.view.toPlainText()

        qtbot.mouseClick(panel.composer.send_button, Qt.MouseButton.LeftButton)
        assert panel.composer.edit.toPlainText() == ANSWER, "the answer is kept"
        assert "cannot be reached" in panel.composer.problem.text()
        shown: list[str] = []
        monkeypatch.setattr(errors.ExpectedErrorBox, "exec",
                            lambda box: shown.append(box.text()) or 0)
        panel.star.setCurrentIndex(panel.star.findData("red"))    # any other save
        panel.star.activated.emit(panel.star.currentIndex())
        assert len(shown) == 1 and "cannot be reached" in shown[0]
        assert crashes == []

        own_cluster.start()
        qtbot.waitUntil(window.server_banner.isHidden, timeout=30000)
        qtbot.mouseClick(panel.composer.send_button, Qt.MouseButton.LeftButton)
        assert panel.composer.edit.toPlainText() == ""
        assert Message.select().where(Message.body == ANSWER).count() == 1
        assert Conversation.get_by_id(conv.id).star == "none", "the refused star not saved"
        assert crashes == []
    finally:
        window.close()
        for _ in range(3):      # the lists' last readings done before the cluster goes
            wait_for_background()
            QApplication.processEvents()


def test_the_banner_speaks_chinese(qtbot, chinese):
    banner = ServerBanner()
    qtbot.addWidget(banner)
    assert "服务器" in banner.text()
