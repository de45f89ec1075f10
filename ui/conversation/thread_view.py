"""The messages of one conversation, as the rep reads them.

The buyer's messages on the left, the shop's on the right; each says who, through which
channel and when (in the rep's zone). A translation sits under its original; internal
notes are yellow and say that the buyer never sees them; automatic replies say so.
Pictures show as thumbnails (decoded small on a pool thread); a click opens them full size.
An answer that goes through the outbox says where it is: queued, sending, sent, not sent
(with the reason, Retry and Edit), or copied but not confirmed (docs/channels.md). A Taobao
refund agreement the platform refused until the seller gives the SMS code it sent offers
Retry with the code instead (ui/conversation/sms_code_dialog.py).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.platforms.decisions import needs_code
from app.services.messaging.thread import MessageView
from app.services.messaging.translation import LANGUAGES
from app.evidence.store import object_path
from ui.conversation.image_viewer import thumbnail
from ui.formatting import local_time_text
from ui.words.channel_problems import problem_words
from ui.words.vocabulary import CHANNELS, OUTBOX_STATES, word
from ui.tones import redraw_on_theme_change, tone

THUMBNAIL = 140             # a thumbnail fits a square of this many pixels


def load_thumbnails(messages) -> dict:
    """sha256 -> thumbnail QImage (None: in the store but not readable as a picture) of
    every picture attached to `messages` that is in the file store (pool thread)."""
    out = {}
    for m in messages:
        for a in m.attachments:
            if a.is_image and a.sha256 not in out:
                path = attachment_path(a.sha256)
                if path is not None:
                    out[a.sha256] = thumbnail(path, THUMBNAIL)
    return out


def attachment_path(sha256: str) -> Path | None:
    """Where the shared file store keeps a file, when it is there."""
    path = object_path(sha256)
    return path if path.exists() else None


def _lang(code: str) -> str:
    return LANGUAGES.get(code, code) if code else ""


def delivery_html(item, writes: bool = True) -> str:
    """The outbox state under an answer's bubble, with what the rep can do about it
    (nothing when the login may not write: a viewer)."""
    translate = QCoreApplication.translate
    text = html.escape(word(OUTBOX_STATES, item.state))
    links = []
    colour = tone("bubble.meta")
    if item.state == "sent" and item.sent_at is not None:
        text += " · " + local_time_text(item.sent_at)
    elif item.state == "failed":
        colour = tone("error")
        text += ": " + html.escape(problem_words(item.error))
        links = [("code", translate("ThreadView", "Retry with the SMS code…"))
                 if needs_code(item.error) else ("retry", translate("ThreadView", "Retry")),
                 ("edit", translate("ThreadView", "Edit"))]
    elif item.state in ("queued", "copied") and not item.account:
        if item.state == "queued":
            text = html.escape(translate("ThreadView", "Not sent: AfterDesk cannot send "
                                                       "through this channel"))
        links = [("copy", translate("ThreadView", "Copy & open the platform")),
                 ("confirm", translate("ThreadView", "I sent it in the platform"))]
    elif item.state == "queued" and item.error:
        text += ": " + html.escape(problem_words(item.error))
    anchors = " · ".join(f'<a href="outbox-{action}:{item.id}">{html.escape(label)}</a>'
                         for action, label in (links if writes else ()))
    return (f'<div style="color:{colour}; font-size:small; margin-top:4px">{text}'
            + (f" · {anchors}" if anchors else "") + "</div>")


def message_html(m: MessageView, buyer_name: str, untranslatable: bool = False,
                 thumbnails: dict | None = None, delivery=None, writes: bool = True) -> str:
    translate = QCoreApplication.translate
    if m.is_internal:
        kind, who = "note", translate("ThreadView", "Internal note · the buyer does not see this")
    elif m.is_auto:
        kind, who = "auto", translate("ThreadView", "Automatic reply")
    elif m.direction == "in":
        kind, who = "in", buyer_name
    else:
        kind, who = "out", m.author or translate("ThreadView", "You")
    meta = f"{html.escape(who)} · {html.escape(word(CHANNELS, m.channel))} · " \
           f"{local_time_text(m.sent_at)}"
    body = html.escape(m.body).replace("\n", "<br>")
    text, muted = tone("bubble.text"), tone("bubble.meta")
    parts = [f'<div style="color:{muted}; font-size:small">{meta}</div>',
             f'<div style="color:{text}">{body}</div>']
    if m.translation:
        label = translate("ThreadView", "Translation")
        if m.translation_lang:
            label += f" ({_lang(m.translation_lang)})"
        parts.append(f'<div style="color:{text}; font-size:small; margin-top:4px">'
                     f'<i>{html.escape(label)}:</i> '
                     f'{html.escape(m.translation).replace(chr(10), "<br>")}</div>')
    elif untranslatable:
        none = translate("ThreadView", "No translation available")
        parts.append(f'<div style="color:{muted}; font-size:small; margin-top:4px">'
                     f'<i>{html.escape(none)}</i></div>')
    if kind == "in" and writes:            # the rep types or corrects the translation
        link = (translate("ThreadView", "Correct the translation") if m.translation
                else translate("ThreadView", "Write a translation"))
        parts.append(f'<div style="font-size:small"><a href="translation:{m.id}">'
                     f'{html.escape(link)}</a></div>')
    thumbnails = thumbnails or {}
    for a in m.attachments:
        name = html.escape(a.name or a.sha256[:12])
        thumb = thumbnails.get(a.sha256) if a.is_image else None
        if thumb is not None:
            parts.append(f'<div><a href="image:{a.sha256}" title="{name}">'
                         f'<img src="thumb:{a.sha256}" width="{thumb.width()}" '
                         f'height="{thumb.height()}"></a></div>')
            continue
        there = a.sha256 in thumbnails or attachment_path(a.sha256) is not None
        missing = "" if there else " " + QCoreApplication.translate(
            "ThreadView", "(file not in this computer’s store)")
        parts.append(f'<div style="color:{text}; font-size:small">📎 {name}'
                     f'{html.escape(missing)}</div>')
    if delivery is not None:
        parts.append(delivery_html(delivery, writes))
    cell = (f'<td width="78%" bgcolor="{tone("bubble." + kind)}" style="padding:6px">'
            + "".join(parts) + "</td>")
    spacer = '<td width="22%"></td>'
    row = cell + spacer if kind == "in" else spacer + cell
    return (f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-bottom:6px">'
            f"<tr>{row}</tr></table>")


class ThreadView(QTextBrowser):
    image_clicked = Signal(str)      # sha256 of an image to open full size
    outbox_action = Signal(str, int)  # retry | edit | copy | confirm, outbox item id
    translation_edit = Signal(int)    # a buyer's message whose translation the rep writes

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._clicked)
        self.messages: list[MessageView] = []
        self.untranslatable: set[int] = set()
        self.thumbnails: dict = {}
        self.deliveries: dict = {}
        self._buyer = ""
        self.writes = True          # links that write (False for a viewer's login)
        self._empty_text: str | None = None     # shown instead of messages; None: none yet
        self.code_dialog = None                 # Retry with the SMS code, when open
        redraw_on_theme_change(self, "_render")

    def show_thread(self, messages: list[MessageView], buyer_name: str, older: int = 0,
                    thumbnails: dict | None = None, deliveries: dict | None = None) -> None:
        self.messages, self._buyer = list(messages), buyer_name
        self._empty_text = None
        self.untranslatable = set()
        self.thumbnails = dict(thumbnails or {})
        self.deliveries = dict(deliveries or {})
        self._render()

    def loadResource(self, kind: int, url: QUrl):
        """The thumbnails decoded by the loader; the document asks for them by name."""
        text = url.toString()
        if text.startswith("thumb:"):
            image = self.thumbnails.get(text[len("thumb:"):])
            if image is not None:
                return image
        return super().loadResource(kind, url)

    def mark_untranslatable(self, ids) -> None:
        self.untranslatable |= set(ids)
        self._render()

    def clear_thread(self, text: str = "") -> None:
        self.messages = []
        self._empty_text = text
        self._render()

    def _render(self) -> None:
        if not self.messages:
            text = self._empty_text
            if text is None:
                text = QCoreApplication.translate("ThreadView", "No messages yet.")
            self.setHtml(f'<p style="color:{tone("muted")}">{html.escape(text)}</p>')
            return
        self.setHtml("".join(message_html(m, self._buyer, m.id in self.untranslatable,
                                          self.thumbnails, self.deliveries.get(m.id),
                                          self.writes)
                             for m in self.messages))
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def plain_text(self) -> str:
        return self.toPlainText()

    def _clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("image:"):
            self.image_clicked.emit(text[len("image:"):])
        elif not self.writes:
            return
        elif text.startswith("translation:"):
            self.translation_edit.emit(int(text[len("translation:"):]))
        elif text.startswith("outbox-code:"):
            self.ask_code(int(text[len("outbox-code:"):]))
        elif text.startswith("outbox-"):
            action, _, item = text[len("outbox-"):].partition(":")
            self.outbox_action.emit(action, int(item))

    def ask_code(self, item_id: int):
        """Retry with the SMS code: the code's dialog (its write announces the change, so
        the thread shows the answer queued again)."""
        from ui.conversation.sms_code_dialog import SmsCodeDialog
        self.code_dialog = SmsCodeDialog(item_id, self)
        self.code_dialog.open()
        return self.code_dialog
