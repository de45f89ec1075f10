"""An answer as a mail the buyer's mail program threads under the buyer's own: Subject
"Re: …", In-Reply-To the buyer's newest mail, References the whole chain, our own
Message-ID (chosen before sending, kept on the outbox item)."""

from __future__ import annotations

import email.utils
from email.message import EmailMessage

from app.models import Conversation, Message
from app.models.channels import ChannelMessage, OutboxItem


def new_message_id(address: str) -> str:
    domain = address.rpartition("@")[2] or "afterdesk.invalid"
    return email.utils.make_msgid("afterdesk", domain=domain)


def _answered(item: OutboxItem) -> ChannelMessage | None:
    """The buyer's newest mail of the conversation (what this answers)."""
    return (ChannelMessage.select()
            .join(Message, on=(ChannelMessage.message == Message.id))
            .where((ChannelMessage.conversation == item.conversation_id)
                   & (Message.direction == "in"))
            .order_by(Message.sent_at.desc(), Message.id.desc()).first())


def build(item: OutboxItem, settings: dict, shop_name: str) -> EmailMessage:
    conversation = Conversation.get_by_id(item.conversation_id)
    message = Message.get_by_id(item.message_id)
    buyer = conversation.buyer
    to = buyer.email or (buyer.login if "@" in buyer.login else "")
    mail = EmailMessage()
    mail["From"] = email.utils.formataddr((shop_name, settings["address"]))
    mail["To"] = email.utils.formataddr((buyer.name, to)) if buyer.name else to
    subject = conversation.subject or ""
    mail["Subject"] = subject if subject.lower().startswith("re:") else f"Re: {subject}".strip()
    mail["Date"] = email.utils.format_datetime(message.sent_at)
    mail["Message-ID"] = item.channel_message_id
    answered = _answered(item)
    if answered is not None:
        chain = list(reversed(answered.references.split())) + [answered.channel_id]
        mail["In-Reply-To"] = answered.channel_id
        mail["References"] = " ".join(dict.fromkeys(chain))
    if message.is_auto:
        mail["Auto-Submitted"] = "auto-replied"          # RFC 3834: no loop of replies
    mail.set_content(message.body, charset="utf-8")
    from app.services.messaging.reply_files import files_of
    for item in files_of(message.id):          # the rep's pictures and PDFs, as MIME parts
        maintype, _, subtype = item.mime.partition("/")
        mail.add_attachment(item.data, maintype=maintype, subtype=subtype or "octet-stream",
                            filename=item.name)
    return mail


def recipient(item: OutboxItem) -> str:
    buyer = Conversation.get_by_id(item.conversation_id).buyer
    return buyer.email or (buyer.login if "@" in buyer.login else "")
