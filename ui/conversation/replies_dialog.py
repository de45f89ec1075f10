"""Quick phrases and automatic replies, edited in one window: reached from the composer
(Edit phrases…) and from the menu (Edit › Quick phrases and automatic replies…)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from ui import read_only
from ui.conversation.auto_reply_editor import AutoReplyEditor
from ui.conversation.phrase_editor import PhraseEditor

PHRASES, AUTO_REPLIES = 0, 1


class RepliesDialog(QDialog):
    """Saving or deleting announces a change of phrases (ui.write_op): an open thread
    offers the new ones."""

    def __init__(self, parent: QWidget | None = None, *, tab: int = PHRASES,
                 shop: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quick phrases and automatic replies"))
        self.phrases = PhraseEditor()
        self.auto_replies = AutoReplyEditor(shop=shop)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.phrases, self.tr("Quick phrases"))
        self.tabs.addTab(self.auto_replies, self.tr("Automatic replies"))
        self.tabs.setCurrentIndex(tab)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.read_only_note = read_only.note()     # a viewer reads the phrases, a rep edits
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(980, 640)
        if not read_only.show_role(self.read_only_note, ()):
            for button in self.writing_buttons():
                button.hide()

    def writing_buttons(self) -> list:
        """The editors' buttons that write: hidden for a viewer's login (their enabled state
        follows the selection, so they are hidden rather than turned off)."""
        p, a = self.phrases, self.auto_replies
        return [p.new_button, p.delete_button, p.save_button, p.add_language_button,
                p.remove_language_button, a.new_button, a.delete_button, a.save_button]

    def reject(self) -> None:
        """Closing asks before unsaved changes of a phrase are lost."""
        if self.phrases.may_leave():
            super().reject()


def open_editor(window, tab: int = PHRASES) -> RepliesDialog:
    """From the menu: the editor over the window."""
    dialog = RepliesDialog(window, tab=tab)
    dialog.open()
    window.replies_dialog = dialog
    return dialog
