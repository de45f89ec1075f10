"""Two reps, two processes, one shop database on a PostgreSQL server (issue 24; on a
SQLite file: tests/test_two_reps.py): rep A's AfterDesk is another process (the command
line), rep B's is this window. A's reply
reaches B's conversation list by itself (the server's notification wakes B's reader of
the change log); then both change one case, each from what they last saw: A's step goes
through, B's from the view before it is refused, naming A and what A did."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.clock import utcnow
from app.db import current_path, open_database
from app.errors import StaleEdit
from app.models import Dispute
from app.services.casework import case_actions, disputes
from app.services.messaging import conversations
from app.settings import Settings
from tests.factories import make_buyer, make_order, make_shop
from ui.main_window import MainWindow
from ui.worker import wait_for_background

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]
REP_A = "李丽"
ANSWER = "It left the warehouse today"


def as_rep_a(address: str, tmp_path: Path, *command: str) -> str:
    """`afterdesk --db ADDRESS COMMAND…` in a process of its own, working for rep A."""
    env = {**os.environ, "AFTERDESK_REP": REP_A,
           "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
           "AFTERDESK_TEST_KEYRING": str(tmp_path / "rep-a-keyring.json")}
    done = subprocess.run([sys.executable, "-m", "app", "--db", address, *command],
                          capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    return done.stdout


def row_text(model, row: int) -> str:
    return " ".join(str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
                    for column in range(model.columnCount()))


def test_rep_a_replies_rep_b_sees_it_and_a_stale_case_step_is_refused(qtbot, postgres_address,
                                                                      tmp_path):
    open_database(postgres_address)
    shop = make_shop("ae")
    conv = conversations.start_conversation(shop, make_buyer(shop, "maria", language="en"),
                                            "site_message", language="en",
                                            at=utcnow() - timedelta(hours=2))
    conversations.add_message(conv, "in", "Where is my parcel?", utcnow() - timedelta(hours=1))
    dispute = disputes.open_dispute(make_order(shop, "8001", status="shipped"),
                                    "not_as_described", "quality", "Quality problem", "refund",
                                    "12.00", utcnow() - timedelta(hours=1))
    window = MainWindow(current_path(), Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    window.reload_all()
    window.start_live_changes()
    try:
        page = window.pages["conversations"]
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20000)
        assert ANSWER not in row_text(page.model, 0)
        qtbot.waitUntil(lambda: window.live.listener.listening is True, timeout=20000)

        as_rep_a(postgres_address, tmp_path, "reply", str(conv.id), ANSWER)
        qtbot.waitUntil(lambda: ANSWER in row_text(page.model, 0), timeout=20000)

        ref = f"D-{dispute.id}"
        seen_by_b = Dispute.get_by_id(dispute.id).version     # B's case view, before A
        as_rep_a(postgres_address, tmp_path, "case", "act", ref, "seller_accept")
        after_a = Dispute.get_by_id(dispute.id)
        with pytest.raises(StaleEdit) as refused:
            case_actions.perform(ref, "seller_refuse", utcnow(), reason="It works",
                                 shown_version=seen_by_b)
        assert str(refused.value).startswith(f"{ref} was changed meanwhile by {REP_A} "
                                             "(seller_accept)")
        now = Dispute.get_by_id(dispute.id)
        assert (now.state, now.version) == (after_a.state, after_a.version), "nothing written"
    finally:
        window.close()
        for _ in range(3):      # what A's last change made the lists read, done before
            wait_for_background()               # the test's database is dropped
            QApplication.processEvents()
