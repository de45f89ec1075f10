"""Editing the quick phrases: title, /shortcut, category, the shop it serves (or every
shop), and a text per language, with the placeholders AfterDesk fills in.

Saving goes through app.services.messaging.quick_phrases, which refuses an unknown placeholder
(or a shortcut already taken) with a message that says what to change; the form shows it
and nothing is written. While typing, the placeholders found are listed under the text.
"""

from __future__ import annotations

import html
import re
from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QSplitter, QTabWidget, QVBoxLayout,
                               QWidget)

from app.services.messaging import placeholders, quick_phrases
from app.services.commerce.shops import list_shops
from app.services.messaging.translation import LANGUAGES
from ui.errors import describe
from ui.conversation.editor_table import editor_table
from ui.table_models.phrase_table_model import PhraseTableModel
from ui.tones import style_text, tone
from ui.write_op import PHRASES, run_write

_LANGUAGE_FIELD = re.compile(r"text \((\w+)\)")


def placeholder_note(text: str) -> str:
    """Rich text under a variant: the placeholders in it, unknown ones in red."""
    names = placeholders.names_in(text)
    if not names:
        return ""
    parts = []
    for name in names:
        if name in placeholders.KNOWN:
            parts.append(f"<span style='color:{tone('ok')}'>{{{name}}}</span>")
        else:
            parts.append(f"<span style='color:{tone('error')}'><b>{{{html.escape(name)}}}</b> ✗</span>")
    return " ".join(parts)


class PhraseEditor(QWidget):

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.current_id: int | None = None
        self._dirty = False
        self._loading = False
        self._syncing = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, /shortcut, text"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.reload())
        self.model = PhraseTableModel(self)
        self.table = editor_table(self.model, self._row_chosen)
        self.new_button = QPushButton(self.tr("New phrase"))
        self.new_button.clicked.connect(self.new_phrase)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(lambda: self.delete_phrase())

        self.title = QLineEdit()
        self.shortcut = QLineEdit()
        self.shortcut.setPlaceholderText(self.tr("one word, typed as /word + Tab"))
        self.category = QLineEdit()
        self.shop = QComboBox()
        self.shop.addItem(self.tr("Every shop"), None)
        for shop in list_shops():
            self.shop.addItem(f"{shop.name} ({shop.key})", shop.key)
        self.variants = QTabWidget()
        self.variants.setTabsClosable(False)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.add_language = QComboBox()
        self.add_language_button = QPushButton(self.tr("Add language"))
        self.add_language_button.clicked.connect(
            lambda: self.add_variant(self.add_language.currentData(), focus=True))
        self.remove_language_button = QPushButton(self.tr("Remove this language"))
        self.remove_language_button.clicked.connect(self.remove_current_variant)
        self.insert_placeholder = QComboBox()
        self.insert_placeholder.addItem(self.tr("Insert placeholder…"), None)
        for name, meaning in placeholders.KNOWN.items():
            self.insert_placeholder.addItem(f"{{{name}}} — {meaning}", name)
        self.insert_placeholder.activated.connect(self._insert_placeholder)
        self.placeholders_note = QLabel()
        self.placeholders_note.setTextFormat(Qt.TextFormat.RichText)
        self.placeholders_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        style_text(self.error, "error", "font-weight: bold;")
        self.error.hide()
        self.saved_note = QLabel()
        style_text(self.saved_note, "ok")
        self.save_button = QPushButton(self.tr("Save phrase"))
        self.save_button.clicked.connect(self.save)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)

        right = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Title *"), self.title)
        form.addRow(self.tr("Shortcut"), self.shortcut)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Shop"), self.shop)
        language_row = QHBoxLayout()
        language_row.addWidget(self.add_language)
        language_row.addWidget(self.add_language_button)
        language_row.addStretch(1)
        language_row.addWidget(self.remove_language_button)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Text per language (the reply language picks "
                                              "it; English when the buyer's has none)")))
        right_layout.addWidget(self.variants, 1)
        right_layout.addLayout(language_row)
        right_layout.addWidget(self.insert_placeholder)
        right_layout.addWidget(self.placeholders_note)
        right_layout.addWidget(self.error)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_note, 1)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        for field in (self.title, self.shortcut, self.category):
            field.textEdited.connect(self._edited)
        self.shop.activated.connect(self._edited)
        self.variants.currentChanged.connect(lambda _i: self._note_placeholders())
        self.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.new_phrase()

    # --- the list ------------------------------------------------------------------------
    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_id
        self.model.set_rows(quick_phrases.find_phrases(self.search.text()))
        row = self.model.row_of(keep) if keep is not None else -1
        selection = self.table.selectionModel()
        self._syncing = True            # the form already shows this phrase
        try:
            if row >= 0:
                selection.setCurrentIndex(self.model.index(row, 0),
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
            else:
                selection.clear()
        finally:
            self._syncing = False
        self.delete_button.setEnabled(self.current_id is not None)

    def _row_chosen(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        row = self.model.row_object(current.row())
        if row.id == self.current_id:
            return
        if not self.may_leave():
            self.reload()             # the choice goes back to the phrase being edited
            return
        self.show_phrase(row)

    def may_leave(self) -> bool:
        """Unsaved changes are only dropped when the rep says so."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Quick phrases"),
            self.tr("Discard the changes to '%s'?") % (self.title.text() or self.tr("new phrase")))
        return answer == QMessageBox.StandardButton.Yes

    # --- the form --------------------------------------------------------------------------
    def show_phrase(self, row) -> None:
        self._loading = True
        self.current_id = row.id
        self.title.setText(row.title)
        self.shortcut.setText(row.shortcut)
        self.category.setText(row.category)
        self.shop.setCurrentIndex(max(0, self.shop.findData(row.shop)))
        self._set_variants(row.variants)
        self._loading = False
        self._set_dirty(False)
        self._show_error("")
        self.delete_button.setEnabled(True)

    def new_phrase(self) -> None:
        if not self.may_leave():
            return
        self._loading = True
        self.current_id = None
        self._syncing = True
        self.table.selectionModel().clear()
        self._syncing = False
        for field in (self.title, self.shortcut, self.category):
            field.clear()
        self.shop.setCurrentIndex(0)
        self._set_variants({"en": ""})
        self._loading = False
        self._set_dirty(False)
        self._show_error("")
        self.delete_button.setEnabled(False)
        self.title.setFocus()

    def _set_variants(self, variants: dict) -> None:
        self.variants.clear()
        self.edits = {}
        for language in sorted(variants, key=lambda c: (c != "en", c)):
            self.add_variant(language, variants[language])
        if self.variants.count():
            self.variants.setCurrentIndex(0)
        self._refill_languages()

    def add_variant(self, language: str | None, text: str = "", focus: bool = False) -> None:
        if not language:
            return
        if language in self.edits:
            self.variants.setCurrentWidget(self.edits[language])
            return
        edit = QPlainTextEdit(text)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(self._edited)
        edit.textChanged.connect(self._note_placeholders)
        self.edits[language] = edit
        self.variants.addTab(edit, f"{LANGUAGES.get(language, language)} ({language})")
        self.variants.setCurrentWidget(edit)
        self._refill_languages()
        if focus:
            edit.setFocus()
            self._edited()

    def remove_current_variant(self) -> None:
        edit = self.variants.currentWidget()
        language = next((code for code, e in self.edits.items() if e is edit), None)
        if language is None:
            return
        self.variants.removeTab(self.variants.currentIndex())
        del self.edits[language]
        edit.deleteLater()
        self._refill_languages()
        self._edited()

    def _refill_languages(self) -> None:
        self.add_language.clear()
        for code, name in LANGUAGES.items():
            if code not in self.edits:
                self.add_language.addItem(f"{name} ({code})", code)
        self.add_language_button.setEnabled(self.add_language.count() > 0)
        self.remove_language_button.setEnabled(len(self.edits) > 1)

    def current_language(self) -> str | None:
        edit = self.variants.currentWidget()
        return next((code for code, e in self.edits.items() if e is edit), None)

    def _insert_placeholder(self, index: int) -> None:
        name = self.insert_placeholder.itemData(index)
        self.insert_placeholder.setCurrentIndex(0)
        edit = self.variants.currentWidget()
        if name and edit is not None:
            edit.insertPlainText("{%s}" % name)
            edit.setFocus()

    def _note_placeholders(self) -> None:
        edit = self.variants.currentWidget()
        note = placeholder_note(edit.toPlainText()) if edit is not None else ""
        if note:
            note = self.tr("Placeholders:") + " " + note
        self.placeholders_note.setText(note)

    def _edited(self, *_args) -> None:
        if not self._loading:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        if dirty:
            self.saved_note.clear()

    def variant_texts(self) -> dict:
        """The texts typed, by language; a language left empty is not kept."""
        return {code: edit.toPlainText() for code, edit in self.edits.items()
                if edit.toPlainText().strip()}

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # --- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        values = dict(title=self.title.text(), variants=self.variant_texts(),
                      shortcut=self.shortcut.text().strip(), category=self.category.text())
        if self.current_id is None:
            write = partial(quick_phrases.add_phrase, **values, shop=self.shop.currentData())
        else:
            write = partial(quick_phrases.update_phrase, self.current_id, **values,
                            shop=self.shop.currentData())
        written = run_write(self, write, changes=[PHRASES], on_refused=self._refused)
        if not written:
            return False
        phrase = written.result
        self.current_id = phrase.id
        self._show_error("")
        self._set_dirty(False)
        self.saved_note.setText(self.tr("Saved."))
        self.reload(select=phrase.id)
        return True

    def _refused(self, error: BaseException) -> None:
        self._show_error(describe(error))
        self._point_at(getattr(error, "field", None))

    def _point_at(self, field: str | None) -> None:
        """Put the cursor where the refusal points (the language's text, the shortcut…)."""
        found = _LANGUAGE_FIELD.fullmatch(field or "")
        if found and found.group(1) in self.edits:
            self.variants.setCurrentWidget(self.edits[found.group(1)])
            self.edits[found.group(1)].setFocus()
        elif field in ("title", "shortcut", "category"):
            getattr(self, field).setFocus()

    def delete_phrase(self, confirm: bool = True) -> bool:
        if self.current_id is None:
            return False
        if confirm:
            answer = QMessageBox.question(self, self.tr("Quick phrases"),
                                          self.tr("Delete the quick phrase '%s'?")
                                          % self.title.text())
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if not run_write(self, partial(quick_phrases.delete_phrase, self.current_id),
                         changes=[PHRASES],
                         on_refused=lambda error: self._show_error(describe(error))):
            return False
        self.current_id = None
        self._dirty = False
        self.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.new_phrase()
        return True
