"""Following up a buyer who went quiet (rule GEN-7), as a pure plan.

A conversation whose last person-written message (automatic replies and internal notes do
not count) is the rep's, unanswered, is *awaiting the buyer*. Its plan:

- the next follow-up is due `follow_up_after` (2 days) after the rep's last message, moved
  to the next instant inside the buyer's local daytime (`follow_up_day_start`..
  `follow_up_day_end`, 09:00-20:00) in the buyer's zone (app.rules.timeconv.buyer_zone);
- it goes through the channel after the one last used in `follow_up_channels`
  (site message -> order message -> email -> SMS, GEN-5), skipping channels the buyer
  cannot be reached on;
- after `follow_up_max` (3) unanswered follow-ups none is suggested: stop and note it;
- a buyer reply ends the plan (the conversation is no longer awaiting the buyer);
- a conversation whose shop message is older than `follow_up_within` (14 days; follow-ups
  included) is no longer followed up, so old history does not flood the list.

Nothing here reads a clock or the database: the facts and the instant are handed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from app.clock import as_utc
from app.rules.timeconv import local_to_utc, to_zone

WAITING, DUE, EXHAUSTED, STOPPED = "waiting", "due", "exhausted", "stopped"


@dataclass(frozen=True)
class QuietFacts:
    """What the plan of one conversation needs, as of the instant asked about."""
    last_out_at: datetime | None      # the rep's latest person-written message
    last_out_channel: str             # the channel it went by
    last_in_at: datetime | None       # the buyer's latest message (None: never wrote)
    follow_ups_sent: int              # follow-ups recorded after the buyer's last message
    buyer_zone: str                   # IANA zone the buyer lives in
    reachable: tuple[str, ...] = ()   # channels the buyer can be reached on (empty: all)
    stopped_at: datetime | None = None  # the rep noted a stop (after the last reply)


@dataclass(frozen=True)
class FollowUpPlan:
    status: str                 # WAITING (not yet due), DUE, EXHAUSTED (max reached), STOPPED
    number: int                 # the follow-up this would be (1-based); sent + 1
    maximum: int
    due_at: datetime | None     # the instant to send it (UTC); None when no follow-up is left
    channel: str | None         # the channel to send it by
    buyer_zone: str
    awaiting_since: datetime    # the rep's last message

    @property
    def suggested(self) -> bool:
        return self.due_at is not None


def clock_of(text: str) -> time:
    hours, minutes = str(text).split(":")
    return time(int(hours), int(minutes))


def daytime_bounds(profile) -> tuple[time, time]:
    """(start, end) of the buyer's daytime from the profile (rule GEN-7)."""
    return (clock_of(profile.number("follow_up_day_start")),
            clock_of(profile.number("follow_up_day_end")))


def is_daytime(instant: datetime, zone_name: str, start: time, end: time) -> bool:
    """Whether `instant` falls inside [start, end) of the local day in `zone_name`; a
    window past midnight (start later than end) is read as running overnight."""
    local = to_zone(instant, zone_name).time().replace(tzinfo=None)
    if start == end:
        return True
    if start < end:
        return start <= local < end
    return local >= start or local < end


def next_daytime(instant: datetime, zone_name: str, start: time, end: time) -> datetime:
    """The first instant at or after `instant` inside the buyer's local daytime (UTC).
    A start time that does not exist on a daylight-saving day is moved forward by the gap."""
    instant = as_utc(instant)
    if is_daytime(instant, zone_name, start, end):
        return instant
    local_day = to_zone(instant, zone_name).date()
    for offset in range(0, 3):
        day = local_day + timedelta(days=offset)
        candidate = local_to_utc(datetime.combine(day, start), zone_name)
        if candidate >= instant:
            return candidate
    raise AssertionError("a daytime start exists within three days")   # pragma: no cover


def next_channel(last: str, order: tuple[str, ...], reachable: tuple[str, ...] = ()) -> str:
    """The channel after `last` in `order` (GEN-5/GEN-7), skipping channels the buyer cannot
    be reached on and wrapping round; a last channel outside the order starts at its first
    entry. With no reachable channel in the order, the last channel is used again."""
    if not order:
        return last
    usable = [c for c in order if not reachable or c in reachable]
    if not usable:
        return last
    start = order.index(last) + 1 if last in order else 0
    for step in range(len(order)):
        candidate = order[(start + step) % len(order)]
        if candidate in usable and (candidate != last or len(usable) == 1):
            return candidate
    return usable[0]


def plan(facts: QuietFacts, profile, at: datetime) -> FollowUpPlan | None:
    """The GEN-7 plan of one conversation at `at`; None when it is not awaiting the buyer
    (no rep message, or the buyer wrote after the rep's last message)."""
    if facts.last_out_at is None:
        return None
    if facts.last_in_at is not None and facts.last_in_at >= facts.last_out_at:
        return None   # the buyer replied: nothing to follow up
    if "follow_up_within" in profile and at - facts.last_out_at > profile.duration(
            "follow_up_within"):
        return None   # gone quiet long ago: no longer followed up
    maximum = int(profile.number("follow_up_max"))
    awaiting_since = facts.last_out_at

    def plan_of(status: str, due_at: datetime | None = None,
                channel: str | None = None) -> FollowUpPlan:
        return FollowUpPlan(status, number=facts.follow_ups_sent + 1, maximum=maximum,
                            due_at=due_at, channel=channel, buyer_zone=facts.buyer_zone,
                            awaiting_since=awaiting_since)

    if facts.stopped_at is not None and (facts.last_in_at is None
                                         or facts.stopped_at > facts.last_in_at):
        return plan_of(STOPPED)
    if facts.follow_ups_sent >= maximum:
        return plan_of(EXHAUSTED)
    start, end = daytime_bounds(profile)
    due = next_daytime(awaiting_since + profile.duration("follow_up_after"),
                       facts.buyer_zone, start, end)
    channel = next_channel(facts.last_out_channel, profile.items("follow_up_channels"),
                           facts.reachable)
    return plan_of(DUE if at >= due else WAITING, due, channel)
