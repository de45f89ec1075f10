"""Mail for real: a Dovecot IMAP server and an aiosmtpd SMTP server on 127.0.0.1, the sync
pass in between (app.channels). What a rep would notice: buyers' mails become
conversations, answers reach the buyer threaded under the buyer's mail and are shown sent
only then, nothing is stored or sent twice."""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import datetime, timezone

import pytest

from app.channels import outbox, states
from app.channels.sync import run_pass
from app.models import Attachment, Conversation, Message
from app.models.channels import OutboxItem
from tests.mail_servers import buyer_mail

pytest_plugins = ("tests.mail_fixtures",)   # dovecot, mailbox, smtp_server, ring, account


def _only_conversation() -> Conversation:
    conversations = list(Conversation.select())
    assert len(conversations) == 1
    return conversations[0]


def test_a_new_mail_starts_a_conversation_and_is_stored_once(account, dovecot, mailbox):
    raw, _ = buyer_mail(subject="Pedido não chegou", body="Olá, meu pedido não chegou.")
    dovecot.append(raw, user=mailbox)
    result = run_pass(account)
    assert result.fetched == 1
    conversation = _only_conversation()
    assert conversation.channel == "email"
    assert conversation.subject == "Pedido não chegou"
    assert not conversation.is_replied and not conversation.is_read
    assert conversation.buyer.email == "maria@buyer.test"
    [message] = list(conversation.messages)
    assert message.direction == "in" and "meu pedido não chegou" in message.body
    account = type(account).get_by_id(account.id)
    assert account.state == states.CONNECTED and account.last_sync_at is not None
    # Fetched again (the folder's cursor lost): recognised by its Message-ID.
    from app.models.channels import ChannelCursor
    ChannelCursor.delete().execute()
    assert run_pass(account).fetched == 0
    assert Message.select().count() == 1
    # The message is findable like a typed one.
    from app.services.messaging.search import search_messages
    assert [h.message_id for h in search_messages("pedido")] == [message.id]


def test_an_answer_goes_out_threaded_and_counts_only_once_sent(account, dovecot, mailbox,
                                                                 smtp_server):
    raw, buyer_id = buyer_mail(subject="Broken lid")
    dovecot.append(raw, user=mailbox)
    run_pass(account)
    conversation = _only_conversation()
    item = outbox.queue_reply(conversation.id, "Sorry! A new lid is on its way.")
    assert item.state == states.QUEUED
    assert not Conversation.get_by_id(conversation.id).is_replied   # not delivered yet
    assert run_pass(account).sent == 1
    item = OutboxItem.get_by_id(item.id)
    assert item.state == states.SENT and item.sent_at is not None
    assert Conversation.get_by_id(conversation.id).is_replied
    [(sender, recipients, mail)] = smtp_server.received
    assert recipients == ["maria@buyer.test"]
    assert mail["In-Reply-To"] == buyer_id
    assert buyer_id in mail["References"]
    assert mail["Subject"] == "Re: Broken lid"
    assert mail["Message-ID"] == item.channel_message_id
    assert "A new lid" in mail.get_payload(decode=True).decode()
    # A copy is in Sent, no longer marked as being sent.
    [(flags, copy)] = dovecot.messages("Sent", user=mailbox)
    assert copy["Message-ID"] == item.channel_message_id
    assert "$AfterDeskSubmitting" not in flags
    # Nothing is sent twice.
    assert run_pass(account).sent == 0
    assert len(smtp_server.received) == 1


def test_the_buyers_answer_joins_the_conversation(account, dovecot, mailbox, smtp_server):
    raw, _ = buyer_mail(subject="Size question")
    dovecot.append(raw, user=mailbox)
    run_pass(account)
    conversation = _only_conversation()
    item = outbox.queue_reply(conversation.id, "It runs small: take one size up.")
    run_pass(account)
    sent_id = OutboxItem.get_by_id(item.id).channel_message_id
    answer, _ = buyer_mail(subject="Re: Re: Size question", body="Thanks, I will.",
                           in_reply_to=sent_id, references=sent_id,
                           at=datetime.now(timezone.utc))
    dovecot.append(answer, user=mailbox)
    assert run_pass(account).fetched == 1
    assert Conversation.select().count() == 1
    conversation = Conversation.get_by_id(conversation.id)
    assert [m.direction for m in conversation.messages.order_by(Message.id)] == \
        ["in", "out", "in"]
    assert not conversation.is_replied          # the buyer wrote last


def test_a_mail_naming_an_order_joins_that_orders_conversation(account, dovecot, mailbox):
    from tests.factories import make_order
    shop = account.shop
    make_order(shop, order_no="8123456789012345")
    first, _ = buyer_mail(subject="Order 8123456789012345 not here")
    dovecot.append(first, user=mailbox)
    run_pass(account)
    conversation = _only_conversation()
    assert conversation.order.order_no == "8123456789012345"
    # A new mail from the same buyer, no threading headers, the order number in the text.
    second, _ = buyer_mail(subject="Hello again", body="Any news on 8123456789012345?")
    other, _ = buyer_mail(subject="Hello", body="Another question",
                          sender="someone@else.test")
    dovecot.append(second, user=mailbox)
    dovecot.append(other, user=mailbox)
    assert run_pass(account).fetched == 2
    assert conversation.messages.count() == 2
    assert Conversation.select().count() == 2


@pytest.mark.parametrize("charset,text,subject_header", [
    ("gbk", "您好，我的包裹还没有到，请帮忙查一下物流。", "=?GBK?B?{}?="),
    ("big5", "您好，我的包裹還沒有到，請幫忙查一下物流。", "=?big5?B?{}?="),
    ("iso-8859-2", "Dzień dobry, paczka nie dotarła.", "=?iso-8859-2?Q?{}?="),
])
def test_chinese_and_other_charsets_are_read(account, dovecot, mailbox, charset, text,
                                             subject_header):
    subject = text[:5]
    if "Q?" in subject_header:
        import quopri
        encoded = quopri.encodestring(subject.encode(charset), header=True).decode()
    else:
        encoded = base64.b64encode(subject.encode(charset)).decode()
    raw = (f"From: buyer@buyer.test\r\nTo: rep@shop.test\r\n"
           f"Subject: {subject_header.format(encoded)}\r\nMessage-ID: <{charset}@buyer.test>\r\n"
           f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset={charset}\r\n"
           f"Content-Transfer-Encoding: base64\r\n\r\n").encode() \
        + base64.encodebytes(text.encode(charset))
    dovecot.append(raw, user=mailbox)
    run_pass(account)
    conversation = _only_conversation()
    assert conversation.subject == subject
    assert conversation.messages.get().body == text


def test_an_html_only_quoted_printable_mail_is_shown_as_text(account, dovecot, mailbox):
    html = "<html><head><style>p{}</style></head><body><p>Ol=C3=A1,</p><p>o item chegou <b>quebrado</b>.</p></body></html>"
    raw = ("From: buyer@buyer.test\r\nSubject: item\r\nMessage-ID: <h@buyer.test>\r\n"
           "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + html + "\r\n").encode()
    dovecot.append(raw, user=mailbox)
    run_pass(account)
    body = _only_conversation().messages.get().body
    assert body == "Olá,\n\no item chegou quebrado."


def test_a_20_mb_attachment_goes_to_the_file_store(account, dovecot, mailbox, tmp_path,
                                                   monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    from email.message import EmailMessage
    photo = b"\xff\xd8\xff\xe0" + os.urandom(20 * 1024 * 1024) + b"\xff\xd9"
    mail = EmailMessage()
    mail["From"] = "buyer@buyer.test"
    mail["Subject"] = "Photo of the damage"
    mail["Message-ID"] = "<big@buyer.test>"
    mail.set_content("See the photo.")
    mail.add_attachment(photo, maintype="image", subtype="jpeg", filename="damage.jpg")
    dovecot.append(bytes(mail), user=mailbox)
    run_pass(account)
    message = _only_conversation().messages.get()
    [attachment] = list(Attachment.select().where(Attachment.message == message))
    assert attachment.file.original_name == "damage.jpg"
    assert attachment.file.mime == "image/jpeg"
    assert attachment.file.size == len(photo)
    from app.evidence.store import object_path
    stored = object_path(attachment.file.sha256)
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == hashlib.sha256(photo).hexdigest()
    # The thread shows it like any message's picture.
    from app.services.messaging.thread import thread_messages
    [view] = thread_messages(message.conversation_id)
    assert [a.name for a in view.attachments] == ["damage.jpg"]


def test_a_broken_mail_is_stored_with_what_could_be_read(account, dovecot, mailbox):
    raw = (b"From: buyer@buyer.test\r\nSubject: =?x-unknown?B?!!!?= help\r\n"
           b"Message-ID: <broken@buyer.test>\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
           b"--XX\r\nContent-Type: text/plain; charset=no-such-charset\r\n\r\n"
           b"The readable part \xe4\xbd\xa0\xe5\xa5\xbd\r\n"
           b"--XX\r\nContent-Type: image/png; name=\"a.png\"\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n%%%not base64%%%\r\n"
           b"--XX\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n")
    dovecot.append(raw, user=mailbox)        # cut off: no closing boundary
    assert run_pass(account).fetched == 1
    message = _only_conversation().messages.get()
    assert "The readable part 你好" in message.body
    good, _ = buyer_mail(subject="after the broken one")
    dovecot.append(good, user=mailbox)
    assert run_pass(account).fetched == 1     # the sync goes on


def test_a_wrong_password_gives_a_clear_account_state(account, dovecot):
    from app.channels.account import get_account, set_password
    from app.channels.errors import ChannelProblem
    set_password(account, "not-the-password")
    with pytest.raises(ChannelProblem) as refused:
        run_pass(account)
    assert refused.value.state == states.AUTH_FAILED and not refused.value.retry
    account = get_account("ae-mail")
    assert account.state == states.AUTH_FAILED
    assert "refused the user name or password" in account.last_error
    assert "not-the-password" not in account.last_error
    set_password(account, "secret")            # a new password: it works again
    run_pass(account)
    assert get_account("ae-mail").state == states.CONNECTED


def test_the_password_is_in_the_keyring_not_the_database(account, ring, db):
    import json
    assert "secret" in ring.read_text()
    dumped = "\n".join(db.iterdump()) if hasattr(db, "iterdump") else \
        "\n".join(db.connection().iterdump())
    assert '"secret"' not in dumped and "'secret'" not in dumped
    assert json.dumps(account.settings).find("secret") == -1


def test_machines_mails_get_no_automatic_reply(account, dovecot, mailbox, smtp_server):
    """AE-12 answers a buyer's first mail; never a mail marked Auto-Submitted or
    Precedence bulk/list, and never the shop's own mail."""
    from app.services.messaging.auto_reply import add_rule
    add_rule("ae", "Welcome", "Hi {buyer_name}, we answer within a day.")
    human, _ = buyer_mail(subject="Question", sender="Ana <ana@buyer.test>")
    robot, _ = buyer_mail(subject="Out of office", sender="bob@buyer.test",
                          headers={"Auto-Submitted": "auto-replied"})
    bulk, _ = buyer_mail(subject="Newsletter", sender="news@buyer.test",
                         headers={"Precedence": "bulk"})
    own, _ = buyer_mail(subject="Note to self", sender=account.settings["address"])
    for raw in (human, robot, bulk, own):
        dovecot.append(raw, user=mailbox)
    result = run_pass(account)
    assert result.fetched == 3                 # the shop's own mail is not a buyer's
    auto = list(Message.select().where(Message.is_auto == True))  # noqa: E712
    assert [m.conversation.buyer.email for m in auto] == ["ana@buyer.test"]
    # The automatic reply went out through the outbox, marked as automatic.
    run_pass(account)
    [(_, recipients, mail)] = smtp_server.received
    assert recipients == ["ana@buyer.test"]
    assert mail["Auto-Submitted"] == "auto-replied"
    assert "Hi Ana" in mail.get_payload(decode=True).decode()


def test_an_account_without_a_password_says_so(db, dovecot, mailbox, smtp_server, ring):
    from app.channels.account import add_account, get_account
    from app.channels.errors import ChannelProblem
    from tests.factories import make_shop
    make_shop("ae")
    add_account("ae-mail", "ae", imap=f"127.0.0.1:{dovecot.port}",
                smtp=f"127.0.0.1:{smtp_server.port}", user=mailbox, security="none")
    with pytest.raises(ChannelProblem):
        run_pass("ae-mail")
    assert get_account("ae-mail").state == states.AUTH_FAILED
    assert "No password is kept" in get_account("ae-mail").last_error


def test_a_platform_conversation_answered_by_mail_goes_by_mail(account, smtp_server):
    """GEN-5: the rep may answer through another channel than the buyer's; with the shop's
    mailbox and the buyer's address, AfterDesk sends it itself."""
    from app.services.messaging import conversations
    from tests.factories import T0, make_buyer
    buyer = make_buyer(account.shop, "ana_br")
    buyer.email = "ana@buyer.test"
    buyer.save()
    conversation = conversations.start_conversation(account.shop, buyer, "site_message",
                                                    at=T0)
    conversations.add_message(conversation, "in", "Hello?", T0)
    by_mail = outbox.queue_reply(conversation.id, "Answered by mail.", channel="email")
    by_site = outbox.queue_reply(conversation.id, "Answered on the site.")
    assert by_mail.account_id == account.id
    assert by_site.account_id is None                 # copy & open
    assert run_pass(account).sent == 1
    [(_, recipients, _)] = smtp_server.received
    assert recipients == ["ana@buyer.test"]


def test_a_follow_up_by_mail_is_delivered_through_the_outbox(account, smtp_server):
    """GEN-7 follow-ups are answers too: by mail they go out through the shop's mailbox."""
    from datetime import timedelta

    from app.services.aftercare import followups
    from app.services.messaging import conversations
    from tests.factories import make_buyer, utc
    buyer = make_buyer(account.shop, "maria_br")
    buyer.email = "maria@buyer.test"
    buyer.save()
    wrote = utc(2026, 3, 2, 2, 0)
    conversation = conversations.start_conversation(account.shop, buyer, "site_message",
                                                    at=wrote - timedelta(hours=3))
    conversations.add_message(conversation, "in", "Onde está?", wrote - timedelta(hours=3))
    conversations.add_message(conversation, "out", "Tracking LP123.", wrote)
    attempt = followups.send_follow_up(conversation, "Any news about the parcel?",
                                       at=utc(2026, 3, 4, 12, 5), channel="email")
    [item] = list(OutboxItem.select())
    assert item.message_id == attempt.message_id and item.state == states.QUEUED
    assert run_pass(account).sent == 1
    [(_, recipients, mail)] = smtp_server.received
    assert recipients == ["maria@buyer.test"]
    assert "Any news" in mail.get_payload(decode=True).decode()
