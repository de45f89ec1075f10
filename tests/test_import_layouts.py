"""Real export layouts import right: AliExpress xlsx/xls (classic with the line-break header
and several 【n】 products in one cell; the 2025 layout), Taobao CSV in GBK and UTF-8 with
BOM, ="…" order numbers, '-prefixed phones, masked addresses, the item report joined."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

import pytest

from app.importers import samples as s
from app.importers.preview import build_preview
from app.models import Order
from app.services.commerce.order_imports import import_orders
from tests.factories import make_shop

UTC = timezone.utc


@pytest.fixture
def ae(db):
    return make_shop("ae", "aliexpress")


@pytest.fixture
def tb(db):
    return make_shop("tb", "taobao")


@pytest.mark.parametrize("writer", [s.write_xlsx, s.write_xls])
def test_aliexpress_classic_with_line_break_header_and_several_products(ae, tmp_path, writer):
    path = writer(tmp_path / f"orders.{'xlsx' if writer is s.write_xlsx else 'xls'}",
                  s.AE_CLASSIC, [s.ae_classic_row("8012345678901234"),
                                 s.ae_classic_row("3045678901234567", 订单状态="已完成",
                                                  确认收货时间="2026-03-20 10:00:00")])
    preview = build_preview(path, "ae")
    assert preview.layout.key == "aliexpress_classic"
    assert preview.problems == [] and preview.counts() == {"add": 2, "update": 0, "skip": 0}
    import_orders(path, "ae")
    order = Order.get(Order.order_no == "8012345678901234")
    assert order.status == "shipped" and order.platform_status == "等待买家收货"
    # US Pacific (PST, UTC-8 on 1 March 2026) -> UTC
    assert order.created_at == datetime(2026, 3, 1, 18, 15, tzinfo=UTC)
    assert order.shipped_at == datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    assert (order.goods_amount, order.shipping_amount, order.total_amount) == (
        Decimal("24.00"), Decimal("3.50"), Decimal("27.50"))
    assert (order.carrier, order.tracking_no) == ("CAINIAO_STANDARD", "LP00123456789012")
    assert order.destination_country == "BR"
    assert order.buyer.phone == "5511987654321"
    items = [(i.position, i.title, i.attributes, i.quantity, i.product_id) for i in order.items]
    assert items == [(1, "Summer dress", "Color:Red;Size:M", 2, "D-1"),
                     (2, "Straw hat", "Colour:Beige", 1, "")]
    done = Order.get(Order.order_no == "3045678901234567")
    # 20 March 2026 is daylight time in Los Angeles (UTC-7)
    assert done.status == "completed"
    assert done.confirmed_at == done.completed_at == datetime(2026, 3, 20, 17, 0, tzinfo=UTC)


def test_aliexpress_2025_layout_in_xlsx(ae, tmp_path):
    path = s.write_xlsx(tmp_path / "new.xlsx", s.AE_2025, [s.ae_2025_row("8000000000000009")])
    preview = build_preview(path, "ae")
    assert preview.layout.key == "aliexpress_2025"
    import_orders(path, "ae")
    order = Order.get(Order.order_no == "8000000000000009")
    assert order.paid_amount == Decimal("11.50") and order.total_amount == Decimal("12.00")
    assert [(i.title, i.quantity, i.attributes) for i in order.items] == [
        ("Phone case", 3, "Model:X")]
    assert order.buyer.email == "john@example.com" and order.carrier == "YANWEN"


def test_long_order_numbers_stay_exact_from_number_cells(ae, tmp_path):
    """A 16-digit number cell (Excel keeps it exactly) comes in digit for digit."""
    row = s.ae_classic_row("x")
    row[0] = 8012345678901234           # a number cell, not text
    path = s.write_xlsx(tmp_path / "n.xlsx", s.AE_CLASSIC, [row])
    import_orders(path, "ae")
    assert Order.get().order_no == "8012345678901234"


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_taobao_classic_csv_in_gbk_and_bom(tb, tmp_path, encoding):
    path = s.write_csv(tmp_path / "tb.csv", s.TB_CLASSIC,
                       [s.tb_classic_row("1234567890123456789")], encoding)
    raw = path.read_bytes()
    assert b'="1234567890123456789"' in raw and b"'13812345678" in raw
    preview = build_preview(path, "tb")
    assert preview.layout.key == "taobao_classic" and preview.problems == []
    import_orders(path, "tb")
    order = Order.get()
    assert order.order_no == "1234567890123456789"
    assert order.status == "shipped" and order.platform_status == "卖家已发货，等待买家确认"
    assert order.created_at == datetime(2026, 3, 5, 12, 1, 2, tzinfo=UTC)   # China time
    assert order.buyer.login == "tb_buyer_01" and order.buyer.name == "张三"
    assert order.buyer.phone == "13812345678"
    assert (order.carrier, order.tracking_no) == ("顺丰速运", "SF1234567890")
    assert [(i.title, i.quantity) for i in order.items] == [("纯棉T恤 男款", 2)]


def test_taobao_21_column_report_and_masked_address(tb, tmp_path):
    path = s.write_csv(tmp_path / "tb21.csv", s.TB_21, [s.tb_21_row("9876543210987654321")],
                       "utf-8-sig")
    import_orders(path, "tb")
    order = Order.get()
    assert order.status == "completed" and order.paid_amount == Decimal("65.90")
    assert order.items[0].attributes == "颜色分类:白色"


def test_item_report_is_joined_to_its_orders(tb, tmp_path):
    orders = s.write_csv(tmp_path / "orders.csv", s.TB_CLASSIC,
                         [s.tb_classic_row("111"), s.tb_classic_row("222")], "gbk")
    items = s.write_csv(tmp_path / "items.csv", s.TB_ITEMS, [
        s.tb_item_row("111", "纯棉T恤", "49.50", "2", "颜色:白;尺码:L", "T-1"),
        s.tb_item_row("111", "袜子", "9.90", "3"),
        s.tb_item_row("999", "不在订单里", "1.00", "1")], "gbk")
    preview = build_preview(orders, "tb", items_path=items)
    assert [p.severity for p in preview.problems] == ["warning"]
    assert "999" in preview.problems[0].message and preview.problems[0].row == 4
    import_orders(orders, "tb", items_path=items)
    first = Order.get(Order.order_no == "111")
    assert [(i.title, i.quantity, i.unit_price, i.product_id) for i in first.items] == [
        ("纯棉T恤", 2, Decimal("49.50"), "T-1"), ("袜子", 3, Decimal("9.90"), "")]
    assert [i.title for i in Order.get(Order.order_no == "222").items] == ["纯棉T恤 男款"]


def test_wrong_platform_is_refused_by_name(tb, tmp_path):
    path = s.write_xlsx(tmp_path / "ae.xlsx", s.AE_CLASSIC, [s.ae_classic_row("1")])
    preview = build_preview(path, "tb")
    assert not preview.can_apply
    assert "AliExpress export" in str(preview.errors[0])
