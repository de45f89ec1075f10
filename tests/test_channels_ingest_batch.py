"""A sync stores its mails a batch at a time (app.channels.ingest.store_batch): what one
mail of a batch stored is seen by the next ones, and a mail the service refuses leaves the
rest of its batch stored and the cursor past it."""

from datetime import timedelta

from app.channels import cursor, ingest
from app.channels.account import add_account
from app.channels.incoming import Incoming
from app.clock import utcnow
from app.models import Buyer, Conversation, Message
from tests.factories import make_order, make_shop


def mail(channel_id, at, *, sender="ana@buyer.test", subject="Parcel", body="Where is it?",
         references=()):
    return Incoming(channel_id=channel_id, sender=sender, sender_name="Ana", subject=subject,
                    body=body, at=at, references=tuple(references))


def test_a_batch_threads_onto_itself_and_passes_a_refused_mail(db, file_keyring):
    shop = make_shop("ae")
    add_account("ae-mail", "ae", imap="127.0.0.1:1", smtp="127.0.0.1:2", user="rep@shop.test",
                password="x", security="none")
    from app.channels.account import get_account
    account = get_account("ae-mail")
    order = make_order(shop, "8000000000000042")
    now = utcnow().replace(microsecond=0)
    batch = [mail("<future@b>", now + timedelta(days=3)),          # refused: in the future
             mail("<first@b>", now - timedelta(hours=2), body="Order 8000000000000042?"),
             mail("<second@b>", now - timedelta(hours=1), references=["<first@b>"]),
             mail("<first@b>", now - timedelta(hours=2)),           # the same mail again
             mail("<other@b>", now, sender="bo@buyer.test")]
    advances = [cursor.Advance(account, "imap:INBOX", {"uidvalidity": 1, "last_uid": n})
                for n in range(1, len(batch) + 1)]
    assert ingest.store_batch(account, list(zip(batch, advances))) == 3
    assert sorted(b.login for b in Buyer.select()) == ["ana@buyer.test", "bo@buyer.test"]
    ana = Conversation.get(Conversation.buyer == Buyer.get(Buyer.login == "ana@buyer.test"))
    assert ana.order_id == order.id
    assert [m.body for m in Message.select().where(Message.conversation == ana)
            .order_by(Message.sent_at)] == ["Order 8000000000000042?", "Where is it?"]
    assert Conversation.select().count() == 2
    assert cursor.load(account, "imap:INBOX") == {"uidvalidity": 1, "last_uid": 5}
    assert ingest.store_batch(account, list(zip(batch[1:], advances[1:]))) == 0
