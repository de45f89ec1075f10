"""One AfterDesk per rep: a second launch hands over to the first and exits.

The first AfterDesk holds a lock file (in the temporary folder, named for the user and
the data folder) for as long as it runs; the system lets go of it when the process ends,
even after a crash. Once its window is up it also listens on a local socket (a named pipe
on Windows) of the same name. A second launch finds the lock taken, connects, says "show"
and quits; the first brings its window forward. Taking a lock is cheap, so a normal start
loads Qt's network module only after its window is on screen.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app import paths

log = logging.getLogger("afterdesk.ui.single_instance")

CONNECT_MS = 500
ASK_FOR_S = 10.0       # a second launch waits this long for the first to listen (its start)
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
    """`claim()` is True for the first AfterDesk, which then calls `listen()` (once its
    window is up) and emits `show_requested` each time another launch asks; False means
    another AfterDesk was told to show itself."""

    show_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name or server_name()
        self.server = None              # QLocalServer once listening
        self._lock = None               # the open lock file while this one runs

    def claim(self) -> bool:
        locked = self._take_lock()
        if locked:
            return True
        # Another AfterDesk holds the lock (or, when no lock could be taken, may run).
        if self._ask_running_instance(patient=locked is False):
            log.info("another AfterDesk is running; asked it to come forward")
            return False
        if locked is False:
            log.warning("another AfterDesk holds %s but does not answer; starting anyway",
                        self.name)
        return True     # better two windows than none

    def listen(self) -> None:
        """Answer later launches (call once the window is up; again does nothing)."""
        if self.server is not None:
            return
        from PySide6.QtNetwork import QLocalServer
        QLocalServer.removeServer(self.name)      # a socket file left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("single-instance socket %s: %s", self.name, server.errorString())
            server.deleteLater()
            return
        self.server = server
        server.newConnection.connect(self._accept)

    def _take_lock(self) -> bool | None:
        """True: this is the first AfterDesk; False: another holds the lock; None: no lock
        file could be opened (a full or read-only temporary folder)."""
        path = Path(tempfile.gettempdir()) / f"{self.name}.lock"
        try:
            handle = open(path, "a+b")      # noqa: SIM115 - held open while running
        except OSError as exc:
            log.warning("single-instance lock %s: %s", path, exc)
            return None
        try:
            _lock_file(handle)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def _ask_running_instance(self, patient: bool) -> bool:
        """Tell the running AfterDesk to show itself. `patient`: it holds the lock, so it
        is starting or running; wait for it to listen."""
        from PySide6.QtNetwork import QLocalSocket
        until = time.monotonic() + (ASK_FOR_S if patient else 0)
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(CONNECT_MS):
                break
            if time.monotonic() >= until:
                return False
            time.sleep(0.1)       # a launch that only waits for the other to answer
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
        from PySide6.QtNetwork import QLocalSocket
        for socket in self.server.findChildren(QLocalSocket):
            if socket.bytesAvailable() and bytes(socket.readAll()).startswith(MESSAGE.strip()):
                self.show_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None
        if self._lock is not None:
            self._lock.close()          # closing the file lets go of the lock
            self._lock = None


def _lock_file(handle) -> None:
    """Take the lock on an open file without waiting; OSError when another holds it."""
    if sys.platform == "win32":
        import msvcrt
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


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
