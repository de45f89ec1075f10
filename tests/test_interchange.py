"""The interchange format: a rep moves every record of one AfterDesk to another and back.

The rich world below is written straight through the models and touches every table,
with Chinese text, ties in time, optional values left empty and cross references
(evidence items pointing at messages, tracking events and files).
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from app.db import close_database, open_database
from app.interchange import FORMAT, VERSION, export_document, export_file, import_document
from app.interchange import NOT_CARRIED, import_file
from app.models import (ALL_MODELS, AftersalesRequest, Attachment, AuditEntry,
                        AutoReplyRevision, AutoReplyRule, CalendarOverride, Conversation,
                        Dispute, DisputeEvent, DisputeProposal, EvidenceItem, EvidencePack,
                        Message, OrderItem, PolicyOverride, QuickPhrase, QuickPhraseVariant,
                        RequestEvent, StoredFile, TrackingEvent)
from app.models.complaints import Complaint, ComplaintStep
from app.models.followups import FollowUpAttempt, FollowUpState
from app.errors import InvalidInput
from tests.factories import T0, make_buyer, make_order, make_shop, utc

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

H = timedelta(hours=1)


def build_world() -> dict:
    """Every table filled; returns a few records the tests look at again."""
    ae, tb = make_shop("ae", "aliexpress"), make_shop("tb", "taobao")
    tb.name = "淘宝小店·售后"
    tb.save()
    bruno = make_buyer(ae, "bruno", "BR", "pt")
    bruno.contacts, bruno.timezone, bruno.note = {"im": "bruno_77"}, "America/Sao_Paulo", "VIP"
    bruno.save()
    make_buyer(ae, "anna", "DE", "de")
    zhang = make_buyer(tb, "张三", "CN", "zh")
    o1 = make_order(ae, "8000000000000001", bruno, "shipped", Decimal("25.00"),
                    carrier="Cainiao", tracking_no="LP00123", promised_days=60)
    make_order(ae, "8000000000000002", None, "awaiting_payment", Decimal("0.00"), paid_at=None)
    o3 = make_order(tb, "3300000000000009", zhang, "completed", Decimal("129.90"),
                    completed_at=T0 + 48 * H, note="买家说包装破损")
    OrderItem.create(order=o1, position=1, title="Phone case", attributes="Colour: red",
                     quantity=2, unit_price=Decimal("12.50"), product_id="P-1")
    OrderItem.create(order=o1, position=2, title="贴膜", quantity=1, unit_price=Decimal("0.00"))
    OrderItem.create(order=o3, position=1, title="保温杯 500ml", quantity=1,
                     unit_price=Decimal("129.90"))
    # Two tracking events at the same instant: their order must survive the trip.
    t_first = TrackingEvent.create(order=o1, at=T0 + 5 * H, location="Shenzhen",
                                   description="Accepted", status_code="ACC")
    t_tie = TrackingEvent.create(order=o1, at=T0 + 5 * H, description="Departed")
    TrackingEvent.create(order=o1, at=T0 + 2 * H, location="深圳", description="揽收")
    photo = StoredFile.create(sha256="a" * 64, size=2048, mime="image/jpeg",
                              original_name="破损照片.jpg", created_at=T0)
    pdf = StoredFile.create(sha256="0123456789abcdef" * 4, size=10, mime="application/pdf",
                            original_name="proof.pdf", created_at=T0 + H)
    StoredFile.create(sha256="f" * 64, size=0, created_at=T0)   # kept though unused
    # rule AE-1: a not-received dispute, sub-kind in transit; AE-9: proposals side by side.
    d1 = Dispute.create(order=o1, issue_id="ISSUE-1", kind="not_received", sub_kind="in_transit",
                        reason="Order not received", state="negotiating", opened_at=T0 + 240 * H,
                        first_request_at=T0 + 240 * H, buyer_changed_at=T0 + 241 * H,
                        seller_responded_at=T0 + 250 * H, currency="USD",
                        refund_amount=Decimal("25.00"), next_due_at=T0 + 361 * H,
                        created_at=T0 + 240 * H, updated_at=T0 + 250 * H)
    Dispute.create(order=o1, kind="not_as_described", sub_kind="damaged", reason="Damaged",
                   reason_text="屏幕碎了", state="resolved", opened_at=T0 + 300 * H,
                   first_request_at=T0 + 300 * H, buyer_changed_at=T0 + 300 * H,
                   closed_at=T0 + 400 * H, resolution="negotiation_consensus",
                   cause="carrier", currency="USD", created_at=T0 + 300 * H,
                   updated_at=T0 + 400 * H)
    DisputeProposal.create(dispute=d1, party="seller", solution_type="refund",
                           refund_amount=Decimal("5.00"), currency="USD", note="partial",
                           created_at=T0 + 250 * H, updated_at=T0 + 250 * H)
    DisputeProposal.create(dispute=d1, party="buyer", solution_type="return_and_refund",
                           refund_amount=Decimal("25.00"), currency="USD",
                           created_at=T0 + 240 * H, updated_at=T0 + 241 * H)
    DisputeEvent.create(dispute=d1, at=T0 + 240 * H, actor="buyer", action="initiate",
                        to_state="awaiting_seller", detail={"note": "没收到"},
                        recorded_at=T0 + 240 * H, recorded_by="sync")
    DisputeEvent.create(dispute=d1, at=T0 + 250 * H, actor="rep", action="refuse",
                        from_state="awaiting_seller", to_state="negotiating", by_rule="AE-3",
                        recorded_at=T0 + 250 * H)
    Attachment.create(file=photo, dispute=d1, caption="buyer photo", created_at=T0 + 241 * H)
    # rule TB-1: an after-sales request within the window after transaction success.
    req = AftersalesRequest.create(order=o3, service_type="return_and_refund", reason="damaged",
                                   reason_text="收到破损", amount=Decimal("129.90"), currency="CNY",
                                   goods_intact=True, state="waiting_buyer_return",
                                   opened_at=T0 + 60 * H, submitted_at=T0 + 61 * H,
                                   return_agreed_at=T0 + 70 * H, refund_paid=None,
                                   created_at=T0 + 60 * H, updated_at=T0 + 70 * H)
    RequestEvent.create(request=req, at=T0 + 60 * H, actor="buyer", action="submit",
                        to_state="waiting_seller", recorded_at=T0 + 60 * H)
    RequestEvent.create(request=req, at=T0 + 70 * H, actor="rep", action="agree_return",
                        from_state="waiting_seller", to_state="waiting_buyer_return",
                        detail={"地址": "杭州"}, recorded_at=T0 + 70 * H, recorded_by="小王")
    Attachment.create(file=photo, request=req, caption="买家照片", created_at=T0 + 60 * H)
    c1 = Conversation.create(shop=ae, buyer=bruno, order=o1, channel="site_message",
                             subject="Where is my parcel?", language="pt", star="red",
                             created_at=T0 + 100 * H, last_message_at=T0 + 101 * H,
                             last_inbound_at=T0 + 100 * H, is_read=False, is_replied=True)
    Conversation.create(shop=tb, buyer=zhang, channel="im", created_at=T0 + 50 * H)
    m_in = Message.create(conversation=c1, direction="in", channel="site_message",
                          body="Cadê meu pacote?", source_lang="pt",
                          translation="Where is my parcel?", translation_lang="en",
                          sent_at=T0 + 100 * H)
    m_out = Message.create(conversation=c1, direction="out", channel="email",
                           body="It is on its way — 已发货", sent_at=T0 + 101 * H, author="小王")
    Message.create(conversation=c1, direction="out", channel="site_message", body="Auto",
                   sent_at=T0 + 100 * H, is_auto=True)     # same instant as m_in, later id
    Message.create(conversation=c1, direction="out", channel="site_message", body="note",
                   sent_at=T0 + 99 * H, is_internal=True)
    Attachment.create(file=pdf, message=m_out, created_at=T0 + 101 * H)
    # rule GEN-4: an evidence pack with the conversation, tracking and a proof of delivery.
    pack = EvidencePack.create(dispute=d1, statement="卖家声明", created_at=T0 + 260 * H)
    EvidenceItem.create(pack=pack, position=1, category="conversation", message=m_out)
    EvidenceItem.create(pack=pack, position=2, category="tracking", tracking_event=t_tie)
    EvidenceItem.create(pack=pack, position=3, category="proof_of_delivery", file=pdf,
                        caption="POD")
    EvidenceItem.create(pack=pack, position=4, category="tracking", tracking_event=t_first,
                        message=m_in)
    EvidencePack.create(request=req, version=2, state="submitted", pack_hash="b" * 64,
                        created_at=T0 + 80 * H, submitted_at=T0 + 81 * H)
    rule = AutoReplyRule.create(shop=ae, name="Welcome", language="en", body="Hi! We reply soon.",
                                created_at=T0, updated_at=T0 + H)
    AutoReplyRevision.create(rule=rule, body="Hello!", changed_at=T0 + H, changed_by="rep")
    AutoReplyRule.create(shop=tb, name="欢迎", body="亲，在的", enabled=False, created_at=T0,
                         updated_at=T0)
    phrase = QuickPhrase.create(title="发货了", shortcut="/ship", category="物流", created_at=T0)
    QuickPhraseVariant.create(phrase=phrase, language="zh", body="您的包裹已发出")
    QuickPhraseVariant.create(phrase=phrase, language="en", body="Your parcel has shipped")
    QuickPhrase.create(shop=ae, title="Sorry", created_at=T0)
    PolicyOverride.create(profile="aliexpress", key="seller_response", value="4",   # rule AE-3
                          changed_at=T0, changed_by="店长")
    CalendarOverride.create(day=date(2026, 10, 10), is_working=True, note="调休上班")
    AuditEntry.create(at=T0, actor="小王", entity="dispute", entity_ref=d1.uid, action="refuse",
                      detail={"原因": "已发货"})
    AuditEntry.create(at=T0, actor="rep", entity="policy", entity_ref="aliexpress/seller_response",
                      action="set", detail=None)
    # rule GEN-7: two follow-ups of a quiet buyer, the second sent as a message; the plan state.
    FollowUpAttempt.create(conversation=c1, number=1, channel="site_message",
                           sent_at=T0 + 125 * H, suggested_channel="email", author="小王")
    FollowUpAttempt.create(conversation=c1, message=m_out, number=2, channel="email",
                           sent_at=T0 + 101 * H)
    FollowUpState.create(conversation=c1, reason="time_zone", reason_set_at=T0 + 102 * H,
                         reason_set_by="小王", updated_at=T0 + 102 * H)
    # rules TB-5 / GEN-8: a late-shipment complaint with compensation and two of its steps.
    complaint = Complaint.create(shop=tb, order=o3, buyer=zhang, kind="late_shipment",
                                 buyer_words="发货太慢了", opened_at=T0 + 49 * H,
                                 compensation_offer="优惠券", compensation_amount=Decimal("5.00"),
                                 compensation_cost=Decimal("3.50"), compensation_currency="CNY",
                                 created_at=T0 + 49 * H, updated_at=T0 + 52 * H)
    ComplaintStep.create(complaint=complaint, position=2, step="listen", state="done",
                         done_at=T0 + 51 * H, done_by="小王", note="买家等了五天")
    ComplaintStep.create(complaint=complaint, position=1, step="respond", state="done",
                         done_at=T0 + 50 * H)
    Complaint.create(shop=ae, conversation=c1, kind="negative_review", buyer_words="1 star",
                     review_rating=1, state="closed", outcome="review_revised",
                     opened_at=T0 + 130 * H, closed_at=T0 + 140 * H, created_at=T0 + 130 * H,
                     updated_at=T0 + 140 * H)
    return {"d1": d1, "m_out": m_out, "m_in": m_in, "t_tie": t_tie, "conversation": c1}


def without_stamp(document: dict) -> dict:
    return {k: v for k, v in document.items() if k != "exported_at"}


def table_counts() -> dict:
    return {model.__name__: model.select().count() for model in ALL_MODELS}


def test_round_trip_into_an_empty_database_gives_the_same_document(db, tmp_path):
    build_world()
    first = export_document()
    open_database(tmp_path / "second.db")
    summary = import_document(json.loads(json.dumps(first)))
    second = export_document()
    assert without_stamp(second) == without_stamp(first)
    assert set(second) - {"exported_at"} == set(first) - {"exported_at"}
    assert summary["messages"] == 4 and summary["tracking_events"] == 3


def test_file_round_trip_is_byte_identical_but_for_the_stamp(db, tmp_path):
    build_world()
    export_file(tmp_path / "out" / "a.json")
    open_database(tmp_path / "second.db")
    import_file(tmp_path / "out" / "a.json")
    export_file(tmp_path / "b.json")
    stamp = re.compile(r'^ "exported_at": ".*",$', re.M)
    a, b = ((tmp_path / p).read_text(encoding="utf-8") for p in ("out/a.json", "b.json"))
    assert stamp.sub("", a) == stamp.sub("", b)
    assert a != b or stamp.search(a)


def test_file_is_readable_utf8_with_sorted_keys_and_a_final_newline(db, tmp_path):
    build_world()
    document = export_file(tmp_path / "x.json")
    text = (tmp_path / "x.json").read_bytes().decode("utf-8")
    assert "淘宝小店·售后" in text and "\\u" not in text
    assert text.endswith("}\n") and text.startswith('{\n "audit": [')
    assert json.loads(text) == document
    assert text == json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_header_and_shape(db):
    build_world()
    doc = export_document()
    assert doc["format"] == FORMAT == "afterdesk-interchange" and doc["version"] == VERSION == 3
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", doc["exported_at"])
    assert [s["key"] for s in doc["shops"]] == ["ae", "tb"]
    ae = doc["shops"][0]
    assert [b["login"] for b in ae["buyers"]] == ["anna", "bruno"]
    order = ae["orders"][0]
    assert order["order_no"] == "8000000000000001" and order["buyer"] == "bruno"
    assert ae["orders"][1]["buyer"] is None and ae["orders"][1]["paid_at"] is None
    assert order["paid_amount"] == "25.00" and order["items"][0]["unit_price"] == "12.50"
    assert order["items"][1]["unit_price"] == "0.00" and order["is_virtual"] is False
    assert order["created_at"] == "2026-03-02T02:00:00Z"
    assert [t["description"] for t in order["tracking_events"]] == ["揽收", "Accepted", "Departed"]
    assert order["aftersales_request"] is None
    assert [d["kind"] for d in order["disputes"]] == ["not_received", "not_as_described"]
    assert [p["party"] for p in order["disputes"][0]["proposals"]] == ["buyer", "seller"]
    assert doc["shops"][1]["orders"][0]["aftersales_request"]["goods_intact"] is True
    assert [f["sha256"][:2] for f in doc["files"]] == ["01", "aa", "ff"]
    assert doc["quick_phrases"][0]["shop"] is None
    assert [v["language"] for v in doc["quick_phrases"][0]["variants"]] == ["en", "zh"]
    assert doc["calendar_overrides"] == [{"calendar": "CN", "day": "2026-10-10",
                                          "is_working": True, "note": "调休上班"}]


def walk(value, path="doc"):
    if isinstance(value, dict):
        for key, item in value.items():
            yield path, key, item
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{path}[{index}]")


def test_no_database_ids_no_floats_and_every_instant_in_utc(db):
    build_world()
    for path, key, value in walk(export_document()):
        assert key != "id" and not key.endswith("_id") or key in ("issue_id", "product_id"), path
        assert not isinstance(value, float), f"{path}.{key}"
        if key.endswith("_at") and value is not None:
            assert value.endswith("Z"), f"{path}.{key}"


def test_messages_are_ordered_by_time_and_evidence_points_at_them(db, tmp_path):
    """GEN-4: after the move, each evidence item still shows the same message and event."""
    world = build_world()
    doc = export_document()
    conversation = doc["shops"][0]["conversations"][0]
    assert [m["body"] for m in conversation["messages"]] == [
        "note", "Cadê meu pacote?", "Auto", "It is on its way — 已发货"]
    assert conversation["messages"][3]["attachments"][0]["file"] == "0123456789abcdef" * 4
    items = doc["shops"][0]["orders"][0]["disputes"][0]["evidence_packs"][0]["items"]
    uid = world["conversation"].uid
    assert items[0]["message"] == {"conversation": uid, "index": 3}
    assert items[1]["tracking_event"] == {"shop": "ae", "order": "8000000000000001", "index": 2}
    assert items[2]["file"] == "0123456789abcdef" * 4 and items[2]["message"] is None
    open_database(tmp_path / "second.db")
    import_document(doc)
    pack = EvidencePack.get(EvidencePack.uid == doc["shops"][0]["orders"][0]["disputes"][0]
                            ["evidence_packs"][0]["uid"])
    by_position = {i.position: i for i in pack.items}
    assert by_position[1].message.body == "It is on its way — 已发货"
    assert by_position[2].tracking_event.description == "Departed"
    assert by_position[4].message.body == "Cadê meu pacote?"
    assert by_position[4].tracking_event.description == "Accepted"
    assert by_position[3].file.original_name == "proof.pdf"


def test_import_counts_each_kind_and_writes_one_summary_audit_entry(db, tmp_path):
    build_world()
    before = table_counts()
    doc = export_document()
    open_database(tmp_path / "second.db")
    summary = import_document(doc, actor="小王")
    after = table_counts()
    names = {"StoredFile": "files", "Shop": "shops", "Buyer": "buyers", "Order": "orders",
             "OrderItem": "order_items", "TrackingEvent": "tracking_events",
             "AftersalesRequest": "aftersales_requests", "RequestEvent": "request_events",
             "Dispute": "disputes", "DisputeProposal": "dispute_proposals",
             "DisputeEvent": "dispute_events", "Conversation": "conversations",
             "Message": "messages", "Attachment": "attachments",
             "AutoReplyRule": "auto_reply_rules", "AutoReplyRevision": "auto_reply_revisions",
             "EvidencePack": "evidence_packs", "EvidenceItem": "evidence_items",
             "QuickPhrase": "quick_phrases", "QuickPhraseVariant": "quick_phrase_variants",
             "PolicyOverride": "policy_overrides", "CalendarOverride": "calendar_overrides",
             "AuditEntry": "audit_entries", "FollowUpAttempt": "follow_ups",
             "FollowUpState": "follow_up_states", "Complaint": "complaints",
             "ComplaintStep": "complaint_steps"}
    assert set(names) | set(NOT_CARRIED) == {m.__name__ for m in ALL_MODELS}
    assert not set(names) & set(NOT_CARRIED)
    for model, kind in names.items():
        assert summary[kind] == before[model], kind
        expected = before[model] + (1 if model == "AuditEntry" else 0)
        assert after[model] == expected, model
    assert summary.total == sum(before.values())
    assert "4 messages" in str(summary)
    entry = AuditEntry.select().where(AuditEntry.entity == "interchange").get()
    assert entry.actor == "小王" and entry.action == "import"
    assert entry.entity_ref == doc["exported_at"] and entry.detail["counts"]["messages"] == 4
    kept = AuditEntry.get(AuditEntry.actor == "小王", AuditEntry.entity == "dispute")
    assert kept.at == T0 and kept.detail == {"原因": "已发货"} and kept.action == "refuse"


def test_import_adds_to_a_database_that_already_holds_other_shops(db, tmp_path):
    build_world()
    doc = export_document()
    open_database(tmp_path / "second.db")
    make_shop("local", "taobao")
    StoredFile.create(sha256="a" * 64, size=2048, created_at=T0)   # same photo, already here
    summary = import_document(doc)
    assert summary["files"] == 2 and summary["shops"] == 2
    assert StoredFile.select().count() == 3
    assert [s["key"] for s in export_document()["shops"]] == ["ae", "local", "tb"]


def test_a_file_stamp_of_an_earlier_export_is_accepted_in_any_offset(db):
    doc = {"format": FORMAT, "version": 1, "exported_at": "2026-03-02T10:00:00+08:00",
           "shops": [{"key": "s1", "platform": "taobao", "name": "店", "timezone": "Asia/Shanghai",
                      "created_at": "2026-03-02T10:00:00+08:00"}]}
    summary = import_document(doc)
    assert summary["shops"] == 1
    assert export_document()["shops"][0]["created_at"] == "2026-03-02T02:00:00Z"
    assert export_document()["shops"][0]["currency"] == "USD"     # the model's default


cents = st.integers(min_value=0, max_value=10**11).map(lambda n: Decimal(n) / 100)
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=30)
@given(amounts=st.lists(cents, min_size=1, max_size=4), title=texts, minutes=st.integers(0, 3 * 10**6))
def test_any_amount_text_and_instant_survive_the_trip_exactly(amounts, title, minutes):
    try:
        open_database(":memory:")                  # a fresh, empty database each time
        shop = make_shop("h", "taobao")
        order = make_order(shop, "1", paid=amounts[0], created_at=utc(2020, 1, 1) +
                           timedelta(minutes=minutes), note=title)
        for position, amount in enumerate(amounts):
            OrderItem.create(order=order, position=position, title=title, quantity=1,
                             unit_price=amount)
        first = export_document()
        open_database(":memory:")
        import_document(json.loads(json.dumps(first)))
        second = export_document()
    finally:
        close_database()
    assert without_stamp(second) == without_stamp(first)
    items = second["shops"][0]["orders"][0]["items"]
    assert [Decimal(i["unit_price"]) for i in items] == amounts
    assert all(re.fullmatch(r"\d+\.\d\d", i["unit_price"]) for i in items)
    assert second["shops"][0]["orders"][0]["note"] == title


DOCS = Path(__file__).resolve().parent.parent / "docs" / "interchange.md"


def test_the_documented_example_imports_and_its_references_resolve(db):
    text = DOCS.read_text(encoding="utf-8")
    example = json.loads(re.search(r"```json\n(.*?)```", text, re.S).group(1))
    summary = import_document(example)
    assert summary["shops"] == 1 and summary["evidence_items"] == 3
    item = EvidenceItem.get(EvidenceItem.position == 2)
    assert item.tracking_event.description == "已签收"
    assert EvidenceItem.get(EvidenceItem.position == 1).message.body == "杯子摔坏了"
    exported = export_document()["shops"][0]["orders"][0]
    assert exported["shipping_amount"] == "0.00" and exported["aftersales_request"]["cause"] == \
        "unknown"


def test_the_documentation_lists_every_field_of_every_record():
    from app.interchange.schema import ALL_SPECS, TOP_LEVEL
    text = DOCS.read_text(encoding="utf-8")
    sections = dict(re.findall(r"\n### (.+?)\n(.*?)(?=\n##)", text, re.S))
    for spec in ALL_SPECS:
        documented = set(re.findall(r"^\| `(\w+)` \|", sections[spec.name], re.M))
        assert documented == {f.name for f in spec.fields} | set(spec.links), spec.name
    top = re.search(r"## Top level\n(.*?)\n## ", text, re.S).group(1)
    assert set(re.findall(r"^\| `(\w+)` \|", top, re.M)) == set(TOP_LEVEL)


def test_complaints_and_follow_ups_keep_their_links_through_the_trip(db, tmp_path):
    build_world()
    doc = export_document()
    open_database(tmp_path / "second.db")
    import_document(doc)
    late = Complaint.get(Complaint.kind == "late_shipment")
    assert (late.order.order_no, late.buyer.login, late.shop.key) == ("3300000000000009", "张三", "tb")
    assert [st.step for st in late.steps.order_by(ComplaintStep.position)] == ["respond", "listen"]
    assert late.compensation_cost == Decimal("3.50")
    review = Complaint.get(Complaint.kind == "negative_review")
    assert review.conversation.subject == "Where is my parcel?" and review.outcome == "review_revised"
    second = FollowUpAttempt.get(FollowUpAttempt.number == 2)
    assert second.message.body == "It is on its way — 已发货" and second.channel == "email"
    assert FollowUpAttempt.get(FollowUpAttempt.number == 1).message is None
    assert FollowUpState.get().reason == "time_zone"


def test_a_version_1_document_without_complaints_or_follow_ups_still_imports(db, tmp_path):
    build_world()
    doc = export_document()
    doc["version"] = 1
    for shop in doc["shops"]:
        del shop["complaints"]
        for conversation in shop["conversations"]:
            del conversation["follow_ups"], conversation["follow_up_state"]
    open_database(tmp_path / "second.db")
    summary = import_document(doc)
    assert summary["conversations"] == 2 and summary["complaints"] == 0
    assert Complaint.select().count() == 0 and FollowUpAttempt.select().count() == 0


def test_a_follow_up_naming_a_message_that_is_not_there_is_refused_whole(db, tmp_path):
    build_world()
    doc = export_document()
    conversation = next(c for shop in doc["shops"] for c in shop["conversations"] if c["follow_ups"])
    conversation["follow_ups"][0]["message"] = 99
    open_database(tmp_path / "second.db")
    with pytest.raises(InvalidInput, match=r"follow_ups\[0\].*'message'.*99 is not the index"):
        import_document(doc)
    assert Conversation.select().count() == 0


def test_a_complaint_naming_another_shops_conversation_is_refused(db, tmp_path):
    build_world()
    doc = export_document()
    tb = next(shop for shop in doc["shops"] if shop["key"] == "tb")
    ae_conversation = next(shop for shop in doc["shops"] if shop["key"] == "ae")["conversations"][0]
    tb["complaints"][0]["conversation"] = ae_conversation["uid"]
    open_database(tmp_path / "second.db")
    with pytest.raises(InvalidInput, match="not a conversation of this shop"):
        import_document(doc)
    assert Complaint.select().count() == 0
