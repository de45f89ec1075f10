"""Screenshots of the conversations workspace: the inbox, and a thread with Chinese and
English (an AliExpress buyer's English with its Chinese translation, and a Taobao thread).

    python scripts/screenshots_conversations.py --db demo.db [--language zh_CN] [--out docs/screenshots]

The database should hold the demo shops (`afterdesk --db demo.db demo`); a few quick
phrases and an automatic reply are added to it first when it has none.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_kit import demo_copy, save, settle, shot_arguments, start  # noqa: E402

from ui.main import open_window  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))


def add_examples() -> None:
    from app.models import QuickPhrase
    from app.services.messaging import quick_phrases
    if QuickPhrase.select().exists():
        return
    quick_phrases.add_phrase("Shipped", {
        "en": "Hi {buyer_name}, your order {order_no} is on its way with {carrier}: "
              "{tracking_no}.",
        "zh": "亲，订单{order_no}已发货，{carrier}单号{tracking_no}。"}, shortcut="ship",
        category="shipping")
    quick_phrases.add_phrase("Refund agreed", {
        "en": "Dear {buyer_name}, we agreed to refund {refund_amount}.",
        "zh": "亲，已同意退款{refund_amount}，请留意到账。"}, shortcut="refund", category="refund")


def pick(page, want):
    from app.services.messaging import thread
    for row in range(min(page.model.rowCount(), 200)):
        conv_id = page.model.conversation_id(row)
        messages = thread.thread_messages(conv_id)
        if want(messages):
            return row
    return 0


def main() -> int:
    args = shot_arguments(theme=False, size=False).parse_args()
    app, out, _size = start(args)
    with demo_copy(args, copy=False) as (db, settings):
        window = open_window(app, db, settings)
        if window is None:
            return 2
        add_examples()
        window.show_page("conversations")
        page = window.pages["conversations"]
        for width, height in SIZES:
            window.resize(width, height)
            page.search.clear()
            page.reload()
            settle(app, 500)
            english = pick(page, lambda ms: len(ms) >= 3 and any(m.translation for m in ms)
                           and any(m.is_internal for m in ms))
            page.view.setCurrentIndex(page.model.index(english, 1))
            settle(app, 500)
            save(window, out / f"inbox-{width}x{height}.png")
            page.search.setText("退款")
            settle(app, 700)
            chinese = pick(page, lambda ms: len(ms) >= 4 and all(not m.translation for m in ms)
                           and any("退款" in m.body for m in ms))
            page.view.setCurrentIndex(page.model.index(chinese, 1))
            settle(app, 500)
            page.thread_panel.composer.insert_numbered(2)
            settle(app, 200)
            save(window, out / f"thread-{width}x{height}.png")
            page.thread_panel.composer.edit.clear()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
