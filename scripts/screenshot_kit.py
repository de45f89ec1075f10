"""What every screenshot script shares: its common arguments, the application in a
language and theme, a throw-away data folder with a copy of the demo database, waiting
until the window has painted what it loads, and saving a shot.

    from screenshot_kit import demo_copy, save, settle, shot_arguments, start

Qt runs offscreen unless QT_QPA_PLATFORM says otherwise (`xcb` for a real display such
as Xvfb).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.settings import Settings  # noqa: E402
from ui.main import application  # noqa: E402
from ui.worker import wait_for_background  # noqa: E402


def shot_arguments(*, db: bool = True, theme: bool = True,
                   size: bool = True) -> argparse.ArgumentParser:
    """--db (the demo database to copy), --language, --theme, --out and --size; a script
    adds its own before parsing."""
    parser = argparse.ArgumentParser()
    if db:
        parser.add_argument("--db", required=True)
    parser.add_argument("--language", default="en", choices=("en", "zh_CN"))
    if theme:
        parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--out", default="docs/screenshots")
    if size:
        parser.add_argument("--size", default="1366x768")
    return parser


def start(args):
    """The application in the arguments' language (and theme); returns (app, out folder,
    (width, height)), the folder made."""
    from ui.i18n import install_translator
    from ui.theme import apply_theme
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application(sys.argv[:1])
    install_translator(app, args.language)
    theme = getattr(args, "theme", None)
    if theme:
        apply_theme(app, theme)
    width, height = (int(x) for x in getattr(args, "size", "1366x768").split("x"))
    return app, out, (width, height)


@contextmanager
def demo_copy(args, *, copy: bool = True):
    """A throw-away data folder (AFTERDESK_HOME: no backup or stored file reaches the real
    one) with settings for the arguments' language and theme; yields (database, settings).
    With `copy` the database is a copy of --db, so the shots never change the original."""
    with tempfile.TemporaryDirectory() as folder:
        os.environ["AFTERDESK_HOME"] = folder
        db = Path(folder) / "demo.db"
        if copy:
            shutil.copy(args.db, db)
        else:
            db = Path(args.db)
        settings = Settings(Path(folder) / "settings.json")
        settings.set("backup.daily", False)
        settings.set("ui.language", args.language)
        if getattr(args, "theme", None):
            settings.set("ui.theme", args.theme)
        yield db, settings
        wait_for_background()


def settle(app, ms: int = 600) -> None:
    """Let the window run `ms` milliseconds, then until its background work has arrived
    (a delivered result may start more: a report's charts)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    for _ in range(3):
        wait_for_background()
        app.processEvents()


def save(widget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)
