"""A bad export is refused with a message naming row and column, and nothing is stored:
a truncated xlsx, a wrong encoding, a missing required column, a bad date, a negative amount,
an unknown status."""

from __future__ import annotations

import pytest

from app.importers import samples as s
from app.importers.preview import build_preview
from app.importers.problems import ImportRefused
from app.models import AuditEntry, Buyer, Order, OrderItem
from app.models.imports import ImportBatch
from app.services.commerce.order_imports import import_orders
from tests.factories import make_shop


@pytest.fixture
def ae(db):
    return make_shop("ae", "aliexpress")


@pytest.fixture
def tb(db):
    return make_shop("tb", "taobao")


def refused(path, shop, **kw) -> str:
    with pytest.raises(ImportRefused) as caught:
        import_orders(path, shop, **kw)
    assert Order.select().count() == 0 and OrderItem.select().count() == 0
    assert Buyer.select().count() == 0 and ImportBatch.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.entity == "import").count() == 0
    return str(caught.value)


def test_truncated_xlsx(ae, tmp_path):
    good = s.write_xlsx(tmp_path / "full.xlsx", s.AE_CLASSIC, [s.ae_classic_row("1")])
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:len(good.read_bytes()) // 2])
    message = refused(cut, "ae")
    assert "cut.xlsx" in message and "damaged or incomplete" in message
    assert "Download the export again" in message


def test_wrong_encoding_names_row_and_column(tb, tmp_path):
    """A Windows-1252 file (neither UTF-8 nor GBK): the € on row 3 in 收货地址 is named."""
    path = s.write_csv(tmp_path / "tb.csv", s.TB_CLASSIC,
                       [s.tb_classic_row("111", 收货地址="Main St"),
                        s.tb_classic_row("222", 收货地址="Price 5EUR street")], "gbk")
    raw = path.read_bytes().replace(b"5EUR", b"5\x80")
    path.write_bytes(raw)
    message = refused(path, "tb")
    assert "row 3, column 收货地址 (N)" in message
    assert "not UTF-8 or GBK/GB18030" in message


def test_missing_required_column(ae, tmp_path):
    header = [h for h in s.AE_CLASSIC if h != "下单时间"]
    row = s.ae_classic_row("1")
    del row[s.AE_CLASSIC.index("下单时间")]
    path = s.write_xlsx(tmp_path / "no-date.xlsx", header, [row])
    message = refused(path, "ae")
    assert "row 1, column 下单时间" in message and "required column '下单时间' is missing" in message


def test_bad_date(ae, tmp_path):
    path = s.write_xlsx(tmp_path / "bad-date.xlsx", s.AE_CLASSIC, [
        s.ae_classic_row("1"), s.ae_classic_row("2", 付款时间="2026-13-45 10:00")])
    message = refused(path, "ae")
    assert "row 3, column 付款时间 (F): '2026-13-45 10:00' is not a date" in message


def test_negative_amount(tb, tmp_path):
    path = s.write_csv(tmp_path / "neg.csv", s.TB_CLASSIC,
                       [s.tb_classic_row("1"), s.tb_classic_row("2", 买家应付邮费="-6.00")], "gbk")
    message = refused(path, "tb")
    assert "row 3, column 买家应付邮费 (E): the amount -6.00 is negative" in message


def test_unknown_status_and_time_order(ae, tmp_path):
    path = s.write_xlsx(tmp_path / "x.xlsx", s.AE_CLASSIC, [
        s.ae_classic_row("1", 订单状态="外星状态"),
        s.ae_classic_row("2", 付款时间="2026-02-01 00:00:00")])
    preview = build_preview(path, "ae")
    texts = [str(p) for p in preview.errors]
    assert texts[0] == "row 2, column 订单状态 (B): '外星状态' is not an order status AfterDesk knows"
    assert texts[1].startswith("row 3, column 付款时间 (F): 2026-02-01 00:00:00 is before")
    refused(path, "ae")


def test_an_order_number_a_spreadsheet_has_rounded(ae, tmp_path):
    row = s.ae_classic_row("x")
    row[0] = 30123456789012345678          # beyond 15-16 digits: stored as an inexact float
    path = s.write_xlsx(tmp_path / "r.xlsx", s.AE_CLASSIC, [row])
    assert "has lost digits" in refused(path, "ae")


def test_not_an_export(ae, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("hello,world\n1,2\n", encoding="utf-8")
    assert "not an order export AfterDesk knows" in refused(path, "ae")
