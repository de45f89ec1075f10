"""P13's measurement at a small size on the test cluster (bench/fig_live.py): five rep
processes writing at once, each change seen by every other rep's live changes reader
(none missed), the floor measured beside it. No timing is asserted: the figure's goal is
the benchmark's business (docs/performance.md)."""

from __future__ import annotations

import pytest

from app.db import close_database, open_database


@pytest.fixture
def server(postgres_address, tmp_path, monkeypatch, file_keyring):
    # The rep processes find the password where this test's AfterDesk keeps it.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.file_keyring.FileKeyring")
    monkeypatch.setenv("AFTERDESK_TEST_KEYRING", str(file_keyring.path))
    open_database(postgres_address)
    yield
    close_database()


def test_five_reps_writing_at_once_see_each_others_changes(server, tmp_path):
    from bench import fig_live
    figure = fig_live.measure(None, tmp_path / "p13", seconds=3.0)
    details = figure.details
    assert details["reps"] == 5 and details["writes"] >= 5
    assert details["not_seen"] == 0
    assert details["deliveries"] == 4 * details["writes"], "each change reached 4 other reps"
    assert figure.floor > 0 and details["floor_runs"] > 0
    assert figure.to_json()["figure"] == "P13"
