"""The navigation list on the left: entries, the chosen page, counts drawn as red pills."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from ui.navigation import NavigationList

pytestmark = pytest.mark.gui

PILL = QColor("#c5221f")


def red_pixels(widget) -> int:
    image = widget.grab().toImage()
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y) == PILL)


def test_a_count_shows_as_a_red_pill_and_goes_away_at_zero(qtbot):
    nav = NavigationList()
    qtbot.addWidget(nav)
    nav.add_entry("cases", "Requests & Disputes")
    nav.add_entry("deadlines", "Deadlines")
    nav.resize(260, 120)
    nav.show()
    assert red_pixels(nav) == 0                       # no count yet: no pill
    nav.set_badge("deadlines", 3)
    assert nav.badge("deadlines") == 3
    assert red_pixels(nav) > 50
    assert "3 need attention" in nav.item(1).toolTip()
    nav.set_badge("deadlines", 0)
    assert red_pixels(nav) == 0
    assert nav.item(1).toolTip() == ""


def test_choosing_an_entry_says_which_page(qtbot):
    nav = NavigationList()
    qtbot.addWidget(nav)
    nav.add_entry("cases", "Requests & Disputes")
    nav.add_entry("deadlines", "Deadlines")
    with qtbot.waitSignal(nav.page_chosen) as chosen:
        nav.select("deadlines")
    assert chosen.args == ["deadlines"] and nav.current_key() == "deadlines"
