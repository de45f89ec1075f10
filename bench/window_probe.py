"""A window start that the benchmark (bench/, figures P1 and P8) can time from outside.

    python -m bench.window_probe app --db PATH    # AfterDesk's own start (ui.main.main) on PATH
    python -m bench.window_probe empty            # an empty PySide6 main window: the floor

The parent sets AFTERDESK_HOME to a throwaway folder (settings, logs, the single-instance
socket) and QT_QPA_PLATFORM=offscreen, starts the clock, then starts this process. It prints
one JSON line per event on stdout:

- {"event": "painted", ...}: the inbox has painted its first rows (with an empty database:
  its "no conversations" line); for `empty`, the window's first paint;
- {"event": "painted_memory", "rss_mb": ...}: resident memory right then;
- {"event": "settled", "rss_mb": ..., ...}: every list has loaded, the deadline monitor has
  planned and sleeps, the pool is idle; resident memory then.

Then it closes the window as the rep would and exits. Nothing in the window is changed for
the measurement: the main window class is only wrapped to watch its inbox for paint events.
"""

from __future__ import annotations

import json
import sys
import time

STARTED = time.perf_counter()
SETTLE_POLL_MS = 50
SETTLE_EXTRA_MS = 500          # once idle, wait this much longer before reading the memory
SETTLE_LIMIT_S = 300


def say(event: str, **values) -> None:
    values.update(event=event, since_main_s=round(time.perf_counter() - STARTED, 4))
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def resident_mb() -> float:
    from bench.memory import resident_mb as read
    return read()


def run_empty() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    class Window(QMainWindow):
        """Says when it has first painted (an override, as AfterDesk's lists do: an event
        filter would make the binding create a Python type for each kind of event)."""
        done = False

        def paintEvent(self, event):
            super().paintEvent(event)
            if not self.done:
                self.done = True
                QTimer.singleShot(0, painted)

    window = Window()
    window.setWindowTitle("empty")
    window.resize(1200, 720)

    def painted() -> None:
        say("painted")
        QTimer.singleShot(SETTLE_EXTRA_MS, settled)

    def settled() -> None:
        say("settled", rss_mb=resident_mb())
        window.close()

    window.show()
    return app.exec()


def run_app(db_path: str) -> int:
    from ui import main as ui_main
    from PySide6.QtCore import QObject, QThreadPool, QTimer

    from ui.pages.list_page import ListPage

    phases = {"imports_s": round(time.perf_counter() - STARTED, 4)}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            began = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                phases[name] = round(time.perf_counter() - began, 4)
        return wrapper

    # Timing only: each wrapped call behaves exactly as before.
    ui_main.load_cjk_font = timed("font_s", ui_main.load_cjk_font)
    ui_main.ready_as_is = timed("check_database_s", ui_main.ready_as_is)
    import ui.damaged_start
    ui.damaged_start.open_with_upgrade = timed("open_database_s",
                                               ui.damaged_start.open_with_upgrade)

    class Watch(QObject):
        """Paints of the inbox's table and of its 'no conversations' line (their `painted`
        signals: asking for the table's viewport widget, or filtering the line's events,
        would itself cost the start time)."""

        def __init__(self, window):
            super().__init__(window)
            self.window = window
            self.page = window.pages["conversations"]
            self.done = False
            self.page.view.painted.connect(self._view_painted)
            self.page.message.painted.connect(self._message_painted)

        def _view_painted(self) -> None:
            # Sent once the table has painted: reported at once (a timer would wait for
            # whatever the window queued meanwhile, e.g. building the next page).
            rows = self.page.model.rowCount()
            if rows and not self.done:
                self.done = True
                self._painted(rows)

        def _message_painted(self) -> None:
            if not self.done and not self.page.model.rowCount() and not self.page.is_loading:
                self.done = True
                QTimer.singleShot(0, lambda: self._painted(0))

        def _painted(self, rows: int) -> None:
            phases["painted_after_window_s"] = round(time.perf_counter() - self.window_done, 4)
            say("painted", rows=rows, phases=phases)
            say("painted_memory", rss_mb=resident_mb())
            self.began = time.perf_counter()
            self.quiet_since = None
            self._poll()

        def _idle(self) -> bool:
            pages = [p for p in self.window.pages.built().values() if isinstance(p, ListPage)]
            monitor = self.window.monitor.monitor if self.window.monitor else None
            return (not self.window.pages.unbuilt()
                    and QThreadPool.globalInstance().activeThreadCount() == 0
                    and not any(p.is_loading for p in pages)
                    and (monitor is None or monitor.wait_settled(0)))

        def _poll(self) -> None:
            waited = time.perf_counter() - self.began
            if self._idle() or waited > SETTLE_LIMIT_S:
                QTimer.singleShot(SETTLE_EXTRA_MS, lambda: self._settled(waited))
            else:
                QTimer.singleShot(SETTLE_POLL_MS, self._poll)

        def _settled(self, waited: float) -> None:
            say("settled", rss_mb=resident_mb(), settle_s=round(waited, 3),
                rows=self.page.model.rowCount())
            self.window.close()

    class ProbedMainWindow(ui_main.MainWindow):
        def __init__(self, *args, **kwargs):
            began = time.perf_counter()
            phases["before_window_s"] = round(began - STARTED, 4)
            super().__init__(*args, **kwargs)
            self._bench_watch = Watch(self)
            self._bench_watch.window_done = time.perf_counter()
            phases["window_s"] = round(self._bench_watch.window_done - began, 4)

    ui_main.MainWindow = ProbedMainWindow
    return ui_main.main(sys.argv[:1], db_path=db_path)


def main(argv: list[str]) -> int:
    if argv[:1] == ["empty"]:
        return run_empty()
    if argv[:1] == ["app"] and len(argv) == 3 and argv[1] == "--db":
        return run_app(argv[2])
    sys.stderr.write(__doc__)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
