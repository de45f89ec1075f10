"""The conversations page on screen with its list read, for tests that drive it."""

from __future__ import annotations

from ui.pages.conversations_page import ConversationsPage


def show_inbox(qtbot, rows: int) -> ConversationsPage:
    page = ConversationsPage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == rows)
    return page
