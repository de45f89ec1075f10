"""Screenshots of a Taobao thread with the order panel beside it (its after-sales request,
the TB-1 window, a photo from the buyer) and of the quick phrase editor, in one language.

    python scripts/screenshots_thread_tools.py --db demo.db --language zh_CN \
        [--out docs/screenshots] [--size 1366x768]

Works on a copy of the database (`afterdesk --db demo.db demo` makes one): a photo is
attached to the chosen conversation's first message and two quick phrases are added.
Writes thread-order-panel-LANG.png and phrase-editor-LANG.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_kit import demo_copy, save, settle, shot_arguments, start  # noqa: E402

from ui.main import open_window  # noqa: E402


def show_conversation(app, window, conv_id: int, width: int, height: int):
    """The window at its size with the conversation chosen (filters cleared if they hide
    it); returns the conversations page."""
    window.resize(width, height)
    window.show_page("conversations")
    page = window.pages["conversations"]
    page.reload()
    settle(app)
    if not page.select_conversation(conv_id):
        page.filters_bar.set_filters({})
        settle(app)
        page.select_conversation(conv_id)
    settle(app)
    return page


def photo() -> bytes:
    """A parcel with a dented corner, drawn (no file needed)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
    from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF
    image = QImage(960, 720, QImage.Format.Format_RGB32)
    image.fill(QColor("#d9d4c7"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#6b4f2a"), 6))
    painter.setBrush(QColor("#c89b5e"))
    painter.drawPolygon(QPolygonF([QPointF(200, 260), QPointF(620, 200), QPointF(780, 300),
                                   QPointF(760, 560), QPointF(330, 620), QPointF(180, 500)]))
    painter.setBrush(QColor("#a8763a"))
    painter.drawPolygon(QPolygonF([QPointF(620, 200), QPointF(700, 330), QPointF(780, 300)]))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)
    return bytes(data)


def prepare_conversation() -> int:
    """A Taobao conversation about an order with an open after-sales request, in Chinese;
    a photo on its first message from the buyer."""
    from app.clock import utcnow
    from app.evidence import store
    from app.models import (AftersalesRequest, Attachment, Conversation, Message, QuickPhrase,
                            Shop, StoredFile)
    from app.services.messaging import quick_phrases
    from app.vocab import REQUEST_FINAL_STATES
    open_requests = (AftersalesRequest.select(AftersalesRequest.order)
                     .where(AftersalesRequest.state.not_in(REQUEST_FINAL_STATES)))
    conv = (Conversation.select().join(Shop)
            .where((Shop.platform == "taobao") & Conversation.order.in_(open_requests))
            .order_by(Conversation.last_message_at.desc()).first())
    if conv is None:
        raise SystemExit("no Taobao conversation about an open request: load the demo first")
    first = (Message.select().where((Message.conversation == conv) & (Message.direction == "in"))
             .order_by(Message.sent_at).first())
    data = photo()
    digest, _ = store.put(data)
    stored = StoredFile.get_or_none(StoredFile.sha256 == digest) or StoredFile.create(
        sha256=digest, size=len(data), mime="image/jpeg", original_name="包裹破损.jpg",
        created_at=utcnow())
    Attachment.create(file=stored, message=first, caption="包裹破损.jpg", created_at=utcnow())
    if not QuickPhrase.select().exists():
        quick_phrases.add_phrase("Shipped", {
            "en": "Hi {buyer_name}, your order {order_no} is on its way with {carrier}: "
                  "{tracking_no}.",
            "zh": "亲，订单{order_no}已发货，{carrier}单号{tracking_no}。"}, shortcut="ship",
            category="shipping")
        quick_phrases.add_phrase("Refund agreed", {
            "en": "Dear {buyer_name}, we agreed to refund {refund_amount}.",
            "zh": "亲，已同意退款{refund_amount}，请留意到账。"}, shortcut="refund",
            category="refund")
    return conv.id


def add_auto_reply() -> str:
    """An AliExpress shop's automatic reply, edited once so it has a history (AE-12)."""
    from app.models import Shop
    from app.services.messaging import auto_reply
    shop = Shop.select().where(Shop.platform == "aliexpress").first()
    if not auto_reply.rule_rows(shop.key):
        rule = auto_reply.add_rule(shop.key, "Welcome", "Hi {buyer_name}, thanks for your "
                                   "message! We answer within 12 hours.", language="en")
        auto_reply.update_rule(rule, body="Hi {buyer_name}, thanks for your message! We "
                               "answer within 12 hours, also at weekends.", actor="lin")
        auto_reply.add_rule(shop.key, "Bem-vindo", "Olá {buyer_name}, obrigado! Respondemos "
                            "em até 12 horas.", language="pt")
    return shop.key


def main() -> int:
    args = shot_arguments(theme=False).parse_args()
    app, out, (width, height) = start(args)
    with demo_copy(args) as (db, settings):      # the photo goes into a throw-away store
        window = open_window(app, db, settings)
        if window is None:
            return 2
        conv_id = prepare_conversation()
        page = show_conversation(app, window, conv_id, width, height)
        page.thread_panel.composer.insert_numbered(2)
        settle(app, 200)
        save(window, out / f"thread-order-panel-{args.language}.png")
        page.thread_panel.composer.edit.clear()
        dialog = page.thread_panel.composer.edit_phrases()
        dialog.phrases.table.setCurrentIndex(dialog.phrases.model.index(0, 0))
        dialog.phrases.variants.setCurrentIndex(1)
        settle(app, 300)
        save(dialog, out / f"phrase-editor-{args.language}.png")
        ae = add_auto_reply()
        editor = dialog.auto_replies
        editor.shop.setCurrentIndex(editor.shop.findData(ae))
        dialog.tabs.setCurrentIndex(1)
        settle(app, 300)
        save(dialog, out / f"auto-replies-{args.language}.png")
        dialog.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
