"""Quick phrases and automatic replies, edited in one window: reached from the composer
(Edit phrases…) and from the menu (Edit › Quick phrases and automatic replies…)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

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
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(980, 640)

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
