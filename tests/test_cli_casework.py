"""The command line does what the window does (issue #21): one dispute and one request
walked end to end through commands only, and the same walk through the services the window
calls (app.services.casework.case_actions); what `case show --json` reads back is the same,
and every refusal is the same message, exit 2, nothing written."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from app.cli import main
from app.commands.case_input import case_json, evidence_status
from app.db import close_database, open_database
from app.errors import ServiceError
from app.importers import samples as s
from app.services.casework import case_actions
from app.services.casework.case_view import case_detail

UTC = timezone.utc
END = "2026-04-30T00:00:00Z"            # when both walks are read back


def at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# One walk, as (what, arguments): "dispute"/"request" open a case, "act" records a step;
# a step marked refused must be refused (exit 2) and write nothing.
DISPUTE = (
    ("dispute", dict(order="8001", kind="not_received", sub_kind="lost",
                     reason="Package did not arrive", solution="refund", amount="27.50",
                     at="2026-03-20T00:00:00Z"), None),
    ("act", dict(action="seller_response_timeout", at="2026-03-21T00:00:00Z"), "AE-3"),
    ("act", dict(action="seller_refuse", reason="Tracking shows it in the buyer's city",
                 at="2026-03-21T00:00:00Z"), None),
    ("act", dict(action="seller_counter_propose", solution="refund", amount="10.00",
                 note="Half the pieces", at="2026-03-21T01:00:00Z"), None),
    ("act", dict(action="buyer_escalate", at="2026-03-22T00:00:00Z"), "AE-5"),
    ("act", dict(action="buyer_escalate", at="2026-03-25T00:00:00Z"), None),
    ("act", dict(action="platform_rule", in_favour_of="buyer", solution="refund",
                 amount="20.00", at="2026-03-30T00:00:00Z"), None),
    ("act", dict(action="appeal", at="2026-03-30T00:00:00Z", amount="3.00"), "input"),
)
REQUEST = (
    # the 21-column report has no completion time: TB-1's window cannot be checked
    ("request", dict(order="222", type="refund_only", reason="not_received", amount="65.90",
                     at="2026-03-12T00:00:00Z"), "TB-1"),
    ("request", dict(order="222", type="return_and_refund", reason="not_received",
                     amount="65.90", completed_at="2026-03-10T00:00:00Z",
                     at="2026-03-12T00:00:00Z"), "TB-4"),
    ("request", dict(order="222", type="refund_only", reason="not_received", amount="99.00",
                     completed_at="2026-03-10T00:00:00Z", at="2026-03-12T00:00:00Z"),
     "input"),
    ("request", dict(order="222", type="refund_only", reason="not_received", amount="65.90",
                     note="Nothing came", completed_at="2026-03-10T00:00:00Z",
                     at="2026-03-12T00:00:00Z"), None),
    ("request", dict(order="222", type="refund_only", reason="quality", amount="5.00",
                     at="2026-03-12T01:00:00Z"), "TB-2"),
    ("act", dict(action="agree_return", at="2026-03-13T00:00:00Z"), "input"),
    ("act", dict(action="refuse", reason="Parcel signed for", at="2026-03-13T00:00:00Z"), None),
    ("act", dict(action="request_platform", at="2026-03-14T00:00:00Z"), None),
    ("act", dict(action="rule_for_buyer", amount="30.00", at="2026-03-16T00:00:00Z"), None),
)


def world(db: str, tmp_path) -> None:
    """Two shops and their orders, set up through commands too."""
    ae = s.write_xlsx(tmp_path / "ae.xlsx", s.AE_CLASSIC, [s.ae_classic_row("8001")])
    tb = s.write_csv(tmp_path / "tb.csv", s.TB_21, [s.tb_21_row("222")], "utf-8-sig")
    for args in (["shop", "add", "ae", "--platform", "aliexpress", "--name", "AE",
                  "--tz", "America/Los_Angeles"],
                 ["shop", "add", "tb", "--platform", "taobao", "--name", "TB",
                  "--tz", "Asia/Shanghai"],
                 ["import", "orders", str(ae), "--shop", "ae"],
                 ["import", "orders", str(tb), "--shop", "tb"]):
        assert main(["--db", db, *args]) == 0


def command(what: str, ref: str | None, values: dict) -> list[str]:
    flags = {"sub_kind": "--sub-kind", "completed_at": "--completed-at",
             "in_favour_of": "--in-favour-of"}
    rest = dict(values)
    if what == "act":
        head = ["case", "act", ref, rest.pop("action")]
    else:
        head = [what, "open"]
    for name, value in rest.items():
        head += [flags.get(name, f"--{name}"), value]
    return head


def written(db: str) -> tuple:
    with sqlite3.connect(db) as con:
        return tuple(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                     for t in ("audit_entry", "dispute_event", "request_event", "orders"))


def completion(db: str) -> str | None:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT completed_at FROM orders WHERE order_no = '222'").fetchone()[0]


def by_cli(db, capsys, walk, ref_prefix):
    """Walk through commands only; returns the refusals (rule, message) and the case id."""
    refusals, ref = [], None
    capsys.readouterr()
    for what, values, refused in walk:
        before = written(db), completion(db)
        code = main(["--db", db, *command(what, ref, values)])
        out, err = capsys.readouterr()
        if refused:
            assert code == 2 and out == "", (values, out, err)
            assert (written(db), completion(db)) == before          # nothing written
            refusals.append(err.strip())
        else:
            assert code == 0, err
            if what != "act":
                ref = out.split(":")[0]
                assert ref.startswith(ref_prefix)
    return refusals, ref


def by_services(walk, ref_prefix):
    """The same walk through the window's services (the form and the step dialog)."""
    refusals, ref = [], None
    for what, values, refused in walk:
        v = dict(values)
        try:
            if what == "dispute":
                case = case_actions.record_dispute(
                    "ae", v["order"], v["kind"], v["sub_kind"], v["reason"], v["solution"],
                    Decimal(v["amount"]), at(v["at"]), actor="cli")
            elif what == "request":
                case = case_actions.open_request(
                    "tb", v["order"], v["type"], v["reason"], Decimal(v["amount"]),
                    at(v["at"]), description=v.get("note", ""),
                    completed_at=at(v["completed_at"]) if "completed_at" in v else None,
                    actor="cli")
            else:
                inputs = {{"solution": "solution_type"}.get(k, k): val for k, val in v.items()
                          if k not in ("action", "at")}
                takes = dict(case_actions.ACTION_INPUTS.get(v["action"], ()))
                if "amount" in inputs and "refund_amount" in takes:     # a dispute's refund
                    inputs["refund_amount"] = Decimal(inputs.pop("amount"))
                case_actions.perform(ref, v["action"], at(v["at"]), actor="cli", **inputs)
                case = None
        except ServiceError as exc:
            assert refused, (values, exc)
            rule = getattr(exc, "rule", None)
            refusals.append(f"afterdesk: {exc}" + (f" ({rule})" if rule else ""))
            continue
        assert not refused, values
        if case is not None:
            ref = f"{ref_prefix}{case.id}"
    return refusals, ref


def read_back(ref: str) -> dict:
    data = case_json(case_detail(ref, at(END)), evidence_status(ref))
    for event in data["timeline"]:
        event.pop("recorded_at")               # when each walk wrote it
    return data


@pytest.mark.parametrize("walk,prefix", [(DISPUTE, "D-"), (REQUEST, "A-")],
                         ids=["dispute", "request"])
def test_a_case_walked_by_commands_reads_back_as_the_same_walk_through_the_services(
        tmp_path, capsys, walk, prefix):
    cli_db, service_db = str(tmp_path / "cli.db"), str(tmp_path / "services.db")
    world(cli_db, tmp_path)
    world(service_db, tmp_path)
    capsys.readouterr()
    cli_refusals, cli_ref = by_cli(cli_db, capsys, walk, prefix)
    assert main(["--db", cli_db, "case", "show", cli_ref, "--json", "--at", END]) == 0
    shown = json.loads(capsys.readouterr().out)
    for event in shown["timeline"]:
        event.pop("recorded_at")

    open_database(service_db)
    try:
        service_refusals, service_ref = by_services(walk, prefix)
        expected = read_back(service_ref)
    finally:
        close_database()

    assert cli_refusals == service_refusals
    expected_rules = [refused for _what, _values, refused in walk if refused]
    assert len(cli_refusals) == len(expected_rules)
    for message, rule in zip(cli_refusals, expected_rules):
        # a marketplace rule's refusal names its rule; an input check names the field
        assert message.endswith(f"({rule})") if rule != "input" else "field '" in message
    assert cli_ref == service_ref and shown == expected
    assert shown["state"] == "resolved" if prefix == "D-" else shown["state"] == "success"
    assert shown["timeline"][-1]["recorded_by"] == "cli"


def test_the_dispute_walk_reads_back_what_the_rep_did(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    world(db, tmp_path)
    by_cli(db, capsys, DISPUTE, "D-")
    assert main(["--db", db, "case", "show", "D-1", "--json", "--at", END]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in data["timeline"]] == [
        "open_dispute", "seller_refuse", "seller_counter_propose", "buyer_escalate",
        "platform_rule"]
    assert data["proposals"]["seller"]["amount"] == "10.00"
    assert data["refund"] == "20.00" and data["outcome"].startswith("ruling of the platform")
    met = {d["rule"]: d["state"] for d in data["deadlines"] if d["rule"] == "AE-3"}
    assert met == {"AE-3": "met"}                  # the refusal answered in time
    assert data["evidence"]["score"] < 100 and data["evidence"]["missing"]
    assert data["checklist"]["guide"] == "lost_parcel"           # GEN-3: fits a lost parcel
    assert main(["--db", db, "case", "tick", "D-1", "lost_parcel", "confirm_loss"]) == 0
    assert main(["--db", db, "case", "cause", "D-1", "carrier"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "case", "show", "D-1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["checklist"]["ticked"] == {"lost_parcel": ["confirm_loss"]}
    assert data["cause"] == "carrier"


def test_the_request_walk_entered_the_missing_completion_time(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    world(db, tmp_path)
    capsys.readouterr()
    assert main(["--db", db, "deadlines", "--all", "--order", "222", "--json",
                 "--at", "2026-03-11T00:00:00Z"]) == 0
    windows = [d for d in json.loads(capsys.readouterr().out) if d["rule"] == "TB-1"]
    assert [(d["state"], d["due_at"]) for d in windows] == [("unknown", None)]
    by_cli(db, capsys, REQUEST, "A-")
    assert main(["--db", db, "deadlines", "--all", "--order", "222", "--json",
                 "--at", END]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert ("TB-1", "met", "2026-03-25T00:00:00Z") in [
        (d["rule"], d["state"], d["due_at"]) for d in rows]
    assert {d["case_id"] for d in rows if d["rule"] == "TB-3"} == {"A-1"}
    assert main(["--db", db, "deadlines", "--all", "--case", "A-1", "--json",
                 "--at", END]) == 0
    assert {d["case_id"] for d in json.loads(capsys.readouterr().out)} == {"A-1"}


def test_case_actions_lists_the_steps_with_their_inputs(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    world(db, tmp_path)
    by_cli(db, capsys, DISPUTE[:1], "D-")
    assert main(["--db", db, "case", "actions", "D-1", "--json",
                 "--at", "2026-03-20T01:00:00Z"]) == 0
    steps = {s["action"]: s for s in json.loads(capsys.readouterr().out)}
    assert steps["seller_refuse"]["status"] == "now"
    assert steps["seller_refuse"]["inputs"] == [{"name": "reason", "required": True}]
    assert steps["seller_refuse"]["rule"] == "AE-3"
    assert steps["seller_response_timeout"]["status"] == "later"
    assert steps["buyer_escalate"]["status"] == "later"            # AE-5: from day 4


def test_an_instant_in_the_future_is_refused(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    world(db, tmp_path)
    before = written(db)
    code = main(["--db", db, *command("dispute", None, dict(DISPUTE[0][1],
                                                            at="2099-01-01T00:00:00Z"))])
    _out, err = capsys.readouterr()
    assert code == 2 and "later than now" in err and "--at" in err
    assert written(db) == before
    by_cli(db, capsys, DISPUTE[:1], "D-")
    assert main(["--db", db, "case", "act", "D-1", "seller_accept",
                 "--at", "2099-01-01T00:00:00Z"]) == 2
    assert main(["--db", db, "case", "actions", "D-1", "--at", "2099-01-01T00:00:00Z"]) == 0


def test_a_file_goes_with_the_step_or_nothing_is_written(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    world(db, tmp_path)
    by_cli(db, capsys, DISPUTE[:1], "D-")
    proof = tmp_path / "proof.pdf"
    proof.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    bad = tmp_path / "notes.exe"
    bad.write_bytes(b"MZ\x90\x00")
    before = written(db)
    code = main(["--db", db, "case", "act", "D-1", "submit_proof", "--note", "Signed receipt",
                 "--file", str(proof), "--file", str(bad), "--at", "2026-03-21T00:00:00Z"])
    assert code == 2 and written(db) == before
    capsys.readouterr()
    assert main(["--db", db, "case", "act", "D-1", "submit_proof", "--note", "Signed receipt",
                 "--file", str(proof), "--at", "2026-03-21T00:00:00Z", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["name"] for f in data["files"]] == ["proof.pdf"]
    assert data["timeline"][-1]["detail"] == {"note": "Signed receipt"}


def test_reply_fills_placeholders_through_the_composers_service_or_refuses(tmp_path, capsys):
    from app.models import Message, Order
    from app.services.messaging import thread
    db = str(tmp_path / "cli.db")
    world(db, tmp_path)
    open_database(db)
    try:
        conversation = thread.start_from_order(Order.get(Order.order_no == "8001").id)
    finally:
        close_database()
    capsys.readouterr()
    before = written(db)
    code = main(["--db", db, "reply", str(conversation), "Hello {buyer_name}, {voucher}"])
    _out, err = capsys.readouterr()
    assert code == 2 and "{voucher}" in err and written(db) == before
    assert main(["--db", db, "reply", str(conversation), "Order {order_no} left on "
                 "2026-03-02", "--at", "2026-03-03T00:00:00Z", "--json"]) == 0
    sent = json.loads(capsys.readouterr().out)
    assert sent["body"] == "Order 8001 left on 2026-03-02" and not sent["internal"]
    assert sent["sent_at"] == "2026-03-03T00:00:00Z" and sent["channel"] == "order_message"
    assert main(["--db", db, "reply", str(conversation), "Ask {voucher} team", "--note"]) == 0
    open_database(db)
    try:
        notes = [m.body for m in Message.select().where(Message.is_internal == True)]  # noqa: E712
    finally:
        close_database()
    assert notes == ["Ask {voucher} team"]
