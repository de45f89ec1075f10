"""Editing a shop's automatic replies (AE-12): one text per language (or one for any
language), each switched on or off, and every change kept and shown.

AliExpress itself only lets a seller add or delete these texts; AfterDesk allows editing
and keeps the history (app.services.messaging.auto_reply.changes). Saving goes through the service:
a refusal (a placeholder other than {buyer_name}, a second text in one language) is shown
here and nothing is written. Shops whose platform rules have no automatic reply (Taobao)
say so.
"""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPlainTextEdit, QPushButton, QSplitter, QTextBrowser, QVBoxLayout, QWidget)

from app.services.messaging import auto_reply
from app.errors import ServiceError
from app.services.commerce.shops import list_shops
from app.services.messaging.translation import LANGUAGES
from ui.errors import describe
from ui.formatting import local_time_text
from ui.conversation.editor_table import editor_table
from ui.table_models.auto_reply_table_model import AutoReplyTableModel
from ui.tones import style_text, tone
from ui.write_op import PHRASES, run_write

QUOTE_LENGTH = 160


class AutoReplyEditor(QWidget):

    def __init__(self, parent: QWidget | None = None, shop: str | None = None):
        super().__init__(parent)
        self.current_id: int | None = None
        self._syncing = False
        self.shop = QComboBox()
        for s in list_shops():
            self.shop.addItem(f"{s.name} ({s.key})", s.key)
        self.shop.currentIndexChanged.connect(lambda _i: self._shop_chosen())
        self.rule_note = QLabel()
        self.rule_note.setWordWrap(True)
        style_text(self.rule_note, "info")
        self.model = AutoReplyTableModel(self)
        self.table = editor_table(self.model, self._row_chosen)
        self.new_button = QPushButton(self.tr("New reply"))
        self.new_button.clicked.connect(self.new_rule)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(lambda: self.delete_rule())

        self.name = QLineEdit()
        self.language = QComboBox()
        self.language.addItem(self.tr("Any language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(f"{name} ({code})", code)
        self.enabled = QCheckBox(self.tr("On: send this reply"))
        self.enabled.setChecked(True)
        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(self.tr("Hi {buyer_name}, thanks for your message! "
                                             "We answer within 12 hours."))
        self.body_hint = QLabel(self.tr("Only {buyer_name} can be filled in: the reply goes "
                                        "out before anyone has looked at the conversation."))
        self.body_hint.setWordWrap(True)
        style_text(self.body_hint, "muted")
        self.error = QLabel()
        self.error.setWordWrap(True)
        style_text(self.error, "error", "font-weight: bold;")
        self.error.hide()
        self.saved_note = QLabel()
        style_text(self.saved_note, "ok")
        self.save_button = QPushButton(self.tr("Save reply"))
        self.save_button.clicked.connect(self.save)
        self.history = QTextBrowser()
        self.history.setOpenLinks(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        self.form = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.enabled)
        right_layout = QVBoxLayout(self.form)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(QLabel(self.tr("Text *")))
        right_layout.addWidget(self.body, 2)
        right_layout.addWidget(self.body_hint)
        right_layout.addWidget(self.error)
        save_row = QHBoxLayout()
        save_row.addWidget(self.saved_note, 1)
        save_row.addWidget(self.save_button)
        right_layout.addLayout(save_row)
        right_layout.addWidget(QLabel(self.tr("<b>History</b> (newest first)")))
        right_layout.addWidget(self.history, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.form)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Shop")))
        top.addWidget(self.shop, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.rule_note)
        layout.addWidget(split, 1)
        if shop:
            self.shop.setCurrentIndex(max(0, self.shop.findData(shop)))
        self._shop_chosen()

    # --- the shop and its rules --------------------------------------------------------
    def shop_key(self) -> str | None:
        return self.shop.currentData()

    def _shop_chosen(self) -> None:
        key = self.shop_key()
        supported = key is not None and auto_reply.supports(key)
        if key is None:
            self.rule_note.setText(self.tr("Add a shop first."))
        elif supported:
            hours, rule = auto_reply.window_rule(key)
            self.rule_note.setText(self.tr(
                "A buyer who writes for the first time in {0} h gets the reply in their "
                "language (else the one for any language, else English), at most once in "
                "{0} h ({1}). It does not count as an answer: the conversation stays "
                "unreplied.").format(hours, rule))
        else:
            self.rule_note.setText(self.tr("This shop's platform rules have no automatic "
                                           "reply."))
        for widget in (self.table, self.new_button, self.delete_button, self.form):
            widget.setEnabled(supported)
        self.current_id = None
        self.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.new_rule()

    def reload(self, select: int | None = None) -> None:
        key = self.shop_key()
        rows = auto_reply.rule_rows(key) if key and auto_reply.supports(key) else []
        self.model.set_rows(rows)
        keep = select if select is not None else self.current_id
        row = self.model.row_of(keep) if keep is not None else -1
        self._syncing = True
        try:
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
            else:
                self.table.selectionModel().clear()
        finally:
            self._syncing = False
        self.delete_button.setEnabled(self.current_id is not None and bool(rows))

    def _row_chosen(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        self.show_rule(self.model.row_object(current.row()))

    # --- the form ----------------------------------------------------------------------
    def show_rule(self, row) -> None:
        self.current_id = row.id
        self.name.setText(row.name)
        self.language.setCurrentIndex(max(0, self.language.findData(row.language)))
        self.enabled.setChecked(row.enabled)
        self.body.setPlainText(row.body)
        self._show_error("")
        self.saved_note.clear()
        self.delete_button.setEnabled(True)
        self.show_history()

    def new_rule(self) -> None:
        self.current_id = None
        self._syncing = True
        self.table.selectionModel().clear()
        self._syncing = False
        self.name.clear()
        self.language.setCurrentIndex(0)
        self.enabled.setChecked(True)
        self.body.clear()
        self._show_error("")
        self.saved_note.clear()
        self.delete_button.setEnabled(False)
        self.history.setHtml(f"<p style='color:{tone('muted')}'>%s</p>" % html.escape(
            self.tr("A new reply has no history yet.")))

    def show_history(self) -> None:
        if self.current_id is None:
            return
        try:
            entries = auto_reply.changes(self.current_id)
        except ServiceError as error:
            self.history.setPlainText(describe(error))
            return
        self.history.setHtml("".join(self._change_html(c) for c in entries)
                             or html.escape(self.tr("No changes recorded.")))

    def _change_html(self, change) -> str:
        head = f"<b>{local_time_text(change.at)}</b> · {html.escape(change.actor)}"
        lines = []
        if change.action == "add":
            lines.append(self.tr("added"))
        for field, (before, after) in change.changes.items():
            if change.action == "add":
                if field == "enabled" and not after:
                    lines.append(self.tr("added switched off"))
                continue
            if field == "enabled":
                lines.append(self.tr("switched on") if after else self.tr("switched off"))
            elif field == "body":
                quote = before if len(before or "") <= QUOTE_LENGTH else \
                    before[:QUOTE_LENGTH] + "…"
                lines.append(self.tr("text changed; before:") + f" «{quote}»")
            elif field == "language":
                lines.append(self.tr("language: {0} → {1}").format(self._language(before),
                                                                   self._language(after)))
            elif field == "name":
                lines.append(self.tr("name: {0} → {1}").format(before, after))
        body = "<br>".join(html.escape(line) for line in lines)
        return f"<p style='margin:0 0 6px 0'>{head}<br>{body}</p>"

    def _language(self, code) -> str:
        return LANGUAGES.get(code, code) if code else self.tr("any language")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # --- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        key = self.shop_key()
        values = dict(name=self.name.text(), body=self.body.toPlainText(),
                      language=self.language.currentData(), enabled=self.enabled.isChecked())
        write = (partial(auto_reply.add_rule, key, **values) if self.current_id is None
                 else partial(auto_reply.update_rule, self.current_id, **values))
        written = run_write(self, write, changes=[PHRASES], on_refused=self._refused)
        if not written:
            return False
        rule = written.result
        self.current_id = rule.id
        self._show_error("")
        self.saved_note.setText(self.tr("Saved."))
        self.reload(select=rule.id)
        self.show_history()
        return True

    def _refused(self, error: BaseException) -> None:
        self._show_error(describe(error))
        field = getattr(error, "field", None)
        {"body": self.body, "name": self.name, "language": self.language}.get(
            field, self.body).setFocus()

    def delete_rule(self, confirm: bool = True) -> bool:
        if self.current_id is None:
            return False
        if confirm:
            answer = QMessageBox.question(self, self.tr("Automatic replies"),
                                          self.tr("Delete the automatic reply '%s'? Its "
                                                  "history goes with it.") % self.name.text())
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if not run_write(self, partial(auto_reply.delete_rule, self.current_id),
                         changes=[PHRASES],
                         on_refused=lambda error: self._show_error(describe(error))):
            return False
        self.current_id = None
        self.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self.new_rule()
        return True
