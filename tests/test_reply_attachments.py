"""Files in the reply box (pictures, PDF): checked when attached, kept in the file store
with the answer, sent as MIME parts by mail (a real SMTP server and Dovecot), and a channel
that carries text only says so before sending. GUI parts driven with qtbot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QUrl, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from app.channels import outbox
from app.channels.sync import run_pass
from app.errors import InvalidInput
from app.evidence import store
from app.models import Attachment, Conversation, Message
from app.services.messaging import reply_files
from tests.mail_servers import buyer_mail

# dovecot, mailbox, smtp_server, ring, account; home, buyer_conv, panel
pytest_plugins = ("tests.mail_fixtures", "tests.reply_box_fixtures")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(colour="red", size=40) -> bytes:
    from ui.conversation.attachment_chips import image_bytes
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image_bytes(image)


def test_files_are_checked_before_anything_is_written(buyer_conv, qapp):
    with pytest.raises(InvalidInput, match="not a picture or a PDF"):
        outbox.queue_reply(buyer_conv.id, "See the manual.",
                           files=[("manual.docx", b"PK\x03\x04rest")])
    big = b"\x89PNG\r\n\x1a\n" + bytes(reply_files.MAX_TOTAL_MB * 1024 * 1024)
    with pytest.raises(InvalidInput, match="at most 15 MB"):
        outbox.queue_reply(buyer_conv.id, "Photo.", files=[("huge.png", big)])
    assert Message.select().where(Message.direction == "out").count() == 0


def test_files_are_kept_with_the_answer(buyer_conv, qapp):
    picture = png()
    item = outbox.queue_reply(buyer_conv.id, "Here is the label.",
                              files=[("label.png", picture), ("invoice.pdf", PDF)])
    stored = reply_files.files_of(item.message_id)
    assert [(f.name, f.mime, f.data) for f in stored] == [
        ("label.png", "image/png", picture), ("invoice.pdf", "application/pdf", PDF)]
    assert store.object_path(store.sha256_of(PDF)).exists()
    from app.services.messaging.thread import thread_messages
    shown = [m for m in thread_messages(buyer_conv.id) if m.direction == "out"][0]
    assert [a.name for a in shown.attachments] == ["label.png", "invoice.pdf"]


def test_mail_carries_the_files_as_parts(account, dovecot, mailbox, smtp_server, home, qapp):
    raw, _ = buyer_mail(subject="Broken lid")
    dovecot.append(raw, user=mailbox)
    run_pass(account)
    conversation = Conversation.get()
    assert outbox.carries_files(conversation.id)
    picture = png("blue")
    item = outbox.queue_reply(conversation.id, "Photo of the new lid and the invoice.",
                              files=[("new lid.png", picture), ("发票.pdf", PDF)])
    assert run_pass(account).sent == 1
    [(_sender, _to, mail)] = smtp_server.received
    parts = {part.get_filename(): part.get_payload(decode=True)
             for part in mail.walk() if part.get_filename()}
    assert parts == {"new lid.png": picture, "发票.pdf": PDF}
    text = next(p for p in mail.walk() if p.get_content_type() == "text/plain")
    assert "the invoice" in text.get_payload(decode=True).decode()
    [(_flags, copy)] = dovecot.messages("Sent", user=mailbox)     # the Sent copy too
    assert {p.get_filename() for p in copy.walk() if p.get_filename()} == \
        {"new lid.png", "发票.pdf"}
    assert outbox.get_item(item.id).state == "sent"


def test_attach_drop_paste_and_remove_in_the_reply_box(qtbot, panel, tmp_path, monkeypatch):
    composer = panel.composer
    photo, pdf = tmp_path / "damage.png", tmp_path / "label.pdf"
    photo.write_bytes(png())
    pdf.write_bytes(PDF)
    # the Attach… button's file dialog
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(photo)], ""))
    qtbot.mouseClick(composer.attach_button, Qt.MouseButton.LeftButton)
    # a file dropped on the reply box
    dropped = QMimeData()
    dropped.setUrls([QUrl.fromLocalFile(str(pdf))])
    assert composer.edit.canInsertFromMimeData(dropped)
    composer.edit.insertFromMimeData(dropped)
    # a picture pasted with Ctrl+V
    from PySide6.QtGui import QGuiApplication
    image = QImage(30, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("green"))
    QGuiApplication.clipboard().setImage(image)
    composer.edit.setFocus()
    qtbot.keyClick(composer.edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(composer.chips.files) == 3)
    assert [f.name for f in composer.chips.files] == ["damage.png", "label.pdf", "picture.png"]
    assert composer.edit.toPlainText() == ""                  # no path typed into the text
    from ui.conversation.attachment_chips import Chip
    chips = composer.chips.findChildren(Chip)
    assert any("label.pdf" in c.label.text() for c in chips)
    # ✕ removes one
    label_chip = next(c for c in chips if c.item.name == "label.pdf")
    qtbot.mouseClick(label_chip.close_button, Qt.MouseButton.LeftButton)
    assert [f.name for f in composer.chips.files] == ["damage.png", "picture.png"]
    # a file that is not a picture or a PDF, and one too big: said at once
    other = tmp_path / "notes.docx"
    other.write_bytes(b"PK\x03\x04rest")
    composer.chips.add_paths([str(other)])
    assert "not a picture or a PDF" in composer.problem.text() and composer.problem.isVisible()
    big = tmp_path / "huge.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(reply_files.MAX_TOTAL_MB * 1024 * 1024))
    composer.chips.add_paths([str(big)])
    assert "at most 15 MB" in composer.problem.text()
    assert len(composer.chips.files) == 2


def test_a_channel_without_files_says_so_before_sending(qtbot, panel, monkeypatch):
    composer = panel.composer
    composer.chips.add("damage.png", png())
    qtbot.keyClicks(composer.edit, "Photo attached")
    asked = []

    def answer(button):
        def question(parent, title, text, *args, **kwargs):
            asked.append(text)
            return button
        return question
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not composer.send()
    assert "cannot send files" in asked[0] and "1 attached" in asked[0]
    assert Message.select().where(Message.direction == "out").count() == 0
    assert len(composer.chips.files) == 1                       # nothing lost
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert composer.send()
    message = Message.select().where(Message.direction == "out").get()
    assert [a.caption for a in Attachment.select().where(Attachment.message == message)] \
        == ["damage.png"]
    assert composer.chips.files == [] and composer.chips.isHidden()
    qtbot.waitUntil(lambda: "Photo attached" in panel.view.plain_text())


def test_an_internal_note_keeps_its_files_and_sends_nothing(qtbot, panel, monkeypatch):
    composer = panel.composer
    composer.chips.add("label.pdf", PDF)
    qtbot.keyClicks(composer.edit, "Label for the warehouse")
    composer.internal.setChecked(True)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: pytest.fail("a note is not sent: nothing to ask"))
    assert composer.send()
    note = Message.select().where(Message.is_internal == True).get()  # noqa: E712
    assert [f.name for f in reply_files.files_of(note.id)] == ["label.pdf"]
    from app.models.channels import OutboxItem
    assert OutboxItem.select().count() == 0


def test_a_file_gone_from_the_store_fails_the_answer_with_the_reason(
        account, dovecot, mailbox, smtp_server, home, qapp):
    raw, _ = buyer_mail(subject="Invoice please")
    dovecot.append(raw, user=mailbox)
    run_pass(account)
    conversation = Conversation.get()
    item = outbox.queue_reply(conversation.id, "The invoice.", files=[("invoice.pdf", PDF)])
    store.object_path(store.sha256_of(PDF)).unlink()
    run_pass(account)
    item = outbox.get_item(item.id)
    assert item.state == "failed" and "cannot be read" in item.error
    assert smtp_server.received == []
