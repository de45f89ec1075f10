"""Screenshots of the reply box writing in Chinese for a buyer who reads another language:
the translation under the rep's text, two attached files as chips, in one language and
theme.

    python scripts/screenshots_reply_box.py --db demo.db --language zh_CN --theme dark \
        [--out docs/screenshots] [--size 1366x768]

Works on a copy of the database (`afterdesk --db demo.db demo` makes one). No translator
is asked: the translation box is filled as an online translator would fill it. Writes
reply-box-LANG-THEME.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_kit import demo_copy, save, settle, shot_arguments, start  # noqa: E402
from screenshots_thread_tools import photo, show_conversation  # noqa: E402

from ui.main import open_window  # noqa: E402


def buyer_conversation() -> int:
    """The newest AliExpress conversation with a buyer who writes Portuguese or English."""
    from app.models import Conversation, Shop
    conv = (Conversation.select().join(Shop)
            .where((Shop.platform == "aliexpress") & Conversation.language.in_(["pt", "en"]))
            .order_by(Conversation.last_message_at.desc()).first())
    if conv is None:
        raise SystemExit("no AliExpress conversation in Portuguese or English: load the demo")
    return conv.id


def main() -> int:
    args = shot_arguments().parse_args()
    app, out, (width, height) = start(args)
    with demo_copy(args) as (db, settings):
        window = open_window(app, db, settings)
        if window is None:
            return 2
        page = show_conversation(app, window, buyer_conversation(), width, height)
        composer = page.thread_panel.composer
        from app.services.messaging.translation import TranslationResult
        composer.edit.setPlainText("您好，很抱歉包裹晚到了。新的包裹今天已经发出，预计五天内到达。")
        composer._asked += 1
        composer.translation_box.show()
        composer._reply_translated(composer._asked, composer.reply_language(), TranslationResult(
            "Hello, we are sorry the parcel arrived late. A new parcel was sent today and "
            "should arrive within five days.", composer.reply_language(), "Baidu Translate"))
        composer.chips.add("新包裹.jpg", photo())
        composer.chips.add("发票.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
        settle(app, 300)
        save(window, out / f"reply-box-{args.language}-{args.theme}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
