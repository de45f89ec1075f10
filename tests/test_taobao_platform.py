"""The Taobao Open Platform client against the TOP simulator (tests/taobao_simulator.py):
signing as documented, the error envelope → account states, trades → orders, refunds →
after-sales requests with their TB-3 deadlines, refund messages → the conversation, and a
rep's answer back as a refund message through the outbox."""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

import pytest

from app import secrets
from app.channels import cursor, outbox, states
from app.channels.errors import ChannelProblem
from app.channels.sync import run_pass
from app.clock import clock_at, utcnow
from app.models import (AftersalesRequest, Conversation, Message, Order, OrderItem,
                        RequestEvent)
from app.models.admin import AuditEntry
from app.models.channels import ChannelAccount
from app.platforms.taobao import paging, signing
from app.platforms.taobao.client import TopClient
from app.platforms.taobao.errors import TopError
from tests.factories import make_shop, utc
from tests.taobao_simulator import APP_KEY, APP_SECRET, SESSION, Simulator

SERVICE = "AfterDesk platform account"


@pytest.fixture
def sim():
    simulator = Simulator().start()
    yield simulator
    simulator.stop()


@pytest.fixture
def account(db, sim, monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 2)      # five trades: three pages
    shop = make_shop("tb", platform="taobao")
    account = ChannelAccount.create(
        key="tb-top", shop=shop, kind="taobao", state=states.NEW, created_at=utcnow(),
        settings={"app_key": APP_KEY, "gateway": sim.url, "sync_from": "2026-11-30 00:00:00"})
    secrets.set_secret(SERVICE, "tb-top:app_secret", APP_SECRET)
    secrets.set_secret(SERVICE, "tb-top:token", SESSION)
    return account


def _order(no: str) -> Order:
    return Order.get(Order.order_no == no)


def _china_now() -> str:
    return (utcnow() + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")


def _later_pass(account):
    """A pass two minutes on (the platform's change lies after the last pass's end)."""
    with clock_at(utcnow() + timedelta(minutes=2)):
        return run_pass(account)


# --- signing -------------------------------------------------------------------------------
def test_parameters_are_joined_in_ascii_order_without_separators():
    # the platform's documented example: foo:1, bar:2, foo_bar:3, foobar:4
    assert signing.joined({"foo": "1", "bar": "2", "foo_bar": "3", "foobar": "4",
                           "sign": "X", "empty": ""}) == "bar2foo1foo_bar3foobar4"


@pytest.mark.parametrize("method, digest", [
    ("md5", lambda s, t: hashlib.md5((s + t + s).encode()).hexdigest()),
    ("hmac", lambda s, t: hmac.new(s.encode(), t.encode(), hashlib.md5).hexdigest()),
    ("hmac-sha256", lambda s, t: hmac.new(s.encode(), t.encode(), hashlib.sha256).hexdigest()),
])
def test_each_sign_method_is_the_documented_digest_in_upper_case_hex(method, digest):
    params = {"method": "taobao.refund.get", "app_key": "12345678", "v": "2.0",
              "timestamp": "2026-12-07 10:00:00", "refund_id": "7100", "fields": "退款,状态"}
    text = "app_key12345678fields退款,状态methodtaobao.refund.getrefund_id7100" \
           "timestamp2026-12-07 10:00:00v2.0"
    assert signing.sign(params, "秘密secret", method) == digest("秘密secret", text).upper()


@pytest.mark.parametrize("method", signing.SIGN_METHODS)
def test_the_simulator_accepts_every_sign_method(sim, method):
    client = TopClient(app_key=APP_KEY, secret=APP_SECRET, session=SESSION,
                       gateway=sim.url, sign_method=method)
    body = client.call("taobao.refund.get", refund_id="71000000000000201", fields="refund_id")
    assert body["refund"]["refund_id"] == "71000000000000201"


def test_a_wrong_secret_is_refused_and_the_account_waits_for_new_keys(account):
    secrets.set_secret(SERVICE, "tb-top:app_secret", "not-the-secret")
    with pytest.raises(ChannelProblem) as caught:
        run_pass(account)
    assert caught.value.state == states.AUTH_FAILED and not caught.value.retry
    assert "Invalid signature (25)" in str(caught.value)
    assert ChannelAccount.get_by_id(account.id).state == states.AUTH_FAILED
    assert Order.select().count() == 0


# --- trades → orders -----------------------------------------------------------------------
def test_first_sync_stores_every_trade_of_several_pages_with_items(account, sim):
    run_pass(account)
    assert Order.select().count() == 5
    cup = _order("3901000000000000201")                  # 19 digits, exact
    assert (cup.status, cup.platform_status) == ("shipped", "WAIT_BUYER_CONFIRM_GOODS")
    assert cup.created_at == utc(2026, 12, 1, 3, 0, 0)    # 11:00 China time
    assert (cup.carrier, cup.tracking_no) == ("圆通速递", "YT8800000002")
    assert str(cup.paid_amount) == "168.00" and cup.buyer.login == "阿峰的店铺小号"
    items = list(OrderItem.select().where(OrderItem.order == _order("3901000000000000301"))
                 .order_by(OrderItem.position))
    assert [i.title for i in items] == ["手机壳 透明", "钢化膜 两片装"]
    done = _order("3901000000000000101")
    assert done.status == "completed" and done.completed_at == utc(2026, 12, 3, 12, 0, 0)
    assert _order("3901000000000000401").status == "closed"
    pages = [c for c in sim.calls if c["method"] == "taobao.trades.sold.increment.get"
             and c["page_no"] != "1"]
    assert pages, "more than one page was read"
    assert cursor.load(account, "taobao:trades") == {"start": cursor.load(
        account, "taobao:trades")["start"]} and "next" not in cursor.load(account,
                                                                          "taobao:trades")


def test_a_trade_the_list_gives_whole_is_not_asked_for_again(account, sim):
    """The increment list carries each trade's items and waybill: the first sync makes no
    fullinfo call per trade (five trades, one call per page, not one per trade)."""
    run_pass(account)
    asked = {c["tid"] for c in sim.calls if c["method"] == "taobao.trade.fullinfo.get"}
    assert not asked & {str(t["tid"]) for t in sim.trades}
    cup = _order("3901000000000000201")
    assert (cup.carrier, cup.tracking_no) == ("圆通速递", "YT8800000002")
    assert OrderItem.select().where(OrderItem.order == _order("3901000000000000301")).count() \
        == 2


def test_a_trade_listed_without_its_items_is_read_in_full(account, sim):
    """A gateway that lists only part of each trade: its fullinfo brings items and
    waybill, so the orders are the same."""
    sim.lists_without_orders = True
    run_pass(account)
    asked = [c["tid"] for c in sim.calls if c["method"] == "taobao.trade.fullinfo.get"]
    assert len(set(asked)) == 5
    cup = _order("3901000000000000201")
    assert (cup.carrier, cup.tracking_no) == ("圆通速递", "YT8800000002")
    titles = [i.title for i in OrderItem.select().where(
        OrderItem.order == _order("3901000000000000301")).order_by(OrderItem.position)]
    assert titles == ["手机壳 透明", "钢化膜 两片装"]


def test_a_second_sync_adds_nothing_twice_and_takes_a_changed_status(account, sim):
    run_pass(account)
    sim.calls.clear()
    trade = next(t for t in sim.trades if t["tid_str"] == "3901000000000000201")
    trade.update(status="TRADE_FINISHED", end_time=_china_now(), modified=_china_now())
    _later_pass(account)
    assert Order.select().count() == 5
    cup = _order("3901000000000000201")
    assert cup.status == "completed" and cup.completed_at is not None
    listed = [c for c in sim.calls if c["method"] == "taobao.trades.sold.increment.get"]
    assert listed and all(c["start_modified"] >= "2026-12-07" for c in listed)


def test_an_order_from_an_export_and_from_the_platform_is_one_order(account, sim):
    shop = account.shop
    known = utc(2026, 12, 2, 1, 0, 0)
    Order.create(shop=shop, order_no="3901000000000000501", status="shipped",
                 platform_status="卖家已发货，等待买家确认", currency="CNY",
                 created_at=utc(2026, 12, 3, 2, 0, 0), paid_at=utc(2026, 12, 3, 2, 5, 0),
                 shipped_at=known, note="客户要求加急")
    trade = next(t for t in sim.trades if t["tid_str"] == "3901000000000000501")
    del trade["consign_time"]                 # the platform does not say when it shipped
    run_pass(account)
    orders = list(Order.select().where(Order.order_no == "3901000000000000501"))
    assert len(orders) == 1
    order = orders[0]
    assert order.shipped_at == known           # a known time is never replaced by empty
    assert order.platform_status == "WAIT_BUYER_CONFIRM_GOODS"   # the later fact wins
    assert order.note == "客户要求加急"
    assert order.tracking_no == "SF1200000005"


def test_an_unknown_trade_status_is_stored_as_given_and_flagged(account, sim):
    sim.trades[2]["status"] = "WAIT_SOMETHING_NEW"
    run_pass(account)
    order = _order("3901000000000000301")
    assert order.platform_status == "WAIT_SOMETHING_NEW"
    assert order.status == "awaiting_shipment"           # read from its payment time
    flag = AuditEntry.get(AuditEntry.action == "platform_state_unknown")
    assert "unknown platform state WAIT_SOMETHING_NEW" in str(flag.detail)


# --- the error envelope --------------------------------------------------------------------
def test_an_access_limit_goes_offline_then_the_next_pass_succeeds(account, sim):
    sim.limit_next = 1
    with pytest.raises(ChannelProblem) as caught:
        run_pass(account)
    assert caught.value.state == states.OFFLINE and caught.value.retry
    assert "accesscontrol.limited-by-app-access-count" in str(caught.value)
    assert ChannelAccount.get_by_id(account.id).state == states.OFFLINE
    run_pass(account)
    assert Order.select().count() == 5
    assert ChannelAccount.get_by_id(account.id).state == states.CONNECTED


def test_a_limit_in_the_middle_keeps_the_pages_stored_and_resumes(account, sim):
    later_pages = {"n": 0, "limited": False}
    answer = sim.answer

    def limited_in_a_window(params):
        # a window's pages are read from the last to the first: once a later page is
        # stored, the call for its first page is refused by the call limit
        if params.get("method") == "taobao.trades.sold.increment.get":
            if params.get("page_no") != "1":
                later_pages["n"] += 1
            elif later_pages["n"] and not later_pages["limited"]:
                sim.limit_next, later_pages["limited"] = 1, True
        return answer(params)
    sim.answer = limited_in_a_window
    with pytest.raises(ChannelProblem):
        run_pass(account)
    stored = Order.select().count()
    assert 0 < stored < 5
    assert cursor.load(account, "taobao:trades").get("next")     # half a window read
    run_pass(account)
    assert Order.select().count() == 5


def test_an_expired_session_asks_the_rep_for_a_new_one(account, sim):
    run_pass(account)
    sim.expire_session = True
    with pytest.raises(ChannelProblem) as caught:
        _later_pass(account)
    assert caught.value.state == states.AUTH_FAILED and not caught.value.retry
    assert "session key" in str(caught.value)
    assert Order.select().count() == 5                     # nothing lost


def test_a_page_cut_short_changes_nothing_and_the_next_pass_reads_it(account, sim):
    sim.garbage_next = 1
    with pytest.raises(ChannelProblem) as caught:
        run_pass(account)
    assert caught.value.state == states.ERROR and "nothing was changed" in str(caught.value)
    assert Order.select().count() == 0
    run_pass(account)
    assert Order.select().count() == 5


def test_a_clock_off_by_more_than_ten_minutes_is_refused_with_words_about_the_clock(
        account, sim):
    with clock_at(utcnow() + timedelta(minutes=30)):
        with pytest.raises(ChannelProblem) as caught:
            run_pass(account)
    assert caught.value.state == states.ERROR
    assert "clock" in str(caught.value) and "(31)" in str(caught.value)
    assert ChannelAccount.get_by_id(account.id).last_error == str(caught.value)


def test_the_account_test_makes_one_signed_call(account, sim):
    from app.channels.sync import test_account
    test_account(account)
    assert sim.methods() == ["taobao.trades.sold.increment.get"]
    assert ChannelAccount.get_by_id(account.id).state == states.CONNECTED


def test_an_account_without_its_session_key_waits_for_it(account, sim):
    secrets.delete_secret(SERVICE, "tb-top:token")
    with pytest.raises(ChannelProblem) as caught:
        run_pass(account)
    assert caught.value.state == states.AUTH_FAILED and not sim.calls


def test_the_error_envelope_keeps_the_platforms_words():
    error = TopError({"code": 15, "msg": "Remote service error",
                      "sub_code": "isv.refund-not-exist", "sub_msg": "退款不存在"})
    assert error.words() == "退款不存在 (15, isv.refund-not-exist)"


# --- refunds → after-sales requests ---------------------------------------------------------
def test_a_refund_becomes_the_orders_request_with_its_tb3_deadline(account, sim):
    run_pass(account)
    request = AftersalesRequest.get()
    assert request.order.order_no == "3901000000000000201"
    assert (request.state, request.service_type, request.reason) == (
        "waiting_seller", "refund_only", "damaged")
    assert request.opened_at == utc(2026, 12, 4, 2, 0, 0)      # 10:00 China time
    # rule TB-3: a shipped order's request waits 5 days for the seller
    assert request.next_due_at == utc(2026, 12, 9, 2, 0, 0)


def test_a_refund_refused_between_two_syncs_moves_the_request(account, sim):
    run_pass(account)
    refund = sim.refunds[0]
    refund.update(status="SELLER_REFUSE_BUYER", modified=_china_now())
    _later_pass(account)
    request = AftersalesRequest.get()
    assert request.state == "seller_refused"
    assert utcnow() - timedelta(minutes=1) <= request.refused_at <= utcnow()
    actions = [e.action for e in RequestEvent.select().order_by(RequestEvent.id)]
    assert actions == ["open_request", "refuse"]
    assert request.next_due_at != utc(2026, 12, 9, 2, 0, 0)   # the seller's time is over


def test_an_unknown_refund_status_is_flagged_and_the_request_kept(account, sim):
    run_pass(account)
    sim.refunds[0].update(status="WAIT_SOMETHING_ELSE", modified=_china_now())
    _later_pass(account)
    _later_pass(account)
    request = AftersalesRequest.get()
    assert request.state == "waiting_seller"
    flags = [e for e in RequestEvent.select() if e.action == "platform_state_unknown"]
    assert len(flags) == 1
    assert flags[0].detail["flag"].startswith("unknown platform state WAIT_SOMETHING_ELSE")


# --- refund messages ------------------------------------------------------------------------
def test_buyer_messages_in_chinese_join_the_refunds_conversation_once(account, sim):
    run_pass(account)
    run_pass(account)
    conversation = Conversation.get()
    assert conversation.order.order_no == "3901000000000000201"
    assert conversation.channel == "order_message"
    bodies = [m.body for m in Message.select().where(Message.conversation == conversation)
              .order_by(Message.sent_at)]
    assert bodies == ["收到的杯子盖子是裂的，图片已上传，麻烦尽快处理退款。", "好的，等你们消息，谢谢！"]
    assert not conversation.is_replied


def test_a_buyers_picture_is_kept_on_the_message_and_a_missing_one_noted(account, sim):
    from app.models import Attachment
    run_pass(account)
    first = Message.select().order_by(Message.sent_at).first()
    files = list(Attachment.select().where(Attachment.message == first))
    assert [(f.caption, f.file.mime, f.file.size) for f in files] == [
        ("cup-lid.png", "image/png", 72)]
    note = AuditEntry.get(AuditEntry.action == "unreadable_parts")
    assert "missing.png" in str(note.detail)


def test_a_reps_answer_goes_back_as_a_refund_message(account, sim):
    run_pass(account)
    conversation = Conversation.get()
    item = outbox.queue_reply(conversation.id, "您好，退款已经在处理，请耐心等待。")
    assert item.account_id == account.id
    result = run_pass(account)
    assert result.sent == 1
    sent = [c for c in sim.calls if c["method"] == "taobao.refund.message.add"]
    assert [(c["refund_id"], c["content"]) for c in sent] == [
        ("71000000000000201", "您好，退款已经在处理，请耐心等待。")]
    assert Conversation.get_by_id(conversation.id).is_replied


def test_an_answer_caught_in_sending_is_not_sent_twice(account, sim):
    run_pass(account)
    conversation = Conversation.get()
    item = outbox.queue_reply(conversation.id, "已同意退款。")
    outbox.mark_sending(item, "afterdesk-test")
    sim.do_taobao_refund_message_add({"refund_id": "71000000000000201",
                                      "content": "已同意退款。"})   # it had gone
    run_pass(account)
    assert type(item).get_by_id(item.id).state == states.SENT
    assert not [c for c in sim.calls if c["method"] == "taobao.refund.message.add"]


def test_other_conversations_of_the_shop_stay_copy_and_open(account, sim):
    from app.services.messaging import conversations
    run_pass(account)
    buyer = _order("3901000000000000501").buyer
    other = conversations.start_conversation(account.shop, buyer, "order_message",
                                             _order("3901000000000000501"), subject="旺旺")
    item = outbox.queue_reply(other.id, "您好")
    assert item.account_id is None


def test_a_too_long_answer_fails_with_the_reason_and_is_not_sent(account, sim):
    run_pass(account)
    conversation = Conversation.get()
    item = outbox.queue_reply(conversation.id, "很长的回复" * 40)
    run_pass(account)
    item = type(item).get_by_id(item.id)
    assert item.state == states.FAILED and "400 bytes" in item.error
    assert not [c for c in sim.calls if c["method"] == "taobao.refund.message.add"]


# --- a rep's decision back to the platform ---------------------------------------------------
def test_a_refusal_goes_to_the_platform_with_its_reason(account, sim):
    from app.platforms.taobao import decisions
    run_pass(account)
    request = AftersalesRequest.get()
    item = decisions.refuse(request, "杯子发货前已检查完好，请提供开箱视频。")
    assert AftersalesRequest.get_by_id(request.id).state == "seller_refused"
    assert item.state == states.QUEUED and item.action["refund_id"] == "71000000000000201"
    _later_pass(account)
    refused = [c for c in sim.calls if c["method"] == "taobao.refund.refuse"]
    assert [(c["refund_id"], c["refuse_message"], c["refund_phase"]) for c in refused] == [
        ("71000000000000201", "杯子发货前已检查完好，请提供开箱视频。", "onsale")]
    assert type(item).get_by_id(item.id).state == states.SENT
    assert sim.refunds[0]["status"] == "SELLER_REFUSE_BUYER"
    with clock_at(utcnow() + timedelta(minutes=4)):
        run_pass(account)                       # the platform's refusal: nothing new
    actions = [e.action for e in RequestEvent.select().order_by(RequestEvent.id)]
    assert actions == ["open_request", "refuse"]


def test_a_refusal_the_platform_refuses_shows_its_words_and_code(account, sim):
    from app.platforms.taobao import decisions
    run_pass(account)
    item = decisions.refuse(AftersalesRequest.get(), "不同意退款，商品完好。")
    sim.refunds[0]["status"] = "SUCCESS"      # the buyer was refunded meanwhile
    _later_pass(account)
    item = type(item).get_by_id(item.id)
    assert item.state == states.FAILED
    assert item.error == "Taobao refused it: 当前退款状态不支持拒绝 (15, isv.refund-status-not-support)"
    assert ChannelAccount.get_by_id(account.id).state == states.CONNECTED


def test_a_request_recorded_by_hand_cannot_be_refused_on_the_platform(account, sim):
    from app.errors import InvalidInput
    from app.platforms.taobao import decisions
    from app.services.casework import aftersales
    run_pass(account)
    order = _order("3901000000000000501")
    request = aftersales.open_request(order, "refund_only", "quality", "100.00",
                                      utc(2026, 12, 4, 0, 0, 0))
    with pytest.raises(InvalidInput):
        decisions.refuse(request, "不同意")
    assert AftersalesRequest.get_by_id(request.id).state == "waiting_seller"
