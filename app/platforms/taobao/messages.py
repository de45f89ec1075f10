"""Refund messages (taobao.refund.messages.get) → the refund's conversation.

Each message the buyer (owner_role 1) or the platform's staff (3) wrote becomes an
Incoming stored through app.channels.ingest (channel id `taobao:refund:<refund id>:
message:<id>`: fetched again, stored once). The first one also keeps the refund's own id
(`taobao:refund:<refund id>`) on its conversation, so the next messages join it and an
answer of the rep goes back to that refund. The seller's own messages (role 2) are not
a buyer's and are left out.
"""

from __future__ import annotations

from app.channels import ingest
from app.channels.errors import ChannelProblem
from app.channels.incoming import Incoming, IncomingFile
from app.models.channels import ChannelMessage
from app.platforms.taobao.times import to_utc

BUYER, SELLER, STAFF = "1", "2", "3"
PREFIX = "taobao:refund:"


def thread_id(refund_id: str) -> str:
    return f"{PREFIX}{refund_id}"


def subject(refund_id: str, order_no: str) -> str:
    """The refund's conversation subject (the platform's words: its numbers name the
    order, so the conversation joins it)."""
    return f"退款 {refund_id} · 订单 {order_no}"


def message_id(refund_id: str, message: dict) -> str:
    return f"{PREFIX}{refund_id}:message:{message.get('id')}"


def picture_urls(message: dict) -> list[str]:
    pics = message.get("pic_urls") or {}
    found = pics.get("pic_url") if isinstance(pics, dict) else pics
    return [str(p.get("url")) for p in (found or []) if isinstance(p, dict) and p.get("url")]


def wanted(account, refund_id: str, message: dict) -> bool:
    """A buyer's or the staff's message AfterDesk has not stored yet."""
    return (str(message.get("owner_role") or "") != SELLER
            and not ingest.known(account, message_id(refund_id, message)))


def fetch_pictures(message: dict, download) -> None:
    """The message's pictures (evidence) as files on it; one that cannot be downloaded is
    noted on the message instead (the audit trail keeps the note)."""
    files, problems = [], []
    for number, url in enumerate(picture_urls(message), start=1):
        try:
            data = download(url)
        except (ChannelProblem, ValueError) as exc:
            problems.append(f"picture {number} ({url[:200]}) not downloaded: {exc}")
            continue
        name = url.rsplit("/", 1)[-1].split("?", 1)[0][:100] or f"picture-{number}"
        files.append(IncomingFile(name=name, mime="application/octet-stream", data=data))
    message["_files"], message["_problems"] = files, problems


def incoming(refund_id: str, order_no: str, message: dict) -> Incoming | None:
    at = to_utc(message.get("created"))
    role = str(message.get("owner_role") or "")
    if at is None or message.get("id") in (None, "") or role == SELLER:
        return None
    nick = str(message.get("owner_nick") or "")
    return Incoming(channel_id=message_id(refund_id, message), sender=nick or "unknown",
                    sender_name=nick, subject=subject(refund_id, order_no),
                    body=str(message.get("content") or ""), at=at,
                    references=(thread_id(refund_id),), automatic=role == STAFF,
                    files=list(message.get("_files") or []),
                    problems=list(message.get("_problems") or []))


def store(account, refund_id: str, order_no: str, messages: list) -> int:
    """Store the new ones (in the caller's transaction); returns how many were new."""
    stored = 0
    for message in sorted(messages, key=lambda m: (str(m.get("created")), str(m.get("id")))):
        item = incoming(refund_id, order_no, message)
        if item is None:
            continue
        written = ingest.store_incoming(account, item)
        if written is None:
            continue
        stored += 1
        (ChannelMessage.insert(account=account, channel_id=thread_id(refund_id),
                               conversation=written.conversation_id, message=None)
         .on_conflict_ignore().execute())
    return stored


def refund_of_conversation(account, conversation_id: int) -> str | None:
    link = (ChannelMessage.select(ChannelMessage.channel_id)
            .where((ChannelMessage.account == account)
                   & (ChannelMessage.conversation == conversation_id)
                   & ChannelMessage.channel_id.startswith(PREFIX)
                   & ChannelMessage.message.is_null())
            .order_by(ChannelMessage.id.desc()).first())
    return link.channel_id[len(PREFIX):] if link else None
