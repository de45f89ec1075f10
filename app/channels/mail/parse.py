"""A raw mail (bytes from IMAP) as an Incoming: the text a rep reads, its attachments, its
threading ids and whether a machine sent it.

Never raises for a mail's content: a broken part is skipped and named in `problems`;
whatever could be read is kept. Charsets: whatever Python knows (UTF-8, GBK/GB18030,
Big5, ISO-8859-x…), with the usual mislabels read as their supersets (a GB2312 label is
read as GB18030); undeclared 8-bit text is tried as UTF-8, then GB18030, then Big5.
An HTML-only mail is shown as its text.
"""

from __future__ import annotations

import codecs
import email
import email.header
import email.utils
import re
from datetime import datetime, timezone
from email.message import Message as MimeMessage

from app.channels.incoming import Incoming, IncomingFile
from app.channels.mail.html_text import html_to_text

_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "big5": "big5hkscs", "iso-8859-1": "cp1252", "us-ascii": "utf-8",
              "ascii": "utf-8", "ks_c_5601-1987": "cp949"}
_GUESSES = ("utf-8", "gb18030", "big5hkscs")
_ID = re.compile(r"<[^<>\s]+>")


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip('"').lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, label: str | None = None) -> str:
    """Text from bytes in the declared charset, else the likeliest; never raises."""
    codec = _codec(label)
    if codec:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    for guess in _GUESSES:
        try:
            return data.decode(guess)
        except UnicodeDecodeError:
            continue
    return data.decode(codec or "utf-8", errors="replace")


def header_text(value) -> str:
    """A header as text: encoded words (=?GBK?B?…?=) decoded, raw 8-bit guessed."""
    if value is None:
        return ""
    if isinstance(value, email.header.Header):
        chunks = email.header.decode_header(value)
    else:
        raw = str(value)
        if any(ord(c) > 127 for c in raw):          # raw 8-bit kept as surrogates/latin-1
            try:
                raw = decode_bytes(raw.encode("utf-8", "surrogateescape"))
            except UnicodeEncodeError:
                pass
        try:
            chunks = email.header.decode_header(raw)
        except Exception:  # noqa: BLE001 - a malformed encoded word: keep it as written
            return raw.strip()
    out = []
    for chunk, charset in chunks:
        out.append(decode_bytes(chunk, charset) if isinstance(chunk, bytes) else chunk)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def ids_in(value) -> list[str]:
    return _ID.findall(str(value or ""))


def _when(mail: MimeMessage, fallback: datetime) -> datetime:
    try:
        parsed = email.utils.parsedate_to_datetime(str(mail.get("Date", "")))
    except (TypeError, ValueError, IndexError):
        return fallback
    if parsed is None:
        return fallback
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return min(parsed.astimezone(timezone.utc), fallback)   # a sender's clock ahead: now


def is_automatic(mail: MimeMessage) -> bool:
    """Sent by a machine (RFC 3834 Auto-Submitted, a list or bulk mail, a bounce)."""
    submitted = str(mail.get("Auto-Submitted", "")).strip().lower()
    if submitted and submitted != "no":
        return True
    if str(mail.get("Precedence", "")).strip().lower() in ("bulk", "list", "junk"):
        return True
    if mail.get("List-Id") or mail.get("List-Unsubscribe") or mail.get("X-Autoreply"):
        return True
    sender = email.utils.parseaddr(str(mail.get("Return-Path", "")))[1]
    return str(mail.get("Return-Path", "")).strip() == "<>" and not sender


def _payload(part: MimeMessage, problems: list) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception as exc:  # noqa: BLE001 - a part that cannot be decoded is skipped
        problems.append(f"a part could not be decoded ({exc})")
        return b""
    if part.defects:
        problems.extend(type(d).__name__ for d in part.defects)
    return data or b""


def _file_name(part: MimeMessage, index: int) -> str:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001 - a malformed parameter
        name = None
    name = header_text(name) if name else ""
    if not name:
        subtype = part.get_content_subtype() or "bin"
        name = f"attachment-{index}.{subtype}"
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name)[:200]


def parse(raw: bytes, *, fallback_id: str, received_at: datetime) -> Incoming:
    """The Incoming of one raw mail."""
    problems: list = []
    mail = email.message_from_bytes(raw)
    if mail.defects:
        problems.extend(type(d).__name__ for d in mail.defects)
    plain, html, files = [], [], []
    for index, part in enumerate(mail.walk()):
        if part.is_multipart():
            continue
        disposition = str(part.get("Content-Disposition", "")).split(";")[0].strip().lower()
        content_type = part.get_content_type()
        named = bool(part.get_param("name") or part.get_param("filename",
                                                               header="content-disposition"))
        if disposition == "attachment" or (named and not content_type.startswith("text/")) \
                or content_type.startswith(("image/", "application/", "audio/", "video/")):
            data = _payload(part, problems)
            if data:
                files.append(IncomingFile(_file_name(part, index), content_type, data))
            continue
        if content_type == "text/plain":
            plain.append(decode_bytes(_payload(part, problems), part.get_content_charset()))
        elif content_type == "text/html":
            html.append(html_to_text(decode_bytes(_payload(part, problems),
                                                  part.get_content_charset())))
        elif not content_type.startswith("multipart/"):
            problems.append(f"a {content_type} part was not shown")
    body = "\n\n".join(t.strip() for t in (plain or html) if t.strip())
    name, address = email.utils.parseaddr(header_text(mail.get("From")))
    message_id = (ids_in(mail.get("Message-ID")) or [fallback_id])[0]
    references = ids_in(mail.get("In-Reply-To")) + list(reversed(ids_in(mail.get("References"))))
    return Incoming(
        channel_id=message_id, sender=address.strip().lower(), sender_name=name.strip(),
        subject=header_text(mail.get("Subject")), body=body,
        at=_when(mail, received_at), references=tuple(dict.fromkeys(references)),
        files=files, automatic=is_automatic(mail), problems=problems)
