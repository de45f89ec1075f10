"""Restart AfterDesk, for a change that applies at start (the interface language).

The new process is started with the same command line, then this window closes; the new
one waits for the single-instance lock of this one to be released (ui/single_instance.py).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QMessageBox

translate = QCoreApplication.translate


def command_line() -> tuple[str, list[str]]:
    """The program and arguments this process was started with."""
    return sys.executable, list(sys.orig_argv[1:])


def restart(window) -> bool:
    program, arguments = command_line()
    started, _pid = QProcess.startDetached(program, arguments)
    if started:
        window.close()
    return bool(started)


def offer_restart(window) -> bool:
    """Ask to restart now; True when a restart was started."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Restart", "Restart AfterDesk"))
    box.setText(translate("Restart", "The new language applies when AfterDesk starts again. "
                                     "Restart now?"))
    now = box.addButton(translate("Restart", "Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Restart", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    box.exec()
    if box.clickedButton() is not now:
        return False
    if restart(window):
        return True
    QMessageBox.warning(window, translate("Restart", "Restart AfterDesk"),
                        translate("Restart", "AfterDesk could not start again: close it "
                                             "and start it yourself."))
    return False
