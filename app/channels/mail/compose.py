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
    for item in _files(message.id):            # the rep's pictures and PDFs, as MIME parts
        maintype, _, subtype = item.mime.partition("/")
        mail.add_attachment(item.data, maintype=maintype, subtype=subtype or "octet-stream",
                            filename=item.name)
    return mail


def _files(message_id: int) -> list:
    """The answer's files from the file store; one missing or changed there fails the
    answer with the reason (nothing is sent without it)."""
    from app.channels.errors import Refused
    from app.errors import InvalidInput
    from app.services.messaging.reply_files import files_of
    try:
        return files_of(message_id)
    except InvalidInput as exc:
        raise Refused("A file of this answer cannot be read from this computer's file "
                      "store, so the answer was not sent. Send it again with the file "
                      "attached.", detail=str(exc)) from None


def recipient(item: OutboxItem) -> str:
    buyer = Conversation.get_by_id(item.conversation_id).buyer
    return buyer.email or (buyer.login if "@" in buyer.login else "")
