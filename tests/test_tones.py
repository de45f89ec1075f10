"""Colours a rep can read: every text tone on every background it is drawn on reaches WCAG AA
(4.5:1) in the light and the dark theme, and the widgets draw with those tones (#26.2)."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette

from app.services.messaging.thread import MessageView
from ui import theme, tones
from ui.conversation.thread_view import ThreadView

AA = 4.5
Role = QPalette.ColorRole


@pytest.fixture
def app(qapp):
    yield qapp
    theme.apply_theme(qapp, "system")


def _background(palette: QPalette, name: str, dark: bool) -> str:
    if name == tones.WINDOW:
        return palette.color(Role.Window).name()
    if name == tones.BASE:
        return palette.color(Role.Base).name()
    return tones.tones(dark)[name]


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_every_text_tone_is_readable_on_its_backgrounds(app, choice):
    theme.apply_theme(app, choice)
    dark = choice == "dark"
    assert tones.is_dark() is dark
    palette = app.palette()
    low = []
    for text, background in tones.TEXT_ON:
        fg, bg = tones.tones(dark)[text], _background(palette, background, dark)
        ratio = tones.contrast(fg, bg)
        if ratio < AA:
            low.append(f"{text} {fg} on {background} {bg}: {ratio:.2f}")
    assert low == []


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_the_palettes_own_text_is_readable(app, choice):
    theme.apply_theme(app, choice)
    p = app.palette()
    pairs = [(Role.Text, Role.Base), (Role.WindowText, Role.Window),
             (Role.ButtonText, Role.Button), (Role.HighlightedText, Role.Highlight),
             (Role.ToolTipText, Role.ToolTipBase), (Role.PlaceholderText, Role.Base),
             (Role.Link, Role.Base)]
    low = [f"{fg.name} on {bg.name}: {tones.contrast(p.color(fg).name(), p.color(bg).name()):.2f}"
           for fg, bg in pairs
           if tones.contrast(p.color(fg).name(), p.color(bg).name()) < AA]
    assert low == []


def _message(direction: str, **extra) -> MessageView:
    values = dict(id=1, direction=direction, channel="aliexpress_chat", body="Where is my parcel?",
                  sent_at=datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc), author="",
                  source_lang="en", translation=None, translation_lang="", is_auto=False,
                  is_internal=False)
    values.update(extra)
    return MessageView(**values)


def test_the_conversation_is_readable_in_the_dark_and_follows_a_theme_change(app, qtbot):
    """The bug: bubbles stayed light grey/blue with near-white text in the dark theme."""
    theme.apply_theme(app, "light")
    view = ThreadView()
    qtbot.addWidget(view)
    view.show_thread([_message("in"), _message("out", id=2, body="It left today."),
                      _message("out", id=3, is_internal=True, body="Check the carrier")],
                     "Ana")
    assert tones.LIGHT["bubble.in"] in view.toHtml()

    theme.apply_theme(app, "dark")
    page = view.toHtml()
    for kind in ("bubble.in", "bubble.out", "bubble.note"):
        assert tones.DARK[kind] in page and tones.LIGHT[kind] not in page
        assert tones.contrast(tones.DARK["bubble.text"], tones.DARK[kind]) >= AA
    assert tones.DARK["bubble.text"] in page      # the words carry their own colour
    assert "It left today." in view.toPlainText()


def test_the_alert_banner_takes_the_new_theme(app, qtbot):
    from ui.alert_banner import AlertBanner
    theme.apply_theme(app, "dark")
    banner = AlertBanner()
    qtbot.addWidget(banner)
    banner.show_error("The deadline monitor stopped")
    assert tones.DARK["banner.error"] in banner.styleSheet()
    theme.apply_theme(app, "light")
    assert tones.LIGHT["banner.error"] in banner.styleSheet()
    assert tones.LIGHT["banner.text"] in banner.styleSheet()


def test_no_widget_names_a_colour_of_its_own():
    """Colours come from ui/tones.py (checked above) or the theme's palette: a literal
    #rrggbb anywhere else in the window's code escapes the contrast check."""
    ui = Path(__file__).resolve().parent.parent / "ui"
    allowed = {ui / "tones.py", ui / "theme.py"}
    literal = re.compile(r"#[0-9a-fA-F]{6}\b")
    found = [f"{path.relative_to(ui)}:{n}" for path in sorted(ui.rglob("*.py"))
             if path not in allowed
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if literal.search(line)]
    assert found == []
