"""Orders imported without their key times (issue #21): every Taobao layout with and
without 发货时间 / 确认收货时间, what the deadline list makes of them (TB-1, TB-5), and a
re-import that never wipes a known time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.importers import samples as s
from app.models import Order
from app.services.clocks.deadlines import deadlines_at, every_clock
from app.services.commerce.order_imports import import_orders
from tests.factories import make_shop

UTC = timezone.utc
AT = datetime(2026, 3, 20, 0, 0, tzinfo=UTC)      # paid + 72 h (TB-5) long past
TIMES = ["发货时间", "确认收货时间"]


@pytest.fixture
def tb(db):
    return make_shop("tb", "taobao")


@pytest.fixture
def ae(db):
    return make_shop("ae", "aliexpress")


def classic(tmp_path, status, *, times=None, name="tb.csv"):
    """A classic order report, with the two time columns added when `times` is given."""
    header = s.TB_CLASSIC + (TIMES if times is not None else [])
    row = s.tb_classic_row("111", 订单状态=status) + (list(times) if times is not None else [])
    return s.write_csv(tmp_path / name, header, [row], "gbk")


def report_21(tmp_path, status, *, with_ship_time=True, name="tb21.csv"):
    header = s.TB_21 if with_ship_time else [h for h in s.TB_21 if h != "发货时间"]
    row = s.tb_21_row("222", 订单状态=status)
    if not with_ship_time:
        row = row[:s.TB_21.index("发货时间")] + row[s.TB_21.index("发货时间") + 1:]
    return s.write_csv(tmp_path / name, header, [row], "utf-8-sig")


def clocks(order_no, kind=None, at=AT):
    return [d for d in every_clock(at, order_no=order_no) if kind is None or d.kind == kind]


def listed(order_no, at=AT):
    return [d for d in deadlines_at(at) if d.order_no == order_no]


@pytest.mark.parametrize("status", ["卖家已发货，等待买家确认", "交易成功"])
def test_classic_report_without_ship_time_raises_no_unshipped_alarm(tb, tmp_path, status):
    # rule TB-5: the status says the goods left; the report has no 发货时间 column
    import_orders(classic(tmp_path, status), "tb")
    order = Order.get()
    assert order.shipped_at is None and order.status in ("shipped", "completed")
    assert not [d for d in listed("111") if d.rule == "TB-5"]
    [ship_by] = clocks("111", "ship_by")
    assert ship_by.state == "unknown" and "Ship time missing" in ship_by.action
    assert not [d for d in deadlines_at(AT, platform_clocks=False) if d.order_no == "111"]


def test_paid_and_unshipped_order_still_raises_the_alarm(tb, tmp_path):
    import_orders(classic(tmp_path, "买家已付款，等待卖家发货"), "tb")
    paid = Order.get().paid_at
    [alarm] = [d for d in listed("111", paid + timedelta(hours=24)) if d.rule == "TB-5"]
    assert alarm.state == "pending" and alarm.action.startswith("Ship the order")
    assert [d.state for d in clocks("111", "ship_by")] == ["missed"]


def test_completed_without_completion_time_shows_tb1_as_unknown(tb, tmp_path):
    # rule TB-1: the window runs from a completion the classic report does not carry
    import_orders(classic(tmp_path, "交易成功"), "tb")
    [window] = [d for d in listed("111") if d.rule == "TB-1"]
    assert (window.state, window.due_at) == ("unknown", None)
    assert window.action == ("Completion time missing in the export: enter it, or import a "
                             "report that has it")
    assert window.to_json()["due_at"] is None and window.to_json()["state"] == "unknown"


def test_classic_report_with_both_times_uses_them(tb, tmp_path):
    import_orders(classic(tmp_path, "交易成功",
                          times=["2026-03-06 10:00:00", "2026-03-10 12:00:00"]), "tb")
    order = Order.get()
    assert order.shipped_at == datetime(2026, 3, 6, 2, 0, tzinfo=UTC)        # China time
    assert order.completed_at == order.confirmed_at == datetime(2026, 3, 10, 4, 0, tzinfo=UTC)
    [window] = clocks("111", "aftersales_window")
    assert window.state == "pending" and window.due_at == order.completed_at + timedelta(days=15)
    [ship_by] = clocks("111", "ship_by")
    assert ship_by.state == "met"                 # `deadlines --all` shows a met TB-5


def test_21_column_report_carries_the_ship_time_but_no_completion_time(tb, tmp_path):
    import_orders(report_21(tmp_path, "交易成功"), "tb")
    order = Order.get()
    assert order.shipped_at == datetime(2026, 3, 6, 7, 0, tzinfo=UTC)
    assert order.completed_at is None
    assert clocks("222", "ship_by") == []       # the layout has no payment time to start it
    assert [(d.state, d.due_at) for d in clocks("222", "aftersales_window")] == [
        ("unknown", None)]


def test_21_column_report_without_its_ship_time_column(tb, tmp_path):
    shipped = "卖家已发货，等待买家确认"
    import_orders(report_21(tmp_path, shipped, with_ship_time=False), "tb")
    order = Order.get()
    assert order.shipped_at is None and order.status == "shipped"
    assert not [d for d in listed("222") if d.rule == "TB-5"]
    assert not clocks("222", "aftersales_window")        # not completed: no window yet


def test_reimport_never_wipes_a_known_time(tb, tmp_path):
    import_orders(classic(tmp_path, "交易成功", times=["2026-03-06 10:00:00",
                                                      "2026-03-10 12:00:00"]), "tb")
    known = Order.get()
    # the same order in a report without the columns, then with the cells empty
    import_orders(classic(tmp_path, "交易成功", name="again.csv"), "tb")
    import_orders(classic(tmp_path, "交易成功", times=["", ""], name="empty.csv"), "tb")
    order = Order.get()
    assert (order.shipped_at, order.confirmed_at, order.completed_at) == (
        known.shipped_at, known.confirmed_at, known.completed_at)
    assert clocks("111", "aftersales_window")[0].state == "pending"


def test_a_later_report_fills_the_missing_completion_time(tb, tmp_path):
    import_orders(classic(tmp_path, "交易成功"), "tb")
    assert clocks("111", "aftersales_window")[0].state == "unknown"
    import_orders(classic(tmp_path, "交易成功", times=["2026-03-06 10:00:00",
                                                      "2026-03-10 12:00:00"], name="b.csv"),
                  "tb")
    assert Order.get().completed_at == datetime(2026, 3, 10, 4, 0, tzinfo=UTC)
    assert clocks("111", "aftersales_window")[0].state == "pending"


@pytest.mark.parametrize("with_times", [True, False])
def test_aliexpress_classic_with_and_without_its_time_columns(ae, tmp_path, with_times):
    header = s.AE_CLASSIC if with_times else [h for h in s.AE_CLASSIC if h not in TIMES]
    row = dict(zip(s.AE_CLASSIC, s.ae_classic_row("8001", 订单状态="已完成",
                                                   确认收货时间="2026-03-20 08:00:00")))
    path = s.write_xlsx(tmp_path / "ae.xlsx", header, [[row[h] for h in header]])
    import_orders(path, "ae")
    order = Order.get()
    assert order.status == "completed"
    if with_times:
        assert order.shipped_at is not None and order.completed_at == order.confirmed_at
    else:
        assert (order.shipped_at, order.completed_at) == (None, None)
