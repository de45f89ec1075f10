"""The monitor's alerts in the rep's language: in English exactly as the monitor wrote
them, in Chinese with the deadline's label and advice translated (banner and tray)."""

from datetime import datetime, timedelta, timezone

import pytest

from app.monitor.schedule import DUE, PLATFORM, WARNING, Step
from app.monitor.summary import alert_payload
from app.rules.deadline import Deadline
from ui.alert_banner import AlertBanner
from ui.words.alerts import alert_words

pytestmark = pytest.mark.gui
DUE_AT = datetime(2026, 3, 4, 2, 0, tzinfo=timezone.utc)


def dispute_deadline(**changes):
    values = dict(rule="AE-3", kind="seller_response", subject="dispute", platform="aliexpress",
                  shop="ae", order_no="8000000000000001", case_id="D-7", due_at=DUE_AT,
                  state="pending", label="Respond to the buyer's proposal (else the platform "
                  "refunds the buyer)", action="Accept or refuse the buyer's proposal")
    values.update(changes)
    return Deadline(**values)


FOLLOW_UP = dispute_deadline(
    rule="GEN-7", kind="follow_up", subject="conversation", case_id=None, conversation_id=5,
    label="Follow up maria: no reply (follow-up 2 of 3)",
    action="Send a short, clear follow-up by email, inside the buyer's daytime (Europe/Madrid)")

PAYLOADS = [
    alert_payload(Step(DUE_AT - timedelta(hours=4), WARNING, timedelta(hours=4),
                       dispute_deadline())),
    alert_payload(Step(DUE_AT, DUE, None, dispute_deadline())),
    alert_payload(Step(DUE_AT - timedelta(hours=24), WARNING, timedelta(hours=24), FOLLOW_UP)),
    alert_payload(Step(DUE_AT + timedelta(seconds=1), PLATFORM, None, dispute_deadline()),
                  "D-7: The seller's time to respond ran out: the platform carried out the "
                  "buyer's proposal"),
]



@pytest.mark.parametrize("payload", PAYLOADS, ids=["warning", "due", "follow-up", "platform"])
def test_in_english_an_alert_reads_as_the_monitor_wrote_it(qapp, payload):
    assert alert_words(payload) == payload["text"]


def test_in_chinese_the_banner_shows_the_alert_translated(chinese, qtbot):
    banner = AlertBanner()
    qtbot.addWidget(banner)
    banner.show_alert(PAYLOADS[0])
    assert banner.text() == ("D-7：响应买家方案（否则平台将退款给买家）（4 小时后到期，规则 AE-3）"
                             " —— 接受或拒绝买家方案")
    follow_up = alert_words(PAYLOADS[2])
    assert "跟进 maria：未回复（第 2 次跟进，共 3 次）" in follow_up
    assert "通过邮件发送" in follow_up and "24 小时后到期" in follow_up
    assert alert_words(PAYLOADS[3]) == "D-7：卖家响应超时：平台已执行买家方案"


def test_an_alert_it_cannot_read_is_shown_as_written(qapp):
    assert alert_words({"text": "something odd"}) == "something odd"


def test_in_chinese_the_deadlines_list_says_what_and_what_to_do_translated(chinese, qtmodeltester):
    from ui.table_models.deadline_table_model import DeadlineTableModel
    model = DeadlineTableModel(grouped=False)
    model.set_now(DUE_AT - timedelta(days=1))
    model.set_rows([FOLLOW_UP])
    titles = [c.title for c in model.columns]
    what = model.index(0, titles.index("What")).data()
    todo = model.index(0, titles.index("To do")).data()
    assert what == "跟进 maria：未回复（第 2 次跟进，共 3 次）"
    assert todo == "在买家的白天（Europe/Madrid）通过邮件发送简短清楚的跟进消息"
    qtmodeltester.check(model)
