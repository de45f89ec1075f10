"""Whether the shop server can be reached, as the window knows it (docs/server.md, "When
the server is gone").

One object for the window (`server_state()`). It hears of the server going from the live
changes' listener (the server closed its connection), from a failed reading of the change
log, and from any write that failed because the server could not be reached
(ui/write_op.py); it hears of the server being back from the next successful reading.
`gone` and `back` are emitted once per change, on the GUI thread: the main window's
ServerBanner shows and hides itself with them. On a SQLite file nothing here ever fires.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services.common.database_file import server_unreachable


class ServerState(QObject):
    gone = Signal()
    back = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.reachable = True

    def noticed(self, error: BaseException) -> None:
        """When `error` says the server cannot be reached: gone (once)."""
        if not server_unreachable(error):
            return
        if self.reachable:
            self.reachable = False
            self.gone.emit()

    def reached(self) -> None:
        """The server answered."""
        if not self.reachable:
            self.reachable = True
            self.back.emit()


_state: list[ServerState] = []


def server_state() -> ServerState:
    if not _state:
        _state.append(ServerState())
    return _state[0]


def read_failed_server_gone(error: BaseException) -> bool:
    """A reading that failed because the server cannot be reached: the banner says so (from
    now on); True, and the caller keeps what it shows rather than a message box per
    list. Any other error: False (reported as usual)."""
    if not server_unreachable(error):
        return False
    server_state().noticed(error)
    return True
