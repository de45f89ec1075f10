"""The right-hand side of the inbox: who the conversation is with, its actions (star colour,
mark replied or unreplied, assign to me), translation, the thread and the composer.

Everything is read on a pool thread (ui.worker); small writes (a star, a reply) run here
through the write helper (ui.write_op), which tells the list; the panel reloads itself.
"""

from __future__ import annotations

import time
from dataclasses import replace
from functools import partial

import shiboken6

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from app.vocab import STAR_COLOURS
from app.services.messaging import conversations, presence, quick_phrases, thread, translation
from app.services.common.background import run_read
from app.services.common import change_notice
from app.services.common.live_changes import conversation_ref
from app.services.common.reps import current_rep, may_write
from app.services.common.versions import as_shown
from app.errors import ServiceError
from ui.conversation.buyer_clock import BuyerClock
from ui.conversation.composer import Composer
from ui.conversation.shrink import ShrinkableRow
from ui.conversation.image_viewer import ImageViewer, PictureUnreadable, read_picture
from ui.conversation.thread_view import ThreadView, attachment_path, load_thumbnails
from ui.conversation.transcript_actions import TranscriptButton
from ui.server_state import read_failed_server_gone, server_state
from ui.errors import describe, is_expected, report_exception, show_expected_error
from ui.tones import style_text
from ui.words.vocabulary import CHANNELS, STARS, word
from ui.worker import run_in_background
from ui.write_op import CASES, CONVERSATIONS, PHRASES, run_write, run_write_in_background

MESSAGES_SHOWN = 300        # the newest messages of a very long thread
PRESENCE_MS = 2000          # how often an open conversation asks who else is replying
MARK_EVERY_S = 10.0         # a rep typing renews "replying" this often (it lasts longer)


def load_conversation(conversation_id: int) -> dict:
    """Everything the panel shows (runs on a pool thread), picture thumbnails included."""
    from app.channels.outbox import message_states
    head = thread.header(conversation_id)
    messages = thread.thread_messages(conversation_id, MESSAGES_SHOWN)
    return {"header": head,
            "messages": messages,
            "deliveries": message_states(conversation_id),
            "thumbnails": load_thumbnails(messages),
            "side": thread.side_panel(conversation_id),
            "phrases": quick_phrases.find_phrases("", head.shop_id)}


class ThreadPanel(QWidget):
    loaded = Signal(int)
    side_loaded = Signal(object)   # the SidePanel of the shown conversation

    def __init__(self, my_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.my_name = my_name or current_rep()
        self.conversation_id: int | None = None
        self.header = None
        self._generation = 0
        self.title = QLabel(self.tr("Choose a conversation on the left."))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.presence = QLabel()            # "李丽 is replying" (another rep, another AfterDesk)
        style_text(self.presence, "warning")
        self.presence.hide()
        self.presence_timer = QTimer(self)
        self.presence_timer.setInterval(PRESENCE_MS)
        self.presence_timer.timeout.connect(self.refresh_presence)
        self._marked_at: float | None = None    # when this rep last said "replying" here
        try:                                   # the buyer's local time (GEN-7), when present
            self.clock = BuyerClock()
        except ImportError:
            self.clock = None
        self.star = QComboBox()
        for colour in STAR_COLOURS:
            self.star.addItem(self.tr("No star") if colour == "none" else "★ " + word(STARS, colour),
                              colour)
        self.star.activated.connect(self._set_star)
        self.replied_button = QPushButton()
        self.replied_button.clicked.connect(self._toggle_replied)
        self.assign_button = QPushButton(self.tr("Assign to me"))
        self.assign_button.clicked.connect(self._assign)
        self.source = QComboBox()
        self.source.addItem(self.tr("As written"), "")
        self.target = QComboBox()
        for code, name in translation.LANGUAGES.items():
            self.source.addItem(name, code)
            self.target.addItem(name, code)
        self.target.setCurrentIndex(self.target.findData("zh"))
        self.translate_button = QPushButton(self.tr("Translate"))
        self.translate_button.clicked.connect(self.translate_thread)
        self.translate_note = QLabel()        # on its own line: a problem says what to do
        self.translate_note.setWordWrap(True)
        self.translate_note.hide()
        self.transcript_button = TranscriptButton()
        self.transcript_button.saved.connect(self._transcript_saved)
        self.transcript_button.printed.connect(self._transcript_printed)
        self.view = ThreadView()
        self.view.image_clicked.connect(self.open_image)
        self.view.outbox_action.connect(self.outbox_action)
        self.view.translation_edit.connect(self.edit_translation)
        self.viewer: ImageViewer | None = None
        self.may_write = may_write()     # a viewer's login reads only (app/server/roles.py)
        self.composer = Composer()
        self.read_only_note = QLabel(self.tr(
            "This login may read the shop's conversations but not answer them or change "
            "them (a viewer). Ask the shop's owner for a rep's role to reply."))
        self.read_only_note.setWordWrap(True)
        style_text(self.read_only_note, "muted")
        self.composer.sent.connect(self._sent)
        self.composer.edit.textChanged.connect(self._typing)
        change_notice.subscribe(self._heard)
        self.composer.copy_open.connect(self._copied_from_composer)

        actions_row = QWidget()
        actions = QHBoxLayout(actions_row)
        actions.setContentsMargins(0, 0, 0, 0)
        for widget in (self.star, self.replied_button, self.assign_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.transcript_button)
        translate_row = QWidget()
        translating = QHBoxLayout(translate_row)
        translating.setContentsMargins(0, 0, 0, 0)
        translating.addWidget(QLabel(self.tr("Translate from")))
        translating.addWidget(self.source)
        translating.addWidget(QLabel(self.tr("to")))
        translating.addWidget(self.target)
        translating.addWidget(self.translate_button)
        translating.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.composer)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([500, 130])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.presence)
        if self.clock is not None:
            layout.addWidget(self.clock)
        layout.addWidget(ShrinkableRow(actions_row))
        layout.addWidget(ShrinkableRow(translate_row))
        layout.addWidget(self.translate_note)
        layout.addWidget(split, 1)
        layout.addWidget(self.read_only_note)   # under the thread, where the reply box is
        self._show_role()                   # once placed: alone, each was a window
        self._enable(False)

    def _show_role(self) -> None:
        """The composer for a login that may write, the viewer's note for one that reads;
        asked again at each reading (a role the owner changed: app.services.common.reps)."""
        self.may_write = may_write()
        self.view.writes = self.may_write       # no Retry, Edit or translation links
        self.composer.setVisible(self.may_write)
        self.read_only_note.setVisible(not self.may_write)

    def _say(self, text: str) -> None:
        """The line under the translation row (translation, transcript); hidden when empty."""
        self.translate_note.setText(text)
        self.translate_note.setVisible(bool(text))

    def _enable(self, on: bool) -> None:
        for widget in (self.star, self.replied_button, self.assign_button, self.source,
                       self.target, self.translate_button, self.transcript_button):
            widget.setEnabled(on)
        for widget in (self.star, self.replied_button, self.assign_button,
                       self.translate_button):     # translations are kept: a write
            widget.setEnabled(on and self.may_write)

    # --- loading ---------------------------------------------------------------------
    def show_conversation(self, conversation_id: int | None) -> None:
        if conversation_id != self.conversation_id:
            self._stop_replying()
        self._generation += 1
        if conversation_id != self.conversation_id:     # a reload keeps what was said
            self._say("")
        self.conversation_id = conversation_id
        if conversation_id is None:
            self.header = None
            self.title.setText(self.tr("Choose a conversation on the left."))
            if self.clock is not None:
                self.clock.set_buyer(None)
            self.view.clear_thread()
            self.show_presence([])
            self.presence_timer.stop()
            self.composer.setEnabled(False)
            self._enable(False)
            self.side_loaded.emit(None)
            return
        run_in_background(partial(run_read, load_conversation, conversation_id),
                          on_result=partial(self._loaded, self._generation),
                          on_error=partial(self._failed, self._generation), context=self)

    def reload(self) -> None:
        self.show_conversation(self.conversation_id)

    def _loaded(self, generation: int, data: dict) -> None:
        if generation != self._generation:
            return
        head = self.header = data["header"]
        if may_write() != self.may_write:
            self._show_role()
        self.title.setText(
            f"<b>{head.buyer_name}</b> ({head.buyer_login}, {head.buyer_country or '?'}) · "
            f"{head.shop} · {word(CHANNELS, head.channel)}"
            + (f" · {head.subject}" if head.subject else "")
            + (self.tr(" · assigned to {0}").format(head.assigned_to) if head.assigned_to
               else ""))
        if self.clock is not None:
            self.clock.set_buyer(head.buyer_zone, country=head.buyer_country, day=head.buyer_day)
        self.star.setCurrentIndex(max(0, self.star.findData(head.star)))
        self.replied_button.setText(self.tr("Mark unreplied") if head.is_replied
                                    else self.tr("Mark replied"))
        self.assign_button.setEnabled(head.assigned_to != self.my_name)
        self.view.show_thread(data["messages"], head.buyer_name,
                              thumbnails=data.get("thumbnails"),
                              deliveries=data.get("deliveries"))
        self.transcript_button.set_conversation(head.id, head.buyer_name)
        language = head.language or head.buyer_language or "en"
        self.composer.set_conversation(head.id, head.shop_id, head.channel, language,
                                       data["side"].placeholder_values, data["phrases"])
        self._enable(True)
        self.assign_button.setEnabled(head.assigned_to != self.my_name and self.may_write)
        self.side_loaded.emit(data["side"])
        if self.isVisible():
            self.refresh_presence()
            self.presence_timer.start()
        if not head.is_read and self.may_write:
            self._write(conversations.mark_read, reload=False, as_it_is=True)
        self.loaded.emit(head.id)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if self.header is not None and read_failed_server_gone(error):
            return              # the thread shown stays; the banner says the server is gone
        self.view.clear_thread(self.tr("The conversation could not be read."))
        report_exception(error, self)

    # --- actions -------------------------------------------------------------------------
    def _write(self, action, *args, reload: bool = True, as_it_is: bool = False) -> bool:
        """Change the conversation as the panel shows it: one changed meanwhile by another
        rep is refused (who and what), and the panel shows it as it is now. `as_it_is`:
        a change that cannot undo another rep's (marking it read on opening it)."""
        conv_id = self.conversation_id
        shown = None if as_it_is or self.header is None else self.header.version
        def done(result) -> None:
            # This rep's own change: the panel goes on from its version at once (the next
            # click may come before the panel has read the conversation again).
            if self.header is not None and getattr(result, "id", None) == self.header.id:
                self.header = replace(self.header, version=result.version)
            if reload:
                self.reload()
        return bool(run_write(self, lambda: action(as_shown(thread.get_conversation(conv_id),
                                                            shown), *args),
                              changes=[CONVERSATIONS], on_done=done,
                              on_failed=lambda _error: self.reload()))

    def _heard(self, change) -> None:
        """Quick phrases or automatic replies were edited (the composer offers them anew),
        a case was recorded (the order beside the thread, the refund placeholders), or
        another rep changed this conversation (app.services.common.live_changes)."""
        if not shiboken6.isValid(self) or self.header is None:
            return
        if change.touches([PHRASES, CASES]) \
                or conversation_ref(self.header.id) in change.refs:
            self.reload()

    def _set_star(self, _index: int) -> None:
        self._write(conversations.set_star, self.star.currentData())

    def _toggle_replied(self) -> None:
        if self.header is not None:
            self._write(conversations.mark_unreplied if self.header.is_replied
                        else conversations.mark_replied)

    def _assign(self) -> None:
        self._write(conversations.assign, self.my_name)

    # --- the outbox ------------------------------------------------------------------------
    open_url = None      # how a platform's page is opened (None: the system's browser)

    def outbox_action(self, action: str, item_id: int) -> None:
        """Retry or Edit an answer that was not sent; Copy & open, then confirm, an answer
        on a channel AfterDesk cannot send through (docs/channels.md)."""
        from app.channels import outbox
        try:
            if action == "retry":
                outbox.retry(item_id)
            elif action == "edit":
                if not self._edit_answer(item_id):
                    return
            elif action == "copy":
                self._copy_and_open(item_id)
            elif action == "confirm":
                outbox.confirm(item_id)
        except ServiceError as error:
            show_expected_error(error, self)
            return
        change_notice.changed([CONVERSATIONS])   # the list's replied state may have moved
        self.reload()

    def _copied_from_composer(self, item_id: int) -> None:
        try:
            self._copy_and_open(item_id)
        except ServiceError as error:
            show_expected_error(error, self)

    def _edit_answer(self, item_id: int) -> bool:
        from PySide6.QtWidgets import QInputDialog

        from app.channels import outbox
        body = outbox.answer_text(item_id)
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Edit the answer"),
                                                 self.tr("Answer"), body)
        if not ok:
            return False
        outbox.edit(item_id, text)
        return True

    def _copy_and_open(self, item_id: int) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices, QGuiApplication

        from app.channels import outbox
        from app.channels.platform_pages import page_for
        item = outbox.get_item(item_id)
        QGuiApplication.clipboard().setText(outbox.answer_text(item))
        url = page_for(item.conversation_id)
        if url:
            (self.open_url or QDesktopServices.openUrl)(QUrl(url))
        outbox.copied(item)

    # --- pictures and transcripts ---------------------------------------------------------
    def open_image(self, sha256: str) -> ImageViewer | None:
        """A picture of the thread at full size, in its own window."""
        name = next((a.name for m in self.view.messages for a in m.attachments
                     if a.sha256 == sha256), "") or sha256[:12]
        path = attachment_path(sha256)
        try:
            if path is None:
                raise PictureUnreadable(self.tr("The picture {0} is not in this computer's "
                                                "file store.").format(name))
            image = read_picture(path)
        except PictureUnreadable as error:
            show_expected_error(error, self)
            return None
        self.viewer = ImageViewer(image, name, self)
        self.viewer.open()
        return self.viewer

    def _transcript_saved(self, path: str, pages: int) -> None:
        self._say(self.tr("Transcript saved: %s (%d pages)") % (path, pages))

    def _transcript_printed(self, pages: int) -> None:
        self._say(self.tr("Transcript sent to the printer (%d pages)") % pages)

    def _sent(self, _conversation_id: int) -> None:
        self._stop_replying()
        self.reload()           # the list heard of it from the write (ui.write_op)

    # --- who else is replying ---------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.header is not None:
            self.refresh_presence()
            self.presence_timer.start()

    def hideEvent(self, event) -> None:
        self.presence_timer.stop()          # asked again when the panel is on screen again
        super().hideEvent(event)

    def refresh_presence(self) -> None:
        """Ask who else is replying in the conversation shown (a small read, on a pool
        thread: on a server database it waits on the network)."""
        if self.conversation_id is None or not self.isVisible():
            return
        asked = self.conversation_id

        def show(names: list[str]) -> None:
            if asked == self.conversation_id:     # still the conversation on screen
                self.show_presence(names)

        def missed(error: BaseException) -> None:
            if not is_expected(error):             # busy for a moment: asked again soon
                raise error
        run_in_background(lambda: presence.replying(asked), show, missed, context=self)

    def show_presence(self, names: list[str]) -> None:
        if not names:
            self.presence.clear()
            self.presence.hide()
            return
        self.presence.setText(self.tr("{0} is replying").format(names[0]) if len(names) == 1
                              else self.tr("{0} are replying").format(self.tr(", ").join(names)))
        self.presence.show()

    def _typing(self) -> None:
        """The rep types in the composer: the others see "… is replying" (renewed while the
        rep goes on typing; an emptied composer takes it back)."""
        if self.conversation_id is None or not self.may_write:
            return
        if not self.composer.edit.toPlainText().strip():
            self._stop_replying()
            return
        now = time.monotonic()
        if self._marked_at is not None and now - self._marked_at < MARK_EVERY_S:
            return
        self._marked_at = now
        self._presence_write(partial(presence.mark_replying, self.conversation_id))

    def _stop_replying(self) -> None:
        if self._marked_at is not None and self.conversation_id is not None:
            self._presence_write(partial(presence.clear, self.conversation_id))
        self._marked_at = None

    def _presence_write(self, write) -> None:
        """A presence mark changes no record: nothing announced, a busy database skips it,
        and so does a server known to be gone (no wait on the network while typing)."""
        if not server_state().reachable:
            return
        run_write(self, write, changes=(), on_refused=lambda _error: None)

    # --- translation -----------------------------------------------------------------------
    def translate_thread(self) -> None:
        wanted = [m.id for m in self.view.messages
                  if m.direction == "in" and not m.is_internal and not m.translation]
        if not wanted:
            self._say(self.tr("Every message from the buyer has a translation."))
            return
        source, target = self.source.currentData(), self.target.currentData()
        default = (self.header.language or self.header.buyer_language) if self.header else ""
        self._say(self.tr("Translating…"))
        # Translations are kept with the messages: a write, on the pool (it may ask a
        # translation service for every message).
        run_write_in_background(
            self, partial(translation.translate_messages, wanted, target, source or None,
                          default_source=default),
            changes=[CONVERSATIONS], on_done=partial(self._translated, self._generation),
            on_refused=lambda error: self._say(describe(error)))

    def _translated(self, generation: int, results) -> None:
        if generation != self._generation:
            return
        missing = [mid for mid, result in results if not result.available]
        fell_back = any(r.fell_back for _mid, r in results if r.available)
        found = len(results) - len(missing)
        note = self.tr("%d translated, %d with no translation available") % (found, len(missing))
        if fell_back:
            note += self.tr(" (some in English: no text in the chosen language)")
        problem = next((r.problem for _mid, r in results if r.problem is not None), None)
        if problem is not None:
            note += " — " + describe(problem)
        elif missing and not translation.online_ready():
            note += " — " + self.tr("Only the phrase memory translates: add an online "
                                    "translator (Baidu Translate) in Settings › Translation.")
        self._say(note)
        generation_now = self._generation
        self.reload()
        if missing:
            self.loaded.connect(self._mark_missing_once(missing, generation_now + 1))

    def edit_translation(self, message_id: int) -> bool:
        """The rep types or corrects the translation of a buyer's message; it is kept
        beside the message and remembered by the phrase memory."""
        message = next((m for m in self.view.messages if m.id == message_id), None)
        if message is None or self.header is None:
            return False
        target = message.translation_lang or self.target.currentData()
        source = (message.source_lang or self.source.currentData() or self.header.language
                  or self.header.buyer_language or "")
        text, ok = self.ask_translation(message, target)
        if not ok or not text.strip():
            return False
        if not source:
            self._say(self.tr("Choose the language the message is written "
                                                "in (Translate from) first."))
            return False
        conv_id = self.conversation_id
        return bool(run_write(self, partial(translation.set_translation, message_id,
                                            text.strip(), target, source),
                              changes=[CONVERSATIONS],
                              on_done=lambda _r: self.reload() if conv_id == self.conversation_id
                              else None,
                              on_refused=lambda error: self._say(
                                  describe(error))))

    def ask_translation(self, message, target: str):
        from PySide6.QtWidgets import QInputDialog
        return QInputDialog.getMultiLineText(
            self, self.tr("Translation"),
            self.tr("%1\n\nTranslation (%2):").replace("%1", message.body[:600])
            .replace("%2", translation.LANGUAGES.get(target, target)),
            message.translation or "")

    def _mark_missing_once(self, ids, generation):
        def mark(_conv_id):
            self.loaded.disconnect(mark)
            if self._generation == generation:
                self.view.mark_untranslatable(ids)
        return mark
