"""The Chinese font shipped with AfterDesk.

A fresh Windows or Linux machine may have no font with Chinese glyphs, and then
buyer names and messages show as boxes. AfterDesk loads WenQuanYi Micro Hei from its
own resources and puts it behind the system's interface font, so Latin text keeps
the familiar look and every Chinese character falls back to a font that has it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

# where the bundled resources are (also in a frozen build): one place for the core and the
# screens
from app.evidence.resources import CJK_FAMILY, CJK_FONT_FILE, resources_dir  # noqa: F401

log = logging.getLogger("afterdesk.ui.fonts")


def load_cjk_font(app: QApplication, font_file: Path | None = None) -> str | None:
    """Register the shipped font and make it the fallback of the application font.

    Returns the family now used for Chinese, or None when the file could not be loaded
    (the log says why; the window still opens).
    """
    font_file = font_file or resources_dir() / "fonts" / CJK_FONT_FILE
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("could not load the Chinese font %s; Chinese may show as boxes", font_file)
        return None
    family = CJK_FAMILY if CJK_FAMILY in families else families[0]
    font = QFont(app.font())
    ui_families = [f for f in font.families() or [font.family()] if f != family]
    font.setFamilies(ui_families + [family])
    app.setFont(font)
    log.info("Chinese font %s loaded from %s", family, font_file)
    return family
