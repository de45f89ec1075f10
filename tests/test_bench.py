"""`python -m bench` (the benchmark tool beside the program): every figure measured beside its floor in one run, on generated shops.

The whole benchmark runs once here, at a tiny size (the hidden `--size tiny`), so that the
test checks what the command promises (every figure, with floor, ratio and goal) without
the minutes the full size takes; the figures themselves mean nothing at this size."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bench.report import table, text
from bench.scale import tiny
from app.vocab import DISPUTE_STATES, REQUEST_STATES

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ["P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P10a", "P10b", "P11"]



@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    home = folder / "home"
    env = dict(os.environ, AFTERDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "bench", "--json", "--size", "tiny",
                           "--dir", str(folder / "work")], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout), folder, done.stderr


@pytest.mark.slow
def test_every_figure_has_its_floor_ratio_and_goal(run):
    result, _folder, _log = run
    figures = {f["figure"]: f for f in result["figures"]}
    assert list(figures) == FIGURES
    for key, f in figures.items():
        assert f["value"] > 0, key
        assert f["floor"] > 0 or key == "P6", key        # an idle monitor may cost nothing
        assert f["ratio"] == pytest.approx(f["value"] / max(f["floor"], 1e-9), rel=0.05) \
            or key == "P6", key
        assert f["goal"] > 0 and f["goal_text"] and isinstance(f["holds"], bool), key
        assert f["runs"] and f["floor_runs"], key
        assert f["what"] and f["floor_what"], key
    assert figures["P4"]["goal_text"] == "≤ 50 ms" and figures["P1"]["goal_text"] == "≤ 2.3×"
    assert figures["P8"]["goal_text"] == "≤ +60 MB"
    assert result["short"] == [k for k in FIGURES if not figures[k]["holds"]]


@pytest.mark.slow
def test_the_shops_are_generated_at_the_asked_size_with_cases_in_every_state(run):
    result, folder, _log = run
    size = tiny()
    data = result["data"]
    assert (data["orders"], data["conversation"], data["message"]) == \
        (size.orders, size.conversations, size.messages)
    assert data["dispute"] + data["aftersales_request"] == size.cases
    db = sqlite3.connect(folder / "work" / "shop.db")
    try:
        assert {r[0] for r in db.execute('SELECT DISTINCT "state" FROM "dispute"')} == \
            set(DISPUTE_STATES)
        assert {r[0] for r in db.execute('SELECT DISTINCT "state" FROM "aftersales_request"')} \
            == set(REQUEST_STATES)
        long_thread = db.execute('SELECT count(*) FROM "message" WHERE "conversation_id" = ?',
                                 (data["long_thread"],)).fetchone()[0]
        assert long_thread == size.long_thread
        languages = {r[0] for r in db.execute('SELECT DISTINCT "source_lang" FROM "message"')}
        assert {"zh", "en"} <= languages
        # every message is findable: the generator indexed them as it wrote them
        indexed = db.execute('SELECT count(*) FROM "message_search"').fetchone()[0]
        assert indexed == db.execute('SELECT count(*) FROM "message"').fetchone()[0]
    finally:
        db.close()


@pytest.mark.slow
def test_the_reps_own_database_is_never_touched(run):
    _result, folder, _log = run
    data_dir = folder / "home" / "data"
    assert not data_dir.exists() or not any(data_dir.iterdir())


@pytest.mark.slow
def test_the_table_says_which_goals_hold(run):
    result, _folder, _log = run
    lines = table(result).splitlines()
    assert lines[0] == "| figure | value | floor | ratio | goal | holds |"
    assert len(lines) == 2 + len(FIGURES)
    for line, f in zip(lines[2:], result["figures"]):
        assert line.startswith(f"| {f['figure']} ")
        assert line.rstrip().endswith("| yes |" if f["holds"] else "| **no** |")
    assert "whole run" in text(result)


def test_a_long_thread_is_read_in_two_statements_with_its_pictures(db):
    """P4's fix: opening a long conversation reads its messages and their files in two
    statements, not one model object (or one bound parameter) per message."""
    from datetime import timedelta

    from app.models import Attachment, StoredFile
    from app.services.messaging import conversations, thread
    from tests.factories import T0, make_buyer, make_shop
    shop = make_shop("ae")
    conv = conversations.start_conversation(shop, make_buyer(shop, "joao"), "site_message",
                                            at=T0)
    sent = [conversations.add_message(conv, "in" if n % 2 else "out", f"message {n}",
                                      T0 + timedelta(minutes=n)) for n in range(60)]
    picture = StoredFile.create(sha256="a" * 64, size=3, mime="image/jpeg",
                                original_name="broken.jpg", created_at=T0)
    Attachment.create(file=picture, message=sent[-1], caption="裂缝", created_at=T0)
    Attachment.create(file=picture, message=sent[0], caption="box", created_at=T0)

    seen = []
    db.connection().set_trace_callback(seen.append)
    try:
        newest = thread.thread_messages(conv.id, 10)
        everything = thread.thread_messages(conv.id)
    finally:
        db.connection().set_trace_callback(None)
    assert len(seen) == 4
    assert [m.body for m in newest] == [f"message {n}" for n in range(50, 60)]
    assert [m.id for m in everything] == [m.id for m in sent]
    assert [a.caption for a in newest[-1].attachments] == ["裂缝"]
    assert everything[0].attachments[0].name == "broken.jpg"
    assert all(not m.attachments for m in newest[:-1])
    assert everything[1].sent_at == T0 + timedelta(minutes=1)
    assert everything[1].sent_at.utcoffset() == timedelta(0)
    assert (everything[1].direction, everything[1].is_internal) == ("in", False)


@pytest.mark.slow
def test_a_second_run_in_the_same_folder_reuses_the_shops_and_measures_again(run):
    first, folder, _ = run
    env = dict(os.environ, AFTERDESK_HOME=str(folder / "home"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "bench", "--json", "--size", "tiny",
                           "--dir", str(folder / "work")], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "using the shops generated" in done.stderr.lower()
    again = json.loads(done.stdout)
    assert [f["figure"] for f in again["figures"]] == FIGURES
    assert again["data"] == first["data"]


def test_p12_measures_the_inbox_and_search_on_a_server(tmp_path, postgres_address):
    """bench/fig_server.py on a tiny shop moved to the test server: both halves measured
    against their floors on the same server."""
    from bench import fig_server
    from bench.generate import generate
    from app.commands.server_move import move_from
    from app.db import close_database, open_database
    file = tmp_path / "shop.db"
    open_database(file)
    generate(tiny())
    close_database()
    move_from(file, postgres_address)
    open_database(postgres_address)
    figure = fig_server.measure(tiny())
    assert figure.key == "P12" and figure.floor > 0 and figure.goal == 2.0
    assert set(figure.details["search"]["queries"]) == {"退款", "物流", "refund"}
    assert all(q["hits"] > 0 for q in figure.details["search"]["queries"].values())
    assert figure.details["inbox"]["filters"]["all"]["ids"] > 0
