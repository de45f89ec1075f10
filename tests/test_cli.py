"""The `afterdesk` command as a rep or a script uses it."""

import json
import shutil
import subprocess
import sys

import pytest

from app.cli import main

REQUIRED_DEADLINE_KEYS = {"rule", "kind", "platform", "shop", "order_no", "case_id", "due_at",
                          "state", "label"}


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["--db", str(path), "demo", "--orders", "80"]) == 0
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path):
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    return str(path)


def test_init_creates_the_database(tmp_path, capsys):
    path = tmp_path / "sub" / "x.db"
    code, out, _ = run(capsys, "--db", str(path), "init")
    assert code == 0 and path.exists() and "schema version" in out


def test_shop_add_and_list(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    code, out, _ = run(capsys, "--db", db, "shop", "add", "sun", "--platform", "aliexpress",
                       "--name", "Sunrise", "--tz", "America/Los_Angeles")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "shop", "list", "--json")
    assert json.loads(out) == [{"key": "sun", "platform": "aliexpress", "name": "Sunrise",
                                "timezone": "America/Los_Angeles", "currency": "USD"}]


def test_bad_time_zone_is_refused_on_stderr_and_nothing_written(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    code, out, err = run(capsys, "--db", db, "shop", "add", "sun", "--platform", "taobao",
                         "--name", "S", "--tz", "Mars/Olympus")
    assert code == 2 and "Mars/Olympus" in err and out == ""
    run(capsys, "--db", db, "shop", "list", "--json")
    code, out, _ = run(capsys, "--db", db, "shop", "list", "--json")
    assert json.loads(out) == []


def test_cases_json_lists_every_kind_of_case(demo_db, capsys):
    code, out, _ = run(capsys, "--db", demo_db, "cases", "--json")
    cases = json.loads(out)
    assert code == 0
    assert {c["type"] for c in cases} == {"dispute", "aftersales", "complaint"}
    assert {c["platform"] for c in cases} == {"aliexpress", "taobao"}
    prefix = {"dispute": "D-", "aftersales": "A-", "complaint": "C-"}
    for case in cases:
        assert {"id", "type", "platform", "shop", "state"} <= set(case)
        assert case["id"].startswith(prefix[case["type"]])
        if case["type"] != "complaint":
            assert case["order_no"]


def test_deadlines_json_at_an_instant_covers_both_platforms(demo_db, capsys):
    code, out, _ = run(capsys, "--db", demo_db, "deadlines", "--json",
                       "--at", "2026-03-01T00:00:00Z")
    items = json.loads(out)
    assert code == 0 and items
    assert {d["platform"] for d in items} == {"aliexpress", "taobao"}
    for item in items:
        assert REQUIRED_DEADLINE_KEYS <= set(item)
        assert item["due_at"].endswith("Z")
        assert item["state"] in ("pending", "met", "missed")
    rules = {d["rule"] for d in items}
    assert "AE-3" in rules and "TB-3" in rules


def test_a_bad_instant_is_refused(demo_db, capsys):
    code, out, err = run(capsys, "--db", demo_db, "deadlines", "--at", "tomorrow")
    assert code == 2 and "tomorrow" in err


def test_export_import_export_is_identical(demo_db, tmp_path, capsys):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run(capsys, "--db", demo_db, "export", str(first))[0] == 0
    empty = str(tmp_path / "empty.db")
    assert run(capsys, "--db", empty, "import", str(first))[0] == 0
    assert run(capsys, "--db", empty, "export", str(second))[0] == 0
    a, b = json.loads(first.read_text("utf-8")), json.loads(second.read_text("utf-8"))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b


def test_importing_a_broken_file_stores_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "afterdesk-interchange", "version": 1, "shops": [', "utf-8")
    db = str(tmp_path / "x.db")
    code, _, err = run(capsys, "--db", db, "import", str(bad))
    assert code == 2 and "JSON" in err
    code, out, _ = run(capsys, "--db", db, "shop", "list", "--json")
    assert json.loads(out) == []


def test_demo_twice_is_refused(demo_db, capsys):
    code, _, err = run(capsys, "--db", demo_db, "demo", "--orders", "60")
    assert code == 2 and "exists already" in err


def test_python_dash_m_app_is_the_same_program():
    result = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and "deadlines" in result.stdout


def test_calendar_override_from_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    assert run(capsys, "--db", db, "calendar", "off", "2027-02-08", "--note", "holiday")[0] == 0
    code, out, _ = run(capsys, "--db", db, "calendar", "list", "--json")
    assert json.loads(out) == [{"day": "2027-02-08", "working": False, "note": "holiday"}]
    code, _, err = run(capsys, "--db", db, "calendar", "work", "08/02/2027")
    assert code == 2 and "not a date" in err


def test_deadlines_all_is_every_clock_met_ones_included(demo_db, capsys):
    # issue #21: `--all` adds the met, missed and settled clocks to what is due
    at = "2026-12-01T00:00:00Z"
    code, out, _ = run(capsys, "--db", demo_db, "deadlines", "--json", "--at", at)
    due = json.loads(out)
    code, out, _ = run(capsys, "--db", demo_db, "deadlines", "--all", "--json", "--at", at)
    every = json.loads(out)
    key = lambda d: json.dumps(d, sort_keys=True)  # noqa: E731
    assert {key(d) for d in due} <= {key(d) for d in every}
    met_orders = [d for d in every if d["subject"] == "order" and d["state"] == "met"]
    assert met_orders and not [d for d in due if d["subject"] == "order" and d["state"] == "met"]
    order_no = met_orders[0]["order_no"]
    code, out, _ = run(capsys, "--db", demo_db, "deadlines", "--all", "--json", "--at", at,
                       "--order", order_no)
    assert code == 0 and {d["order_no"] for d in json.loads(out)} == {order_no}
