"""The messages of one conversation, as the rep reads them.

The buyer's messages on the left, the shop's on the right; each says who, through which
channel and when (in the rep's zone). A translation sits under its original; internal
notes are yellow and say that the buyer never sees them; automatic replies say so.
Images show as thumbnails; a click opens them full size.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.services.thread import MessageView
from app.services.translation import LANGUAGES
from ui.formatting import local_time_text
from ui.labels import CHANNELS, word

COLOURS = {"in": "#f1f3f4", "out": "#e3efff", "note": "#fff4c2", "auto": "#eaf5ea"}
THUMBNAIL = 120


def attachment_path(sha256: str) -> Path | None:
    """Where the shared file store keeps a file, when it is there."""
    try:
        from app.evidence.store import object_path
    except ImportError:
        return None
    path = object_path(sha256)
    return path if path.exists() else None


def _lang(code: str) -> str:
    return LANGUAGES.get(code, code) if code else ""


def message_html(m: MessageView, buyer_name: str, untranslatable: bool = False) -> str:
    if m.is_internal:
        kind, who = "note", "Internal note · the buyer does not see this"
    elif m.is_auto:
        kind, who = "auto", "Automatic reply"
    elif m.direction == "in":
        kind, who = "in", buyer_name
    else:
        kind, who = "out", m.author or "You"
    meta = f"{html.escape(who)} · {html.escape(word(CHANNELS, m.channel))} · " \
           f"{local_time_text(m.sent_at)}"
    body = html.escape(m.body).replace("\n", "<br>")
    parts = [f'<div style="color:#5f6368; font-size:small">{meta}</div>',
             f"<div>{body}</div>"]
    if m.translation:
        label = f"Translation ({_lang(m.translation_lang)})" if m.translation_lang else \
            "Translation"
        parts.append(f'<div style="color:#3c4043; font-size:small; margin-top:4px">'
                     f'<i>{html.escape(label)}:</i> '
                     f'{html.escape(m.translation).replace(chr(10), "<br>")}</div>')
    elif untranslatable:
        parts.append('<div style="color:#80868b; font-size:small; margin-top:4px">'
                     '<i>No translation available</i></div>')
    for a in m.attachments:
        path = attachment_path(a.sha256)
        name = html.escape(a.name or a.sha256[:12])
        if a.is_image and path is not None:
            parts.append(f'<div><a href="image:{a.sha256}"><img src="{QUrl.fromLocalFile(str(path)).toString()}" '
                         f'width="{THUMBNAIL}"></a></div>')
        else:
            parts.append(f'<div style="font-size:small">📎 <a href="file:{a.sha256}">{name}</a>'
                         f'{"" if path else " (file not in this computer’s store)"}</div>')
    cell = (f'<td width="78%" bgcolor="{COLOURS[kind]}" style="padding:6px">'
            + "".join(parts) + "</td>")
    spacer = '<td width="22%"></td>'
    row = cell + spacer if kind == "in" else spacer + cell
    return (f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom:6px">'
            f"<tr>{row}</tr></table>")


class ThreadView(QTextBrowser):
    image_clicked = Signal(str)      # sha256 of an image to open full size

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.messages: list[MessageView] = []
        self.untranslatable: set[int] = set()
        self._buyer = ""

    def show_thread(self, messages: list[MessageView], buyer_name: str, older: int = 0) -> None:
        self.messages, self._buyer = list(messages), buyer_name
        self.untranslatable = set()
        self._render()

    def mark_untranslatable(self, ids) -> None:
        self.untranslatable |= set(ids)
        self._render()

    def clear_thread(self, text: str = "") -> None:
        self.messages = []
        self.setHtml(f'<p style="color:#5f6368">{html.escape(text)}</p>')

    def _render(self) -> None:
        if not self.messages:
            self.setHtml('<p style="color:#5f6368">No messages yet.</p>')
            return
        self.setHtml("".join(message_html(m, self._buyer, m.id in self.untranslatable)
                             for m in self.messages))
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def plain_text(self) -> str:
        return self.toPlainText()

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("image:"):
            self.image_clicked.emit(text[len("image:"):])
