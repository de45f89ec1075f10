"""The demo's quick phrases (Chinese, English, Portuguese) and automatic replies, so the
phrase picker (Ctrl+K) and the AE-12 auto-reply show something on a first look."""

from __future__ import annotations

from datetime import datetime

from app.services.messaging import auto_reply, quick_phrases

PHRASES = (
    ("Shipped: tracking", "ship", "shipping", {
        "zh": "亲，订单{order_no}已发货，{carrier}单号{tracking_no}，请留意物流。",
        "en": "Hi {buyer_name}, your order {order_no} is on its way with {carrier}: "
              "{tracking_no}.",
        "pt": "Olá {buyer_name}, o seu pedido {order_no} já foi enviado pela {carrier}: "
              "{tracking_no}."}),
    ("Parcel delayed", "late", "shipping", {
        "zh": "亲，非常抱歉包裹延误了，我们已联系物流，预计还需{days_left}天送达。",
        "en": "Dear {buyer_name}, sorry for the delay. We have contacted the carrier; the "
              "parcel should arrive within {days_left} days.",
        "pt": "Caro(a) {buyer_name}, pedimos desculpa pelo atraso. Contactámos a "
              "transportadora; a encomenda deve chegar dentro de {days_left} dias."}),
    ("Refund agreed", "refund", "refund", {
        "zh": "亲，已同意退款{refund_amount}，请留意到账。",
        "en": "Dear {buyer_name}, we have agreed to refund {refund_amount}.",
        "pt": "Caro(a) {buyer_name}, aceitámos reembolsar {refund_amount}."}),
    ("Ask for photos", "photo", "evidence", {
        "zh": "亲，麻烦拍一下商品和包装的照片发给我们，我们马上为您处理。",
        "en": "Hi {buyer_name}, could you send us photos of the item and its packaging? "
              "We will sort it out right away.",
        "pt": "Olá {buyer_name}, pode enviar-nos fotos do artigo e da embalagem? Vamos "
              "resolver de imediato."}),
    ("Thanks for waiting", "thx", "general", {
        "zh": "亲，感谢您的耐心等待！",
        "en": "Thank you for your patience, {buyer_name}!",
        "pt": "Obrigado pela sua paciência, {buyer_name}!"}),
)

AUTO_REPLIES = (
    ("Out of hours (English)", "en",
     "Hi {buyer_name}, thanks for your message. We answer within a few hours on working "
     "days."),
    ("Out of hours (Portuguese)", "pt",
     "Olá {buyer_name}, obrigado pela mensagem. Respondemos dentro de algumas horas em "
     "dias úteis."),
)


def add_replies(shops, at: datetime) -> None:
    """The phrases for every shop and the automatic replies where the platform has them,
    written at `at` (the same seed and anchor give the same demo)."""
    for title, shortcut, category, variants in PHRASES:
        quick_phrases.add_phrase(title, variants, shortcut=shortcut, category=category,
                                 actor="demo", at=at)
    for shop in shops:
        if auto_reply.supports(shop):
            for name, language, body in AUTO_REPLIES:
                auto_reply.add_rule(shop, name, body, language=language, actor="demo", at=at)
