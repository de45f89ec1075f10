"""Answering a queue of buyers without the mouse (keys from ui/keymap.py).

In the conversations page: Enter on a row (or a double-click) puts the cursor in the reply
box, Ctrl+E goes there from anywhere on the page, Ctrl+F to the search, Esc from the reply
box back to the list, and Ctrl+Shift+Enter sends and opens the next conversation of the
list as it stood when the rep sent (the one below, or above when it was the last).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut

from ui import keymap

PAGE = Qt.ShortcutContext.WidgetWithChildrenShortcut


def install(page) -> None:
    """The page's own keys; the reply box's join once the panels are built."""
    QShortcut(keymap.first("search"), page, activated=lambda: focus_search(page), context=PAGE)
    QShortcut(keymap.first("reply"), page, activated=lambda: focus_reply(page), context=PAGE)
    page.view.activated.connect(lambda _index: focus_reply(page))


def install_composer(page, composer) -> None:
    composer.leave.connect(page.view.setFocus)
    composer.send_and_next.connect(lambda: send_and_next(page, composer))


def focus_search(page) -> None:
    page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    page.search.selectAll()


def focus_reply(page) -> None:
    composer = page.thread_panel.composer
    if composer.isEnabled():
        composer.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)


def neighbour(page) -> int | None:
    """The conversation to open after the current one: the row below, else the row above."""
    current = page.view.currentIndex()
    if not current.isValid():
        return None
    for row in (current.row() + 1, current.row() - 1):
        if 0 <= row < page.model.rowCount():
            return page.model.conversation_id(row)
    return None


def send_and_next(page, composer) -> None:
    following = neighbour(page)
    if following is None:
        composer.send()
        return
    page.open_after_reload(following)
    if not composer.send():
        page.open_after_reload(None)    # nothing went out: stay on this conversation
        return
    composer.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
