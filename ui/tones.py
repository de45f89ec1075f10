"""Colours by what they mean, one set for the light theme and one for the dark.

Widgets never name a colour: they ask for a tone ("error", "muted", "bubble.out"…) and get
the current theme's. Text set with `style_text` is restyled when the theme changes; views
that draw tones into HTML or a style sheet (the thread, the order panel, the banner) name a
method with `redraw_on_theme_change`, called after every change of theme. Every text tone
and every background it is drawn on reach WCAG AA (4.5:1) in both themes: the pairs are
listed in TEXT_ON and tests/test_tones.py computes their contrast.
"""

from __future__ import annotations

import weakref

from PySide6.QtGui import QColor, QGuiApplication, QPalette

LIGHT = {
    # text on the window or a list
    "error": "#c5221f", "warning": "#8a4b00", "ok": "#137333", "info": "#1a5fb4",
    "muted": "#5f6368", "text": "#1f2328",
    # stars a rep gives a conversation
    "star.red": "#c5221f", "star.orange": "#a8510b", "star.yellow": "#7d6400",
    "star.green": "#137333", "star.blue": "#1a5fb4", "star.purple": "#7b2cbf",
    # message bubbles and their words
    "bubble.in": "#f1f3f4", "bubble.out": "#e3efff", "bubble.note": "#fff4c2",
    "bubble.auto": "#eaf5ea", "bubble.text": "#1f2328", "bubble.meta": "#5f6368",
    # rows of a list that need attention
    "row.overdue": "#fde8e8", "row.soon": "#fff4d6",
    # the alert banner: background and border by kind, and its words
    "banner.info": "#e8f1fb", "banner.info.border": "#9cc2e8",
    "banner.alert": "#fff4d6", "banner.alert.border": "#e0b84a",
    "banner.error": "#fde8e8", "banner.error.border": "#e09a9a",
    "banner.text": "#1f2328",
    # the red count pill and its number
    "pill": "#c5221f", "pill.text": "#ffffff",
    # chart series
    "chart.1": "#3b7dd8", "chart.2": "#e8833a", "chart.3": "#3f9a43", "chart.4": "#c0504d",
}

DARK = {
    "error": "#f28b82", "warning": "#fdd663", "ok": "#81c995", "info": "#8ab4f8",
    "muted": "#9aa0a6", "text": "#e8eaed",
    "star.red": "#f28b82", "star.orange": "#fcad70", "star.yellow": "#fdd663",
    "star.green": "#81c995", "star.blue": "#8ab4f8", "star.purple": "#d7aefb",
    "bubble.in": "#2d2f33", "bubble.out": "#1f3a5f", "bubble.note": "#4a4018",
    "bubble.auto": "#1e3a26", "bubble.text": "#e8eaed", "bubble.meta": "#b5bac1",
    "row.overdue": "#4d2321", "row.soon": "#3d300d",
    "banner.info": "#1c2b3d", "banner.info.border": "#3d5a80",
    "banner.alert": "#3d3312", "banner.alert.border": "#8a6d1f",
    "banner.error": "#3d1f1f", "banner.error.border": "#8c4a4a",
    "banner.text": "#e8eaed",
    "pill": "#c5221f", "pill.text": "#ffffff",
    "chart.1": "#6ea8fe", "chart.2": "#f5a25d", "chart.3": "#72c476", "chart.4": "#ef7b78",
}

WINDOW, BASE = "window", "base"     # the palette's own backgrounds
_TEXT = ("error", "warning", "ok", "info", "muted", "text")
_STARS = tuple(k for k in LIGHT if k.startswith("star."))
_BUBBLES = ("bubble.in", "bubble.out", "bubble.note", "bubble.auto")

# Each text tone and the backgrounds it is drawn on.
TEXT_ON = (
    [(t, bg) for t in _TEXT + _STARS for bg in (WINDOW, BASE)]
    + [(t, bubble) for t in ("bubble.text", "bubble.meta") for bubble in _BUBBLES]
    + [(t, row) for t in ("text", "error", "warning", "muted")
       for row in ("row.overdue", "row.soon")]
    + [("banner.text", b) for b in ("banner.info", "banner.alert", "banner.error")]
    + [("pill.text", "pill")]
)


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def tones(dark: bool | None = None) -> dict[str, str]:
    return DARK if (is_dark() if dark is None else dark) else LIGHT


def tone(name: str) -> str:
    """The current theme's colour for `name`, as #rrggbb."""
    return tones()[name]


def qcolor(name: str) -> QColor:
    return QColor(tone(name))


_styled: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_redraws: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def style_text(widget, name: str, extra: str = "") -> None:
    """Colour a widget's text with a tone, now and after every change of theme."""
    _styled[widget] = (name, extra)
    widget.setStyleSheet(f"color: {tone(name)}; {extra}".strip())


def redraw_on_theme_change(widget, method: str) -> None:
    """Call `widget.<method>()` after every change of theme."""
    _redraws[widget] = method


def restyle() -> None:
    """The theme changed: every widget coloured with `style_text` takes its new colour and
    every view registered with `redraw_on_theme_change` draws again."""
    for widget, (name, extra) in list(_styled.items()):
        try:
            widget.setStyleSheet(f"color: {tone(name)}; {extra}".strip())
        except RuntimeError:        # its C++ object is already gone
            _styled.pop(widget, None)
    for widget, method in list(_redraws.items()):
        try:
            getattr(widget, method)()
        except RuntimeError:
            _redraws.pop(widget, None)


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    def luminance(colour: str) -> float:
        c = QColor(colour)
        def linear(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return (0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF())
                + 0.0722 * linear(c.blueF()))
    a, b = sorted((luminance(one), luminance(other)), reverse=True)
    return (a + 0.05) / (b + 0.05)
