"""The little Qt a PDF needs: a QGuiApplication (offscreen when there is no screen) and the
bundled Chinese font. WenQuanYi Micro Hei renders and extracts exactly; without a CJK font,
Chinese would silently be missing from the PDF."""

from __future__ import annotations

import logging
import os
import sys
import threading

from app.evidence.resources import CJK_FAMILY, font_path

log = logging.getLogger("afterdesk.evidence.qt")

_lock = threading.Lock()
_family: str | None = None
_app = None     # the QGuiApplication we created, kept alive for the process


class RenderingUnavailable(RuntimeError):
    pass


def ensure_gui_app():
    """The running Qt application, or a new QGuiApplication (CLI, scripts). With no display
    on Linux and no platform chosen, Qt is told to run offscreen."""
    global _app
    from PySide6.QtGui import QGuiApplication
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(["afterdesk"])
    return _app


def pdf_font_family() -> str:
    """Register the bundled font once; its family name. Raises RenderingUnavailable when the
    font cannot be loaded: a pack without its Chinese text must not be produced."""
    global _family
    with _lock:
        if _family is not None:
            return _family
        ensure_gui_app()
        from PySide6.QtGui import QFontDatabase
        path = font_path()
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RenderingUnavailable(
                f"The Chinese font {path} could not be loaded; reinstall AfterDesk.")
        _family = CJK_FAMILY if CJK_FAMILY in families else families[0]
        log.info("PDF font %s from %s", _family, path)
        return _family
