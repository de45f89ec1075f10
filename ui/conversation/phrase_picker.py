"""Choose a quick phrase: type to search (title, shortcut, any text), arrows, Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListView,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from app.services.messaging.quick_phrases import PhraseRow, find_phrases
from ui.conversation.phrase_model import PhraseListModel


class PhrasePicker(QDialog):
    def __init__(self, shop_id: int | None, language: str, parent: QWidget | None = None,
                 find=find_phrases):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quick phrases"))
        self.resize(560, 420)
        self._find, self._shop_id, self._language = find, shop_id, language
        self.chosen: PhraseRow | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search quick phrases (title, /shortcut, text)"))
        self.model = PhraseListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setMaximumHeight(110)
        self.empty = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Insert"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.list, self.empty, self.preview, buttons):
            layout.addWidget(widget)
        self.search.textChanged.connect(self._refill)
        self.search.returnPressed.connect(self._accept)
        self.list.doubleClicked.connect(lambda _i: self._accept())
        self.list.selectionModel().currentChanged.connect(self._show_preview)
        self._refill("")

    def _refill(self, text: str) -> None:
        rows = self._find(text, self._shop_id)     # a few hundred phrases at most
        self.model.set_phrases(rows, self._language)
        self.empty.setText("" if rows else self.tr("No quick phrase matches."))
        if rows:
            self.list.setCurrentIndex(self.model.index(0))

    def _show_preview(self, current, _previous=None) -> None:
        if current.isValid():
            language, body = self.model.phrase(current.row()).text_for(self._language)
            self.preview.setPlainText(f"[{language}] {body}")
        else:
            self.preview.clear()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
            row = self.list.currentIndex().row()
            row += 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.model.rowCount() - 1, row))
            self.list.setCurrentIndex(self.model.index(row))
            return
        super().keyPressEvent(event)

    def _accept(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.chosen = self.model.phrase(index.row())
            self.accept()
