"""One AfterDesk at a time: a second launch tells the first to come forward and stops."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from ui.single_instance import SingleInstance, bring_forward, server_name

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def name(tmp_path, monkeypatch):
    """A socket name of its own, and a data folder of its own for the lock file."""
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    return f"AfterDesk-test-{uuid.uuid4().hex[:12]}"


def test_the_first_claims_and_a_second_asks_it_to_show(qtbot, name):
    first = SingleInstance(name)
    assert first.claim()
    first.listen()
    second = SingleInstance(name)
    with qtbot.waitSignal(first.show_requested, timeout=3000):
        assert not second.claim()
    assert second.server is None
    first.release()
    third = SingleInstance(name)             # after the first ended, a new one may run
    assert third.claim()
    third.release()


def test_a_launch_during_the_first_ones_start_waits_for_it(qtbot, name):
    """The first holds its lock at once but answers only once its window is up."""
    first = SingleInstance(name)
    assert first.claim()
    process = subprocess.Popen([sys.executable, "-c", _second_launch(name)], env=_env())
    qtbot.wait(700)
    assert process.poll() is None                   # still waiting: it did not start a window
    with qtbot.waitSignal(first.show_requested, timeout=10_000):
        first.listen()
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=10_000)
    assert process.returncode == 0
    first.release()


def test_a_lock_left_by_an_ended_process_is_free(name):
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from ui.single_instance import SingleInstance
        assert SingleInstance({name!r}).claim()
        import os
        os._exit(0)                                  # ends without releasing anything
    """)
    assert subprocess.run([sys.executable, "-c", script], env=_env()).returncode == 0
    again = SingleInstance(name)
    assert again.claim()
    again.release()


def _second_launch(name: str) -> str:
    return textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from ui.single_instance import SingleInstance
        sys.exit(0 if not SingleInstance({name!r}).claim() else 3)
    """)


def _env() -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen")


def test_a_second_process_hands_over_and_exits(qtbot, name):
    first = SingleInstance(name)
    assert first.claim()
    first.listen()
    with qtbot.waitSignal(first.show_requested, timeout=10_000):
        process = subprocess.Popen([sys.executable, "-c", _second_launch(name)], env=_env())
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=10_000)
    assert process.returncode == 0
    first.release()


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_window_comes_forward_when_asked(qtbot, name):
    window = QMainWindow()
    qtbot.addWidget(window)
    first = SingleInstance(name)
    assert first.claim()
    first.listen()
    first.show_requested.connect(lambda: bring_forward(window))
    with qtbot.waitSignal(first.show_requested, timeout=3000):
        assert not SingleInstance(name).claim()
    assert window.isVisible()
    first.release()


def test_the_name_belongs_to_the_user_and_the_data_folder(tmp_path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")
    if sys.platform == "win32":             # a named pipe, gone with the process
        assert server_name(tmp_path / "a").startswith("AfterDesk-")
    else:                                   # a file of the rep's own, not in the temp folder
        assert Path(server_name(tmp_path / "a")).parent == tmp_path / "a"


def test_a_data_folder_too_deep_for_a_socket_file_falls_back_to_a_named_socket(tmp_path):
    deep = tmp_path / ("x" * 120)
    assert server_name(deep).startswith("AfterDesk-")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows uses a named pipe: no file")
def test_the_socket_a_crash_left_behind_is_cleared_at_the_next_start(qtbot, tmp_path):
    """An AfterDesk killed while listening leaves its socket file; the next one removes it,
    listens in its place, and a later launch reaches it."""
    home = tmp_path / "home"
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from ui.single_instance import SingleInstance
        first = SingleInstance(lock_dir={str(home)!r})
        assert first.claim()
        first.listen()
        assert first.server is not None
        os._exit(0)                                  # a crash: nothing cleaned up
    """)
    assert subprocess.run([sys.executable, "-c", script], env=_env()).returncode == 0
    left = Path(server_name(home))
    assert left.exists() and left.parent == home     # the crash's socket, in the data folder

    again = SingleInstance(lock_dir=home)
    assert again.claim()
    again.listen()
    assert again.server is not None                  # listening where the stale one was
    with qtbot.waitSignal(again.show_requested, timeout=3000):
        assert not SingleInstance(lock_dir=home).claim()
    again.release()
    assert not left.exists()                         # a clean end leaves nothing


def test_a_launch_while_the_first_one_ends_takes_over_its_lock(name):
    """The first holds the lock but is ending (no socket any more): the next launch waits,
    then runs as the first, holding the lock itself, so a third would find it taken."""
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication([])
        from ui.single_instance import SingleInstance
        first = SingleInstance({name!r})
        assert first.claim()
        print("locked", flush=True)
        time.sleep(1.0)
    """)
    with subprocess.Popen([sys.executable, "-c", script], env=_env(),
                          stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout.readline().strip() == "locked"
        second = SingleInstance(name)
        assert second.claim()
        assert process.wait(timeout=10) == 0
    assert second._lock is not None              # it holds the lock now
    second.release()
