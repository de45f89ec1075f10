"""The outbox without a server: an answer on a channel AfterDesk cannot send through is
honest (copy & open, "copied, not confirmed") and counts only once the rep confirms."""

import pytest

from app.channels import outbox, states
from app.errors import InvalidInput
from app.models import Conversation, Message
from app.services.messaging import conversations
from tests.factories import T0, make_buyer, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server


@pytest.fixture
def waiting(db):
    shop = make_shop("ae")
    conversation = conversations.start_conversation(shop, make_buyer(shop), "site_message",
                                                    at=T0)
    conversations.add_message(conversation, "in", "Where is my parcel?", T0)
    return conversation


def _replied(conversation) -> bool:
    return Conversation.get_by_id(conversation.id).is_replied


def test_copy_and_open_counts_only_when_the_rep_confirms(waiting):
    item = outbox.queue_reply(waiting.id, "It is in customs.")
    assert item.account is None and item.state == states.QUEUED
    assert not _replied(waiting)
    outbox.copied(item)
    assert outbox.message_states(waiting.id)[item.message_id].state == states.COPIED
    assert outbox.conversation_states([waiting.id]) == {waiting.id: states.COPIED}
    assert not _replied(waiting)                 # copied, not confirmed
    outbox.confirm(item)
    assert _replied(waiting)
    assert outbox.conversation_states([waiting.id]) == {}
    with pytest.raises(InvalidInput, match="confirmed already"):
        outbox.confirm(item)


def test_an_undelivered_follow_up_leaves_a_replied_conversation_replied(waiting):
    first = outbox.queue_reply(waiting.id, "It is in customs.")
    outbox.confirm(first)
    outbox.queue_reply(waiting.id, "Any news on your side?")
    assert _replied(waiting)


def test_a_failed_answer_can_be_edited_and_retried(waiting):
    item = outbox.queue_reply(waiting.id, "Refund tomorow")
    outbox.mark_failed(item, "The mail server refused the buyer's address")
    assert outbox.conversation_states([waiting.id]) == {waiting.id: states.FAILED}
    outbox.edit(item, "Refund tomorrow")
    assert Message.get_by_id(item.message_id).body == "Refund tomorrow"
    from app.services.messaging.search import search_messages
    assert [h.message_id for h in search_messages("tomorrow")] == [item.message_id]
    assert outbox.get_item(item.id).state == states.QUEUED
    outbox.mark_failed(item, "again")
    outbox.retry(item)
    assert outbox.get_item(item.id).state == states.QUEUED
    outbox.mark_sending(item, "<x@shop.test>")
    with pytest.raises(InvalidInput, match="cannot be changed"):
        outbox.edit(item, "too late")
    with pytest.raises(InvalidInput, match="only a failed answer"):
        outbox.retry(item)


def test_an_answer_with_a_placeholder_left_is_refused_and_nothing_is_queued(waiting):
    with pytest.raises(InvalidInput):
        outbox.queue_reply(waiting.id, "Dear {buyer_name}, sorry")
    from app.models.channels import OutboxItem
    assert OutboxItem.select().count() == 0
    assert Message.select().count() == 1


def test_the_list_shows_each_conversations_delivery_and_filters_the_failed(waiting):
    from app.services.messaging import inbox
    shop = make_shop("tb")
    other = conversations.start_conversation(shop, make_buyer(shop, "other"), "site_message",
                                             at=T0)
    conversations.add_message(other, "in", "Hello?", T0)
    quiet = conversations.start_conversation(shop, make_buyer(shop, "quiet"), "site_message",
                                             at=T0)
    conversations.add_message(quiet, "in", "Thanks", T0)
    failed = outbox.queue_reply(waiting.id, "Refund tomorrow")
    outbox.queue_reply(waiting.id, "And a coupon")            # queued: failed still shows
    outbox.mark_failed(failed, "The mail server refused the buyer's address")
    outbox.copied(outbox.queue_reply(other.id, "Sent in the chat"))
    ids = [waiting.id, other.id, quiet.id]
    rows = inbox.conversation_rows(ids)
    assert {i: rows[i].delivery for i in ids} == {
        waiting.id: states.FAILED, other.id: states.COPIED, quiet.id: ""}
    assert outbox.conversation_states(ids) == {i: rows[i].delivery for i in ids
                                               if rows[i].delivery}
    assert inbox.UNDELIVERED == outbox._NOT_DONE_ORDER
    assert inbox.conversation_ids({"delivery_failed": True}) == [waiting.id]
    assert inbox.conversation_ids(sort=("delivery", False))[:2] == [waiting.id, other.id]
    assert inbox.conversation_ids(sort=("delivery", True))[:2] == [other.id, waiting.id]
    outbox.retry(failed)
    assert inbox.conversation_ids({"delivery_failed": True}) == []
    # queued again, on a channel AfterDesk cannot send through: it waits for copy & open
    assert inbox.conversation_rows([waiting.id])[waiting.id].delivery == outbox.TO_COPY
