"""Settings › Translation: the online translator (Baidu Translate) the Translate buttons
ask after the offline phrase memory. The app id is a setting; the key goes to the system
keyring (app.services.messaging.online_translators)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from app.errors import ServiceError
from app.services.common.background import run_read
from app.services.messaging import online_translators, translation
from app.settings import Settings
from ui.errors import describe
from ui.tones import style_text
from ui.worker import run_in_background


class TranslationTab(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        intro = QLabel(self.tr(
            "Translate asks the phrase memory first (offline: earlier translations and the "
            "quick phrases' languages), then an online translator. AfterDesk works with "
            "Baidu Translate (百度翻译开放平台): register at fanyi-api.baidu.com, open the "
            "general text translation service and copy its app id and key here."))
        intro.setWordWrap(True)
        self.app_id = QLineEdit(online_translators.configured_app_id(settings))
        self.app_id.setPlaceholderText("2015063000000001")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("kept in the system keyring; leave empty to keep "
                                            "the stored key"))
        self.endpoint = QLineEdit(str(settings.get(online_translators.ENDPOINT)))
        self.endpoint.setPlaceholderText(self.tr("empty: Baidu's own address"))
        form = QFormLayout()
        form.addRow(self.tr("App id (APP ID)"), self.app_id)
        form.addRow(self.tr("Key (密钥)"), self.key)
        form.addRow(self.tr("Address"), self.endpoint)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.clicked.connect(self.test)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.test_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.state)
        layout.addStretch(1)
        self._show_state()

    def _show_state(self, text: str = "", problem: bool = False) -> None:
        if not text:
            app_id = online_translators.configured_app_id(self.settings)
            text = (self.tr("Baidu Translate is set up (app id %s).") % app_id if app_id else
                    self.tr("No online translator is set up: only the phrase memory "
                            "translates."))
        self.state.setText(text)
        style_text(self.state, "error" if problem else "muted")

    def save(self) -> bool:
        try:
            online_translators.set_up_baidu(self.app_id.text(), self.key.text(),
                                            self.endpoint.text(), settings=self.settings)
        except ServiceError as error:          # a bad app id, no key, no keyring
            self._show_state(describe(error), problem=True)
            return False
        self.key.clear()
        self._show_state()
        return True

    def remove(self) -> None:
        online_translators.remove_baidu(self.settings)
        self.app_id.clear()
        self._show_state()

    def test(self) -> None:
        """Translate a word online (off the window's thread) and say what came back."""
        if not online_translators.configured_app_id(self.settings) and not self.save():
            return
        self.test_button.setEnabled(False)
        self._show_state(self.tr("Asking Baidu Translate…"))
        run_in_background(partial(run_read, _test_online), on_result=self._tested,
                          context=self)

    def _tested(self, result) -> None:
        self.test_button.setEnabled(True)
        if result.available:
            self._show_state(self.tr("It works: “Thank you” is “%s”.") % result.text)
        else:
            self._show_state(describe(result.problem) if result.problem is not None
                             else self.tr("Baidu Translate gave no translation."),
                             problem=True)


def _test_online():
    using, problem = translation.translators()
    online = [t for t in using if t.name != translation.PhraseMemoryTranslator.name]
    if problem is not None or not online:
        return translation.TranslationResult(None, "zh", "", problem=problem)
    return translation.translate("Thank you", "en", "zh", using=online)
