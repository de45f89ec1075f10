"""An online translator (AE-13): Baidu Translate, talked to over HTTP on 127.0.0.1 by a
stand-in that checks the documented signature. The key stays in the keyring; what the
service finds is remembered for offline use; each refusal has its own message."""

from __future__ import annotations

import json

import pytest

from app.channels import outbox
from app.models import Message
from app.models.conversation_extras import PhraseMemory
from app.services.messaging import (baidu_translate, conversations, online_translators,
                                    translation)
from app.errors import InvalidInput
from app.settings import Settings
from tests.baidu_fake import APP_ID, KEY, FakeBaidu
from tests.factories import T0, make_buyer, make_shop


def test_the_signature_is_the_documented_example():
    # Baidu's documentation: appid 2015063000000001, q apple, salt 1435660288, key 12345678
    assert baidu_translate.sign("2015063000000001", "apple", "1435660288", "12345678") \
        == "f89f9594663708c1605f3d736d01d2d4"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture(autouse=True)
def quick(monkeypatch, request):
    """Requests unspaced (the tests' stand-in takes any rate), except where a test checks
    the spacing against a stand-in that takes one a second."""
    if "spaced" not in request.node.name:
        monkeypatch.setattr(baidu_translate, "REQUEST_INTERVAL_SECONDS", 0)


@pytest.fixture
def fake():
    server = FakeBaidu({("pt", "zh", "Onde está meu pedido?"): "我的订单在哪里？",
                        ("zh", "pt", "您的包裹明天到。"): "Seu pacote chega amanhã.",
                        ("zh", "pt", "谢谢"): "Obrigado"}).start()
    yield server
    server.stop()


@pytest.fixture
def set_up(home, fake, db):
    online_translators.set_up_baidu(APP_ID, KEY, fake.endpoint)
    return fake


@pytest.fixture
def conv(db):
    shop = make_shop("ae")
    ana = make_buyer(shop, "ana", country="BR", language="pt")
    return conversations.start_conversation(shop, ana, "site_message", language="pt", at=T0)


def test_the_key_is_in_the_keyring_not_the_settings(set_up, home, file_keyring):
    written = (home / "config" / "settings.json").read_text(encoding="utf-8")
    assert KEY not in written and json.loads(written)["translation.baidu_app_id"] == APP_ID
    assert KEY in file_keyring.path.read_text(encoding="utf-8")
    assert translation.online_ready()


def test_a_buyers_message_is_translated_and_then_known_offline(set_up, conv):
    message = conversations.add_message(conv, "in", "Onde está meu pedido?", T0,
                                        source_lang="pt")
    [(_id, result)] = translation.translate_messages([message.id], "zh")
    assert (result.text, result.provider) == ("我的订单在哪里？", "Baidu Translate")
    assert Message.get_by_id(message.id).translation == "我的订单在哪里？"
    [request] = set_up.requests
    assert (request["from"], request["to"], request["q"]) == ("pt", "zh", "Onde está meu pedido?")
    # remembered: the same words translate again with the service gone
    set_up.stop()
    again = conversations.add_message(conv, "in", "onde está meu pedido?", T0, source_lang="pt")
    result = translation.translate_message(again.id, "zh")
    assert (result.text, result.provider) == ("我的订单在哪里？", "phrase memory")


def test_languages_use_baidus_codes(set_up):
    translation.translate("Hola", "es", "ja")
    assert (set_up.requests[-1]["from"], set_up.requests[-1]["to"]) == ("spa", "jp")


@pytest.mark.parametrize("code, words", [
    ("54001", "key does not belong"), ("54003", "Too many translations"),
    ("54004", "no balance"), ("58000", "IP address"), ("52003", "app id"),
    ("90107", "not verified"), ("99999", "code 99999")])
def test_each_refusal_has_its_own_message(set_up, code, words):
    set_up.error_code = code
    result = translation.translate("Obrigado pela ajuda", "pt", "zh")
    assert not result.available
    assert words in str(result.problem)


def test_a_wrong_key_is_caught_by_the_signature_check(home, fake, db):
    online_translators.set_up_baidu(APP_ID, "not-the-key", fake.endpoint)
    result = translation.translate("Obrigado pela ajuda", "pt", "zh")
    assert result.problem.key == "54001"


def test_no_network_says_so_and_the_phrase_memory_still_works(home, db):
    online_translators.set_up_baidu(APP_ID, KEY, "http://127.0.0.1:9/api/trans/vip/translate")
    translation.remember("Obrigado", "pt", "谢谢", "zh")
    assert translation.translate("Obrigado", "pt", "zh").text == "谢谢"
    result = translation.translate("Até logo", "pt", "zh")
    assert result.problem.key == "unreachable" and "offline" in str(result.problem)


def test_without_a_provider_nothing_is_asked_online(home, db):
    assert not translation.online_ready()
    result = translation.translate("Até logo", "pt", "zh")
    assert not result.available and result.problem is None


def test_an_app_id_whose_key_is_gone_says_how_to_add_it(set_up, file_keyring):
    file_keyring.delete_password(baidu_translate.KEYRING_SERVICE, APP_ID)
    result = translation.translate("Até logo", "pt", "zh")
    assert result.problem.key == "not_set_up" and "Settings" in str(result.problem)


def test_setting_up_checks_the_app_id_and_key(home, db):
    with pytest.raises(InvalidInput, match="app id"):
        online_translators.set_up_baidu("abc", KEY)
    with pytest.raises(InvalidInput, match="key"):
        online_translators.set_up_baidu(APP_ID, "")
    assert Settings().get("translation.baidu_app_id") == ""


def test_a_reply_written_in_chinese_goes_in_portuguese_and_keeps_both(set_up, conv):
    result = translation.translate("您的包裹明天到。", "zh", "pt")
    assert result.text == "Seu pacote chega amanhã."
    item = outbox.queue_reply(conv.id, "Seu pacote chega amanhã!", language="pt",
                              original="您的包裹明天到。", original_lang="zh")
    message = Message.get_by_id(item.message_id)
    assert message.body == "Seu pacote chega amanhã!"          # the rep's correction
    assert (message.translation, message.translation_lang) == ("您的包裹明天到。", "zh")
    assert outbox.answer_text(item) == "Seu pacote chega amanhã!"
    entry = PhraseMemory.get(source_lang="zh", target_lang="pt")
    assert entry.target_text == "Seu pacote chega amanhã!"    # the correction is remembered


def test_requests_are_spaced_for_an_account_of_one_request_a_second(set_up, conv):
    set_up.one_per_second = True
    ids = [conversations.add_message(conv, "in", f"Mensagem {n}", T0, source_lang="pt").id
           for n in range(3)]
    results = translation.translate_messages(ids, "zh")
    assert [r.text for _id, r in results] == [f"[zh] Mensagem {n}" for n in range(3)]
    assert len(set_up.requests) == 3


def test_a_rate_limited_request_is_tried_once_more(set_up):
    set_up.refuse_next = ["54003"]
    assert translation.translate("Bom dia", "pt", "zh").text == "[zh] Bom dia"
    set_up.refuse_next = ["54003", "54003"]
    assert translation.translate("Boa noite", "pt", "zh").problem.key == "54003"
