"""Where AfterDesk keeps its database, settings and logs on a rep's machine.

Windows: %APPDATA%\\AfterDesk (roaming) for data and settings, the local app-data
folder for logs. Linux: the XDG folders. Setting AFTERDESK_HOME puts everything
under one folder instead (portable installs, tests): data/, config/, logs/.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "AfterDesk"
HOME_VARIABLE = "AFTERDESK_HOME"
DB_FILE_NAME = "afterdesk.db"


def _home() -> Path | None:
    value = os.environ.get(HOME_VARIABLE, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def config_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True))


def log_dir() -> Path:
    home = _home()
    if home is not None:
        return home / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME
