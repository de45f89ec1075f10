"""AfterDesk's own icon (drawn by scripts/make_icon.py) for windows, dialogs and the tray."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ui.fonts import resources_dir


def icon_path():
    return resources_dir() / "icons" / "afterdesk.png"


def app_icon() -> QIcon:
    path = icon_path()
    return QIcon(str(path)) if path.exists() else QIcon()
