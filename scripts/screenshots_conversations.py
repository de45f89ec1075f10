"""Screenshots of the conversations workspace: the inbox, and a thread with Chinese and
English (an AliExpress buyer's English with its Chinese translation, and a Taobao thread).

    python scripts/screenshots_conversations.py --db demo.db [--out docs/screenshots]

The database should hold the demo shops (`afterdesk --db demo.db demo`); a few quick
phrases and an automatic reply are added to it first when it has none.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.settings import Settings  # noqa: E402
from ui.main import application, open_window  # noqa: E402
from ui.worker import wait_for_background  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))


def settle(app, ms: int = 500) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    wait_for_background()
    app.processEvents()


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
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        window = open_window(app, args.db, Settings(Path(folder) / "settings.json"))
        if window is None:
            return 2
        add_examples()
        window.show_page("conversations")
        page = window.pages["conversations"]
        for width, height in SIZES:
            window.resize(width, height)
            page.search.clear()
            page.reload()
            settle(app)
            english = pick(page, lambda ms: len(ms) >= 3 and any(m.translation for m in ms)
                           and any(m.is_internal for m in ms))
            page.view.setCurrentIndex(page.model.index(english, 1))
            settle(app)
            path = out / f"inbox-{width}x{height}.png"
            window.grab().save(str(path))
            print(path)
            page.search.setText("退款")
            settle(app, 700)
            chinese = pick(page, lambda ms: len(ms) >= 4 and all(not m.translation for m in ms)
                           and any("退款" in m.body for m in ms))
            page.view.setCurrentIndex(page.model.index(chinese, 1))
            settle(app)
            page.thread_panel.composer.insert_numbered(2)
            settle(app, 200)
            path = out / f"thread-{width}x{height}.png"
            window.grab().save(str(path))
            print(path)
            page.thread_panel.composer.edit.clear()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
