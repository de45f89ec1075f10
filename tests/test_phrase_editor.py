"""Editing quick phrases and automatic replies (AE-12) in their window, as a rep does it:
reached from the composer and from the menu, saved through the services, an unknown
placeholder refused with a clear message and nothing written, the history of a reply's
changes on show."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.clock import utcnow
from app.models import AuditEntry, AutoReplyRule, Message, QuickPhrase, QuickPhraseVariant
from app.services.messaging import auto_reply, conversations, quick_phrases
from app.settings import Settings
from tests.factories import make_buyer, make_order, make_shop
from ui.conversation.auto_reply_editor import AutoReplyEditor
from ui.conversation.phrase_editor import PhraseEditor
from ui.conversation.replies_dialog import AUTO_REPLIES, RepliesDialog
from ui.pages.conversations_page import ConversationsPage
from ui.table_models.auto_reply_table_model import AutoReplyTableModel
from ui.table_models.phrase_table_model import PhraseTableModel
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui


@pytest.fixture
def shops(db):
    ae = make_shop("ae")
    tb = make_shop("tb", platform="taobao")
    quick_phrases.add_phrase("Shipped", {"en": "Hi {buyer_name}, {carrier} {tracking_no}."},
                             shortcut="ship", category="shipping")
    return ae, tb


@pytest.fixture
def editor(qtbot, shops):
    widget = PhraseEditor()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def written():
    return (QuickPhrase.select().count(), QuickPhraseVariant.select().count(),
            AutoReplyRule.select().count(), AuditEntry.select().count())


def test_a_new_phrase_with_two_languages_is_saved_and_offered_by_its_shortcut(qtbot, shops):
    ae, _tb = shops
    buyer = make_buyer(ae, "ana", language="en")
    order = make_order(ae, "8000000000000009", buyer=buyer)
    conv = conversations.start_conversation(ae, buyer, "site_message", order=order,
                                            language="en", at=utcnow() - timedelta(hours=1))
    conversations.add_message(conv, "in", "Any news?", utcnow())
    page = ConversationsPage()
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.select_conversation(conv.id)
    composer = page.thread_panel.composer
    qtbot.waitUntil(composer.isEnabled)
    qtbot.mouseClick(composer.edit_phrases_button, Qt.MouseButton.LeftButton)
    editor = composer.editor.phrases
    assert composer.editor.isVisible()
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.title, "Order number")
    qtbot.keyClicks(editor.shortcut, "no")
    qtbot.keyClicks(editor.edits["en"], "Your order is ")
    editor.insert_placeholder.setCurrentIndex(editor.insert_placeholder.findData("order_no"))
    editor.insert_placeholder.activated.emit(editor.insert_placeholder.currentIndex())
    editor.add_language.setCurrentIndex(editor.add_language.findData("zh"))
    qtbot.mouseClick(editor.add_language_button, Qt.MouseButton.LeftButton)
    editor.edits["zh"].insertPlainText("亲，您的订单号是{order_no}。")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.error.isHidden() and editor.saved_note.text() == "Saved."
    row = quick_phrases.by_shortcut("no")
    assert row.variants == {"en": "Your order is {order_no}", "zh": "亲，您的订单号是{order_no}。"}
    composer.editor.reject()
    qtbot.waitUntil(lambda: any(p.shortcut == "no" for p in composer.phrases))
    composer.edit.setFocus()
    qtbot.keyClicks(composer.edit, "/no")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Tab)
    assert composer.edit.toPlainText() == "Your order is 8000000000000009"
    wait_for_background()


def test_an_unknown_placeholder_is_refused_on_save_and_nothing_is_written(qtbot, editor):
    editor.new_phrase()
    editor.title.setText("Greeting")
    editor.edits["en"].setPlainText("Hello {buyer_name}")
    editor.add_variant("zh")
    editor.edits["zh"].setPlainText("亲爱的{customer}，您好")
    assert "{customer}" in editor.placeholders_note.text() and "✗" in \
        editor.placeholders_note.text()              # said while typing
    editor.variants.setCurrentIndex(0)              # the rep looks at the English text
    before = written()
    assert not editor.save()
    message = editor.error.text()
    assert "unknown placeholder {customer}" in message
    assert "{buyer_name}" in message and "{order_no}" in message      # what may be used
    assert "text (zh)" in message
    assert not editor.error.isHidden()
    assert editor.variants.currentWidget() is editor.edits["zh"]      # pointed at the text
    assert written() == before
    editor.edits["zh"].setPlainText("亲爱的{buyer_name}，您好")
    assert editor.save()
    assert QuickPhrase.select().count() == before[0] + 1


def test_editing_a_phrase_changes_its_texts_shop_and_shortcut(qtbot, editor, shops):
    ae, _tb = shops
    assert editor.title.text() == "Shipped"          # the first phrase is shown
    editor.shortcut.setText("sent")
    editor.shop.setCurrentIndex(editor.shop.findData("ae"))
    editor.add_variant("pt", "Olá {buyer_name}, {carrier} {tracking_no}.")
    assert editor.save()
    row = quick_phrases.find_phrases("sent")[0]
    assert (row.shortcut, row.shop, sorted(row.variants)) == ("sent", "ae", ["en", "pt"])
    assert quick_phrases.find_phrases("sent", shop_id=_tb_id()) == []  # the shop's own now
    editor.variants.setCurrentWidget(editor.edits["en"])
    editor.remove_current_variant()
    assert editor.save()
    assert list(quick_phrases.find_phrases("sent")[0].variants) == ["pt"]


def _tb_id():
    from app.models import Shop
    return Shop.get(Shop.key == "tb").id


def test_a_shortcut_already_taken_is_refused(qtbot, editor):
    editor.new_phrase()
    editor.title.setText("Other")
    editor.shortcut.setText("ship")
    editor.edits["en"].setPlainText("On its way")
    before = written()
    assert not editor.save()
    assert "/ship is already used by 'Shipped'" in editor.error.text()
    assert written() == before


def test_deleting_a_phrase(qtbot, editor):
    assert editor.delete_phrase(confirm=False)
    assert QuickPhrase.select().count() == 0
    assert editor.current_id is None and editor.title.text() == ""


def test_phrase_and_auto_reply_models_pass_qt_checks(qtmodeltester, shops):
    ae, _tb = shops
    auto_reply.add_rule(ae, "Welcome", "Hi {buyer_name}!", language="en")
    phrases = PhraseTableModel()
    phrases.set_rows(quick_phrases.find_phrases())
    qtmodeltester.check(phrases)
    replies = AutoReplyTableModel()
    replies.set_rows(auto_reply.rule_rows("ae"))
    qtmodeltester.check(replies)
    qtmodeltester.check(AutoReplyTableModel())


# --- automatic replies (AE-12) ------------------------------------------------------------

@pytest.fixture
def replies(qtbot, shops):
    widget = AutoReplyEditor(shop="ae")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_reply_per_language_with_its_history_of_changes(qtbot, replies):
    assert "AE-12" in replies.rule_note.text() and "24 h" in replies.rule_note.text()
    replies.name.setText("Welcome")
    replies.language.setCurrentIndex(replies.language.findData("en"))
    replies.body.setPlainText("Hi {buyer_name}, we answer within 12 hours.")
    assert replies.save()
    replies.body.setPlainText("Hi {buyer_name}, we are back on Monday.")
    assert replies.save()
    replies.enabled.setChecked(False)
    assert replies.save()
    history = replies.history.toPlainText()
    lines = [line for line in history.splitlines() if line.strip()]
    assert "switched off" in lines[1]                               # newest first
    assert "text changed; before: «Hi {buyer_name}, we answer within 12 hours.»" in history
    assert "added" in lines[-1]
    assert replies.model.rowCount() == 1
    assert replies.model.data(replies.model.index(0, 2)) == "off"
    # switched off, it no longer answers (AE-12)
    shop = AutoReplyRule.get().shop
    buyer = make_buyer(shop, "li", language="en")
    conv = conversations.start_conversation(shop, buyer, "site_message")
    conversations.add_message(conv, "in", "Hello?", utcnow())
    assert not Message.select().where(Message.is_auto == True).exists()  # noqa: E712


def test_a_second_reply_in_one_language_is_refused(qtbot, replies):
    auto_reply.add_rule("ae", "Welcome", "Hi {buyer_name}!", language="en")
    replies.reload()
    replies.new_rule()
    replies.name.setText("Hello again")
    replies.language.setCurrentIndex(replies.language.findData("en"))
    replies.body.setPlainText("Hello {buyer_name}")
    before = written()
    assert not replies.save()
    assert "'Welcome' already answers in language 'en'" in replies.error.text()
    replies.body.setPlainText("Hello {order_no}")
    replies.language.setCurrentIndex(replies.language.findData("pt"))
    assert not replies.save()
    assert "can only fill in {buyer_name}" in replies.error.text()
    assert written() == before
    replies.body.setPlainText("Olá {buyer_name}")
    assert replies.save()
    assert [r.language for r in auto_reply.rule_rows("ae")] == ["en", "pt"]


def test_a_taobao_shop_has_no_automatic_reply(qtbot, replies):
    replies.shop.setCurrentIndex(replies.shop.findData("tb"))
    assert "no automatic reply" in replies.rule_note.text()
    assert not replies.form.isEnabled() and not replies.new_button.isEnabled()


def test_the_menu_opens_the_editor_on_the_window(qtbot, shops, tmp_path, monkeypatch):
    from ui.main_window import MainWindow
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["&File", "&Edit"]
    window.file_actions["phrases"].trigger()
    dialog = window.replies_dialog
    assert isinstance(dialog, RepliesDialog) and dialog.isVisible()
    dialog.tabs.setCurrentIndex(AUTO_REPLIES)
    assert dialog.auto_replies.isVisible()
    dialog.reject()
    wait_for_background()
