"""Writing the answer: quick phrases (picker, /shortcut, Ctrl+1…9), placeholders filled from
the conversation, the channel used, the reply language, internal notes.

A text that still holds a placeholder is never sent: the composer says which ones and
offers a field for each (the fill-in prompt); an unknown placeholder must be removed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut, QTextCursor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QToolButton, QVBoxLayout,
                               QWidget)

from app.vocab import CHANNELS
from app.services.messaging import placeholders, quick_phrases, thread
from app.services.messaging.translation import LANGUAGES
from app.services.commerce.shops import list_shops
from app.channels.outbox import queue_reply
from ui import keymap
from ui.conversation.phrase_picker import PhrasePicker
from ui.conversation.replies_dialog import RepliesDialog
from ui.conversation.shrink import ShrinkableRow
from ui.errors import describe
from ui.words.vocabulary import CHANNELS as CHANNEL_WORDS, word
from ui.tones import style_text
from ui.write_op import CONVERSATIONS, run_write

_SHORTCUT_BEFORE_CURSOR = re.compile(r"(?:^|\s)/([\w-]+)$", re.UNICODE)


class PhraseEdit(QPlainTextEdit):
    """Tab after /shortcut expands the quick phrase."""
    expand = Signal(str)

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
        self.phrase_button = QPushButton(self.tr("Quick phrase… (%1)").replace(
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
        tools.addWidget(QLabel(self.tr("via")))
        tools.addWidget(self.channel)
        tools.addWidget(self.language)
        tools.addStretch(1)
        send_row = QHBoxLayout()
        send_row.addWidget(self.internal)
        send_row.addWidget(self.edit_phrases_button)
        send_row.addStretch(1)
        send_row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
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

    # --- sending -------------------------------------------------------------------------
    def send(self) -> bool:
        """Send what is written; False when nothing went out (the reason is shown)."""
        if self.conversation_id is None or not self.isEnabled():
            return False
        body = self.edit.toPlainText().strip()
        internal = self.internal.isChecked()
        if not body:
            self._show_problem(self.tr("Write a message first."))
            return False
        missing = placeholders.names_in(body)
        if missing and not internal:
            self._ask(missing)
            return False
        channel, language = self.channel.currentData(), self.reply_language()

        def deliver():
            if internal:
                thread.send_reply(self.conversation_id, body, channel=channel,
                                  language=language, internal=True)
                return None
            # through the outbox: replied only once delivered (docs/channels.md)
            return queue_reply(self.conversation_id, body, channel=channel, language=language)

        written = run_write(self, deliver, changes=[CONVERSATIONS],
                            on_refused=lambda error: self._show_problem(describe(error)))
        if not written:
            return False
        self.edit.clear()
        self.internal.setChecked(False)
        self._clear_problem()
        item = written.result
        if item is not None and item.account_id is None:
            self.copy_open.emit(item.id)
        self.sent.emit(self.conversation_id)
        return True
