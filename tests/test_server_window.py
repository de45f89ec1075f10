"""A smoke of every page of the window on a shop database on a PostgreSQL server (issue
24): the demo shop moved there, each page opened, its list filled, a search typed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.db import current_path, open_database
from app.settings import Settings
from ui.main_window import MainWindow
from ui.worker import wait_for_background

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
LISTS_WITH_DEMO_ROWS = ("conversations", "cases", "deadlines", "complaints")


def test_every_page_opens_on_a_server_database(qtbot, postgres_address, tmp_path):
    from app.demo import load_demo
    from app.services.messaging import inbox
    open_database(postgres_address)
    load_demo(seed=5, orders_per_shop=60)
    window = MainWindow(current_path(), Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    window.reload_all()
    try:
        assert "postgresql://" in window.status.database_label.text()
        assert ":" + postgres_address.split(":")[2].split("@")[0] + "@" \
            not in window.status.database_label.text()          # no password shown
        for key in list(window._specs):
            window.navigation.select(key)
            page = window.pages[key]
            qtbot.waitUntil(lambda page=page: not getattr(page, "is_loading", False),
                            timeout=20000)
            if key in LISTS_WITH_DEMO_ROWS:
                qtbot.waitUntil(lambda page=page: page.model.rowCount() > 0, timeout=20000)
        window.navigation.select("conversations")
        conversations = window.pages["conversations"]
        everything = conversations.model.rowCount()
        conversations.search.insert("退款")         # as a Chinese input method commits it
        found = inbox.conversation_ids({"text": "退款"})
        assert 0 < len(found) < everything
        qtbot.waitUntil(lambda: conversations.model.rowCount() == len(found), timeout=20000)
    finally:
        window.close()
        wait_for_background()
        QApplication.processEvents()
