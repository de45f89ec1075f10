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
# The usual From: a plain name and an address, or an address alone; read as
# email.utils.parseaddr reads them, without its general parser. Any other form goes to it.
_ADDRESS = r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
_NAMED = re.compile(rf"([A-Za-z0-9]+(?: [A-Za-z0-9]+)*) <({_ADDRESS})>")
_BARE = re.compile(_ADDRESS)


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


def _when(headers: dict, fallback: datetime) -> datetime:
    try:
        parsed = email.utils.parsedate_to_datetime(str(headers.get("date", "")))
    except (TypeError, ValueError, IndexError):
        return fallback
    if parsed is None:
        return fallback
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return min(parsed.astimezone(timezone.utc), fallback)   # a sender's clock ahead: now


def sender_of(value: str) -> tuple[str, str]:
    """(name, address) of a From header's text, as email.utils.parseaddr gives them."""
    named = _NAMED.fullmatch(value)
    if named is not None:
        return named.group(1), named.group(2)
    if _BARE.fullmatch(value):
        return "", value
    return email.utils.parseaddr(value)


def first_headers(mail: MimeMessage) -> dict:
    """Each header's first value by its lower-case name: read once, instead of a scan of
    every header for each one asked (`mail.get`)."""
    found: dict = {}
    for name, value in mail.items():
        found.setdefault(name.lower(), value)
    return found


def is_automatic(mail: MimeMessage, headers: dict | None = None) -> bool:
    """Sent by a machine (RFC 3834 Auto-Submitted, a list or bulk mail, a bounce).
    `headers`: first_headers(mail), when read already."""
    headers = first_headers(mail) if headers is None else headers
    submitted = str(headers.get("auto-submitted", "")).strip().lower()
    if submitted and submitted != "no":
        return True
    if str(headers.get("precedence", "")).strip().lower() in ("bulk", "list", "junk"):
        return True
    if headers.get("list-id") or headers.get("list-unsubscribe") or headers.get("x-autoreply"):
        return True
    return_path = str(headers.get("return-path", ""))
    return return_path.strip() == "<>" and not email.utils.parseaddr(return_path)[1]


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
        disposition_text = str(part.get("Content-Disposition", ""))
        disposition = disposition_text.split(";")[0].strip().lower()
        content_type = part.get_content_type()
        # a name or filename parameter (RFC 2231's name*0 too): only looked for where its
        # word appears, the parameters' parsing being the dearest part of reading a mail
        named = ("name" in str(part.get("Content-Type", "")).lower()
                 and bool(part.get_param("name"))) or \
            ("name" in disposition_text.lower()
             and bool(part.get_param("filename", header="content-disposition")))
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
    headers = first_headers(mail)
    name, address = sender_of(header_text(headers.get("from")))
    message_id = (ids_in(headers.get("message-id")) or [fallback_id])[0]
    references = ids_in(headers.get("in-reply-to")) + \
        list(reversed(ids_in(headers.get("references"))))
    return Incoming(
        channel_id=message_id, sender=address.strip().lower(), sender_name=name.strip(),
        subject=header_text(headers.get("subject")), body=body,
        at=_when(headers, received_at), references=tuple(dict.fromkeys(references)),
        files=files, automatic=is_automatic(mail, headers), problems=problems)
