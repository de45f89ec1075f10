"""Report export: CSV (UTF-8 with BOM) and XLSX hold the same tables; text that a spreadsheet
would run as a formula is written as text; `afterdesk report` and `afterdesk import orders`
from the command line."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timezone

from openpyxl import load_workbook

from app.cli import main
from app.importers import samples as s
from app.reports import build_report, export_csv, export_xlsx, safe_cell
from app.services.casework import disputes
from tests.factories import make_order, make_shop

AT = datetime(2026, 3, 10, tzinfo=timezone.utc)


def test_safe_cell_guards_formulas_and_keeps_numbers():
    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    for text in ("+1", "-2+3", "@SUM(A1)", "\tx", "＝1"):
        assert safe_cell(text).startswith("'")
    assert safe_cell(-5) == -5 and safe_cell("Quality problem") == "Quality problem"


def _report(db):
    shop = make_shop("ae", "aliexpress")
    order = make_order(shop, "8001", status="shipped")
    disputes.open_dispute(order, "not_as_described", "quality", "=cmd|'/c calc'!A1", "refund",
                          "5.00", AT)
    return build_report(date(2026, 3, 1), date(2026, 3, 31), ["ae"])


def test_csv_and_xlsx_write_injected_text_as_text(db, tmp_path):
    report = _report(db)
    path = export_csv(report, tmp_path / "r.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert ["'=cmd|'/c calc'!A1", "1", "0", "1"] in rows
    book = load_workbook(export_xlsx(report, tmp_path / "r.xlsx"))
    sheet = book["By reason"]
    # a text cell, shown without an apostrophe; never a formula
    assert sheet["A2"].value == "=cmd|'/c calc'!A1" and sheet["A2"].data_type == "s"
    assert sheet["A2"].quotePrefix
    assert sheet["B2"].value == 1 and sheet["B2"].data_type == "n"
    assert "Dispute rate per month" in book.sheetnames


def test_report_command_json(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    assert main(["--db", db, "shop", "add", "ae", "--platform", "aliexpress", "--name", "AE",
                 "--tz", "America/Los_Angeles"]) == 0
    capsys.readouterr()
    code = main(["--db", db, "report", "--from", "2026-01-01", "--to", "2026-03-31", "--json",
                 "--xlsx", str(tmp_path / "r.xlsx")])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["from"] == "2026-01-01" and (tmp_path / "r.xlsx").exists()
    assert [r[0] for r in next(s for s in data["sections"]
                               if s["key"] == "rate_monthly")["rows"]] == [
        "2026-01", "2026-02", "2026-03"]
    assert main(["--db", db, "report", "--from", "2026-13-01"]) == 2
    assert "'2026-13-01' is not a date" in capsys.readouterr().err


def test_import_orders_command_dry_run_then_import(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    main(["--db", db, "shop", "add", "tb", "--platform", "taobao", "--name", "TB",
          "--tz", "Asia/Shanghai"])
    path = s.write_csv(tmp_path / "tb.csv", s.TB_CLASSIC, [s.tb_classic_row("123")], "gbk")
    capsys.readouterr()
    assert main(["--db", db, "import", "orders", str(path), "--shop", "tb", "--dry-run",
                 "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["add"] == 1 and preview["imported"] is False
    assert main(["--db", db, "import", "orders", str(path), "--shop", "tb"]) == 0
    assert "1 order(s) added" in capsys.readouterr().out
    assert main(["--db", db, "import", "orders", str(path), "--shop", "tb", "--dry-run"]) == 0
    assert "0 to add, 0 to update, 1 unchanged" in capsys.readouterr().out
    bad = s.write_csv(tmp_path / "bad.csv", s.TB_CLASSIC,
                      [s.tb_classic_row("124", 订单创建时间="yesterday")], "gbk")
    assert main(["--db", db, "import", "orders", str(bad), "--shop", "tb"]) == 2
    out, err = capsys.readouterr()
    assert "row 2, column 订单创建时间" in out and "nothing was imported" in err
    assert main(["--db", db, "import", "orders", str(path)]) == 2
    assert "--shop KEY" in capsys.readouterr().err


def test_interchange_import_still_works(tmp_path, capsys):
    db = str(tmp_path / "x.db")
    main(["--db", db, "shop", "add", "tb", "--platform", "taobao", "--name", "TB",
          "--tz", "Asia/Shanghai"])
    main(["--db", db, "export", str(tmp_path / "e.json")])
    other = str(tmp_path / "y.db")
    capsys.readouterr()
    assert main(["--db", other, "import", str(tmp_path / "e.json")]) == 0
    assert "imported" in capsys.readouterr().out


def test_taobao_request_reasons_are_listed_in_words(db):
    from app.services.casework import aftersales
    shop = make_shop("tb", "taobao")
    order = make_order(shop, "9001", status="shipped")
    aftersales.open_request(order, "refund_only", "quality", "5.00", AT)
    report = build_report(date(2026, 3, 1), date(2026, 3, 31), ["tb"])
    reasons = next(s for s in report.sections if s.key == "reason")
    labels = [row[0] for row in reasons.rows]
    assert "quality problem" in labels and "quality" not in labels
