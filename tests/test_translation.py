"""Translation (AE-13): the rep picks source and target; an offline phrase memory from
earlier translations and quick-phrase variants; English as fallback; a clear 'none'."""

from __future__ import annotations

import pytest

from app.models import Message
from app.services.messaging import conversations, quick_phrases, translation
from app.errors import InvalidInput
from tests.factories import T0, make_buyer, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server


@pytest.fixture
def conv(db):
    shop = make_shop("ae")
    ana = make_buyer(shop, "ana", country="BR", language="pt")
    return conversations.start_conversation(shop, ana, "site_message", language="pt", at=T0)


def test_nothing_known_says_no_translation_and_keeps_the_original(conv):
    message = conversations.add_message(conv, "in", "Onde está meu pedido?", T0,
                                        source_lang="pt")
    result = translation.translate_message(message.id, "zh")
    assert not result.available and result.text is None
    message = Message.get_by_id(message.id)
    assert message.body == "Onde está meu pedido?" and message.translation is None


def test_an_earlier_translation_is_remembered_and_reused(conv):
    first = conversations.add_message(conv, "in", "Onde está meu pedido?", T0, source_lang="pt")
    translation.set_translation(first.id, "我的订单在哪里？", "zh", "pt")
    again = conversations.add_message(conv, "in", "  onde ESTÁ meu pedido? ", T0,
                                      source_lang="pt")
    result = translation.translate_message(again.id, "zh")
    assert (result.text, result.target_lang, result.fell_back) == ("我的订单在哪里？", "zh", False)
    stored = Message.get_by_id(again.id)
    assert stored.translation == "我的订单在哪里？" and stored.translation_lang == "zh"
    assert stored.body == "  onde ESTÁ meu pedido? ".strip()


def test_quick_phrase_variants_translate_each_other_with_their_values(conv):
    quick_phrases.add_phrase("Shipped", {
        "en": "Hi {buyer_name}, order {order_no} has shipped.",
        "zh": "你好{buyer_name}，订单{order_no}已发货。"})
    result = translation.translate("Hi Ana, order 8001 has shipped.", "en", "zh")
    assert result.text == "你好Ana，订单8001已发货。"
    assert result.provider == "phrase memory"


def test_falls_back_to_english_when_the_target_has_nothing(conv):
    translation.remember("Obrigado!", "pt", "Thank you!", "en")
    result = translation.translate("Obrigado!", "pt", "zh")
    assert (result.text, result.target_lang, result.fell_back) == ("Thank you!", "en", True)


def test_the_source_language_must_be_known(conv):
    message = conversations.add_message(conv, "in", "???", T0)
    with pytest.raises(InvalidInput, match="language"):
        translation.translate_message(message.id, "zh")
    # the rep picks it, or the conversation's language is used
    assert not translation.translate_message(message.id, "zh", default_source="pt").available
