"""The program's entry point: the `afterdesk` command, `python -m afterdesk` and the frozen
build's AfterDesk.exe. With a command it runs the command (app.cli); without one it opens
the window (ui.main).

This is the one module that knows both halves: the core (`app`) never imports the screens
(`ui`), so `app.cli` is handed the way to open the window from here (docs/architecture.md).
"""

from __future__ import annotations

import sys

from app import cli


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, open_window=open_window)


def open_window(args) -> int:
    from ui.main import main as gui_main
    return gui_main(db_path=args.db, smoke=args.smoke)


if __name__ == "__main__":
    sys.exit(main())
