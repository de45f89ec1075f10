"""The reply box and the thread with an online translator (AE-13), driven with qtbot: the
buyer's message is translated off the window's thread, the rep writes in Chinese and sends
in the buyer's language (correcting the translation first), both texts are kept; with no
translator set up the window says how to add one; a refusal is shown in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl, Qt

from app.models import Message
from app.services.messaging import online_translators
from tests.baidu_fake import APP_ID, KEY, FakeBaidu

pytest_plugins = ("tests.reply_box_fixtures",)   # home, buyer_conv, panel


@pytest.fixture
def fake():
    server = FakeBaidu({("pt", "zh", "Onde está meu pedido?"): "我的订单在哪里？",
                        ("zh", "pt", "您的包裹明天到。"): "Seu pacote chega amanhã."}).start()
    yield server
    server.stop()


def test_the_buyers_message_is_translated_in_the_thread(qtbot, fake, panel):
    online_translators.set_up_baidu(APP_ID, KEY, fake.endpoint)
    qtbot.mouseClick(panel.translate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "我的订单在哪里？" in panel.view.plain_text(), timeout=15000)
    assert "1 translated, 0 with no translation" in panel.translate_note.text()


def test_without_a_translator_the_window_says_how_to_add_one(qtbot, panel):
    qtbot.mouseClick(panel.translate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Settings › Translation" in panel.translate_note.text(),
                    timeout=15000)
    composer = panel.composer
    composer.edit.insertPlainText("您的包裹明天到。")    # as an input method commits it
    qtbot.mouseClick(composer.translate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Settings › Translation" in composer.problem.text(), timeout=15000)
    assert composer.translated.isVisible()              # the rep may write it themselves


def test_a_refusal_is_shown_in_words(qtbot, fake, panel):
    online_translators.set_up_baidu(APP_ID, KEY, fake.endpoint)
    fake.error_code = "54004"
    qtbot.mouseClick(panel.translate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "no balance left" in panel.translate_note.text(), timeout=15000)


def test_write_in_chinese_correct_and_send_in_portuguese(qtbot, fake, panel):
    online_translators.set_up_baidu(APP_ID, KEY, fake.endpoint)
    composer = panel.composer
    assert composer.reply_language() == "pt"
    composer.edit.insertPlainText("您的包裹明天到。")    # as an input method commits it
    qtbot.mouseClick(composer.translate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.translated.toPlainText() == "Seu pacote chega amanhã.",
                    timeout=15000)
    assert "Português" in composer.translated_label.text()
    qtbot.keyClick(composer.translated, Qt.Key.Key_End)
    qtbot.keyClick(composer.translated, Qt.Key.Key_Backspace)
    qtbot.keyClicks(composer.translated, ", Ana!")
    assert composer.send()
    message = Message.select().where(Message.direction == "out").get()
    assert message.body == "Seu pacote chega amanhã, Ana!"
    assert (message.translation, message.translation_lang) == ("您的包裹明天到。", "zh")
    assert not composer.translated.isVisible() and composer.edit.toPlainText() == ""
    qtbot.waitUntil(lambda: "Seu pacote chega amanhã, Ana!" in panel.view.plain_text())
    assert "您的包裹明天到。" in panel.view.plain_text()        # both are shown
    # the correction is remembered: offline, the same Chinese gives the corrected text
    fake.stop()
    composer.edit.insertPlainText("您的包裹明天到。")    # as an input method commits it
    qtbot.mouseClick(composer.translate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: composer.translated.toPlainText()
                    == "Seu pacote chega amanhã, Ana!", timeout=15000)


def test_the_rep_writes_a_translation_of_a_buyers_message(qtbot, panel, monkeypatch):
    [message] = panel.view.messages
    monkeypatch.setattr(panel, "ask_translation", lambda m, target: ("我的订单在哪里？", True))
    panel.view.anchorClicked.emit(QUrl(f"translation:{message.id}"))
    qtbot.waitUntil(lambda: "我的订单在哪里？" in panel.view.plain_text())
    assert "Correct the translation" in panel.view.plain_text()
    assert Message.get_by_id(message.id).translation == "我的订单在哪里？"


def test_settings_translation_tab_sets_up_and_tests_baidu(qtbot, fake, db, home,
                                                          file_keyring):
    from app.settings import Settings
    from ui.settings_dialog.translation_tab import TranslationTab
    settings = Settings()
    tab = TranslationTab(settings)
    qtbot.addWidget(tab)
    assert "No online translator is set up" in tab.state.text()
    qtbot.keyClicks(tab.app_id, "not a number")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert "app id" in tab.state.text()
    tab.app_id.setText(APP_ID)
    qtbot.keyClicks(tab.key, "wrong-key")
    tab.endpoint.setText(fake.endpoint)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert tab.key.text() == "" and APP_ID in tab.state.text()
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused the signature" in tab.state.text(), timeout=15000)
    qtbot.keyClicks(tab.key, KEY)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "It works" in tab.state.text(), timeout=15000)
    assert KEY not in (Settings().path.read_text(encoding="utf-8"))
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert "No online translator is set up" in tab.state.text()
    assert file_keyring.get_password("AfterDesk Baidu Translate", APP_ID) is None
