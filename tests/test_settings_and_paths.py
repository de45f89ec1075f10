"""Where AfterDesk keeps its files, and the rep's preferences (Qt-free)."""

from __future__ import annotations

import json
import logging

import pytest

from app import paths
from app.logging_setup import current_log_file, setup_logging, teardown_logging
from app.settings import SETTINGS, Settings


def test_afterdesk_home_moves_every_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path))
    assert paths.data_dir() == tmp_path / "data"
    assert paths.config_dir() == tmp_path / "config"
    assert paths.log_dir() == tmp_path / "logs"
    assert paths.default_db_path() == tmp_path / "data" / "afterdesk.db"


def test_without_afterdesk_home_the_folders_are_the_users_own(monkeypatch):
    monkeypatch.delenv("AFTERDESK_HOME", raising=False)
    for folder in (paths.data_dir(), paths.config_dir(), paths.log_dir()):
        assert "AfterDesk" in folder.parts
        assert folder.is_absolute()


def test_defaults_until_changed_and_changes_survive_a_restart(tmp_path):
    file = tmp_path / "settings.json"
    settings = Settings(file)
    assert settings.get("alerts.lead_times_hours") == [24, 4, 1]
    settings.get("alerts.lead_times_hours").append(99)          # a copy: nothing changes
    assert settings.get("alerts.lead_times_hours") == [24, 4, 1]
    settings.set("alerts.lead_times_hours", [48, 2])
    settings.set("data.db_path", "D:/售后/afterdesk.db")
    again = Settings(file)
    assert again.get("alerts.lead_times_hours") == [48, 2]
    assert again.get("data.db_path") == "D:/售后/afterdesk.db"
    assert again.get("ui.window_geometry") == ""


@pytest.mark.parametrize("key, value", [
    ("alerts.lead_times_hours", [24, "4"]), ("alerts.lead_times_hours", 24),
    ("alerts.lead_times_hours", [True]), ("ui.language", 3),
])
def test_a_wrong_value_is_refused_and_nothing_is_written(tmp_path, key, value):
    file = tmp_path / "settings.json"
    with pytest.raises(ValueError):
        Settings(file).set(key, value)
    assert not file.exists()


def test_an_unknown_setting_name_is_an_error(tmp_path):
    with pytest.raises(KeyError):
        Settings(tmp_path / "s.json").get("ui.colour")


def test_a_damaged_file_falls_back_to_defaults(tmp_path, caplog):
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"ui.language": "en", "alerts.lead_times_hours": "soon",
                                "old.setting": 1}), encoding="utf-8")
    settings = Settings(file)
    assert settings.get("ui.language") == "en"
    assert settings.get("alerts.lead_times_hours") == SETTINGS["alerts.lead_times_hours"].default
    assert "old.setting" in caplog.text and "alerts.lead_times_hours" in caplog.text
    file.write_text("{not json", encoding="utf-8")
    assert Settings(file).get("ui.language") == SETTINGS["ui.language"].default


def test_log_records_go_to_the_rotating_file(tmp_path):
    log_file = setup_logging(tmp_path / "logs", logging.INFO)
    try:
        assert current_log_file() == log_file
        logging.getLogger("afterdesk.test").info("退款 recorded")
        logging.getLogger("afterdesk.test").debug("too detailed")
        again = setup_logging(tmp_path / "logs")                 # no doubled handlers
        logging.getLogger("afterdesk.test").warning("once")
        assert again == log_file
    finally:
        teardown_logging()
    text = log_file.read_text(encoding="utf-8")
    assert "退款 recorded" in text and "too detailed" not in text
    assert text.count("once") == 1
    assert current_log_file() is None


def test_the_log_file_rotates_at_its_size_and_keeps_a_few_older_ones(tmp_path, monkeypatch):
    import app.logging_setup as logging_setup
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 2_000)
    monkeypatch.setattr(logging_setup, "BACKUP_COUNT", 2)
    log_file = setup_logging(tmp_path / "logs")
    log = logging.getLogger("afterdesk.test")
    try:
        for n in range(100):                              # ≈ 100 lines of ≈ 95 bytes
            log.info("record %03d 退款 %s", n, "x" * 40)
    finally:
        teardown_logging()
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["afterdesk.log", "afterdesk.log.1", "afterdesk.log.2"]   # no .3
    for path in (tmp_path / "logs").iterdir():
        assert 0 < path.stat().st_size <= 2_000
    newest = log_file.read_text(encoding="utf-8")
    assert "record 099" in newest and "record 000" not in newest
    one = (tmp_path / "logs" / "afterdesk.log.1").read_text(encoding="utf-8")
    assert one.splitlines()[-1].split("record ")[1][:3] < newest.splitlines()[0].split("record ")[1][:3]


def test_a_log_file_held_open_elsewhere_keeps_growing_and_rotates_later(tmp_path, monkeypatch):
    """Windows will not move a file another program holds open: nothing is lost, the log
    goes on in the same file and is moved aside once it can be."""
    import os

    import app.logging_setup as logging_setup
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 1_000)
    monkeypatch.setattr(logging_setup, "BACKUP_COUNT", 2)
    log_file = setup_logging(tmp_path / "logs")
    log = logging.getLogger("afterdesk.test")
    real_replace = os.replace
    held = {"on": True}

    def replace(src, dst):
        if held["on"] and str(src) == str(log_file):
            raise PermissionError(32, "in use by another process")
        return real_replace(src, dst)

    monkeypatch.setattr(logging_setup.os, "replace", replace)
    try:
        for n in range(30):
            log.info("held %02d %s", n, "x" * 40)
        assert sorted(p.name for p in log_file.parent.iterdir()) == ["afterdesk.log"]
        assert log_file.stat().st_size > 1_000              # grew: nothing was dropped
        held["on"] = False
        for n in range(5):
            log.info("free %02d %s", n, "x" * 40)
    finally:
        teardown_logging()
    kept = (log_file.parent / "afterdesk.log.1").read_text(encoding="utf-8")
    assert "held 00" in kept and "held 29" in kept            # moved aside whole
    newest = log_file.read_text(encoding="utf-8")
    assert "free 04" in newest and "held" not in newest


def test_without_backups_the_log_file_is_never_cut(tmp_path, monkeypatch):
    import app.logging_setup as logging_setup
    monkeypatch.setattr(logging_setup, "MAX_BYTES", 200)
    monkeypatch.setattr(logging_setup, "BACKUP_COUNT", 0)
    setup_logging(tmp_path)
    log = logging.getLogger("afterdesk.test")
    try:
        for n in range(20):
            log.info("line %02d %s", n, "y" * 30)
    finally:
        teardown_logging()
    text = (tmp_path / "afterdesk.log").read_text(encoding="utf-8")
    assert "line 00" in text and "line 19" in text
    assert [p.name for p in tmp_path.iterdir()] == ["afterdesk.log"]
