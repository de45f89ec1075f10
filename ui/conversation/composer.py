"""Writing the answer: quick phrases (picker, /shortcut, Ctrl+1…9), placeholders filled from
the conversation, the channel used, the reply language, internal notes.

A text that still holds a placeholder is never sent: the composer says which ones and
offers a field for each (the fill-in prompt); an unknown placeholder must be removed.

The rep may write in Chinese and send in the buyer's language: *Translate reply* asks the
translators (off the window's thread) and shows the translation in a second box, where the
rep corrects it (or writes it, when no translator knows the text); what goes out is that
box, and the Chinese is kept beside it. Files (pictures, PDF) come from *Attach…*, a drop
or a pasted picture and show as chips; a channel that cannot carry them says so first.
"""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QShortcut, QTextCursor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QFrame,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QToolButton, QVBoxLayout, QWidget)

from app.vocab import CHANNELS
from app.services.common.background import run_read
from app.services.messaging import placeholders, quick_phrases, reply_files, translation
from app.services.messaging.translation import LANGUAGES
from app.services.commerce.shops import list_shops
from app.channels.outbox import carries_files, queue_reply
from ui import keymap
from ui.conversation.attachment_chips import AttachmentChips
from ui.conversation.phrase_picker import PhrasePicker
from ui.conversation.replies_dialog import RepliesDialog
from ui.conversation.shrink import ShrinkableRow
from ui.errors import describe
from ui.words.vocabulary import CHANNELS as CHANNEL_WORDS, word
from ui.tones import style_text
from ui.worker import run_in_background
from ui.write_op import CONVERSATIONS, run_write

_SHORTCUT_BEFORE_CURSOR = re.compile(r"(?:^|\s)/([\w-]+)$", re.UNICODE)
REP_LANGUAGE = "zh"          # the language the rep writes in when translating a reply


class PhraseEdit(QPlainTextEdit):
    """Tab after /shortcut expands the quick phrase; dropped files and pasted pictures go
    to the answer's attachments instead of into the text."""
    expand = Signal(str)
    files_dropped = Signal(list)          # local paths
    image_pasted = Signal(QImage)

    def canInsertFromMimeData(self, source) -> bool:
        return source.hasImage() or _local_paths(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source) -> None:
        paths = _local_paths(source)
        if paths:
            self.files_dropped.emit(paths)
        elif source.hasImage() and isinstance(source.imageData(), QImage):
            self.image_pasted.emit(source.imageData())
        else:
            super().insertFromMimeData(source)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Tab:
            cursor = self.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            found = _SHORTCUT_BEFORE_CURSOR.search(cursor.selectedText())
            if found:
                self.expand.emit(found.group(1))
                return
        super().keyPressEvent(event)


def _local_paths(source) -> list[str]:
    return [url.toLocalFile() for url in source.urls() if url.isLocalFile()] \
        if source.hasUrls() else []


class FillInPrompt(QFrame):
    """One field per placeholder left in the text."""
    filled = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}

    def ask(self, names: list[str]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        for name in names:
            if name in placeholders.KNOWN:
                field = QLineEdit()
                field.setPlaceholderText(placeholders.KNOWN[name])
                field.returnPressed.connect(self._fill)
                self.fields[name] = field
                self.form.addRow(f"{{{name}}}", field)
            else:
                self.form.addRow(QLabel(self.tr("{%s} is not a placeholder AfterDesk knows: "
                                                "remove it from the text.") % name))
        if self.fields:
            button = QPushButton(self.tr("Fill in"))
            button.clicked.connect(self._fill)
            self.form.addRow("", button)
            next(iter(self.fields.values())).setFocus()
        self.show()

    def _fill(self) -> None:
        self.filled.emit({n: f.text().strip() for n, f in self.fields.items() if f.text().strip()})


class Composer(QWidget):
    sent = Signal(int)              # conversation id after a message went out
    copy_open = Signal(int)         # outbox item to copy & open (no channel to send through)
    send_and_next = Signal()        # the rep asked to send, then open the next conversation
    leave = Signal()                # Esc: back to the list

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.conversation_id: int | None = None
        self.shop_id: int | None = None
        self.values: dict = {}
        self.phrases: list = []
        self.edit = PhraseEdit()
        self.edit.setPlaceholderText(self.tr("Write to the buyer…  /shortcut + Tab inserts a "
                                             "quick phrase, %1 sends, %2 sends and opens "
                                             "the next").replace("%1", keymap.text("send"))
                                     .replace("%2", keymap.text("send_and_next")))
        self.edit.setMinimumHeight(70)
        self.edit.setMaximumHeight(220)
        self.edit.expand.connect(self.insert_shortcut)
        self.channel = QComboBox()
        for value in CHANNELS:
            self.channel.addItem(word(CHANNEL_WORDS, value), value)
        self.channel.setToolTip(self.tr("The channel the answer goes through; it is recorded"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setToolTip(self.tr("Language of the answer (quick phrase variant)"))
        self.internal = QCheckBox(self.tr("Internal note"))
        self.phrase_button = QPushButton(self.tr("Quick phrase…"))
        self.phrase_button.setToolTip(self.tr("Choose a quick phrase (%1); Ctrl+1…9 insert "
                                              "the first nine").replace(
            "%1", keymap.text("phrase_picker")))
        self.phrase_button.clicked.connect(self.pick_phrase)
        self.edit_phrases_button = QToolButton()
        self.edit_phrases_button.setText(self.tr("Edit phrases…"))
        self.edit_phrases_button.setToolTip(self.tr("Add or change quick phrases and "
                                                    "automatic replies"))
        self.edit_phrases_button.clicked.connect(lambda: self.edit_phrases())
        self.editor = None
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.translate_button = QPushButton(self.tr("Translate reply"))
        self.translate_button.setToolTip(self.tr("Write in Chinese, then translate into the "
                                                 "answer's language; you can correct the "
                                                 "translation before sending"))
        self.translate_button.clicked.connect(self.translate_reply)
        self.translated_label = QLabel()
        self.translated_label.setWordWrap(True)
        style_text(self.translated_label, "muted")
        self.translated = QPlainTextEdit()
        self.translated.setAccessibleName(self.tr("Translation sent to the buyer"))
        self.translated.setMinimumHeight(60)
        self.translated.setMaximumHeight(160)
        self.discard_button = QToolButton()
        self.discard_button.setText(self.tr("Send my text as written"))
        self.discard_button.setToolTip(self.tr("Drop the translation: the text above goes "
                                               "to the buyer as it is"))
        self.discard_button.clicked.connect(self.discard_translation)
        self.translation_box = QWidget()
        box = QVBoxLayout(self.translation_box)
        box.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.translated_label, 1)
        heading.addWidget(self.discard_button)
        box.addLayout(heading)
        box.addWidget(self.translated)
        self.translation_box.hide()
        self.attach_button = QPushButton(self.tr("Attach…"))
        self.attach_button.setToolTip(self.tr("Pictures or PDF documents; you can also drop "
                                              "files on the reply box or paste a picture"))
        self.attach_button.clicked.connect(self.attach_files)
        self.chips = AttachmentChips()
        self.chips.refused.connect(lambda error: self._show_problem(describe(error)))
        self.chips.changed.connect(self._clear_problem)
        self.edit.files_dropped.connect(self.chips.add_paths)
        self.edit.image_pasted.connect(self.chips.add_image)
        self.setAcceptDrops(True)
        self._asked = 0               # the reply translation asked for last
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        style_text(self.problem, "error")
        self.problem.hide()
        self.prompt = FillInPrompt()
        self.prompt.filled.connect(self.fill_in)
        self.prompt.hide()

        tools_row = QWidget()
        tools = QHBoxLayout(tools_row)
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.phrase_button)
        tools.addWidget(self.channel)
        tools.addWidget(self.language)
        tools.addWidget(self.translate_button)
        tools.addStretch(1)
        send_row = QHBoxLayout()
        send_row.addWidget(self.internal)
        send_row.addWidget(self.edit_phrases_button)
        send_row.addStretch(1)
        send_row.addWidget(self.attach_button)
        send_row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.translation_box)
        layout.addWidget(self.chips)
        layout.addWidget(self.problem)
        layout.addWidget(self.prompt)
        layout.addWidget(ShrinkableRow(tools_row))
        layout.addLayout(send_row)

        # the keys come from ui/keymap.py, where no two shortcuts share a key
        for sequence in keymap.sequences("send"):
            QShortcut(sequence, self, activated=self.send)
        for sequence in keymap.sequences("send_and_next"):
            QShortcut(sequence, self, activated=self.send_and_next.emit)
        QShortcut(keymap.first("phrase_picker"), self, activated=self.pick_phrase)
        QShortcut(keymap.first("back_to_list"), self.edit, activated=self.leave.emit,
                  context=Qt.ShortcutContext.WidgetShortcut)
        for number in range(1, keymap.MAX_NUMBERED_PHRASES + 1):
            QShortcut(keymap.first(f"phrase_{number}"), self.edit,
                      activated=lambda n=number: self.insert_numbered(n),
                      context=Qt.ShortcutContext.WidgetShortcut)
        self.setEnabled(False)

    # --- the conversation ------------------------------------------------------------
    def set_conversation(self, conversation_id, shop_id, channel, language, values,
                         phrases) -> None:
        if conversation_id != self.conversation_id:
            self.edit.clear()
            self.discard_translation()
            self.chips.clear()
            self._clear_problem()
        self.conversation_id, self.shop_id = conversation_id, shop_id
        self.values, self.phrases = dict(values), list(phrases)
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))
        index = self.language.findData(language)
        if index < 0 and language:
            self.language.addItem(language, language)
            index = self.language.count() - 1
        self.language.setCurrentIndex(max(0, index if index >= 0 else
                                          self.language.findData("en")))
        self.setEnabled(True)

    def reply_language(self) -> str:
        return self.language.currentData() or ""

    # --- quick phrases -----------------------------------------------------------------
    def pick_phrase(self) -> None:
        if not self.isEnabled():
            return
        picker = PhrasePicker(self.shop_id, self.reply_language(), self)
        if picker.exec() and picker.chosen is not None:
            self.insert_phrase(picker.chosen)

    def edit_phrases(self, tab: int = 0):
        """The quick phrase and automatic reply editor (not modal: the thread stays
        readable); saving there refreshes the phrases offered here."""
        shop = next((s.key for s in list_shops() if s.id == self.shop_id), None)
        self.editor = RepliesDialog(self, tab=tab, shop=shop)
        self.editor.open()
        return self.editor

    def insert_shortcut(self, shortcut: str) -> None:
        row = next((p for p in self.phrases if p.shortcut == shortcut), None)
        if row is None:
            self._show_problem(self.tr("No quick phrase has the shortcut /%s.") % shortcut)
            return
        cursor = self.edit.textCursor()
        for _ in range(len(shortcut) + 1):
            cursor.deletePreviousChar()
        self.insert_phrase(row)

    def insert_numbered(self, number: int) -> None:
        if 0 < number <= len(self.phrases):
            self.insert_phrase(self.phrases[number - 1])

    def insert_phrase(self, row) -> None:
        rendered = quick_phrases.render(row, self.values, self.reply_language())
        self.edit.insertPlainText(rendered.text)
        self.edit.setFocus()
        if rendered.missing:
            self._ask(rendered.missing)
        else:
            self._clear_problem()

    # --- placeholders ------------------------------------------------------------------
    def _ask(self, names: list[str]) -> None:
        known = [n for n in names if n in placeholders.KNOWN]
        unknown = [n for n in names if n not in placeholders.KNOWN]
        parts = []
        if known:
            parts.append(self.tr("Fill in %s before sending: AfterDesk does not know it for "
                                 "this conversation.") % ", ".join("{%s}" % n for n in known))
        if unknown:
            parts.append(self.tr("Remove %s: AfterDesk does not know this placeholder.")
                         % ", ".join("{%s}" % n for n in unknown))
        self._show_problem(" ".join(parts))
        self.prompt.ask(names)

    def fill_in(self, values: dict) -> None:
        self.edit.setPlainText(placeholders.fill(self.edit.toPlainText(), values))
        left = placeholders.names_in(self.edit.toPlainText())
        if left:
            self._ask(left)
        else:
            self._clear_problem()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _clear_problem(self) -> None:
        self.problem.clear()
        self.problem.hide()
        self.prompt.hide()

    # --- translating the reply --------------------------------------------------------
    def translate_reply(self) -> None:
        """The rep's text (Chinese) in the answer's language, asked off the window's thread;
        it lands in the translation box, where the rep may correct it."""
        text, target = self.edit.toPlainText().strip(), self.reply_language()
        if not text:
            self._show_problem(self.tr("Write your answer in Chinese first, then translate it."))
            return
        if target == REP_LANGUAGE:
            self._show_problem(self.tr("The answer's language is Chinese: choose the buyer's "
                                       "language beside the channel first."))
            return
        self._asked += 1
        self._clear_problem()
        self.translate_button.setEnabled(False)
        self.translated_label.setText(self.tr("Translating…"))
        self.translation_box.show()
        run_in_background(partial(run_read, translation.translate, text, REP_LANGUAGE, target),
                          on_result=partial(self._reply_translated, self._asked, target),
                          on_error=partial(self._reply_not_translated, self._asked),
                          context=self)

    def _reply_translated(self, asked: int, target: str, result) -> None:
        if asked != self._asked:
            return
        self.translate_button.setEnabled(True)
        language = LANGUAGES.get(target, target)
        if result.available and result.target_lang == target:
            self.translated.setPlainText(result.text)
            self.translated_label.setText(
                self.tr("Sent to the buyer in %1 (translated by %2; correct it if needed):")
                .replace("%1", language).replace("%2", self._provider_name(result.provider)))
            self.translated.setFocus()
            return
        self.translated.clear()
        self.translated_label.setText(self.tr("Write the %1 text the buyer receives:")
                                      .replace("%1", language))
        if result.problem is not None:
            self._show_problem(describe(result.problem))
        elif not translation.online_ready():
            self._show_problem(self.tr("No translator knows this text, and no online "
                                       "translator is set up: add Baidu Translate in Settings "
                                       "› Translation, or write the translation yourself."))
        else:
            self._show_problem(self.tr("No translation found: write it yourself below."))
        self.translated.setFocus()

    def _provider_name(self, provider: str) -> str:
        names = {"Baidu Translate": self.tr("Baidu Translate"),
                 "phrase memory": self.tr("the phrase memory")}
        return names.get(provider, provider)

    def _reply_not_translated(self, asked: int, error: BaseException) -> None:
        if asked == self._asked:
            self.translate_button.setEnabled(True)
            self._show_problem(describe(error))

    def discard_translation(self) -> None:
        self._asked += 1
        self.translate_button.setEnabled(True)
        self.translated.clear()
        self.translation_box.hide()

    def translating(self) -> bool:
        return not self.translation_box.isHidden()

    # --- attachments -------------------------------------------------------------------------
    def attach_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach to the answer"), "",
            self.tr("Pictures and PDF (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.pdf)"))
        if paths:
            self.chips.add_paths(paths)

    def dragEnterEvent(self, event) -> None:
        if _local_paths(event.mimeData()) or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = _local_paths(event.mimeData())
        if paths:
            self.chips.add_paths(paths)
        elif isinstance(event.mimeData().imageData(), QImage):
            self.chips.add_image(event.mimeData().imageData())
        event.acceptProposedAction()

    def confirm_without_files(self, channel: str) -> bool:
        """The channel carries text only (copy & open): the rep adds the files on the
        platform's page; asked before anything is sent."""
        answer = QMessageBox.question(
            self, self.tr("Files are not sent through %1").replace(
                "%1", word(CHANNEL_WORDS, channel)),
            self.tr("AfterDesk cannot send files through %1: it copies the text and opens "
                    "the platform's page, where you add the %2 attached file(s) yourself. "
                    "They are kept with the answer here.\n\nSend the text now?")
            .replace("%1", word(CHANNEL_WORDS, channel))
            .replace("%2", str(len(self.chips.files))))
        return answer == QMessageBox.StandardButton.Yes

    # --- sending -------------------------------------------------------------------------
    def send(self) -> bool:
        """Send what is written; False when nothing went out (the reason is shown)."""
        if self.conversation_id is None or not self.isEnabled():
            return False
        written_text = self.edit.toPlainText().strip()
        internal = self.internal.isChecked()
        body, original = written_text, ""
        if self.translating() and not internal:
            body, original = self.translated.toPlainText().strip(), written_text
            if not body:
                self._show_problem(self.tr("Write the translation the buyer receives, or "
                                           "send your text as written."))
                return False
        if not body:
            self._show_problem(self.tr("Write a message first."))
            return False
        missing = placeholders.names_in(body)
        if missing and not internal:
            self._ask(missing)
            return False
        channel, language = self.channel.currentData(), self.reply_language()
        conversation_id, files = self.conversation_id, self.chips.pairs()
        if files and not internal and not carries_files(conversation_id, channel) \
                and not self.confirm_without_files(channel):
            return False

        def deliver():
            if internal:
                reply_files.save_note(conversation_id, body, files, channel=channel,
                                      language=language)
                return None
            # through the outbox: replied only once delivered (docs/channels.md)
            return queue_reply(conversation_id, body, channel=channel, language=language,
                               original=original, original_lang=REP_LANGUAGE if original
                               else "", files=files)

        written = run_write(self, deliver, changes=[CONVERSATIONS],
                            on_refused=lambda error: self._show_problem(describe(error)))
        if not written:
            return False
        self.edit.clear()
        self.discard_translation()
        self.chips.clear()
        self.internal.setChecked(False)
        self._clear_problem()
        item = written.result
        if item is not None and item.account_id is None:
            self.copy_open.emit(item.id)
        self.sent.emit(self.conversation_id)
        return True
