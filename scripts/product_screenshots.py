"""Screenshots of AfterDesk in one language and theme: the main window (Cases page), the
settings dialog and the first-run wizard.

    python scripts/product_screenshots.py --db demo.db --language zh_CN --theme dark \
        --out docs/screenshots [--size 1366x768]

For the 150 % scaling shot set QT_SCALE_FACTOR=1.5 in the environment. Runs on any Qt
platform (offscreen, or a real display such as Xvfb).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from app.settings import Settings  # noqa: E402
from ui.main import application, open_window  # noqa: E402
from ui.worker import wait_for_background  # noqa: E402


def settle(app, ms: int = 700) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    for _ in range(3):      # a delivered result may start more work (a report's charts)
        wait_for_background()
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--language", default="en", choices=("en", "zh_CN"))
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--page", default="cases")
    parser.add_argument("--name", default="", help="file name of the window shot")
    parser.add_argument("--dialogs", action="store_true", help="also the settings and wizard")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = application(sys.argv[:1])
    from ui.i18n import install_translator
    from ui.theme import apply_theme
    install_translator(app, args.language)
    apply_theme(app, args.theme)
    suffix = f"{args.language}-{args.theme}"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["AFTERDESK_HOME"] = folder          # no backup of the demo in the real folder
        settings = Settings(Path(folder) / "settings.json")
        settings.set("backup.daily", False)
        window = open_window(app, args.db, settings)
        if window is None:
            return 2
        window.resize(width, height)
        window.show_page(args.page)
        settle(app)
        path = out / (args.name or f"window-{suffix}.png")
        window.grab().save(str(path))
        print(path)
        if args.dialogs:
            from ui.first_run import FirstRunWizard
            from ui.settings_dialog import SettingsDialog
            dialog = SettingsDialog(settings, args.db, window)
            dialog.tabs.setCurrentWidget(dialog.policy)
            dialog.show()
            settle(app, 300)
            dialog.grab().save(str(out / f"settings-{suffix}.png"))
            print(out / f"settings-{suffix}.png")
            dialog.close()
            wizard = FirstRunWizard(args.language)
            wizard.show()
            wizard.next()
            wizard.next()
            settle(app, 300)
            wizard.grab().save(str(out / f"first-run-{suffix}.png"))
            print(out / f"first-run-{suffix}.png")
            wizard.close()
        window.close()
        wait_for_background()
    return 0


if __name__ == "__main__":
    sys.exit(main())
