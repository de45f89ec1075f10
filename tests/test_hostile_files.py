"""Hostile values in an order export or an interchange file end in exit 2 with a message
naming the row and column (or the record and field), never in a traceback, and nothing is
stored (issue #20, defect 4)."""

from __future__ import annotations

import json

import pytest

from app.cli import EXIT_ERROR, main
from app.importers import samples as s

HUGE_AMOUNTS = ("1e400", "9" * 40)


@pytest.fixture
def shops(tmp_path):
    path = str(tmp_path / "afterdesk.db")
    assert main(["--db", path, "shop", "add", "ae", "--platform", "aliexpress", "--name", "A",
                 "--tz", "America/Los_Angeles"]) == 0
    assert main(["--db", path, "shop", "add", "tb", "--platform", "taobao", "--name", "T",
                 "--tz", "Asia/Shanghai"]) == 0
    return path


def cases_and_orders(capsys, db: str) -> tuple:
    capsys.readouterr()
    assert main(["--db", db, "cases", "--json"]) == 0
    cases = json.loads(capsys.readouterr().out)
    assert main(["--db", db, "deadlines", "--all", "--json"]) == 0
    return cases, json.loads(capsys.readouterr().out)


def refused(capsys, *args) -> str:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == EXIT_ERROR, (out, err)
    assert "Traceback" not in out + err
    return out + err


@pytest.mark.parametrize("value", HUGE_AMOUNTS)
def test_a_huge_amount_in_an_aliexpress_export_is_a_row_problem(shops, tmp_path, capsys, value):
    path = s.write_xlsx(tmp_path / "huge.xlsx", s.AE_CLASSIC,
                        [s.ae_classic_row("1"), s.ae_classic_row("2", 订单金额=value)])
    text = refused(capsys, "--db", shops, "import", "orders", str(path), "--shop", "ae")
    assert "row 3, column 订单金额 (I): the amount" in text and "is too large" in text
    assert "nothing was imported" in text
    assert main(["--db", shops, "import", "orders", str(path), "--shop", "ae",
                 "--dry-run", "--json"]) == EXIT_ERROR
    assert json.loads(capsys.readouterr().out)["orders_read"] == 1     # row 2 only: not stored


@pytest.mark.parametrize("value", HUGE_AMOUNTS)
def test_a_huge_amount_in_a_taobao_csv_is_a_row_problem(shops, tmp_path, capsys, value):
    path = s.write_csv(tmp_path / "huge.csv", s.TB_CLASSIC,
                       [s.tb_classic_row("1", 买家应付邮费=value)], "gbk")
    text = refused(capsys, "--db", shops, "import", "orders", str(path), "--shop", "tb")
    assert "row 2, column 买家应付邮费 (E): the amount" in text and "too large" in text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_csv_without_a_byte_order_mark_is_read(shops, tmp_path, capsys, codec):
    """Such a file is UTF-16 all the same: it imports as its UTF-8 twin would."""
    gbk = s.write_csv(tmp_path / "tb.csv", s.TB_CLASSIC,
                      [s.tb_classic_row("3300001"), s.tb_classic_row("3300002")], "gbk")
    path = tmp_path / "tb16.csv"
    path.write_bytes(gbk.read_bytes().decode("gbk").encode(codec))
    assert not path.read_bytes().startswith((b"\xff\xfe", b"\xfe\xff"))
    capsys.readouterr()
    assert main(["--db", shops, "import", "orders", str(path), "--shop", "tb", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["imported"] and result["add"] == 2, result


def test_a_csv_cell_over_the_field_limit_is_named_by_row_and_column(shops, tmp_path, capsys):
    path = s.write_csv(tmp_path / "long.csv", s.TB_CLASSIC,
                       [s.tb_classic_row("1"), s.tb_classic_row("2", 买家留言='x",y' * 40_000)],
                       "gbk")
    text = refused(capsys, "--db", shops, "import", "orders", str(path), "--shop", "tb")
    assert "row 3, column 买家留言 (L): a cell holds more than 131,072 characters" in text


def test_a_huge_quantity_is_a_row_problem(shops, tmp_path, capsys):
    path = s.write_csv(tmp_path / "qty.csv", s.TB_CLASSIC,
                       [s.tb_classic_row("1", 宝贝总数量="9" * 5000, 宝贝标题="Cup")], "gbk")
    text = refused(capsys, "--db", shops, "import", "orders", str(path), "--shop", "tb")
    assert "row 2, column 宝贝总数量" in text and "too large" in text


def test_a_date_at_the_end_of_time_is_a_row_problem(shops, tmp_path, capsys):
    path = s.write_xlsx(tmp_path / "end.xlsx", s.AE_CLASSIC,
                        [s.ae_classic_row("1", 下单时间="9999-12-31 23:59:59",
                                          付款时间="", 发货时间="", 发货期限="")])
    text = refused(capsys, "--db", shops, "import", "orders", str(path), "--shop", "ae")
    assert "row 2, column 下单时间 (E)" in text


def _document(**order) -> dict:
    return {"format": "afterdesk-interchange", "version": 2,
            "exported_at": "2026-01-01T00:00:00Z",
            "shops": [{"key": "s", "platform": "taobao", "name": "n",
                       "timezone": "Asia/Shanghai", "currency": "CNY",
                       "created_at": "2026-01-01T00:00:00Z",
                       "orders": [{"order_no": "1", "status": "completed", "currency": "CNY",
                                   "created_at": "2026-01-01T00:00:00Z", **order}]}]}


def test_an_interchange_integer_of_5000_digits_names_its_field(tmp_path, capsys):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(_document(promised_days=12345)).replace("12345", "9" * 5000))
    db = str(tmp_path / "new.db")
    text = refused(capsys, "--db", db, "import", str(path))
    assert ("shops[0].orders[0] (order 1): field 'promised_days': a number of 5000 digits is "
            "too large") in text
    assert cases_and_orders(capsys, db) == ([], [])


def test_an_interchange_amount_of_forty_digits_names_its_field(tmp_path, capsys):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(_document(total_amount="9" * 40 + ".00")))
    text = refused(capsys, "--db", str(tmp_path / "new.db"), "import", str(path))
    assert "field 'total_amount'" in text and "too large" in text


def test_an_interchange_file_nested_beyond_reason_is_refused(tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    text = refused(capsys, "--db", str(tmp_path / "new.db"), "import", str(path))
    assert "deep.json nests lists or objects deeper" in text
