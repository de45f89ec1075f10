"""The cycle collector is paused for a window start and runs again once the first list
has been painted (app/start_collector.py)."""

from __future__ import annotations

import gc

import pytest

from app import start_collector


@pytest.fixture
def collector():
    yield
    start_collector.resume()
    gc.unfreeze()
    gc.enable()


def test_paused_then_resumed_with_the_start_objects_frozen(collector):
    assert gc.isenabled()
    start_collector.pause()
    assert not gc.isenabled() and start_collector.paused()
    before = gc.get_freeze_count()
    kept = [object() for _ in range(10)]  # noqa: F841 - objects made during the start
    start_collector.resume()
    assert gc.isenabled() and not start_collector.paused()
    assert gc.get_freeze_count() > before
    start_collector.resume()                      # a second resume changes nothing
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off(collector):
    gc.disable()
    start_collector.pause()
    start_collector.resume()
    assert not gc.isenabled()                     # not ours to switch on


@pytest.mark.gui
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_window_start_resumes_it_once_the_inbox_is_painted(qtbot, db, tmp_path, monkeypatch,
                                                                collector):
    from ui.main import open_window
    from app.settings import Settings
    from PySide6.QtWidgets import QApplication
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    start_collector.pause()
    window = open_window(QApplication.instance(), tmp_path / "shop.db",
                         Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    assert not gc.isenabled()                     # building and reading: still paused
    qtbot.waitUntil(gc.isenabled, timeout=5000)
    assert not start_collector.paused()
    window.close()


@pytest.mark.gui
@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_a_second_reload_during_the_start_still_resumes_it(qtbot, db, tmp_path, monkeypatch,
                                                            collector):
    """Settings closed (or a restore) while the first list is still loading starts a new
    round of reloads; the collector must not stay paused for that."""
    from ui.main import open_window
    from app.settings import Settings
    from PySide6.QtWidgets import QApplication
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    start_collector.pause()
    window = open_window(QApplication.instance(), tmp_path / "shop.db",
                         Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.reload_all()
    qtbot.waitUntil(gc.isenabled, timeout=2500)
    window.close()
