"""Policy profiles: every rule of RULES.md as data, editable, audited, resettable."""

from datetime import timedelta
from decimal import Decimal

import pytest

from app.models import AuditEntry
from app.rules.policy import DEFAULTS, PolicyError, Profile
from app.services.commerce import policy
from app.errors import InvalidInput

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

# Every rule ID with a value in RULES.md must be present in its profile.
EXPECTED_RULES = {
    "aliexpress": {"AE-2", "AE-3", "AE-4", "AE-5", "AE-6", "AE-7", "AE-8", "AE-11", "AE-12",
                   "AE-14", "AE-15", "AE-16", "AE-17", "GEN-4", "GEN-7", "HOUSE-1"},
    "taobao": {"TB-1", "TB-2", "TB-3", "TB-4", "TB-5", "TB-6", "TB-7", "GEN-4", "GEN-7", "HOUSE-1"},
}


@pytest.mark.parametrize("name", sorted(DEFAULTS))
def test_profile_holds_every_rule(name):
    assert {v.rule for v in Profile(name).values()} == EXPECTED_RULES[name]


def test_defaults_match_rules_md():
    ae, tb = Profile("aliexpress"), Profile("taobao")
    assert ae.duration("seller_response") == timedelta(days=5)          # AE-3
    assert ae.working_days("platform_action") == 2                       # AE-7
    assert ae.duration("auto_escalation") == timedelta(days=15)          # AE-6
    assert "Easy return" in ae.items("non_counted_reasons")             # AE-2
    assert tb.duration("aftersales_window") == timedelta(days=15)        # TB-1
    assert tb.duration("seller_timeout_unshipped") == timedelta(hours=48)  # TB-3
    assert tb.number("late_shipment_cap") == Decimal("30")               # TB-5
    assert ae.rule("seller_response") == "AE-3"


def test_a_changed_value_is_used_audited_and_reset(db):
    policy.set_value("aliexpress", "seller_response", "7", actor="lin")
    assert policy.load_profile("aliexpress").duration("seller_response") == timedelta(days=7)
    entry = AuditEntry.get(AuditEntry.entity_ref == "aliexpress/seller_response")
    assert entry.actor == "lin" and entry.detail == {"rule": "AE-3", "from": "5", "to": "7"}
    assert policy.reset("aliexpress") == 1
    assert policy.load_profile("aliexpress").duration("seller_response") == timedelta(days=5)


@pytest.mark.parametrize("key,text", [("seller_response", "-1"), ("seller_response", "five"),
                                       ("follow_up_day_start", "25:00")])
def test_bad_values_are_refused_and_nothing_is_written(db, key, text):
    with pytest.raises(InvalidInput):
        policy.set_value("aliexpress", key, text)
    assert AuditEntry.select().count() == 0
    assert policy.load_profile("aliexpress").get(key) == Profile("aliexpress").get(key)


def test_unknown_profile_and_key_are_refused():
    with pytest.raises(PolicyError):
        Profile("ebay")
    with pytest.raises(PolicyError):
        Profile("taobao").get("seller_response")
