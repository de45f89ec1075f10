"""The sync runner seen from the window: a QObject on the GUI thread whose signals the
runner's thread emits (queued to the GUI thread, like ui.monitor_bridge), and the words
of the status line: the last sync, or what went wrong in words a rep understands."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger("afterdesk.ui.channels")


class ChannelBridge(QObject):
    passed = Signal(object)          # app.channels.sync.PassResult
    problem = Signal(str, object)    # account key, app.channels.errors.ChannelProblem
    error = Signal(str)
    status = Signal(str, str)        # the status line's text and its tooltip
    changed = Signal()               # messages came in or answers went out: reload lists

    def __init__(self, parent: QObject | None = None, **options):
        super().__init__(parent)
        self._options = options
        self.runner = None
        self.passed.connect(self._passed)
        self.problem.connect(self._problem)
        self.error.connect(self._error)

    def start(self) -> None:
        if self.runner is not None and self.runner.is_alive():
            return
        from app.channels.runner import ChannelRunner
        self.runner = ChannelRunner(on_pass=self.passed.emit, on_problem=self.problem.emit,
                                    on_error=self.error.emit, **self._options)
        self.runner.start()
        log.info("sync runner started")

    def stop(self, timeout: float = 1.0) -> bool:
        if self.runner is None:
            return True
        return self.runner.stop(timeout)

    def _passed(self, result) -> None:
        from app.clock import utcnow
        from ui.formatting import local_time_text
        text = QCoreApplication.translate("ChannelBridge", "Mail: synced {0}").format(
            local_time_text(utcnow()))
        self.status.emit(text, result.account)
        if result.fetched or result.sent or result.failed or any(result.pulled.values()):
            self.changed.emit()          # (an open platform's pass also brings orders)

    def _problem(self, key: str, problem) -> None:
        from ui.words.channel_problems import problem_words
        from ui.words.vocabulary import ACCOUNT_STATES, word
        text = QCoreApplication.translate("ChannelBridge", "Mail ({0}): {1}").format(
            key, word(ACCOUNT_STATES, problem.state))
        self.status.emit(text, problem_words(str(problem)))
        self.changed.emit()          # an answer may have failed

    def _error(self, text: str) -> None:
        self.status.emit(QCoreApplication.translate("ChannelBridge", "Mail: stopped"), text)
