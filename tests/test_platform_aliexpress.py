"""The AliExpress client against the platform simulator (tests/aliexpress_simulator.py):
a real HTTP server on 127.0.0.1 that checks each request's signature as the platform
documents it. Orders, disputes and the account's states as a rep sees them."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest

from app.channels import states
from app.channels.account import get_account
from app.channels.errors import ChannelProblem
from app.channels.sync import run_pass
from app.models import AuditEntry, Dispute, Order
from app.platforms import credentials
from app.platforms.accounts import add_platform_account
from app.platforms.aliexpress import signing
from tests import aliexpress_simulator as sim_module
from tests.aliexpress_simulator import fixture
from tests.factories import make_shop, utc

pytest_plugins = ("tests.aliexpress_fixtures",)   # sim


@pytest.fixture
def shop(db):
    return make_shop("ae")


def _account(shop, sim, *, secret=sim_module.APP_SECRET, refresh=sim_module.REFRESH_TOKEN):
    account = add_platform_account("ae-open", shop, kind="aliexpress",
                                   app_key=sim_module.APP_KEY, gateway=sim.gateway,
                                   app_secret=secret, token=sim_module.TOKEN,
                                   refresh_token=refresh)
    # the fixtures' orders were placed in November 2026: reach back far enough, always
    account.settings = {**account.settings, "first_sync_days": 3650}
    account.save()
    return account


def _pacific_now() -> str:
    """A modification made now, as the platform writes it (US Pacific)."""
    from app.clock import utcnow
    from app.platforms.aliexpress.orders import pacific_text
    return pacific_text(utcnow())


def _pages_asked(sim) -> list[int]:
    return [json.loads(form["param_aeop_order_query"])["current_page"]
            for method, form in sim.calls if method == "aliexpress.trade.seller.orderlist.get"]


def test_signature_is_the_platforms_worked_example():
    params = {"app_key": "123456", "access_token": "test", "timestamp": "1517820392000",
              "sign_method": "sha256", "order_id": "1234"}
    assert signing.sign(params, "helloworld", "/order/get") == (
        "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A")


def test_first_sync_brings_every_page_of_orders_with_items(shop, sim):
    sim.add_orders(120)
    account = _account(shop, sim)
    result = run_pass(account)
    assert _pages_asked(sim) == [1, 2, 3, 1]        # three pages, then the finished orders
    assert result.pulled["added"] == 120
    assert Order.select().where(Order.shop == shop).count() == 120
    order = Order.get(Order.order_no == "8199000000000001")
    assert order.status == "awaiting_shipment"
    assert order.platform_status == "WAIT_SELLER_SEND_GOODS"
    assert order.created_at == utc(2026, 11, 20, 16, 15, 2)    # 08:15:02 US Pacific (PST)
    assert order.paid_amount == Decimal("23.80")
    [item] = list(order.items)
    assert (item.title, item.quantity, item.unit_price) == (
        "Capa de silicone para telemóvel", 2, Decimal("10.90"))
    assert order.buyer.login == "br1029384756xyzae" and order.buyer.name == "João da Silva"
    assert get_account("ae-open").state == states.CONNECTED
    # the next sync asks only from where the last one ended: nothing is written twice
    sim.calls.clear()
    again = run_pass(account)
    assert again.pulled["added"] == 0 and again.pulled["updated"] == 0
    assert Order.select().where(Order.shop == shop).count() == 120


def test_a_pass_asks_its_pages_on_one_connection_and_a_gateway_error_is_offline(shop, sim):
    """The pages of a pass go over one kept connection (no new handshake per page); a
    gateway answering with an HTTP error leaves the account offline, and the next pass
    opens a new connection and goes on."""
    sim.add_orders(120)
    account = _account(shop, sim)
    run_pass(account)
    assert len(sim.peers) >= 5 and len(set(sim.peers)) == 1
    sim.fail_next(503)
    with pytest.raises(ChannelProblem) as raised:
        run_pass(account)
    assert raised.value.state == states.OFFLINE and "HTTP 503" in str(raised.value)
    run_pass(account)
    assert get_account("ae-open").state == states.CONNECTED
    assert Order.select().where(Order.shop == shop).count() == 120


def test_a_call_limit_stops_the_pass_and_the_next_goes_on_from_there(shop, sim):
    sim.add_orders(120)
    account = _account(shop, sim)
    sim.calls.clear()
    original = sim.sync

    def limit_second_page(form):
        query = form.get("param_aeop_order_query")
        if query and json.loads(query)["current_page"] == 2 and "ApiCallLimit" not in sim.refused:
            sim.limit_next("aliexpress.trade.seller.orderlist.get")
        return original(form)
    sim.sync = limit_second_page
    with pytest.raises(ChannelProblem) as raised:
        run_pass(account)
    assert raised.value.state == states.RATE_LIMITED and raised.value.retry
    assert get_account("ae-open").state == states.RATE_LIMITED
    assert "call limit" in get_account("ae-open").last_error
    assert Order.select().count() == 50                 # page 1 is kept
    sim.calls.clear()
    run_pass(account)
    assert _pages_asked(sim)[:2] == [2, 3]              # resumed at page 2, not page 1
    assert Order.select().count() == 120
    assert get_account("ae-open").state == states.CONNECTED


def test_an_expired_token_is_refreshed_and_kept(shop, sim):
    sim.add_orders(3)
    account = _account(shop, sim)
    sim.expire_token()
    run_pass(account)
    assert Order.select().count() == 3
    assert sim.methods_called().count("/auth/token/refresh") == 1
    assert credentials.get("ae-open", credentials.TOKEN) == sim.token == "sim-access-token-2"
    assert credentials.get("ae-open", credentials.REFRESH_TOKEN) == "sim-refresh-token-2"


def test_a_refused_refresh_asks_for_a_new_authorisation_and_loses_nothing(shop, sim):
    sim.add_orders(3)
    account = _account(shop, sim)
    run_pass(account)
    sim.expire_token()
    sim.refresh_token = "withdrawn"
    with pytest.raises(ChannelProblem) as raised:
        run_pass(account)
    assert raised.value.state == states.TOKEN_EXPIRED and not raised.value.retry
    assert "authorise the app again" in get_account("ae-open").last_error
    assert Order.select().count() == 3


def test_a_wrong_app_secret_is_refused_as_the_platform_refuses_it(shop, sim):
    sim.add_orders(1)
    account = _account(shop, sim, secret="not-the-secret")
    with pytest.raises(ChannelProblem) as raised:
        run_pass(account)
    assert sim.refused == ["IncompleteSignature"]
    assert raised.value.state == states.AUTH_FAILED
    assert "app secret" in get_account("ae-open").last_error
    assert "IncompleteSignature" in get_account("ae-open").last_error
    assert Order.select().count() == 0


def test_an_order_whose_status_changes_is_one_order_with_the_later_facts(shop, sim):
    from app.services.commerce import orders
    [number] = sim.add_orders(1)
    # the same order, known from an export with a note and a confirmed shipping deadline
    orders.add_order(shop, number, status="awaiting_shipment",
                     created_at=utc(2026, 11, 20, 16, 15, 2), goods_amount="21.80",
                     shipping_amount="2.00", ship_by=utc(2026, 11, 27, 16, 0), note="VIP")
    account = _account(shop, sim)
    run_pass(account)
    sim.orders[number].update(order_status="WAIT_BUYER_ACCEPT_GOODS",
                              gmt_send_goods_time="2026-11-22 19:00:00",
                              gmt_update=_pacific_now())
    run_pass(account)
    [order] = list(Order.select().where(Order.order_no == number))
    assert order.status == "shipped" and order.platform_status == "WAIT_BUYER_ACCEPT_GOODS"
    assert order.shipped_at == utc(2026, 11, 23, 3, 0)            # 19:00 PST
    assert (order.tracking_no, order.destination_country) == ("LP00123456789012", "BR")
    assert order.ship_by == utc(2026, 11, 27, 16, 0)              # known, never wiped
    assert order.note == "VIP"


def test_an_unknown_platform_status_is_stored_and_flagged(shop, sim):
    [number] = sim.add_orders(1, order_status="WAIT_FOR_SOMETHING_NEW")
    run_pass(_account(shop, sim))
    order = Order.get(Order.order_no == number)
    assert order.platform_status == "WAIT_FOR_SOMETHING_NEW"
    assert order.status == "awaiting_shipment"          # what its payment says
    [flag] = list(AuditEntry.select().where(AuditEntry.action == "unknown platform state"))
    assert flag.detail["message"] == ("unknown platform state WAIT_FOR_SOMETHING_NEW: "
                                      "the rules may be out of date")


def test_a_dispute_recorded_by_hand_is_the_platforms_and_moves_to_arbitration(shop, sim):
    from app.services.casework import disputes
    [number] = sim.add_orders(1)
    issue_id = sim.add_issue()
    account = _account(shop, sim)
    run_pass(account)           # the order arrives first; the dispute with it
    order = Order.get(Order.order_no == number)
    [dispute] = list(Dispute.select())
    assert dispute.issue_id == issue_id and dispute.state == "awaiting_seller"
    dispute.delete_instance(recursive=True)
    by_hand = disputes.open_dispute(order, "not_received", "in_transit", "In transit",
                                    "refund", "23.80", utc(2026, 11, 28, 18, 0))
    sim.issues[issue_id]["listed"]["gmt_modified"] = "2026-11-28 10:00:06"
    run_pass(account)
    [dispute] = list(Dispute.select())
    assert dispute.id == by_hand.id and dispute.issue_id == issue_id     # one record
    step = fixture("arbitration_step.json")
    issue = sim.issues[issue_id]
    issue["listed"]["gmt_modified"] = step["gmt_modified"]
    issue["detail"]["process_dto_list"]["api_issue_process_dto"].append(step["process"])
    run_pass(account)
    dispute = Dispute.get_by_id(dispute.id)
    assert dispute.state == "escalated"
    assert dispute.escalated_at == utc(2026, 12, 3, 19, 30)      # 11:30 US Pacific
    assert [e.action for e in dispute.events][-1] == "buyer_escalate"


def test_a_cancelled_dispute_is_closed_at_the_next_sync(shop, sim):
    sim.add_orders(1)
    issue_id = sim.add_issue()
    account = _account(shop, sim)
    run_pass(account)
    issue = sim.issues[issue_id]
    issue["listed"]["issue_status"] = issue["detail"]["issue_status"] = "canceled_issue"
    issue["detail"]["process_dto_list"]["api_issue_process_dto"].append(
        {"action_type": "cancel", "gmt_create": "2026-11-29 09:00:00",
         "submit_member_type": "buyer", "issue_id": int(issue_id)})
    run_pass(account)
    dispute = Dispute.get(Dispute.issue_id == issue_id)
    assert dispute.state == "cancelled" and dispute.resolution == "buyer_cancelled"


def test_account_add_reads_the_secrets_from_standard_input(tmp_path, capsys, monkeypatch,
                                                            file_keyring):
    from app.cli import main
    from app.db import close_database, open_database
    path = tmp_path / "cli.db"
    open_database(path)
    make_shop("ae")
    make_shop("tb", platform="taobao")
    close_database()
    monkeypatch.setattr("sys.stdin", io.StringIO("the-app-secret\nthe-token\nthe-refresh\n"))
    code = main(["--db", str(path), "account", "add", "ae-open", "--shop", "ae", "--kind",
                 "aliexpress", "--app-key", "500001", "--secrets-stdin"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "gateway https://api-sg.aliexpress.com" in out     # the platform's own
    assert credentials.get("ae-open", credentials.APP_SECRET) == "the-app-secret"
    assert credentials.get("ae-open", credentials.REFRESH_TOKEN) == "the-refresh"
    assert b"the-app-secret" not in path.read_bytes() and b"the-token" not in path.read_bytes()
    code = main(["--db", str(path), "account", "list", "--json"])
    [row] = json.loads(capsys.readouterr()[0])
    assert (row["kind"], row["user"], row["state"]) == ("aliexpress", "500001", "new")
    code = main(["--db", str(path), "account", "add", "tb-open", "--shop", "tb", "--kind",
                 "aliexpress", "--app-key", "1"])
    assert code == 2 and "taobao shop" in capsys.readouterr()[1]
    code = main(["--db", str(path), "account", "add", "ae-2", "--shop", "ae", "--kind",
                 "aliexpress", "--app-key", "1", "--gateway", "http://gw.example.com"])
    assert code == 2 and "https" in capsys.readouterr()[1]


def test_the_buyers_words_in_a_dispute_arrive_in_the_orders_conversation(shop, sim):
    from app.models import Conversation, Message
    [number] = sim.add_orders(1)
    issue_id = sim.add_issue()
    account = _account(shop, sim)
    run_pass(account)
    step = fixture("arbitration_step.json")
    issue = sim.issues[issue_id]
    issue["listed"]["gmt_modified"] = step["gmt_modified"]
    issue["detail"]["process_dto_list"]["api_issue_process_dto"].append(step["process"])
    run_pass(account)
    run_pass(account)                                   # read again: nothing twice
    [conversation] = list(Conversation.select())
    assert conversation.order.order_no == number
    assert conversation.buyer.login == "br1029384756xyzae"
    assert conversation.channel == "site_message" and not conversation.is_replied
    bodies = [m.body for m in Message.select().where((Message.conversation == conversation)
                                                     & (Message.direction == "in"))
              .order_by(Message.sent_at)]
    assert bodies == ["Ainda não recebi o meu pedido, quero o reembolso.",
                      "卖家一直没有回复，我申请平台介入。"]
    from app.channels import outbox
    answer = outbox.queue_reply(conversation.id, "Olá! Já verifiquei o rastreio.")
    assert answer.account_id is None and answer.state == "queued"   # copy & open


def test_a_garbled_answer_or_a_broken_order_loses_nothing(shop, sim):
    numbers = sim.add_orders(3)
    del sim.orders[numbers[1]]["order_id"]              # an entry the platform left half-done
    account = _account(shop, sim)
    sim.garble_next()
    with pytest.raises(ChannelProblem) as raised:
        run_pass(account)
    assert raised.value.state == states.ERROR and raised.value.retry
    assert "not its usual data" in get_account("ae-open").last_error
    assert Order.select().count() == 0
    run_pass(account)
    assert sorted(o.order_no for o in Order.select()) == [numbers[0], numbers[2]]
    assert get_account("ae-open").state == states.CONNECTED


def test_sync_once_from_the_command_line(tmp_path, capsys, monkeypatch, sim):
    from app.cli import main
    from app.db import close_database, open_database
    sim.add_orders(2)
    path = tmp_path / "cli.db"
    open_database(path)
    _account(make_shop("ae"), sim)
    close_database()
    assert main(["--db", str(path), "account", "test", "ae-open"]) == 0
    assert "aliexpress accepted the signed call" in capsys.readouterr()[0]
    assert main(["--db", str(path), "sync", "--once"]) == 0
    out = capsys.readouterr()[0]
    assert "ae-open: 0 new, 0 sent, 0 failed; orders 2 added, 0 updated" in out


def test_a_dispute_whose_order_comes_later_is_taken_in_then(shop, sim):
    issue_id = sim.add_issue()                  # its order is not listed yet
    account = _account(shop, sim)
    run_pass(account)
    assert not Dispute.select().exists()
    sim.add_orders(1, gmt_update=_pacific_now())      # the order changes: it comes in
    run_pass(account)
    assert Dispute.get(Dispute.issue_id == issue_id).order.order_no == "8199000000000001"
