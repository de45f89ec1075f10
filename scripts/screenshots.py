"""Save screenshots of every page of the main window on a given database.

    python scripts/screenshots.py --db demo.db --out docs/screenshots [--size 1366x768]
        [--language en|zh_CN] [--theme light|dark] [--prefix window-]

The Conversations page is taken with its first conversation open (the thread and its
header), so a clipped line shows.

Runs on whatever Qt platform is set (offscreen, or a real display such as Xvfb).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_kit import demo_copy, save, settle, shot_arguments, start  # noqa: E402

from ui.main import open_window  # noqa: E402


def main() -> int:
    parser = shot_arguments()
    parser.add_argument("--prefix", default="")
    args = parser.parse_args()
    app, out, (width, height) = start(args)
    with demo_copy(args, copy=False) as (db, settings):
        window = open_window(app, db, settings)
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
            save(window, out / f"{args.prefix}{key}.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
