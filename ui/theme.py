"""Light or dark: the window follows the system's colour scheme (Windows' dark mode)
unless the rep chose one in the settings (`ui.theme`: system, light, dark).

Dark uses Qt's Fusion style with a dark palette, which looks the same on every
Windows version; light with "system" keeps the native style.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ui import tones

log = logging.getLogger("afterdesk.ui.theme")

THEMES = ("system", "light", "dark")
NATIVE = "native"       # the look Qt gives a new application: native style, system colours
_state = {"native_style": None, "following": False, "look": NATIVE}


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve_theme(choice: str) -> str:
    """'light' or 'dark' for the setting's value."""
    if choice in ("light", "dark"):
        return choice
    return "dark" if system_is_dark() else "light"


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#202124"), QColor("#17181a"), QColor("#e8eaed")
    button, highlight, muted = QColor("#2d2e31"), QColor("#2563eb"), QColor("#8a8f98")
    roles = {
        QPalette.ColorRole.Window: window, QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base, QPalette.ColorRole.AlternateBase: QColor("#232427"),
        QPalette.ColorRole.ToolTipBase: button, QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.Text: text, QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text, QPalette.ColorRole.BrightText: QColor("#ff6b6b"),
        QPalette.ColorRole.Highlight: highlight, QPalette.ColorRole.HighlightedText: QColor("white"),
        QPalette.ColorRole.Link: QColor("#8ab4f8"), QPalette.ColorRole.PlaceholderText: muted,
        QPalette.ColorRole.Mid: QColor("#3c4043"), QPalette.ColorRole.Dark: QColor("#111214"),
        QPalette.ColorRole.Light: QColor("#3c4043"),
    }
    for role, colour in roles.items():
        p.setColor(role, colour)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, muted)
    # a field that cannot be typed into takes the window's colour (as in the light
    # theme): beside the fields a rep may fill, it does not look like one left empty
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    return p


def light_palette(standard: QPalette) -> QPalette:
    """Fusion's light palette with a selection dark enough for its white text (WCAG AA)."""
    standard.setColor(QPalette.ColorRole.Highlight, QColor("#1a5fb4"))
    return standard


def apply_theme(app: QApplication, choice: str) -> str:
    """Colour the application for the setting's value; returns 'light' or 'dark'.
    With 'system' it follows later changes of the system's scheme too.

    A start in the system's light scheme changes nothing: Qt has already dressed the
    window in the native style and the system's colours (and creating styles is a
    noticeable part of a start)."""
    resolved = resolve_theme(choice)
    look = NATIVE if choice == "system" and resolved == "light" else resolved
    if look != _state["look"]:
        if _state["native_style"] is None:      # still the one Qt picked at start
            _state["native_style"] = app.style().name()
        if look == "dark":
            app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(dark_palette())
        elif look == "light":
            app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(light_palette(app.style().standardPalette()))
        else:
            app.setStyle(QStyleFactory.create(_state["native_style"])
                         or QStyleFactory.create("Fusion"))
            app.setPalette(QPalette())          # back to the system's own colours
        _state["look"] = look
        tones.restyle()             # text coloured by meaning takes the new theme's tone
    hints = QGuiApplication.styleHints()
    if choice == "system" and not _state["following"]:
        hints.colorSchemeChanged.connect(_follow)
        _state["following"] = True
    _state["choice"] = choice
    log.info("theme %s (%s)", resolved, choice)
    return resolved


def _follow(_scheme=None) -> None:
    app = QApplication.instance()
    if app is not None and _state.get("choice") == "system":
        apply_theme(app, "system")


def current_is_dark(app: QApplication | None = None) -> bool:
    app = app or QApplication.instance()
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
