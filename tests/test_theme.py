"""Light or dark (ui.theme): the rep's choice, or the system's scheme; a start in the
system's light scheme leaves Qt's native look alone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from ui import theme


@pytest.fixture
def app(qapp):
    yield qapp
    theme.apply_theme(qapp, "system")     # the next test starts from the system's look


def test_dark_light_and_back_to_the_system_look(app, monkeypatch):
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    native = app.style().name()
    assert theme.apply_theme(app, "dark") == "dark"
    assert theme.current_is_dark(app) and app.style().name() == "fusion"
    assert theme.apply_theme(app, "light") == "light"
    assert not theme.current_is_dark(app) and app.style().name() == "fusion"
    assert theme.apply_theme(app, "system") == "light"
    assert not theme.current_is_dark(app) and app.style().name() == native


def test_system_follows_a_dark_system(app, monkeypatch):
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    assert theme.apply_theme(app, "system") == "dark"
    assert theme.current_is_dark(QApplication.instance())


def test_a_light_system_start_creates_no_style(app, monkeypatch):
    monkeypatch.setattr(theme, "system_is_dark", lambda: False)
    theme.apply_theme(app, "system")
    made = []
    from PySide6.QtWidgets import QStyleFactory
    monkeypatch.setattr(QStyleFactory, "create", lambda name: made.append(name))
    palette = app.palette().color(app.palette().ColorRole.Window)
    assert theme.apply_theme(app, "system") == "light"
    assert made == [] and app.palette().color(app.palette().ColorRole.Window) == palette


def test_in_the_dark_a_field_that_cannot_be_typed_into_does_not_look_like_an_empty_one():
    """A viewer's or a locked field: in the window's colour, not the entry fields'."""
    from PySide6.QtGui import QPalette
    palette = theme.dark_palette()
    base = QPalette.ColorRole.Base
    assert (palette.color(QPalette.ColorGroup.Disabled, base)
            != palette.color(QPalette.ColorGroup.Active, base))
    assert (palette.color(QPalette.ColorGroup.Disabled, base)
            == palette.color(QPalette.ColorRole.Window))
