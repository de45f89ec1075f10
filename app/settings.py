"""The rep's preferences, declared once.

Every setting is a `Setting` in `SETTINGS` with its type, default and a description;
values live in <config folder>/settings.json. A missing, unknown or ill-typed value
falls back to the default (and the log says so), so a damaged file never stops AfterDesk.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from app import paths

log = logging.getLogger("afterdesk.settings")

SETTINGS_FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type            # str, int, bool, or list (then `item_type` says of what)
    default: object
    description: str
    item_type: type | None = None

    def accepts(self, value) -> bool:
        if self.type is int:
            return isinstance(value, int) and not isinstance(value, bool)
        if self.type is list:
            item = self.item_type or object
            return isinstance(value, list) and all(
                isinstance(v, item) and not (item is int and isinstance(v, bool)) for v in value)
        return isinstance(value, self.type)


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("ui.language", str, "", "Language of the window: zh_CN, en, or empty for the system's"),
    Setting("ui.window_geometry", str, "", "Size and place of the main window (saved on close)"),
    Setting("alerts.lead_times_hours", list, [24, 4, 1],
            "Warn this many hours before a deadline is due", item_type=int),
    Setting("monitor.apply_platform_rules", bool, True, "Record what the platform does at missed deadlines"),
    Setting("data.db_path", str, "", "Database file; empty means the default in the data folder"),
    Setting("conversations.my_name", str, "", "Your name as a rep: your changes, replies and 'assigned to me'; empty: your login"),
    Setting("evidence.page_budget", int, 30, "Warn when an evidence pack has more pages than this"),
    Setting("evidence.max_file_mb", int, 20, "Largest photo or document an evidence pack takes (MB)"),
    Setting("backup.keep", int, 7, "How many automatic backups to keep in the data folder"),
    Setting("backup.daily", bool, True, "Back up the database at start when the newest backup is a day old"),
    Setting("ui.theme", str, "system", "Colours of the window: system (follows Windows, incl. dark), light or dark"),
    Setting("ui.first_run_done", bool, False, "The first-run wizard has been completed"),
    Setting("translation.baidu_app_id", str, "", "Baidu Translate app id (its key is in the system keyring); empty: no online translator"),
    Setting("translation.baidu_endpoint", str, "", "Baidu Translate address; empty: Baidu's own"),
)}


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE_NAME


class Settings:
    """Values of the declared settings, read from and written to one JSON file."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else settings_path()
        self._values: dict[str, object] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable, using defaults: %s", self.path, exc)
            return
        if not isinstance(raw, dict):
            log.warning("settings file %s is not an object, using defaults", self.path)
            return
        for key, value in raw.items():
            setting = SETTINGS.get(key)
            if setting is None:
                log.warning("unknown setting %r in %s ignored", key, self.path)
            elif not setting.accepts(value):
                log.warning("setting %r has a wrong value %r, using the default", key, value)
            else:
                self._values[key] = value

    def get(self, key: str):
        setting = _declared(key)
        value = self._values.get(key, setting.default)
        return list(value) if isinstance(value, list) else value

    def set(self, key: str, value) -> None:
        """Change one value and write the file (a bad value raises ValueError, nothing written)."""
        setting = _declared(key)
        if not setting.accepts(value):
            raise ValueError(f"setting {key} expects {setting.type.__name__}, got {value!r}")
        self._values[key] = list(value) if isinstance(value, list) else value
        self.save()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps(self._values, ensure_ascii=False, indent=2, sort_keys=True),
                             encoding="utf-8")
        os.replace(temporary, self.path)


def _declared(key: str) -> Setting:
    try:
        return SETTINGS[key]
    except KeyError:
        raise KeyError(f"no setting named {key!r}") from None
