"""Going from one page to what a row is about, so no list is a dead end: a case to its
conversation, a parcel or a complaint to the buyer's conversation about the order."""

from __future__ import annotations


def _window_page(widget, key: str):
    window = widget.window()
    page = getattr(window, "pages", {}).get(key)
    return window, page


def conversation_about_order(widget, order_id: int) -> bool:
    """Show the Conversations page with the buyer's conversation about the order (started
    when there is none yet, AE-13). False when the window has no such page."""
    window, page = _window_page(widget, "conversations")
    if page is None or not hasattr(window, "show_page"):
        return False
    window.show_page("conversations")
    page.write_about_order(order_id)
    return True
