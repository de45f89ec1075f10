"""`afterdesk deadlines --json` includes GEN-7 follow-ups, GEN-8 complaint clocks and AE-11
parcel advice when such data exists; `afterdesk cases --json` lists complaints."""

import json
from datetime import timedelta
from decimal import Decimal

from app.cli import main
from app.db import close_database, open_database
from app.services.aftercare import complaints
from app.services.messaging.conversations import add_message, start_conversation
from tests.factories import T0, make_buyer, make_order, make_shop


def build(path):
    open_database(path)
    ae = make_shop("ae", "aliexpress")
    maria = make_buyer(ae, "maria", country="BR")
    order = make_order(ae, "8001", buyer=maria, destination_country="BR", promised_days=10)
    conv = start_conversation(ae, maria, "site_message", order=order, at=T0)
    add_message(conv, "in", "Onde está?", T0)
    add_message(conv, "out", "In customs, 3 more days.", T0 + timedelta(hours=1))
    tb = make_shop("tb", "taobao")
    tb_order = make_order(tb, "3901", status="completed", paid=Decimal("100"),
                          shipped_at=T0 + timedelta(days=4), completed_at=T0 + timedelta(days=6))
    complaints.open_complaint(tb, "late_shipment", "发货太慢", order=tb_order,
                              opened_at=T0 + timedelta(days=7))
    close_database()


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


def test_deadlines_json_lists_follow_ups_complaints_and_parcel_advice(tmp_path, capsys):
    path = str(tmp_path / "x.db")
    build(path)
    items = run(capsys, "--db", path, "deadlines", "--json", "--at", "2026-03-10T02:00:00Z")
    kinds = {(d["rule"], d["kind"]) for d in items}
    assert ("GEN-7", "follow_up") in kinds
    assert ("AE-11", "extension_advice") in kinds
    assert ("HOUSE-1", "complaint_response") in kinds
    follow_up = next(d for d in items if d["kind"] == "follow_up")
    # 2 days after 03:00 UTC on 2 March is 00:00 in São Paulo: due at 09:00 there.
    assert follow_up["due_at"] == "2026-03-04T12:00:00Z"
    assert follow_up["state"] == "missed" and follow_up["conversation_id"] is not None
    complaint = next(d for d in items if d["subject"] == "complaint")
    assert complaint["case_id"].startswith("C-") and complaint["shop"] == "tb"


def test_cases_json_lists_complaints(tmp_path, capsys):
    path = str(tmp_path / "x.db")
    build(path)
    rows = run(capsys, "--db", path, "cases", "--json")
    found = [r for r in rows if r["type"] == "complaint"]
    assert len(found) == 1
    assert (found[0]["kind"], found[0]["state"], found[0]["order_no"], found[0]["cause"]) == (
        "late_shipment", "open", "3901", "seller")
    assert found[0]["id"].startswith("C-")
