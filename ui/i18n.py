"""The interface language: English (the source language) or Simplified Chinese.

Texts are marked with tr() / QCoreApplication.translate() in ui/; Qt Linguist files live in
resources/translations (afterdesk_zh_CN.ts, compiled to .qm by
scripts/update_translations.py). `install_translator` runs at start, before any window is
made, with the setting `ui.language` ("" follows the system's language). Qt's own
translation (qtbase_zh_CN.qm: OK, Cancel, the file dialog…) is loaded with it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.fonts import resources_dir

log = logging.getLogger("afterdesk.ui.i18n")

SOURCE_LANGUAGE = "en"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}   # each in its own words
CATALOG = "afterdesk"
QT_CATALOGS = ("qtbase",)

_installed: list[QTranslator] = []     # kept alive while installed


def window_language() -> str:
    """The language the window speaks now ("zh_CN", "en_US"…): the default locale that
    install_translator set."""
    return QLocale().name()


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve_language(value: str | None, system: QLocale | None = None) -> str:
    """The language to use for the setting's value ("" or unknown: the system's)."""
    if value in LANGUAGES:
        return value
    name = (system or QLocale.system()).name()
    return "zh_CN" if name.startswith("zh") else SOURCE_LANGUAGE


def catalog_path(language: str) -> Path:
    return translations_dir() / f"{CATALOG}_{language}.qm"


def install_translator(app: QCoreApplication, language: str) -> str:
    """Install the translations of `language` (removing earlier ones); returns the language
    actually in use — English when the catalog cannot be loaded (the log says why)."""
    remove_translators(app)
    QLocale.setDefault(QLocale(language))
    if language == SOURCE_LANGUAGE:
        return language
    own = QTranslator(app)
    if not own.load(str(catalog_path(language))):
        log.error("translation %s not loaded; the window stays in English", catalog_path(language))
        QLocale.setDefault(QLocale(SOURCE_LANGUAGE))
        return SOURCE_LANGUAGE
    app.installTranslator(own)
    _installed.append(own)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalog in QT_CATALOGS:
        qt = QTranslator(app)
        if qt.load(f"{catalog}_{language}", qt_folder) or \
                qt.load(f"{catalog}_{language}", str(translations_dir())):
            app.installTranslator(qt)
            _installed.append(qt)
        else:
            log.info("Qt's own %s translation for %s not found", catalog, language)
    log.info("interface language %s", language)
    return language


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())
