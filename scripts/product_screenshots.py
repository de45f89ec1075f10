"""Screenshots of AfterDesk in one language and theme: the main window (Cases page), the
settings dialog and the first-run wizard.

    python scripts/product_screenshots.py --db demo.db --language zh_CN --theme dark \
        --out docs/screenshots [--size 1366x768]

For the 150 % scaling shot set QT_SCALE_FACTOR=1.5 in the environment. Runs on any Qt
platform (offscreen, or a real display such as Xvfb).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_kit import demo_copy, save, settle, shot_arguments, start  # noqa: E402

from ui.main import open_window  # noqa: E402


def main() -> int:
    parser = shot_arguments()
    parser.add_argument("--page", default="cases")
    parser.add_argument("--name", default="", help="file name of the window shot")
    parser.add_argument("--dialogs", action="store_true", help="also the settings and wizard")
    args = parser.parse_args()
    app, out, (width, height) = start(args)
    suffix = f"{args.language}-{args.theme}"
    with demo_copy(args, copy=False) as (db, settings):
        window = open_window(app, db, settings)
        if window is None:
            return 2
        window.resize(width, height)
        window.show_page(args.page)
        settle(app, 700)
        save(window, out / (args.name or f"window-{suffix}.png"))
        if args.dialogs:
            from ui.first_run import FirstRunWizard
            from ui.settings_dialog import SettingsDialog
            dialog = SettingsDialog(settings, db, window)
            dialog.tabs.setCurrentWidget(dialog.policy)
            dialog.show()
            settle(app, 300)
            save(dialog, out / f"settings-{suffix}.png")
            dialog.close()
            wizard = FirstRunWizard(args.language)
            wizard.show()
            wizard.next()
            wizard.next()
            settle(app, 300)
            save(wizard, out / f"first-run-{suffix}.png")
            wizard.close()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
