"""Save screenshots of every page of the main window on a given database.

    python scripts/screenshots.py --db demo.db --out docs/screenshots [--size 1366x768]

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
from ui.main import application, open_window  # noqa: E402
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
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        window = open_window(app, args.db, Settings(Path(folder) / "settings.json"))
        if window is None:
            return 2
        window.resize(width, height)
        for key in window.navigation.keys():
            window.show_page(key)
            settle(app)
            path = out / f"{args.prefix}{key}.png"
            window.grab().save(str(path))
            print(path)
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
