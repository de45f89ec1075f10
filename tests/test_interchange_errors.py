"""A bad interchange document is refused with a message naming the record and the field,
and nothing of it is stored."""

from __future__ import annotations

import copy
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from app.db import open_database
from app.interchange import DocumentError, export_document, import_document, import_file
from app.models import Conversation, Shop
from app.errors import InvalidInput
from tests.factories import T0, make_buyer, make_shop
from tests.test_interchange import build_world, table_counts


@pytest.fixture
def doc_and_empty_db(db, tmp_path):
    """A valid document of the rich world, and a fresh empty database to import it into."""
    build_world()
    document = export_document()
    open_database(tmp_path / "target.db")
    return document


def refused(document) -> str:
    """Import must fail and leave every table as it was; returns the message."""
    before = table_counts()
    with pytest.raises(InvalidInput) as caught:
        import_document(document)
    assert table_counts() == before
    return str(caught.value)


def order(doc, index=0, shop=0):
    return doc["shops"][shop]["orders"][index]


def test_the_message_names_path_order_and_field(doc_and_empty_db):
    doc = doc_and_empty_db
    order(doc, 1)["paid_at"] = "yesterday"
    message = refused(doc)
    assert message.startswith("shops[0].orders[1] (order 8000000000000002): field 'paid_at': "
                              "'yesterday' is not an ISO 8601 instant")


def test_a_failure_late_in_the_document_rolls_back_everything_before_it(doc_and_empty_db):
    doc = doc_and_empty_db
    doc["audit"][-1]["at"] = "2026-13-40T00:00:00Z"
    assert refused(doc).startswith("audit[1]: field 'at':")
    assert Shop.select().count() == 0 and Conversation.select().count() == 0


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.update(format="shopify-export"), "document: field 'format': 'shopify-export' "
                                                  "is not an AfterDesk interchange document"),
    (lambda d: d.update(version=4), "document: field 'version': version 4 comes from a newer"),
    (lambda d: d.update(version="1"), "field 'version': '1' is not a format version"),
    (lambda d: d.update(version=0), "field 'version': 0 is not a format version"),
    (lambda d: d.update(extra=1), "document: field 'extra': unknown field"),
    (lambda d: d.pop("exported_at"), "document: field 'exported_at': is required"),
    (lambda d: d.update(shops={}), "document: field 'shops': must be a list"),
])
def test_the_header_is_checked_first(doc_and_empty_db, change, expected):
    doc = doc_and_empty_db
    change(doc)
    assert expected in refused(doc)


@pytest.mark.parametrize("change, field, expected", [
    # unknown words of the closed vocabularies (app/vocab.py)
    (lambda d: order(d).update(status="lost_in_space"), "status", "'lost_in_space' is not one of"),
    (lambda d: order(d)["disputes"][0].update(state="open"), "state", "'open' is not one of"),
    (lambda d: order(d)["disputes"][0]["events"][0].update(actor="robot"), "actor", "'robot'"),
    (lambda d: d["shops"][0]["conversations"][0]["messages"][0].update(direction="sideways"),
     "direction", "'sideways' is not one of: in, out"),
    (lambda d: d["shops"][0].update(platform="ebay"), "platform", "'ebay' is not one of"),
    (lambda d: order(d, 0, 1)["aftersales_request"].update(service_type="exchange"),
     "service_type", "'exchange'"),
    (lambda d: order(d)["disputes"][0]["evidence_packs"][0]["items"][0].update(category="vibes"),
     "category", "'vibes'"),
    # rule AE-1: a sub-kind belongs to its kind
    (lambda d: order(d)["disputes"][0].update(sub_kind="damaged"), "sub_kind",
     "'damaged' is not a kind of 'not_received' dispute"),
    # money: text with two decimals, never a float, never negative
    (lambda d: order(d).update(paid_amount=25.0), "paid_amount", "25.0 is a number"),
    (lambda d: order(d).update(paid_amount=25), "paid_amount", "25 is a number"),
    (lambda d: order(d).update(paid_amount="-1.00"), "paid_amount", "'-1.00' is negative"),
    (lambda d: order(d).update(paid_amount="12.5"), "paid_amount", "'12.5' is not an amount"),
    (lambda d: order(d)["items"][0].update(unit_price="1,50"), "unit_price", "'1,50'"),
    (lambda d: order(d)["disputes"][0]["proposals"][0].update(refund_amount=-5.0),
     "refund_amount", "-5.0 is a number"),
    # types
    (lambda d: order(d).update(is_virtual=1), "is_virtual", "1 is not true or false"),
    (lambda d: order(d)["items"][0].update(quantity="2"), "quantity", "'2' is not a whole number"),
    (lambda d: order(d)["items"][0].update(quantity=-1), "quantity", "-1 is negative"),
    (lambda d: d["calendar_overrides"][0].update(day="10/10/2026"), "day", "is not a date"),
    (lambda d: order(d).update(currency="usd"), "currency", "is not a currency code"),
    (lambda d: d["shops"][0].update(timezone="Mars/Olympus"), "timezone", "not a time zone"),
    (lambda d: d["files"][0].update(sha256="XYZ"), "sha256", "is not a SHA-256"),
    (lambda d: order(d).update(created_at=None), "created_at", "must not be null"),
    (lambda d: order(d).update(paid_at="2026-03-01T08:00:00"), "paid_at", "ISO 8601 instant"),
    # required fields
    (lambda d: order(d)["disputes"][0].pop("opened_at"), "opened_at", "is required but missing"),
    (lambda d: d["shops"][0].pop("key"), "key", "is required but missing"),
    (lambda d: d["shops"][0]["conversations"][0].pop("uid"), "uid", "is required but missing"),
    (lambda d: order(d).update(colour="red"), "colour", "unknown field in an order"),
    # references inside the document
    (lambda d: order(d).update(buyer="nobody"), "buyer", "'nobody' is not a buyer of this shop"),
    (lambda d: d["shops"][0]["conversations"][0].update(order="42"), "order",
     "'42' is not an order of this shop"),
    (lambda d: order(d)["disputes"][0]["attachments"][0].update(file="c" * 64), "file",
     "is not the SHA-256 of a file listed"),
    (lambda d: order(d)["disputes"][0]["evidence_packs"][0]["items"][0]["message"]
     .update(index=99), "message", "of a message in the document"),
    (lambda d: order(d)["disputes"][0]["evidence_packs"][0]["items"][1]["tracking_event"]
     .update(order="8000000000000002"), "tracking_event", "of a tracking event"),
    (lambda d: order(d)["disputes"][0]["evidence_packs"][0]["items"][0].update(message=3),
     "message", '3 is not {"conversation": ..., "index": ...} of a message'),
    (lambda d: d["quick_phrases"][1].update(shop="zz"), "shop", "'zz' is not a shop"),
    (lambda d: order(d, 0, 1).update(aftersales_request=[]), None,
     "shops[1].orders[0].aftersales_request (order 3300000000000009): an after-sales request "
     "must be an object, not a list"),
    # policy values are those of app.rules.policy
    (lambda d: d["policy_overrides"][0].update(key="no_such_value"), "key", "has no value"),
    (lambda d: d["policy_overrides"][0].update(value="soon"), "value", "is not a valid value"),
])
def test_bad_values_are_refused_naming_the_field(doc_and_empty_db, change, field, expected):
    doc = doc_and_empty_db
    change(doc)
    message = refused(doc)
    assert field is None or f"field '{field}': " in message, message
    assert expected in message, message


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["shops"][1].update(key="ae"), "shops[1] (shop ae): field 'key': shop 'ae' "
                                               "appears twice in the document (first at shops[0])"),
    (lambda d: d["shops"][0]["buyers"][0].update(login="bruno"), "buyer 'bruno' appears twice"),
    (lambda d: order(d, 1).update(order_no="8000000000000001"), "order '8000000000000001' "
                                                                "appears twice"),
    (lambda d: order(d)["items"][1].update(position=1), "item position 1 appears twice"),
    (lambda d: d["shops"][1]["conversations"][0].update(
        uid=d["shops"][0]["conversations"][0]["uid"]), "conversation '"),
    (lambda d: order(d)["disputes"][1].update(uid=order(d)["disputes"][0]["uid"]), "dispute '"),
    (lambda d: order(d)["disputes"][1].update(issue_id="ISSUE-1"), "issue id 'ISSUE-1' appears"),
    (lambda d: order(d)["disputes"][0]["proposals"][1].update(party="buyer"),
     "proposal of party 'buyer' appears twice"),
    (lambda d: d["files"].append(dict(d["files"][0])), "file '0123456789abcdef"),
    (lambda d: d["policy_overrides"].append(dict(d["policy_overrides"][0])),
     "policy value 'aliexpress/seller_response' appears twice"),
    (lambda d: d["calendar_overrides"].append(dict(d["calendar_overrides"][0])),
     "calendar day 'CN 2026-10-10' appears twice"),
])
def test_duplicate_keys_in_the_document_are_refused(doc_and_empty_db, change, expected):
    doc = doc_and_empty_db
    change(doc)
    message = refused(doc)
    assert expected in message and "twice" in message, message


def test_a_shop_already_in_the_database_is_refused(doc_and_empty_db):
    make_shop("tb", "taobao")
    message = refused(doc_and_empty_db)
    assert message == "shops[1] (shop tb): field 'key': shop 'tb' already exists in the database"


def test_a_conversation_or_case_already_in_the_database_is_refused(doc_and_empty_db):
    doc = doc_and_empty_db
    uid = doc["shops"][0]["conversations"][0]["uid"]
    local = make_shop("local")
    Conversation.create(uid=uid, shop=local, buyer=make_buyer(local), channel="im", created_at=T0)
    assert f"conversation {uid} already exists in the database" in refused(doc)
    doc = json.loads(json.dumps(doc).replace(uid, "f" * 32))   # evidence refers to it too
    import_document(copy.deepcopy(doc))          # now it fits
    doc = json.loads(json.dumps(doc).replace("f" * 32, "e" * 32))
    doc["shops"][0]["key"], doc["shops"][1]["key"] = "ae2", "tb2"
    message = refused(doc)                        # the dispute uid is taken by the first import
    assert "field 'uid': dispute " in message and "already exists in the database" in message


def test_the_same_document_twice_is_refused_the_second_time(doc_and_empty_db):
    import_document(copy.deepcopy(doc_and_empty_db))
    assert "already exists in the database" in refused(doc_and_empty_db)


def test_a_damaged_file_is_refused_with_its_line(db, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "afterdesk-interchange",\n "version": 1,,}', encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"bad.json is not valid JSON: .* line 2"):
        import_file(path)
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(InvalidInput, match="not a UTF-8 text file"):
        import_file(path)


def test_errors_are_invalid_input_with_record_and_field(doc_and_empty_db):
    doc = doc_and_empty_db
    doc["shops"][0]["conversations"][0]["messages"][2]["sent_at"] = "now"
    with pytest.raises(DocumentError) as caught:
        import_document(doc)
    assert isinstance(caught.value, InvalidInput) and caught.value.field == "sent_at"
    assert caught.value.record.startswith("shops[0].conversations[0].messages[2] (conversation ")


INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def instant_spots(value):
    """(record, field) of every instant inside a record of the document."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and INSTANT.fullmatch(item):
                yield value, key
            else:
                yield from instant_spots(item)
    elif isinstance(value, list):
        for item in value:
            yield from instant_spots(item)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(pick=st.integers(min_value=0), junk=st.sampled_from(
    ["", "tomorrow", "2026-02-30T00:00:00Z", "2026-03-01", "2026-03-01T25:00:00Z", 17, True]))
def test_any_instant_replaced_by_junk_is_refused_and_nothing_stored(doc_and_empty_db, pick, junk):
    doc = copy.deepcopy(doc_and_empty_db)
    spots = [(record, key) for record, key in instant_spots(doc) if record is not doc]
    assert len(spots) > 50
    record, key = spots[pick % len(spots)]
    record[key] = junk
    message = refused(doc)
    assert f"field '{key}': " in message and "is not an ISO 8601 instant" in message, message
