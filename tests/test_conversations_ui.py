"""The conversations workspace driven like a rep: filter, open, answer with a quick phrase,
placeholders that block sending, automatic replies in the thread, search for 退款."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QUrl

from app.clock import utcnow
from app.models import Message
from app.services.messaging import auto_reply, conversations, quick_phrases
from app.services.messaging.quick_phrases import find_phrases
from tests.factories import make_buyer, make_order, make_shop
from ui.conversation.phrase_model import PhraseListModel
from ui.conversation.phrase_picker import PhrasePicker
from ui.pages.conversations_page import ConversationsPage
from ui.worker import wait_for_background

pytestmark = pytest.mark.gui


@pytest.fixture
def world(db):
    now = utcnow()
    ae = make_shop("ae")
    tb = make_shop("tb", platform="taobao")
    ana = make_buyer(ae, "ana", country="BR", language="en")
    wang = make_buyer(tb, "wang", country="CN", language="zh")
    wang.name = "王小明"
    wang.save()
    shipped = make_order(ae, "8000000000000001", buyer=ana, carrier="Cainiao",
                         tracking_no="LP00123456789")
    untracked = make_order(tb, "3000000000000002", buyer=wang, status="awaiting_shipment")
    waiting = conversations.start_conversation(ae, ana, "site_message", order=shipped,
                                               language="en", at=now - timedelta(hours=3))
    conversations.add_message(waiting, "in", "Hello, where is my parcel?",
                              now - timedelta(hours=2))
    chinese = conversations.start_conversation(tb, wang, "im", order=untracked, language="zh",
                                               at=now - timedelta(hours=5))
    conversations.add_message(chinese, "in", "请问退款什么时候到账？", now - timedelta(hours=5))
    conversations.add_message(chinese, "out", "亲，今天内处理。", now - timedelta(hours=4))
    quick_phrases.add_phrase("Shipped", {
        "en": "Hi {buyer_name}, your order {order_no} is on its way: {carrier} {tracking_no}.",
        "zh": "亲，订单{order_no}已发货，{carrier}单号{tracking_no}。"}, shortcut="ship")
    return {"waiting": waiting, "chinese": chinese}


@pytest.fixture
def page(qtbot, world):
    page = ConversationsPage()
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    yield page
    wait_for_background()


def open_row(qtbot, page, row: int) -> None:
    page.view.setCurrentIndex(page.model.index(row, 1))
    conv_id = page.model.conversation_id(row)
    qtbot.waitUntil(lambda: page.thread_panel.header is not None
                    and page.thread_panel.header.id == conv_id)
    qtbot.waitUntil(lambda: page.thread_panel.composer.isEnabled())


def test_answer_an_unreplied_conversation_with_a_quick_phrase(qtbot, page, world):
    page.unreplied_only.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    open_row(qtbot, page, 0)
    assert "Hello, where is my parcel?" in page.thread_panel.view.plain_text()
    composer = page.thread_panel.composer
    composer.edit.setFocus()
    qtbot.keyClicks(composer.edit, "/ship")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Tab)
    text = composer.edit.toPlainText()
    assert text == ("Hi Ana, your order 8000000000000001 is on its way: Cainiao "
                    "LP00123456789.")
    composer.channel.setCurrentIndex(composer.channel.findData("email"))
    opened = []
    page.thread_panel.open_url = opened.append
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    sent = Message.select().where(Message.direction == "out").order_by(Message.id.desc()).get()
    assert sent.body == text and sent.channel == "email"      # the channel used (GEN-5)
    assert sent.conversation_id == world["waiting"].id
    # No mail account: AfterDesk cannot send it, so it says so (copy & open) and the
    # conversation stays unreplied until the rep confirms it went (docs/channels.md).
    from PySide6.QtGui import QGuiApplication
    qtbot.waitUntil(lambda: "Copied, not confirmed" in page.thread_panel.view.plain_text())
    assert QGuiApplication.clipboard().text() == text
    assert len(opened) == 1
    assert page.model.rowCount() == 1
    from app.channels.outbox import rows
    [item] = rows()
    page.thread_panel.view.anchorClicked.emit(QUrl(f"outbox-confirm:{item.id}"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0,       # left the unreplied filter
                    timeout=20000)                            # behind the thread's reload
    assert page.body.currentWidget() is page.message           # "No conversations…"
    from ui.worker import wait_for_background
    assert wait_for_background()       # the thread's reload ends with this test's database
    qtbot.wait(10)


def test_an_unfilled_placeholder_blocks_sending_until_filled_in(qtbot, page, world):
    row = page.model.row_of(world["chinese"].id)
    open_row(qtbot, page, row)
    composer = page.thread_panel.composer
    assert composer.reply_language() == "zh"
    composer.insert_phrase(find_phrases("ship")[0])
    assert "{tracking_no}" in composer.edit.toPlainText()      # no tracking number known
    before = Message.select().count()
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    assert Message.select().count() == before                  # nothing sent
    assert composer.problem.isVisible()
    assert "{tracking_no}" in composer.problem.text() and "{carrier}" in composer.problem.text()
    assert set(composer.prompt.fields) == {"carrier", "tracking_no"}
    composer.prompt.fields["carrier"].setText("顺丰")
    composer.prompt.fields["tracking_no"].setText("SF1234567890")
    composer.prompt.fields["tracking_no"].returnPressed.emit()
    assert composer.edit.toPlainText() == "亲，订单3000000000000002已发货，顺丰单号SF1234567890。"
    assert not composer.problem.isVisible()
    page.thread_panel.open_url = lambda url: None
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    assert Message.select().count() == before + 1
    qtbot.waitUntil(lambda: "SF1234567890" in page.thread_panel.view.plain_text())


def test_an_unknown_placeholder_typed_by_hand_is_refused(qtbot, page, world):
    open_row(qtbot, page, 0)
    composer = page.thread_panel.composer
    composer.edit.setPlainText("Dear {customer}, thanks!")
    before = Message.select().count()
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    assert Message.select().count() == before
    assert "{customer}" in composer.problem.text() and "Remove" in composer.problem.text()


def test_search_finds_a_two_character_chinese_word(qtbot, page, world):
    page.search.insert("退款")          # as a Chinese input method commits it
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.conversation_id(0) == world["chinese"].id
    page.search.clear()
    qtbot.keyClicks(page.search, "parcel")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1
                    and page.model.conversation_id(0) == world["waiting"].id)
    page.search.setText("没有这个词")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_the_automatic_reply_shows_in_the_thread_marked_as_such(qtbot, db):
    shop = make_shop("ae")
    buyer = make_buyer(shop, "li", language="en")
    auto_reply.add_rule(shop, "Welcome", "Hi {buyer_name}, thanks for writing! We answer "
                        "within 12 hours.", language="en")
    conv = conversations.start_conversation(shop, buyer, "site_message")
    conversations.add_message(conv, "in", "Is the blue one in stock?", utcnow())
    page = ConversationsPage()
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    open_row(qtbot, page, 0)
    shown = page.thread_panel.view.plain_text()
    assert "Automatic reply" in shown and "Hi Li, thanks for writing!" in shown
    wait_for_background()


def test_saved_view_brings_back_its_filters(qtbot, page, world):
    page.unreplied_only.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.save_view("Waiting for me")
    page.unreplied_only.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.views.setCurrentIndex(page.views.findText("Waiting for me"))
    page.views.activated.emit(page.views.currentIndex())
    assert page.unreplied_only.isChecked()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_save_view_button_asks_a_name_and_saves_the_filters(qtbot, page, world):
    """#26: the button's clicked(bool) once reached save_view as the name ('False')."""
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit

    from app.services.messaging import saved_views
    page.unreplied_only.setChecked(True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    qtbot.mouseClick(page.save_view_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(QInputDialog, "save_view_dialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.findChild(QLineEdit), "Unreplied today")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert saved_views.views() == [("Unreplied today", {"unreplied": True})]
    assert page.views.currentText() == "Unreplied today"
    page.unreplied_only.setChecked(False)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.views.activated.emit(page.views.findText("Unreplied today"))
    assert page.unreplied_only.isChecked()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_star_and_assign_from_the_thread(qtbot, page, world):
    open_row(qtbot, page, 0)
    panel = page.thread_panel
    panel.star.setCurrentIndex(panel.star.findData("red"))
    panel.star.activated.emit(panel.star.currentIndex())
    qtbot.mouseClick(panel.assign_button, Qt.MouseButton.LeftButton)
    page.filters_bar.mine.setChecked(True)
    page.filters_bar.star.setCurrentIndex(page.filters_bar.star.findData("red"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)


def test_phrase_picker_searches_and_its_model_passes_qt_checks(qtbot, qtmodeltester, world):
    quick_phrases.add_phrase("退款说明", {"zh": "亲，退款将在{days_left}天内到账。"},
                             shortcut="tk")
    picker = PhrasePicker(None, "zh")
    qtbot.addWidget(picker)
    assert picker.model.rowCount() == 2
    qtmodeltester.check(picker.model)
    picker.search.setText("退款")
    assert picker.model.rowCount() == 1
    assert "{days_left}" in picker.preview.toPlainText()
    picker.search.returnPressed.emit()
    assert picker.chosen.shortcut == "tk"


def test_empty_phrase_model_passes_qt_checks(qtmodeltester):
    qtmodeltester.check(PhraseListModel())


def test_a_big_inbox_shows_its_first_screenful_then_the_rest_below(qtbot, db, monkeypatch):
    """At start the newest conversations are painted before every id of a big inbox has
    been read; the rest joins below without moving them, and the count is said once, for
    the whole list."""
    from app.models import Conversation
    from tests.factories import T0
    import ui.pages.conversations_page as conversations_page
    monkeypatch.setattr(conversations_page, "FIRST_ROWS", 5)
    shop = make_shop("tb", platform="taobao")
    buyer = make_buyer(shop, "wang")
    made = [Conversation.create(shop=shop, buyer=buyer, channel="im", created_at=T0,
                                last_message_at=T0 + timedelta(minutes=n)) for n in range(12)]
    newest_first = [c.id for c in reversed(made)]
    page = ConversationsPage()
    qtbot.addWidget(page)
    counts, sizes, seen = [], [], []
    page.count_changed.connect(counts.append)
    page.model.rowsInserted.connect(lambda *_: sizes.append(page.model.rowCount()))
    page.model.modelReset.connect(lambda: sizes.append(page.model.rowCount()))
    page.shown.connect(lambda: seen.append(("painted", page.model.rowCount(),
                                            page.filters_bar.shop.findData("tb") >= 0)))
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: counts == [12], timeout=5000)
    assert sizes == [5, 12]                       # the first screenful, then the rest
    assert [page.model.conversation_id(r) for r in range(12)] == newest_first
    # The rest (and the shops the filter offers) is read once the first screenful has
    # been painted: nothing else competes with that paint.
    assert seen[0] == ("painted", 5, False)
    assert page.filters_bar.shop.findData("tb") >= 0
    page.reload()                                 # a later reload reads the whole list
    qtbot.waitUntil(lambda: counts == [12, 12], timeout=5000)
    assert sizes[2:] == [12]


def _many_conversations(count: int):
    from app.models import Conversation
    from tests.factories import T0
    shop = make_shop("tb", platform="taobao")
    buyer = make_buyer(shop, "wang")
    for n in range(count):
        Conversation.create(shop=shop, buyer=buyer, channel="im", created_at=T0,
                            last_message_at=T0 + timedelta(minutes=n))


def test_a_big_inbox_hidden_before_its_first_paint_still_reads_the_rest(qtbot, db,
                                                                       monkeypatch):
    """The rest waits for the first screenful's paint, but not for ever: a window
    minimised (or another page chosen) right then still gets its whole list and count."""
    import ui.pages.conversations_page as conversations_page
    monkeypatch.setattr(conversations_page, "FIRST_ROWS", 3)
    monkeypatch.setattr(conversations_page, "REST_WAIT_MS", 200)
    _many_conversations(7)
    page = ConversationsPage()
    qtbot.addWidget(page)
    counts = []
    page.count_changed.connect(counts.append)
    page.loaded.connect(page.hide, Qt.ConnectionType.SingleShotConnection)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: counts == [7], timeout=3000)
    assert page.model.rowCount() == 7 and page.filters_bar.shop.findData("tb") >= 0


def test_a_reload_before_the_first_paint_reads_the_rest_once(qtbot, db, monkeypatch):
    import ui.pages.conversations_page as conversations_page
    monkeypatch.setattr(conversations_page, "FIRST_ROWS", 3)
    _many_conversations(7)
    rests = []
    real = conversations_page._rest_of_inbox
    monkeypatch.setattr(conversations_page, "_rest_of_inbox",
                        lambda filters: rests.append(filters) or real(filters))
    page = ConversationsPage()
    qtbot.addWidget(page)
    counts = []
    page.count_changed.connect(counts.append)
    page.loaded.connect(lambda: page.unread_only.setChecked(True),    # before it is painted
                        Qt.ConnectionType.SingleShotConnection)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0 and bool(counts), timeout=3000)
    qtbot.wait(300)
    assert rests == []          # nothing unread: the second load is whole, the first's rest
    #                             is not read for a list no longer shown


def test_when_the_rest_cannot_be_read_the_filter_bar_still_gets_its_shops(qtbot, db,
                                                                        monkeypatch):
    import ui.pages.conversations_page as conversations_page
    from app.db import DatabaseError
    monkeypatch.setattr(conversations_page, "FIRST_ROWS", 3)
    _many_conversations(7)

    def locked(_filters):
        raise DatabaseError("The database {path} is locked by another program.", path="x")

    reported = []
    monkeypatch.setattr(conversations_page, "_rest_of_inbox", locked)
    monkeypatch.setattr(conversations_page, "report_exception",
                        lambda error, parent=None: reported.append(error))
    page = ConversationsPage()
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: bool(reported) and page.filters_bar.shop.findData("tb") >= 0,
                    timeout=3000)
    assert page.model.rowCount() == 3                # the first screenful stays


def test_a_big_inbox_not_on_screen_still_reads_the_rest(qtbot, db, monkeypatch):
    """A page that paints nothing (not shown yet) must not wait for a paint to read the
    rest of its ids."""
    from app.models import Conversation
    from tests.factories import T0
    import ui.pages.conversations_page as conversations_page
    monkeypatch.setattr(conversations_page, "FIRST_ROWS", 3)
    shop = make_shop("tb", platform="taobao")
    buyer = make_buyer(shop, "wang")
    for n in range(7):
        Conversation.create(shop=shop, buyer=buyer, channel="im", created_at=T0,
                            last_message_at=T0 + timedelta(minutes=n))
    page = ConversationsPage()
    qtbot.addWidget(page)
    counts = []
    page.count_changed.connect(counts.append)
    page.reload()
    qtbot.waitUntil(lambda: counts == [7], timeout=5000)
    assert page.model.rowCount() == 7
    assert page.filters_bar.shop.findData("tb") >= 0


def test_an_answer_that_was_not_sent_stands_out_in_the_list_and_has_a_filter(qtbot, page,
                                                                             world):
    from PySide6.QtGui import QFont

    from app.channels import outbox
    from ui.tones import qcolor
    failed = outbox.queue_reply(world["waiting"].id, "It left the warehouse today.")
    outbox.mark_failed(failed, "The mail server refused the buyer's address")
    outbox.queue_reply(world["chinese"].id, "亲，已退款。")
    model = page.model
    column = model.column_number("delivery")
    page.reload()
    qtbot.waitUntil(lambda: {model.index(r, column).data() for r in range(2)}
                    == {"Not sent", "To send in the platform"})
    shown = {model.conversation_id(r): model.index(r, column) for r in range(2)}
    waiting, chinese = shown[world["waiting"].id], shown[world["chinese"].id]
    assert waiting.data() == "Not sent" and chinese.data() == "To send in the platform"
    assert waiting.data(Qt.ItemDataRole.ForegroundRole) == qcolor("error")
    assert waiting.data(Qt.ItemDataRole.FontRole).weight() == QFont.Weight.Bold
    assert chinese.data(Qt.ItemDataRole.ForegroundRole) is None
    assert not page.view.isColumnHidden(column)
    status = {model.conversation_id(r): model.index(r, model.column_number("status"))
              for r in range(2)}        # the status says it too, where the column is far right
    assert status[world["waiting"].id].data() == "Not sent"
    assert status[world["waiting"].id].data(Qt.ItemDataRole.ForegroundRole) == qcolor("error")
    assert status[world["chinese"].id].data() == "Replied"
    box = page.filters_bar.delivery_failed
    assert box.focusPolicy() & Qt.FocusPolicy.TabFocus
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.conversation_id(0) == world["waiting"].id
    outbox.retry(failed)
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
