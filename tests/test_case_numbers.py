"""Case ids survive an export and an import (issue #20, defect 6): D-48 names the same
dispute in the new database, and so do A-n and C-n; where the receiving database already
uses a number, the case gets a free one and the import says so."""

from __future__ import annotations

import json
import shutil

import pytest

from app.cli import main
from app.db import close_database, open_database
from app.errors import InvalidInput
from app.interchange import export_document, import_document
from app.models import AftersalesRequest, Dispute
from app.models.complaints import Complaint
from tests.test_interchange import build_world

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

KINDS = (("D", Dispute), ("A", AftersalesRequest), ("C", Complaint))


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["--db", str(path), "demo", "--orders", "60"]) == 0
    return path


def uids_by_id() -> dict[str, str]:
    """Every case id as a rep sees it -> the case's uid (its identity on every machine)."""
    return {f"{prefix}-{case.id}": case.uid for prefix, model in KINDS
            for case in model.select(model.id, model.uid)}


def test_every_case_id_names_the_same_case_after_export_and_import(demo_file, tmp_path,
                                                                   capsys):
    source = tmp_path / "source.db"
    shutil.copy(demo_file, source)
    dump, target = tmp_path / "desk.json", tmp_path / "new.db"
    capsys.readouterr()
    assert main(["--db", str(source), "cases", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert main(["--db", str(source), "export", str(dump)]) == 0
    assert main(["--db", str(target), "import", str(dump)]) == 0
    capsys.readouterr()
    assert main(["--db", str(target), "cases", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["order_no"], c["opened_at"]) for c in after] == \
        [(c["id"], c["order_no"], c["opened_at"]) for c in before]
    assert {c["id"][0] for c in after} == {"D", "A", "C"}
    open_database(source)
    try:
        expected = uids_by_id()
    finally:
        close_database()
    open_database(target)
    try:
        assert uids_by_id() == expected
    finally:
        close_database()


def test_numbers_the_database_already_uses_are_replaced_and_named(demo_file, tmp_path):
    open_database(demo_file)
    try:
        doc = export_document()
        demo = uids_by_id()
    finally:
        close_database()
    open_database(tmp_path / "desk.db")
    try:
        build_world()                       # this desk's own cases: D-1, A-1, C-1 …
        own = uids_by_id()
        summary = import_document(doc)
        now = uids_by_id()
    finally:
        close_database()
    assert {k: now[k] for k in own} == own                      # the desk's cases stay put
    moved = summary.renumbered
    assert set(moved) == set(own) & set(demo) and moved
    for old, new in moved.items():
        assert now[new] == demo[old]                             # the same case, a new number
        prefix = old[0]
        assert int(new[2:]) > max(int(k[2:]) for k in demo if k[0] == prefix)
        assert f"{old} is {new} here" in str(summary)
    for case_id, uid in demo.items():
        if case_id not in moved:
            assert now[case_id] == uid                           # every other number kept


def test_the_same_case_number_twice_is_refused_naming_the_field(db):
    build_world()
    doc = export_document()
    disputes = [d for shop in doc["shops"] for o in shop["orders"] for d in o["disputes"]]
    assert len(disputes) >= 2
    disputes[1]["number"] = disputes[0]["number"]
    open_database(":memory:")
    with pytest.raises(InvalidInput) as refused:
        import_document(doc)
    assert "field 'number'" in str(refused.value) and "appears twice" in str(refused.value)
    assert Dispute.select().count() == 0


@pytest.mark.parametrize("number", [0, -3, "7", True])
def test_a_case_number_that_is_not_one_is_refused(db, number):
    build_world()
    doc = export_document()
    next(d for shop in doc["shops"] for o in shop["orders"] for d in o["disputes"])[
        "number"] = number
    open_database(":memory:")
    with pytest.raises(InvalidInput) as refused:
        import_document(doc)
    assert "field 'number'" in str(refused.value)


def test_a_document_without_numbers_still_imports_with_new_ones(db):
    build_world()
    doc = export_document()
    for shop in doc["shops"]:
        for complaint in shop["complaints"]:
            del complaint["number"]
        for order in shop["orders"]:
            for dispute in order["disputes"]:
                del dispute["number"]
            if order["aftersales_request"]:
                del order["aftersales_request"]["number"]
    doc["version"] = 2
    open_database(":memory:")
    summary = import_document(doc)
    assert summary["disputes"] == Dispute.select().count() > 0 and not summary.renumbered
