"""A conversation's transcript, to print or keep as PDF: who wrote, through which channel
(GEN-5), when (in the rep's time zone), each translation under its original, automatic
replies (AE-12) marked. Internal notes stay out unless the rep asks for them.

`build` reads the conversation into plain data; `to_html` lays it out as rich text
(QTextDocument's subset of HTML). The words of the layout come in a `Words` (English by
default) so the window can hand in its translated ones. app.services.messaging.transcript_pdf
paints the HTML onto a PDF or a printer.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Callable

from app.clock import utcnow
from app.models import Attachment, Message, StoredFile
from app.services.messaging.thread import get_conversation
from app.services.messaging.translation import LANGUAGES


@dataclass(frozen=True)
class Line:
    at: datetime
    direction: str              # "in" from the buyer, "out" to the buyer
    channel: str
    author: str
    body: str
    translation: str | None
    translation_lang: str
    source_lang: str
    is_auto: bool
    is_internal: bool
    files: tuple = ()           # names of attached files


@dataclass(frozen=True)
class Transcript:
    conversation_id: int
    shop: str                   # shop name
    platform: str
    buyer_name: str
    buyer_login: str
    buyer_country: str
    channel: str
    subject: str
    order_no: str
    lines: tuple
    notes_included: bool
    notes_left_out: int         # internal notes not printed
    made_at: datetime


@dataclass(frozen=True)
class Words:
    """The texts of the layout; the window passes translated ones."""
    title: str = "Conversation transcript"
    buyer: str = "Buyer"
    shop: str = "Shop"
    channel: str = "Channel"
    order: str = "Order"
    subject: str = "Subject"
    printed: str = "Made"
    times: str = "Times are in {0}."
    notes_in: str = "Internal notes are included (marked); the buyer never saw them."
    notes_out: str = "Internal notes are left out ({0})."
    you: str = "Shop"
    note: str = "Internal note · the buyer does not see this"
    auto: str = "Automatic reply"
    translation: str = "Translation"
    files: str = "Attached"
    empty: str = "No messages."
    page: str = "Page {0} of {1}"
    channel_word: Callable[[str], str] = field(default=lambda code: code.replace("_", " "))


def build(conversation_id: int, *, include_notes: bool = False) -> Transcript:
    """The whole conversation, oldest first (internal notes only when asked for)."""
    c = get_conversation(conversation_id)
    query = (Message.select().where(Message.conversation == c.id)
             .order_by(Message.sent_at, Message.id))
    rows = list(query)
    notes = sum(1 for m in rows if m.is_internal)
    if not include_notes:
        rows = [m for m in rows if not m.is_internal]
    files: dict[int, list] = {}
    ids = [m.id for m in rows]
    for start in range(0, len(ids), 500):
        attached = (Attachment.select(Attachment.message, StoredFile.original_name,
                                      StoredFile.sha256)
                    .join(StoredFile).where(Attachment.message.in_(ids[start:start + 500]))
                    .tuples())
        for message_id, name, sha in attached:
            files.setdefault(message_id, []).append(name or sha[:12])
    lines = tuple(Line(m.sent_at, m.direction, m.channel, m.author, m.body, m.translation,
                       m.translation_lang, m.source_lang, m.is_auto, m.is_internal,
                       tuple(files.get(m.id, ()))) for m in rows)
    buyer, shop = c.buyer, c.shop
    return Transcript(c.id, shop.name or shop.key, shop.platform, buyer.name or buyer.login,
                      buyer.login, buyer.country, c.channel, c.subject,
                      c.order.order_no if c.order_id else "", lines, include_notes,
                      0 if include_notes else notes, utcnow())


def zone_text(zone: tzinfo | None = None) -> str:
    """'CST (UTC+08:00)': the zone the transcript's times are in."""
    now = datetime.now().astimezone(zone)
    offset = now.strftime("%z")
    name = getattr(zone, "key", None) or now.tzname() or ""
    return f"{name} (UTC{offset[:3]}:{offset[3:]})"


def time_text(value: datetime, zone: tzinfo | None = None) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def header_text(t: Transcript, words: Words = Words()) -> str:
    """The line repeated at the top of every page."""
    order = f" · {words.order} {t.order_no}" if t.order_no else ""
    return f"{t.buyer_name} ({t.buyer_login}) · {t.shop}{order}"


def _lang(code: str) -> str:
    return LANGUAGES.get(code, code) if code else ""


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def to_html(t: Transcript, words: Words = Words(), zone: tzinfo | None = None,
            family: str = "") -> str:
    """The transcript as rich text: a table of facts, then one block per message."""
    font = f"font-family:'{family}';" if family else ""
    facts = [(words.buyer, f"{t.buyer_name} ({t.buyer_login}"
                           f"{', ' + t.buyer_country if t.buyer_country else ''})"),
             (words.shop, t.shop), (words.channel, words.channel_word(t.channel))]
    if t.order_no:
        facts.append((words.order, t.order_no))
    if t.subject:
        facts.append((words.subject, t.subject))
    facts.append((words.printed, time_text(t.made_at, zone)))
    rows = "".join(f'<tr><td style="color:#555555; padding-right:12px">{html.escape(k)}</td>'
                   f"<td>{html.escape(v)}</td></tr>" for k, v in facts)
    notes = (words.notes_in if t.notes_included else
             words.notes_out.format(t.notes_left_out))
    times = words.times.format(zone_text(zone))
    out = [f'<html><body style="{font} font-size:10pt">',
           f'<h2 style="margin-bottom:4px">{html.escape(words.title)}</h2>',
           f'<table cellspacing="0" cellpadding="1">{rows}</table>',
           f'<p style="color:#555555; font-size:9pt">{html.escape(times)} '
           f"{html.escape(notes)}</p><hr>"]
    if not t.lines:
        out.append(f"<p>{html.escape(words.empty)}</p>")
    for line in t.lines:
        out.append(_line_html(t, line, words, zone))
    out.append("</body></html>")
    return "".join(out)


def _line_html(t: Transcript, m: Line, words: Words, zone) -> str:
    if m.is_internal:
        who, colour, arrow = words.note, "#fff4c2", "■"
    elif m.is_auto:
        who, colour, arrow = words.auto, "#eaf5ea", "→"
    elif m.direction == "in":
        who, colour, arrow = f"{words.buyer}: {t.buyer_name}", "#f1f3f4", "←"
    else:
        who, colour, arrow = f"{words.you}: {m.author or t.shop}", "#e3efff", "→"
    meta = (f"{arrow} {html.escape(who)} · {html.escape(words.channel_word(m.channel))} · "
            f"{time_text(m.at, zone)}")
    if m.source_lang:
        meta += f" · {html.escape(_lang(m.source_lang))}"
    parts = [f'<div style="color:#444444; font-size:8.5pt"><b>{meta}</b></div>',
             f"<div>{_text(m.body)}</div>"]
    if m.translation:
        label = words.translation + (f" ({_lang(m.translation_lang)})"
                                     if m.translation_lang else "")
        parts.append(f'<div style="color:#333333; font-size:9pt; margin-left:14px">'
                     f"<i>{html.escape(label)}:</i> {_text(m.translation)}</div>")
    if m.files:
        parts.append(f'<div style="color:#555555; font-size:8.5pt">{html.escape(words.files)}: '
                     f"{html.escape(', '.join(m.files))}</div>")
    return (f'<table width="100%" cellspacing="0" cellpadding="5" style="margin-top:5px">'
            f'<tr><td bgcolor="{colour}">{"".join(parts)}</td></tr></table>')
