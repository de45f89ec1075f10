"""The deadline monitor in the window: alerts reach the GUI thread through the bridge's
signals, the banner shows them, and closing the window ends the monitor thread."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from app.services.casework import disputes
from app.settings import Settings
from tests.factories import T0, make_order, make_shop
from ui.alert_banner import AlertBanner
from ui.main_window import MainWindow
from ui.monitor_bridge import MonitorBridge
from ui.tray import make_tray

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

DAY = timedelta(days=1)
OPEN = T0 + 10 * DAY
AE3_DUE = OPEN + 5 * DAY          # rule AE-3: 5 days to respond (policy default)


class FakeClock:
    def __init__(self, at):
        self.at = at

    def now(self):
        return self.at


@pytest.fixture
def dispute(db):
    order = make_order(make_shop("ae"), "8001", status="shipped")
    return disputes.open_dispute(order, "not_as_described", "quality", "Quality problem",
                                 "refund", "12.00", OPEN)


@pytest.fixture
def bridge(qtbot, dispute, tmp_path):
    clock = FakeClock(OPEN + timedelta(hours=1))
    made = MonitorBridge(Settings(tmp_path / "settings.json"), clock=clock)
    made.clock = clock
    yield made
    assert made.stop(2.0)


def test_alert_reaches_the_gui_thread_and_the_banner_shows_it(qtbot, bridge, dispute):
    banner = AlertBanner()
    qtbot.addWidget(banner)
    received_on = []
    bridge.alert.connect(banner.show_alert)
    bridge.alert.connect(lambda _p: received_on.append(threading.current_thread()))
    with qtbot.waitSignal(bridge.summary, timeout=5000) as summary:
        bridge.start()
    assert summary.args == ["Nothing is due today."]
    bridge.clock.at = AE3_DUE - timedelta(hours=4)
    with qtbot.waitSignal(bridge.alert, timeout=5000) as alert:
        bridge.wake()
    payload = alert.args[0]
    assert (payload["case_id"], payload["rule"], payload["lead_hours"]) == (
        f"D-{dispute.id}", "AE-3", 4)
    assert received_on == [threading.main_thread()]
    banner.show()
    assert banner.isVisible() and "due in 4 h" in banner.text()
    assert f"D-{dispute.id}" in banner.text()


def test_monitor_errors_arrive_as_a_signal(qtbot, db, tmp_path):
    def loader(at):
        raise RuntimeError("the disk is full")

    bridge = MonitorBridge(Settings(tmp_path / "settings.json"), loader=loader)
    try:
        with qtbot.waitSignal(bridge.error, timeout=5000) as error:
            bridge.start()
        assert "the disk is full" in error.args[0]
    finally:
        assert bridge.stop(2.0)


def test_platform_action_tells_the_window_to_reload(qtbot, bridge, dispute):
    # rule AE-3: at due + 1 s the platform carried out the buyer's proposal.
    with qtbot.waitSignal(bridge.summary, timeout=5000):
        bridge.start()
    bridge.clock.at = AE3_DUE + timedelta(seconds=1)
    with qtbot.waitSignal(bridge.cases_changed, timeout=5000):
        bridge.wake()
    assert type(dispute).get_by_id(dispute.id).state == "resolved"


def test_banner_counts_alerts_until_dismissed(qtbot):
    banner = AlertBanner()
    qtbot.addWidget(banner)
    banner.show_summary("2 disputes need a response today.")
    assert banner.kind == "info" and banner.text() == "2 disputes need a response today."
    banner.show_alert({"text": "D-1: respond (due in 1 h)"})
    banner.show_alert({"text": "D-2: respond (due now)"})
    assert banner.text() == "D-2: respond (due now)" and banner.more_label.text() == "and 1 more"
    banner.show_summary("later summary")
    assert banner.kind == "alert", "a summary does not hide an alert"
    banner.dismiss()
    assert banner.isHidden() and banner.unseen == 0


def test_window_starts_the_monitor_and_stops_it_on_close(qtbot, dispute, tmp_path):
    window = MainWindow(tmp_path / "afterdesk.db", Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    clock = FakeClock(AE3_DUE - timedelta(hours=1))
    window.start_monitor(clock=clock)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    thread = window.monitor.monitor
    assert thread.is_alive()
    assert make_tray(window) is None, "no system tray offscreen: nothing shown"
    window.banner.show_button.click()
    assert window.current_page_key() == "deadlines"
    window.close()
    assert not thread.is_alive()


def _summary(today: dict, overdue: dict):
    from collections import Counter

    from app.monitor.summary import DueSummary, _summary_text
    summary = DueSummary(_summary_text(Counter(overdue), Counter(today)))
    summary.today, summary.overdue = today, overdue
    return summary


@pytest.mark.parametrize("today, overdue", [
    ({"dispute": 3}, {"aftersales": 1}),
    ({"conversation": 1, "order": 2}, {"dispute": 1, "conversation": 51}),
    ({"conversation": 18, "complaint": 4}, {"complaint": 1}),
    ({}, {}),
])
def test_banner_says_the_summary_as_the_monitor_wrote_it_in_english(qtbot, today, overdue):
    banner = AlertBanner()
    qtbot.addWidget(banner)
    summary = _summary(today, overdue)
    banner.show_summary(summary)
    assert banner.text() == str(summary)


def test_banner_says_the_summary_in_chinese_when_the_rep_works_in_chinese(qtbot, qapp):
    from ui import i18n
    i18n.install_translator(qapp, "zh_CN")
    try:
        banner = AlertBanner()
        qtbot.addWidget(banner)
        banner.show_summary(_summary({"dispute": 3}, {"aftersales": 1, "conversation": 51}))
        assert banner.text() == "3 个纠纷今天需要回应；1 个售后申请已超时；51 个会话已超时。"
        banner.show_summary(_summary({"conversation": 18, "complaint": 4}, {"complaint": 1}))
        assert banner.text() == "18 个会话今天需要回复；4 个投诉今天需要处理；1 个投诉已超时。"
        banner.show_summary(_summary({}, {}))
        assert banner.text() == "今天没有到期事项。"
    finally:
        i18n.install_translator(qapp, i18n.SOURCE_LANGUAGE)


def test_a_window_start_runs_the_monitor_once_the_first_list_is_on_screen(qtbot, dispute,
                                                                          tmp_path, monkeypatch):
    """The monitor's first planning comes after the inbox the rep is looking at; its alert
    still reaches the banner."""
    from PySide6.QtWidgets import QApplication

    from ui.main import open_window
    monkeypatch.setenv("AFTERDESK_HOME", str(tmp_path / "home"))
    window = open_window(QApplication.instance(), tmp_path / "shop.db",
                         Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    assert window.monitor is None                 # nothing of it before the first paint
    with qtbot.waitSignal(window.front_shown, timeout=5000):
        pass
    qtbot.waitUntil(lambda: window.monitor is not None and window.monitor.started,
                    timeout=5000)
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10000)   # AE-3 is overdue
    window.close()
