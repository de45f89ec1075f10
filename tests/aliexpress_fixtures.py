"""The running AliExpress simulator as a fixture (tests name this module in
`pytest_plugins`)."""

import pytest

from tests.aliexpress_simulator import AliExpressSimulator


@pytest.fixture
def sim():
    simulator = AliExpressSimulator().start()
    yield simulator
    simulator.stop()
