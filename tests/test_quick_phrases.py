"""Quick phrases: searchable, shortcuts, a text per language with English as fallback,
placeholders filled from the conversation and never sent unfilled."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.models import QuickPhrase
from app.services.casework import disputes
from app.services.messaging import conversations, placeholders, quick_phrases, thread
from app.errors import InvalidInput
from app.services.messaging.placeholders import UnfilledPlaceholders
from tests.factories import T0, make_buyer, make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server


@pytest.fixture
def phrase(db):
    quick_phrases.add_phrase("Shipped", {"en": "Hi {buyer_name}, {carrier} {tracking_no}.",
                                         "zh": "亲，{carrier}单号{tracking_no}。"},
                             shortcut="ship", category="shipping")
    return quick_phrases.find_phrases("ship")[0]


def test_search_by_title_shortcut_category_or_text(phrase):
    quick_phrases.add_phrase("Refund done", {"zh": "亲，退款已到账。"}, shortcut="tk")
    assert [r.title for r in quick_phrases.find_phrases("退款")] == ["Refund done"]
    assert [r.title for r in quick_phrases.find_phrases("/ship")] == ["Shipped"]
    assert [r.title for r in quick_phrases.find_phrases("shipping")] == ["Shipped"]
    assert len(quick_phrases.find_phrases("")) == 2
    assert quick_phrases.by_shortcut("/tk").title == "Refund done"


def test_variant_in_the_buyers_language_else_english(phrase):
    assert phrase.text_for("zh")[0] == "zh"
    assert phrase.text_for("pt") == ("en", "Hi {buyer_name}, {carrier} {tracking_no}.")


def test_render_fills_what_the_conversation_knows(phrase, db):
    shop = make_shop("ae")
    ana = make_buyer(shop, "ana")
    order = make_order(shop, buyer=ana, carrier="Cainiao", tracking_no="")
    conv = conversations.start_conversation(shop, ana, "site_message", order=order, at=T0)
    values = placeholders.values_for(conv, T0)
    rendered = quick_phrases.render(phrase, values, "en")
    assert rendered.text == "Hi Ana, Cainiao {tracking_no}."
    assert rendered.missing == ["tracking_no"]
    with pytest.raises(UnfilledPlaceholders, match=r"fill in \{tracking_no\}"):
        thread.send_reply(conv.id, rendered.text)
    assert conv.messages.count() == 0                       # nothing reached the buyer


def test_refund_amount_and_days_left(db):
    shop = make_shop("ae")
    ana = make_buyer(shop, "ana")
    order = make_order(shop, buyer=ana, promised_days=30)
    conv = conversations.start_conversation(shop, ana, "site_message", order=order, at=T0)
    from datetime import timedelta
    values = placeholders.values_for(conv, T0 + timedelta(days=10, hours=1))
    assert values["days_left"] == "19"
    assert values["refund_amount"] == ""
    disputes.open_dispute(order, "not_received", "in_transit", "Package not received",
                          "refund", Decimal("12.50"), T0 + timedelta(days=11))
    assert placeholders.values_for(conv)["refund_amount"] == "12.50 USD"


@pytest.mark.parametrize("variants,shortcut", [
    ({"en": "Hi {buyer}"}, ""),                 # unknown placeholder
    ({}, ""),                                   # no text
    ({"en": "ok"}, "two words"),                # a shortcut is one word
    ({"en": "ok"}, "ship"),                     # taken
])
def test_bad_phrases_are_refused_and_nothing_written(phrase, variants, shortcut):
    before = QuickPhrase.select().count()
    with pytest.raises(InvalidInput):
        quick_phrases.add_phrase("Other", variants, shortcut=shortcut)
    assert QuickPhrase.select().count() == before


def test_update_and_delete(phrase):
    quick_phrases.update_phrase(phrase.id, variants={"en": "Shipped, {buyer_name}!"})
    assert quick_phrases.find_phrases("ship")[0].variants == {"en": "Shipped, {buyer_name}!"}
    quick_phrases.delete_phrase(phrase.id)
    assert quick_phrases.find_phrases("") == []


def test_a_phrase_can_move_to_one_shop_and_back_to_every_shop(phrase):
    ae = make_shop("ae")
    tb = make_shop("tb", platform="taobao")
    quick_phrases.update_phrase(phrase.id, shop="ae")
    assert [r.title for r in quick_phrases.find_phrases("", ae.id)] == ["Shipped"]
    assert quick_phrases.find_phrases("", tb.id) == []
    quick_phrases.update_phrase(phrase.id, title="Sent")            # the shop stays
    assert quick_phrases.find_phrases("", ae.id)[0].shop == "ae"
    quick_phrases.update_phrase(phrase.id, shop=None)
    assert [r.title for r in quick_phrases.find_phrases("", tb.id)] == ["Sent"]


def test_an_unknown_placeholder_names_the_ones_to_use(phrase):
    with pytest.raises(InvalidInput) as refused:
        quick_phrases.update_phrase(phrase.id, variants={"zh": "亲爱的{customer}"})
    message = str(refused.value)
    assert "unknown placeholder {customer}" in message and "text (zh)" in message
    assert "use one of {buyer_name}, {order_no}" in message
    assert quick_phrases.find_phrases("ship")[0].variants["zh"] == "亲，{carrier}单号{tracking_no}。"
