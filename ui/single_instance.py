"""One AfterDesk per rep: a second launch hands over to the first and exits.

The first AfterDesk listens on a local socket (a named pipe on Windows) whose name
belongs to the user and the data folder. A second launch connects, says "show", and
quits; the first brings its window forward. A socket left behind by a crashed
AfterDesk is cleared when nobody answers on it.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app import paths

log = logging.getLogger("afterdesk.ui.single_instance")

CONNECT_MS = 500
MESSAGE = b"show\n"


def server_name(data_dir=None) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some setups
        user = "user"
    where = str(data_dir or paths.data_dir())
    digest = hashlib.sha1(f"{user}|{where}".encode("utf-8")).hexdigest()[:16]
    return f"AfterDesk-{digest}"


class SingleInstance(QObject):
    """`claim()` is True for the first AfterDesk, which then emits `show_requested` each
    time another launch asks; False means another AfterDesk was told to show itself."""

    show_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name or server_name()
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        if self._ask_running_instance():
            log.info("another AfterDesk is running; asked it to come forward")
            return False
        QLocalServer.removeServer(self.name)      # a socket file left by a crash
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            log.warning("single-instance socket %s: %s", self.name, self.server.errorString())
            return True     # run anyway: better two windows than none
        self.server.newConnection.connect(self._accept)
        return True

    def _ask_running_instance(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        _allow_foreground()
        socket.write(MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(self._read_all)
            socket.disconnected.connect(socket.deleteLater)
        self._read_all()

    def _read_all(self) -> None:
        """Read what every connected launch has sent (no lambda keeps a socket alive)."""
        if self.server is None:
            return
        for socket in self.server.findChildren(QLocalSocket):
            if socket.bytesAvailable() and bytes(socket.readAll()).startswith(MESSAGE.strip()):
                self.show_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None


def _allow_foreground() -> None:
    """Windows only lets the foreground program raise a window: hand that right over."""
    if sys.platform == "win32":
        try:
            import ctypes
            ctypes.windll.user32.AllowSetForegroundWindow(-1)   # ASFW_ANY
        except Exception:  # noqa: BLE001 - cosmetic
            pass


def bring_forward(window) -> None:
    """Show `window` un-minimised, on top and focused."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
