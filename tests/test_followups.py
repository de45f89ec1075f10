"""Rule GEN-7: buyers who go quiet are followed up after 2 days, inside their daytime, by the
next channel, at most 3 times; a reply ends the plan. A rep in Shenzhen, a buyer in São Paulo."""

from datetime import timedelta

import pytest

from app.models import AuditEntry, Message
from app.models.followups import FollowUpAttempt
from app.rules.followup import next_channel, next_daytime, clock_of
from app.rules.policy import Profile
from app.rules.timeconv import local_to_utc, to_zone
from app.services.aftercare import followups
from app.services.messaging.conversations import add_message, start_conversation
from app.services.clocks.deadlines import deadlines_at
from app.errors import InvalidInput, RuleRefusal
from tests.factories import make_buyer, make_order, make_shop, utc
from datetime import datetime

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

# 10:00 in Shenzhen on Monday 2 March 2026 = 02:00 UTC = 23:00 on Sunday in São Paulo.
REP_WROTE = local_to_utc(datetime(2026, 3, 2, 10, 0), "Asia/Shanghai")


@pytest.fixture
def quiet(db):
    shop = make_shop("ae", "aliexpress")
    buyer = make_buyer(shop, "maria", country="BR", language="pt")
    buyer.email = "maria@example.com"
    buyer.save()
    order = make_order(shop, "8000000000000001", buyer=buyer)
    conv = start_conversation(shop, buyer, "site_message", order=order,
                              at=REP_WROTE - timedelta(hours=3))
    add_message(conv, "in", "Onde está meu pedido?", REP_WROTE - timedelta(hours=3))
    add_message(conv, "out", "Your parcel left Shenzhen; tracking LP123.", REP_WROTE)
    return conv


def gen7(at):
    return [d for d in deadlines_at(at) if d.rule == "GEN-7" and d.kind == "follow_up"]


def test_two_days_later_the_follow_up_is_due_at_the_buyers_next_morning(quiet):
    # 2 days after the rep's message it is 23:00 in São Paulo: too late; 09:00 there is next.
    plan = followups.plan_of(quiet, REP_WROTE + timedelta(days=2))
    sao_paulo_morning = local_to_utc(datetime(2026, 3, 4, 9, 0), "America/Sao_Paulo")
    assert plan.due_at == sao_paulo_morning == utc(2026, 3, 4, 12, 0)
    assert to_zone(plan.due_at, "America/Sao_Paulo").hour == 9
    assert plan.channel == "order_message"            # after site_message (GEN-5 order)
    assert plan.number == 1 and plan.maximum == 3
    items = gen7(REP_WROTE + timedelta(days=1))
    assert len(items) == 1
    d = items[0]
    assert (d.due_at, d.state, d.subject, d.conversation_id) == (
        sao_paulo_morning, "pending", "conversation", quiet.id)
    assert "order message" in d.action and d.order_no == "8000000000000001"


def test_nothing_is_due_while_the_buyer_has_the_last_word(quiet):
    add_message(quiet, "in", "Obrigada!", REP_WROTE + timedelta(hours=5))
    assert followups.plan_of(quiet, REP_WROTE + timedelta(days=3)) is None
    assert gen7(REP_WROTE + timedelta(days=3)) == []
    assert followups.awaiting_buyer(REP_WROTE + timedelta(days=3)) == []


def test_a_reply_cancels_the_plan_after_a_follow_up(quiet):
    at = utc(2026, 3, 4, 12, 30)
    followups.send_follow_up(quiet, "Hi Maria, did the tracking help?", at=at)
    assert gen7(at + timedelta(hours=1))[0].due_at > at    # the next one is planned
    add_message(quiet, "in", "Sim, obrigada", at + timedelta(hours=2))
    assert gen7(at + timedelta(days=5)) == []
    assert followups.awaiting_buyer(at + timedelta(days=5)) == []


def test_an_automatic_reply_or_a_note_does_not_make_the_buyer_answer(quiet):
    add_message(quiet, "out", "internal: buyer seems busy", REP_WROTE + timedelta(hours=1),
                is_internal=True)
    plan = followups.plan_of(quiet, REP_WROTE + timedelta(days=2))
    assert plan.awaiting_since == REP_WROTE and plan.number == 1


def test_one_action_sends_by_the_suggested_channel_and_the_fourth_is_not_suggested(quiet):
    at = utc(2026, 3, 4, 12, 5)
    channels = []
    for _ in range(3):
        plan = followups.plan_of(quiet, at)
        assert plan.status == "due"
        attempt = followups.send_follow_up(quiet, "Any news about the parcel?", at=at,
                                           author="lin")
        channels.append(attempt.channel)
        message = Message.get_by_id(attempt.message_id)
        assert (message.direction, message.channel, message.sent_at) == ("out", attempt.channel, at)
        at = followups.plan_of(quiet, at).due_at or at + timedelta(days=3)
        at += timedelta(minutes=1)
    assert channels == ["order_message", "email", "site_message"]   # no phone: SMS skipped
    assert [a.number for a in FollowUpAttempt.select().order_by(FollowUpAttempt.id)] == [1, 2, 3]
    later = at + timedelta(days=10)
    plan = followups.plan_of(quiet, later)
    assert plan.status == "exhausted" and plan.due_at is None
    assert gen7(later) == []                    # the fourth follow-up is not suggested
    with pytest.raises(RuleRefusal, match="3 follow-ups"):
        followups.send_follow_up(quiet, "Hello?", at=later)
    assert FollowUpAttempt.select().count() == 3
    assert AuditEntry.select().where(AuditEntry.action == "follow_up").count() == 3


def test_each_follow_up_waits_two_days_after_the_last_one(quiet):
    sent = utc(2026, 3, 4, 15, 0)     # 12:00 in São Paulo
    followups.send_follow_up(quiet, "Any news?", at=sent)
    plan = followups.plan_of(quiet, sent)
    assert plan.number == 2 and plan.due_at == sent + timedelta(days=2)   # still daytime
    assert plan.channel == "email"


def test_stop_is_noted_and_a_new_buyer_message_restarts(quiet):
    at = REP_WROTE + timedelta(days=1)
    followups.stop_following_up(quiet, "Buyer reached by phone, waiting for photos", at=at)
    assert followups.plan_of(quiet, at + timedelta(days=3)).status == "stopped"
    assert gen7(at + timedelta(days=3)) == []
    add_message(quiet, "in", "Here are the photos", at + timedelta(days=1))
    add_message(quiet, "out", "Thank you, checking", at + timedelta(days=1, hours=1))
    assert followups.plan_of(quiet, at + timedelta(days=4)).status == "due"


def test_reason_tags_are_kept_for_statistics(quiet):
    followups.set_reason(quiet, "time_zone", actor="lin")
    row = followups.awaiting_buyer(REP_WROTE + timedelta(days=3))[0]
    assert row.reason == "time_zone" and row.buyer_zone == "America/Sao_Paulo"
    assert row.status == "due" and row.channel == "order_message"
    with pytest.raises(InvalidInput):
        followups.set_reason(quiet, "lazy")
    followups.send_follow_up(quiet, "Any news?", at=utc(2026, 3, 4, 13, 0))
    add_message(quiet, "in", "yes", utc(2026, 3, 4, 18, 0))
    stats = followups.follow_up_stats()
    assert stats == {"sent": 1, "by_channel": {"order_message": 1}, "by_number": {1: 1},
                     "answered": 1, "answered_by_channel": {"order_message": 1},
                     "reasons": {"time_zone": 1}}


def test_bad_input_writes_nothing(quiet):
    before = AuditEntry.select().count()
    with pytest.raises(InvalidInput):
        followups.send_follow_up(quiet, "  ", at=utc(2026, 3, 4, 13, 0))
    with pytest.raises(InvalidInput):
        followups.send_follow_up(quiet, "hi", channel="pigeon", at=utc(2026, 3, 4, 13, 0))
    with pytest.raises(InvalidInput):
        followups.send_follow_up(quiet, "hi", at=datetime(2026, 3, 4, 13, 0))
    assert AuditEntry.select().count() == before and FollowUpAttempt.select().count() == 0


def test_the_rep_may_set_the_buyers_zone():
    day = (clock_of("09:00"), clock_of("20:00"))
    # 02:00 UTC: 11:00 in Tokyo (daytime), 23:00 the evening before in São Paulo.
    assert next_daytime(REP_WROTE, "Asia/Tokyo", *day) == REP_WROTE
    assert next_daytime(REP_WROTE, "America/Sao_Paulo", *day) == utc(2026, 3, 2, 12, 0)


def test_daylight_saving_morning_in_new_york():
    day = (clock_of("09:00"), clock_of("20:00"))
    # 8 March 2026 clocks go forward in New York: 09:00 is then 13:00 UTC, not 14:00.
    assert next_daytime(utc(2026, 3, 8, 3, 0), "America/New_York", *day) == utc(2026, 3, 8, 13, 0)


@pytest.mark.parametrize("last,reachable,expected", [
    ("site_message", (), "order_message"),
    ("order_message", (), "email"),
    ("email", (), "sms"),
    ("sms", (), "site_message"),
    ("phone", (), "site_message"),
    ("order_message", ("site_message", "order_message"), "site_message"),
    ("site_message", ("site_message",), "site_message"),
])
def test_next_channel_follows_gen5_order(last, reachable, expected):
    order = Profile("aliexpress").items("follow_up_channels")
    assert next_channel(last, order, reachable) == expected


def test_a_zone_set_by_the_rep_times_the_follow_up(quiet):
    # The buyer lives in Manaus (UTC-4), not São Paulo: 09:00 there is 13:00 UTC.
    assert followups.set_buyer_zone(quiet.id, "America/Manaus") == "America/Manaus"
    plan = followups.plan_of(quiet, REP_WROTE + timedelta(days=2))
    assert plan.due_at == utc(2026, 3, 4, 13, 0) and plan.buyer_zone == "America/Manaus"
    with pytest.raises(InvalidInput):
        followups.set_buyer_zone(quiet.id, "Mars/Olympus")
    assert followups.set_buyer_zone(quiet.id, "") == "America/Sao_Paulo"


def test_a_conversation_quiet_for_longer_than_the_horizon_is_no_longer_followed_up(quiet):
    # GEN-7 follow_up_within (14 days): old history does not flood the list.
    assert followups.plan_of(quiet, REP_WROTE + timedelta(days=14)).status == "due"
    assert followups.plan_of(quiet, REP_WROTE + timedelta(days=14, seconds=1)) is None
    assert gen7(REP_WROTE + timedelta(days=15)) == []
