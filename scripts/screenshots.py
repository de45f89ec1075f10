"""Save screenshots of every page of the main window on a given database.

    python scripts/screenshots.py --db demo.db --out docs/screenshots [--size 1366x768]
        [--language en|zh_CN] [--theme light|dark] [--prefix window-]

The Conversations page is taken with its first conversation open (the thread and its
header), so a clipped line shows.

Runs on whatever Qt platform is set (offscreen, or a real display such as Xvfb).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.settings import Settings  # noqa: E402
from ui.i18n import install_translator  # noqa: E402
from ui.main import application, open_window  # noqa: E402
from ui.theme import apply_theme  # noqa: E402
from ui.worker import wait_for_background  # noqa: E402


def settle(app, ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    wait_for_background()
    app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--prefix", default="")
    parser.add_argument("--language", default="en", choices=("en", "zh_CN"))
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(Path(folder) / "settings.json")
        settings.set("ui.language", args.language)
        settings.set("ui.theme", args.theme)
        install_translator(app, args.language)
        apply_theme(app, args.theme)
        window = open_window(app, args.db, settings)
        if window is None:
            return 2
        window.resize(width, height)
        for key in window.navigation.keys():
            window.show_page(key)
            settle(app)
            page = window.pages[key]
            if hasattr(page, "view") and hasattr(page, "select_conversation"):
                page.view.setCurrentIndex(page.model.index(0, 1))   # the thread open
                settle(app, 1200)
            path = out / f"{args.prefix}{key}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
