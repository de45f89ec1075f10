"""The report of a hard crash (faults.log) is shown once at the next start and then moved
aside (issue #19, item 8), instead of growing forever unseen."""

from __future__ import annotations

import faulthandler
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app import logging_setup
from app.logging_setup import install_faulthandler, previous_crash

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def log_dir(tmp_path):
    """A log folder that a real hard crash has written its faults.log into."""
    folder = tmp_path / "logs"
    script = textwrap.dedent(f"""
        import faulthandler, sys
        sys.path.insert(0, {str(ROOT)!r})
        from app.logging_setup import install_faulthandler
        install_faulthandler({str(folder)!r})
        faulthandler._sigsegv()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert done.returncode != 0
    yield folder
    if logging_setup._state["fault_file"] is not None:      # our handler off, pytest's back
        faulthandler.disable()
        logging_setup._state["fault_file"].close()
        logging_setup._state["fault_file"] = None
        faulthandler.enable(file=sys.__stderr__, all_threads=True)


def test_the_crash_is_found_once_and_moved_aside(log_dir):
    install_faulthandler(log_dir)
    found = previous_crash()
    assert found is not None
    text, where = found
    assert "Fatal Python error" in text
    assert where == log_dir / "faults.previous.log" and "Fatal Python error" in where.read_text()
    assert (log_dir / "faults.log").read_text() == ""       # this run's file starts empty
    assert previous_crash() is None                          # once
    install_faulthandler(log_dir)                            # the start after that
    assert previous_crash() is None


@pytest.mark.gui
def test_the_next_start_shows_it_in_the_crash_dialog_once(log_dir, qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from ui.crash_dialog import CrashDialog
    from ui.main import show_previous_crash
    shown = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self) or 0)
    parent = QWidget()
    qtbot.addWidget(parent)
    install_faulthandler(log_dir)
    show_previous_crash(parent)
    show_previous_crash(parent)
    assert len(shown) == 1
    dialog = shown[0]
    assert "ended unexpectedly the last time" in dialog.message.text()
    assert "faults.previous.log" in dialog.message.text()
    assert "Fatal Python error" in dialog.details_view.toPlainText()
