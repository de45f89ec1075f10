"""What the first-run wizard decides, and carrying it out through the services."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.settings import Settings
from app.demo import load_demo

log = logging.getLogger("afterdesk.ui.first_run")

DEMO_FILE_NAME = "afterdesk-demo.db"
DEFAULT_ZONES = {"aliexpress": "America/Los_Angeles", "taobao": "Asia/Shanghai"}


@dataclass(frozen=True)
class FirstRunChoices:
    language: str                    # "zh_CN" or "en"
    data_dir: Path | str             # the folder holding the database, or a server address
    demo: bool                       # look around with the demo shops first
    shop_key: str = ""
    shop_name: str = ""
    platform: str = "aliexpress"
    timezone: str = ""

    def db_path(self) -> Path | str:
        if isinstance(self.data_dir, str):          # a shop database on a server
            return self.data_dir
        name = DEMO_FILE_NAME if self.demo else paths.DB_FILE_NAME
        return Path(self.data_dir) / name


def apply_choices(choices: FirstRunChoices, settings: Settings) -> Path:
    """Save the settings, create the database and the first shop (or the demo shops).
    Returns the database to open. Raises ServiceError / DatabaseError having saved no
    setting when the shop is refused or the folder cannot be used."""
    from app.services.common.database_file import close_database, location, open_database
    from app.services.commerce import shops

    path = choices.db_path()
    existed = isinstance(path, str) or path.exists()      # a server's database: kept
    open_database(path)
    path = location(path)           # a server's address without its password from here
    try:
        if choices.demo:
            if not shops.list_shops():
                load_demo()      # the same demo as `afterdesk demo`
        else:
            shops.add_shop(choices.shop_key, choices.platform, choices.shop_name,
                           choices.timezone, actor="rep")
    except Exception:
        close_database()
        if not existed:      # leave no empty database behind: the wizard comes back
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
        raise
    close_database()
    settings.set("ui.language", choices.language)
    if not choices.demo:
        default = paths.default_db_path()
        settings.set("data.db_path", "" if path == default else str(path))
        settings.set("ui.first_run_done", True)   # the demo asks again at the next start
    log.info("first run done: %s (demo %s)", path, choices.demo)
    return path
