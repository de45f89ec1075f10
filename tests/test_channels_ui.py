"""The window's side of the channels: Settings › Accounts against the real servers, and
the state of an answer on its bubble."""

from __future__ import annotations

from app.channels import outbox
from app.channels.sync import run_pass
from app.models import Conversation
from tests.mail_servers import PASSWORD, buyer_mail

pytest_plugins = ("tests.mail_fixtures",)   # dovecot, mailbox, smtp_server, ring, account


def test_add_test_and_remove_an_account_in_settings(qtbot, db, dovecot, mailbox,
                                                    smtp_server, ring):
    from tests.factories import make_shop
    from ui.settings_dialog.accounts_tab import AccountsTab
    make_shop("ae")
    tab = AccountsTab()
    qtbot.addWidget(tab)
    tab.key.setText("ae-mail")
    tab.imap.setText(f"127.0.0.1:{dovecot.port}")
    tab.smtp.setText(f"127.0.0.1:{smtp_server.port}")
    tab.user.setText(mailbox)
    tab.password.setText("wrong")
    tab.security.setCurrentIndex(tab.security.findData("none"))
    assert tab.add()
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 3).text() == "Not synced yet"
    assert tab.password.text() == ""                    # not kept in the window either
    tab.select("ae-mail")
    tab.test_selected()
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "Wrong password", timeout=30000)
    assert "refused the user name or password" in tab.problem.text()
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    def type_the_password() -> None:
        dialog = tab.findChild(QInputDialog, "password_dialog")
        field = dialog.findChild(QLineEdit)
        assert field.echoMode() == QLineEdit.EchoMode.Password
        qtbot.keyClicks(field, PASSWORD)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_the_password)
    qtbot.mouseClick(tab.password_button, Qt.MouseButton.LeftButton)
    assert tab.table.item(0, 3).text() == "Not synced yet"     # no longer "Wrong password"
    assert "password store" in tab.problem.text()
    assert tab.selected().key == "ae-mail"
    tab.test_selected()
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "Connected", timeout=30000)
    assert "accepted the login" in tab.problem.text()
    tab.select("ae-mail")
    tab.remove_selected()
    assert tab.table.rowCount() == 0
    assert PASSWORD not in ring.read_text()


def test_the_bubble_says_sent_or_why_not(qtbot, account, dovecot, mailbox, smtp_server):
    from ui.conversation.thread_panel import ThreadPanel
    raw, _ = buyer_mail(subject="Wrong colour")
    dovecot.append(raw, user=mailbox)
    run_pass(account)
    conversation = Conversation.get()
    first = outbox.queue_reply(conversation.id, "We will exchange it.")
    panel = ThreadPanel()
    qtbot.addWidget(panel)
    panel.show_conversation(conversation.id)
    qtbot.waitUntil(lambda: "Queued" in panel.view.plain_text())
    run_pass(account)
    panel.reload()
    qtbot.waitUntil(lambda: "Sent ·" in panel.view.plain_text())
    # An address the server refuses: the bubble says why, and offers Retry and Edit.
    smtp_server.refused.add("maria@buyer.test")
    second = outbox.queue_reply(conversation.id, "Another thing.")
    run_pass(account)
    panel.reload()
    qtbot.waitUntil(lambda: "refused the buyer's address" in panel.view.plain_text())
    assert "Retry" in panel.view.plain_text() and "Edit" in panel.view.plain_text()
    assert "The server said: “550 5.1.1 no such mailbox”" in panel.view.plain_text()
    smtp_server.refused.clear()
    from PySide6.QtCore import QUrl
    panel.view.anchorClicked.emit(QUrl(f"outbox-retry:{second.id}"))
    qtbot.waitUntil(lambda: "Queued" in panel.view.plain_text())
    run_pass(account)
    assert outbox.get_item(second.id).state == "sent"
    assert outbox.get_item(first.id).state == "sent"
    assert Conversation.get_by_id(conversation.id).is_replied
    assert len(smtp_server.received) == 2


def test_the_status_line_says_the_last_sync_and_what_went_wrong(qtbot, account):
    from app.channels.account import set_password
    from ui.channel_bridge import ChannelBridge
    from ui.status_bar import ShellStatusBar
    bar = ShellStatusBar()
    qtbot.addWidget(bar)
    bridge = ChannelBridge()
    bridge.status.connect(bar.set_sync)
    bridge.start()
    try:
        qtbot.waitUntil(lambda: bar.sync_label.text().startswith("Mail: synced"),
                        timeout=30000)
        set_password(account, "wrong")
        from app.channels.runner import notify_accounts
        notify_accounts()
        qtbot.waitUntil(lambda: bar.sync_label.text() == "Mail (ae-mail): Wrong password",
                        timeout=30000)
        assert "refused the user name or password" in bar.sync_label.toolTip()
    finally:
        assert bridge.stop(5.0)
