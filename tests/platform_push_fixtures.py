"""Fixtures of the pushed decisions' tests (tests name this module in `pytest_plugins`):
a connected AliExpress shop whose first sync brought an order and its dispute, and a
connected Taobao shop whose first sync brought a refund (`tb`; `tb_return`: a return and
refund), each against its simulator."""

from __future__ import annotations

import pytest

from app import secrets
from app.channels import states
from app.channels.sync import run_pass
from app.clock import clock_at, utcnow
from app.models import AftersalesRequest, Dispute
from app.models.channels import ChannelAccount
from app.platforms.accounts import add_platform_account
from tests import aliexpress_simulator as ae_sim
from tests.factories import make_shop, utc
from tests.taobao_simulator import APP_KEY, APP_SECRET, SESSION, Simulator

pytest_plugins = ("tests.aliexpress_fixtures",)   # sim

NOW_AE = utc(2026, 11, 29, 12, 0)


@pytest.fixture
def ae(db, sim):
    """A connected AliExpress shop whose first sync brought an order and its dispute; the
    day after the buyer opened it (the seller's AE-3 time runs)."""
    with clock_at(NOW_AE):
        yield _ae(sim)


def _ae(sim):
    shop = make_shop("ae")
    account = add_platform_account("ae-open", shop, kind="aliexpress",
                                   app_key=ae_sim.APP_KEY, gateway=sim.gateway,
                                   app_secret=ae_sim.APP_SECRET, token=ae_sim.TOKEN,
                                   refresh_token=ae_sim.REFRESH_TOKEN)
    account.settings = {**account.settings, "first_sync_days": 3650}
    account.save()
    sim.add_orders(1)
    issue_id = sim.add_issue()
    run_pass(account)
    return account, Dispute.get(Dispute.issue_id == issue_id)


@pytest.fixture
def tb_sim():
    simulator = Simulator().start()
    yield simulator
    simulator.stop()


@pytest.fixture
def tb(db, tb_sim):
    account = tb_account(tb_sim)
    return account, AftersalesRequest.get()


def tb_account(tb_sim) -> ChannelAccount:
    """A Taobao shop's account on the simulator, after its first sync."""
    shop = make_shop("tb", platform="taobao")
    account = ChannelAccount.create(
        key="tb-top", shop=shop, kind="taobao", state=states.NEW, created_at=utcnow(),
        settings={"app_key": APP_KEY, "gateway": tb_sim.url,
                  "sync_from": "2026-11-30 00:00:00"})
    secrets.set_secret("AfterDesk platform account", "tb-top:app_secret", APP_SECRET)
    secrets.set_secret("AfterDesk platform account", "tb-top:token", SESSION)
    run_pass(account)
    return account


@pytest.fixture
def tb_return(request, db, tb_sim):
    """A Taobao shop whose first sync brought a return-and-refund request."""
    tb_sim.refunds[0]["has_good_return"] = True
    return request.getfixturevalue("tb")
