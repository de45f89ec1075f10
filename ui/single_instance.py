"""One AfterDesk per rep: a second launch hands over to the first and exits.

The first AfterDesk holds a lock file (afterdesk.lock in its data folder) for as long as
it runs; the system lets go of it when the process ends,
even after a crash. From shortly after its start (its window painted, or its first-run
wizard or schema upgrade on show) it also listens on a local socket (a named pipe on
Windows) of the same name, until it starts closing. A later launch finds the lock taken,
connects, says "show" and quits; the first brings its window forward. While the lock is
taken and nobody answers yet, the later launch keeps trying both, so it either reaches the
first one or takes over its lock once that one has ended. Taking a lock is cheap, so a
normal start loads Qt's network module only after its window is on screen.

Where the socket lives: on Windows a named pipe (the system removes it with the process);
elsewhere a socket file in the data folder (afterdesk.sock), the rep's own, not in the
shared temporary folder under a name anyone could guess. A crash leaves that file
behind: the next AfterDesk, holding the lock, removes it before listening.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app import paths

log = logging.getLogger("afterdesk.ui.single_instance")

CONNECT_MS = 500
WAIT_FOR_FIRST_S = 30  # a later launch waits this long for a locked first one to answer
RETRY_S = 0.1
LOCK_FILE = "afterdesk.lock"    # in the data folder: one AfterDesk per data folder and user
SOCKET_FILE = "afterdesk.sock"  # in the data folder too, except on Windows
SOCKET_PATH_MAX = 100           # bytes a socket file's path may take (the system's limit: 104)
MESSAGE = b"show\n"


def server_name(data_dir=None) -> str:
    """The socket file in the data folder; on Windows, or when that path is too long for
    a socket, a name of the user and the folder (a named pipe, or a file in the
    temporary folder)."""
    folder = Path(data_dir or paths.data_dir())
    socket_file = folder.absolute() / SOCKET_FILE
    if sys.platform != "win32" and len(os.fsencode(socket_file)) <= SOCKET_PATH_MAX:
        return str(socket_file)
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some setups
        user = "user"
    where = str(folder)
    digest = hashlib.sha1(f"{user}|{where}".encode("utf-8")).hexdigest()[:16]
    return f"AfterDesk-{digest}"


class SingleInstance(QObject):
    """`claim()` is True for the first AfterDesk, which then calls `listen()` (once its
    window is up) and emits `show_requested` each time another launch asks; False means
    another AfterDesk was told to show itself."""

    show_requested = Signal()

    def __init__(self, name: str | None = None, parent: QObject | None = None,
                 lock_dir=None):
        super().__init__(parent)
        self.lock_dir = Path(lock_dir) if lock_dir is not None else paths.data_dir()
        self.name = name or server_name(self.lock_dir)
        self.server = None              # QLocalServer once listening
        self._lock = None               # the open lock file while this one runs

    def claim(self) -> bool:
        """True: this is the first AfterDesk (it holds the lock from now on); False: the
        running one was told to come forward. While another holds the lock without
        answering yet (it is starting, or ending), keep trying both."""
        give_up = time.monotonic() + WAIT_FOR_FIRST_S
        while True:
            locked = self._take_lock()
            if locked:
                return True
            if self._tell_running_instance():
                log.info("another AfterDesk is running; asked it to come forward")
                return False
            if locked is None:      # no lock file: nothing says another one runs
                return True
            if time.monotonic() >= give_up:
                log.warning("another AfterDesk holds %s but has not answered for %d s; "
                            "starting anyway", self.name, WAIT_FOR_FIRST_S)
                return True         # better two windows than none
            time.sleep(RETRY_S)     # a launch that only waits for the other to answer

    def listen(self) -> None:
        """Answer later launches (call once the window is up; again does nothing)."""
        if self.server is not None:
            return
        from PySide6.QtNetwork import QLocalServer  # after the first paint (docs/start.md)
        if self._lock is not None:      # ours alone: a socket file left there is a crash's
            QLocalServer.removeServer(self.name)
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
        path = self.lock_dir / LOCK_FILE
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
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

    def _tell_running_instance(self) -> bool:
        """Ask the running AfterDesk to show itself; False when none answers."""
        from PySide6.QtNetwork import QLocalSocket
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
        from PySide6.QtNetwork import QLocalSocket
        for socket in self.server.findChildren(QLocalSocket):
            if socket.bytesAvailable() and bytes(socket.readAll()).startswith(MESSAGE.strip()):
                self.show_requested.emit()

    def stop_listening(self) -> None:
        """Closing: later launches no longer reach this one; they wait for the lock."""
        if self.server is not None:
            self.server.close()
            self.server.deleteLater()
            self.server = None

    def release(self) -> None:
        self.stop_listening()
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
