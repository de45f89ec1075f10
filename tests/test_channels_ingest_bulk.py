"""A sync writes a batch of mails in bulk (app.services.messaging.inbound_bulk, through
app.channels.ingest.store_batch) and a rep sees exactly
what storing them one by one through the messaging service gives: the same conversations
(threaded by the ids they answer, then by buyer and order), the same messages and files,
unread and unreplied the same, the same automatic replies queued (AE-12: once per buyer in
the window, never to a machine's mail or the shop's own), and search finds them."""

from datetime import timedelta

import pytest

from app.channels import cursor, ingest, states
from app.channels.account import add_account, get_account
from app.channels.incoming import Incoming, IncomingFile
from app.clock import utcnow
from app.db import database
from app.models import Buyer, Conversation, Message
from app.models.channels import ChannelMessage, OutboxItem
from app.services.messaging import auto_reply, inbound_bulk
from app.services.messaging.search import search_messages
from tests.factories import make_buyer, make_order, make_shop

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def mail(channel_id, at, sender, body, *, references=(), subject="Parcel", **extra):
    return Incoming(channel_id=channel_id, sender=sender, sender_name=sender.split("@")[0].title(),
                    subject=subject, body=body, at=at, references=tuple(references), **extra)


def _plan(account, batch):
    """What the bulk path plans for `batch` (raises NotBulk when it leaves it to one by one)."""
    return inbound_bulk.plan(batch, ingest.Lookups(account, batch), shop_id=account.shop_id,
                             channel=states.CHANNEL_OF_KIND[account.kind],
                             own_address=account.settings["address"],
                             order_numbers=ingest.order_numbers)


def _shop_with_history(key: str, now):
    """A shop with an automatic reply, an order of no buyer, and Carla's conversation about
    her order from an earlier sync (two days ago)."""
    shop = make_shop(key)
    add_account(f"{key}-mail", key, imap="127.0.0.1:1", smtp="127.0.0.1:2",
                user=f"rep@{key}.test", address=f"rep@{key}.test", password="x",
                security="none")
    account = get_account(f"{key}-mail")
    auto_reply.add_rule(shop, "Thanks", "Hello {buyer_name}, we answer within a day.")
    make_order(shop, "8000000000000042")
    carla = make_buyer(shop, "carla@buyer.test")
    make_order(shop, "8000000000000077", buyer=carla)
    with database.atomic():
        ingest.store_incoming(account, mail("<old@c>", now - timedelta(days=2),
                                            "carla@buyer.test", "Order 8000000000000077 late"))
    return shop, account


def _batch(key: str, now) -> list:
    hour = timedelta(hours=1)
    return [
        mail("<a1@b>", now - 9 * hour, "ana@buyer.test", "Where is order 8000000000000042?"),
        mail("<a2@b>", now - 8 * hour, "ana@buyer.test", "Any news on my parcel?",
             references=["<a1@b>"]),
        mail("<b1@b>", now - 7 * hour, "bo@buyer.test", "Your parcel: out of office",
             automatic=True),
        mail("<c1@b>", now - 6 * hour, "carla@buyer.test", "Still no parcel",
             references=["<old@c>"]),
        mail("<c2@b>", now - 30 * hour, "carla@buyer.test", "Order 8000000000000077: parcel?"),
        mail("<a1@b>", now - 9 * hour, "ana@buyer.test", "Where is order 8000000000000042?"),
        mail("<own@s>", now - 5 * hour, f"rep@{key}.test", "A copy of our own answer"),
        mail("<d1@b>", now - 4 * hour, "dora@buyer.test", "Photo of the broken parcel",
             files=[IncomingFile("broken.png", "image/png", PNG)], problems=["a part lost"]),
        mail("<e1@b>", now - 3 * hour, "ana@buyer.test", "Is 8000000000000077 my parcel?",
             subject="Another parcel"),
    ]


def _what_a_rep_sees(shop) -> dict:
    conversations = []
    for c in Conversation.select().where(Conversation.shop == shop):
        messages = sorted((m.direction, m.body, m.sent_at, m.author, m.is_auto,
                           tuple(a.caption for a in m.attachments)) for m in c.messages)
        conversations.append((c.buyer.login, c.order.order_no if c.order else None, c.subject,
                              c.channel, c.created_at, c.last_message_at, c.last_inbound_at,
                              c.is_read, c.is_replied, c.version, messages))
    ids = [(link.channel_id, link.conversation.subject, link.message.body)
           for link in ChannelMessage.select().join(Conversation)
           .where(Conversation.shop == shop)]
    queued = [(item.message.body, item.state, item.conversation.buyer.login)
              for item in OutboxItem.select().join(Conversation).where(Conversation.shop == shop)]
    found = [hit.conversation_id for hit in search_messages("parcel", limit=None)]
    return {"conversations": sorted(conversations, key=repr), "ids": sorted(ids),
            "queued": sorted(queued),
            "buyers": sorted((b.login, b.name, b.email)
                             for b in Buyer.select().where(Buyer.shop == shop)),
            "found": sum(1 for c in found if Conversation.get_by_id(c).shop_id == shop.id)}


def test_a_batch_in_bulk_gives_what_one_by_one_gives(db):
    now = utcnow().replace(microsecond=0)
    bulk_shop, bulk_account = _shop_with_history("ae", now)
    one_shop, one_account = _shop_with_history("ae2", now)
    batch = _batch("ae", now)
    advances = [cursor.Advance(bulk_account, "imap:INBOX", {"uidvalidity": 1, "last_uid": n})
                for n in range(1, len(batch) + 1)]
    assert len(_plan(bulk_account, batch).messages) == 7     # the bulk path takes this batch
    assert ingest.store_batch(bulk_account, list(zip(batch, advances))) == 7
    with database.atomic():
        lookups = ingest.Lookups(one_account, _batch("ae2", now))
        for incoming in _batch("ae2", now):
            ingest.store_incoming(one_account, incoming, lookups)

    bulk, one = _what_a_rep_sees(bulk_shop), _what_a_rep_sees(one_shop)
    assert bulk == one
    # and what that is, as a rep reads it
    threads = {(c[0], c[1]): c for c in bulk["conversations"]}
    ana = threads[("ana@buyer.test", "8000000000000042")]
    assert [m[1] for m in ana[-1] if m[0] == "in"] == ["Any news on my parcel?",
                                                        "Where is order 8000000000000042?"]
    assert (ana[7], ana[8]) == (False, False)                 # unread, unreplied
    carla = threads[("carla@buyer.test", "8000000000000077")]
    assert len([m for m in carla[-1] if m[0] == "in"]) == 3   # the old mail, c1 and c2
    assert ("ana@buyer.test", None) in threads                # another buyer's order: no key
    assert ("rep@ae.test", None) not in threads               # the shop's own mail
    # Carla's earlier mail (two days ago) had its own; Bo's was a machine's: none
    assert [q[2] for q in bulk["queued"]] == ["ana@buyer.test", "carla@buyer.test",
                                              "carla@buyer.test", "dora@buyer.test"]
    assert bulk["found"] == 6
    assert cursor.load(bulk_account, "imap:INBOX") == {"uidvalidity": 1,
                                                       "last_uid": len(batch)}
    # fetched again: nothing stored twice
    assert ingest.store_batch(bulk_account, list(zip(batch, advances))) == 0
    assert Message.select().join(Conversation).where(
        Conversation.shop == bulk_shop).count() == sum(len(c[-1]) for c in bulk["conversations"])


def test_a_batch_with_a_refused_mail_goes_one_by_one(db):
    now = utcnow().replace(microsecond=0)
    shop, account = _shop_with_history("ae", now)
    batch = [mail("<late@b>", now + timedelta(days=3), "ana@buyer.test", "From the future"),
             mail("<ok@b>", now - timedelta(hours=1), "ana@buyer.test", "My parcel")]
    with pytest.raises(inbound_bulk.NotBulk):
        _plan(account, batch)
    advances = [cursor.Advance(account, "imap:INBOX", {"uidvalidity": 1, "last_uid": n})
                for n in (1, 2)]
    assert ingest.store_batch(account, list(zip(batch, advances))) == 1
    assert [m.body for m in Message.select().where(Message.direction == "in")
            .order_by(Message.id)] == ["Order 8000000000000077 late", "My parcel"]
