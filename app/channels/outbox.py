"""The outbox: every answer that must reach the buyer, with its delivery state.

An item is written in the same transaction as its message (the blue bubble), before
anything is sent: queued → sending → sent (the channel's message id and time), or failed
(the reason; Retry or Edit). A conversation counts as replied only when its newest answer
is delivered: sent by a channel, or, for a channel AfterDesk cannot send through, confirmed
by the rep after copy & open (copied → confirmed). Automatic replies (AE-12) go through the
outbox too but, as before, leave the conversation waiting for a person.

`queue_reply` is the one way in for the composer and `afterdesk reply`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.channels import states
from app.clock import utcnow
from app.db import database
from app.errors import InvalidInput, NotFound
from app.models import Conversation, Message
from app.models.channels import ChannelAccount, ChannelMessage, OutboxItem
from app.services.common import audit
# The queueing itself is the services' (a follow-up queues its message in its own
# transaction); the names stay reachable here.
from app.services.messaging.outbox_queue import (ENTITY, account_for, create_item,  # noqa: F401
                                                 notify, queue_message, when_queued)


@dataclass(frozen=True)
class ItemRow:
    """One item as `afterdesk outbox` and the window show it."""
    id: int
    conversation: int
    message: int
    channel: str
    account: str                # '' for copy & open
    state: str
    error: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None
    channel_message_id: str


# Account kinds whose channel carries files with the answer (mail: MIME parts).
KINDS_CARRYING_FILES = ("mail",)


def carries_files(conversation_id: int, channel: str | None = None) -> bool:
    """Whether an answer through `channel` takes its files along (else the rep adds them
    on the platform's page: copy & open carries text only)."""
    account = account_for(Conversation.get_by_id(conversation_id), channel)
    return account is not None and account.kind in KINDS_CARRYING_FILES


def queue_reply(conversation_id: int, body: str, *, channel: str | None = None,
                language: str = "", at: datetime | None = None, author: str = "rep",
                actor: str = "rep", original: str = "", original_lang: str = "",
                files=(), action: dict | None = None,
                account: ChannelAccount | None = None) -> OutboxItem:
    """The rep's answer as a message of the thread and an outbox item, in one transaction.
    The conversation keeps its replied state until the answer is delivered.

    `body` is what the buyer receives. `original`, when the rep wrote in another language
    (`original_lang`) and sends a translation, is kept beside it as the message's
    translation and remembered by the phrase memory. `files`: (name, bytes) pairs of
    pictures and PDFs, checked before anything is written. With `action`, the item carries
    a decision for the platform (a refund refused…) whose words, the body, the buyer sees;
    `account` the platform account that makes it."""
    from app.services.messaging import reply_files, thread, translation
    checked = reply_files.check_all(files)
    original = (original or "").strip()
    with database.atomic():
        conversation = thread.get_conversation(conversation_id)
        was_replied = conversation.is_replied
        message = thread.send_reply(conversation_id, body, channel=channel,
                                    language=language, at=at, author=author, actor=actor)
        if original and original_lang and original_lang != language:
            message.translation, message.translation_lang = original, original_lang
            message.save(only=[Message.translation, Message.translation_lang])
            from app.services.messaging import search
            search.index_message(message)          # found by the rep's own words too
            translation.remember(original, original_lang, message.body, language,
                                 actor=actor)
        reply_files.attach(message, checked)
        conversation = Conversation.get_by_id(conversation.id)
        if conversation.is_replied != was_replied:
            conversation.is_replied = was_replied
            conversation.save(only=[Conversation.is_replied])
        item = create_item(conversation, message, actor, action, account)
    notify()
    return item


def get_item(item) -> OutboxItem:
    if isinstance(item, OutboxItem):
        return item
    found = OutboxItem.get_or_none(OutboxItem.id == item)
    if found is None:
        raise NotFound("outbox item {item} does not exist", item=item)
    return found


def answer_text(item) -> str:
    """The text of the item's answer (what copy & open puts on the clipboard)."""
    return Message.get_by_id(get_item(item).message_id).body


# --- what the sync runner does -----------------------------------------------------------
def pending(account: ChannelAccount, state: str = states.QUEUED) -> list[OutboxItem]:
    return list(OutboxItem.select()
                .where((OutboxItem.account == account) & (OutboxItem.state == state))
                .order_by(OutboxItem.id))


def mark_sending(item: OutboxItem, channel_message_id: str) -> None:
    """Written (and committed) before the channel is asked to send."""
    with database.atomic():
        _move(item, states.SENDING, channel_message_id=channel_message_id,
              attempts=item.attempts + 1, error="")


def mark_sent(item: OutboxItem, at: datetime | None = None) -> None:
    """The channel took it: the conversation counts as replied if this is its newest
    answer; the channel id is kept so the buyer's answer joins the thread."""
    at = at or utcnow()
    with database.atomic():
        _move(item, states.SENT, sent_at=at, error="")
        if item.account_id is not None and item.channel_message_id:
            (ChannelMessage.insert(account=item.account_id,
                                   channel_id=item.channel_message_id,
                                   conversation=item.conversation_id, message=item.message_id)
             .on_conflict_ignore().execute())
        _delivered(item)
        audit.record("system", ENTITY, str(item.id), "sent",
                     {"channel_message_id": item.channel_message_id})


def mark_failed(item: OutboxItem, reason: str) -> None:
    with database.atomic():
        _move(item, states.FAILED, error=reason)
        audit.record("system", ENTITY, str(item.id), "failed", {"reason": reason})


def requeue(item: OutboxItem, reason: str = "") -> None:
    """Back in the queue: it did not go (the server was away); tried again later."""
    with database.atomic():
        _move(item, states.QUEUED, error=reason)


# --- what the rep does --------------------------------------------------------------------
def retry(item, *, actor: str = "rep") -> OutboxItem:
    item = get_item(item)
    if item.state != states.FAILED:
        raise InvalidInput("only a failed answer can be sent again", field="state")
    with database.atomic():
        _move(item, states.QUEUED, error="")
        audit.record(actor, ENTITY, str(item.id), "retry", {})
    notify()
    return item


def edit(item, body: str, *, actor: str = "rep") -> OutboxItem:
    """Change the text of an answer that has not gone (failed, or still queued)."""
    from app.services.common.input_checks import text
    from app.services.messaging import search
    item = get_item(item)
    if item.state not in (states.FAILED, states.QUEUED):
        raise InvalidInput("this answer has gone (or is going) to the buyer: it cannot "
                           "be changed any more", field="state")
    body = text(body, "body", f"outbox item {item.id}")
    with database.atomic():
        message = Message.get_by_id(item.message_id)
        before = message.body
        message.body = body
        message.save(only=[Message.body])
        search.index_message(message)
        _move(item, states.QUEUED, error="")
        audit.record(actor, ENTITY, str(item.id), "edit", {"from": before, "to": body})
    notify()
    return item


def copied(item, *, actor: str = "rep") -> OutboxItem:
    """Copy & open: the text is on the clipboard and the platform's page was opened."""
    item = _copy_open_item(item)
    with database.atomic():
        _move(item, states.COPIED)
        audit.record(actor, ENTITY, str(item.id), "copied", {})
    return item


def confirm(item, *, actor: str = "rep") -> OutboxItem:
    """Copy & open: the rep says "I sent it in the platform"."""
    item = _copy_open_item(item)
    with database.atomic():
        _move(item, states.CONFIRMED, sent_at=utcnow())
        _delivered(item)
        audit.record(actor, ENTITY, str(item.id), "confirm", {})
    return item


def _copy_open_item(item) -> OutboxItem:
    item = get_item(item)
    if item.account_id is not None:
        raise InvalidInput("AfterDesk sends this answer itself", field="state")
    if item.state not in (states.QUEUED, states.COPIED):
        raise InvalidInput("this answer was confirmed already", field="state")
    return item


def _move(item: OutboxItem, state: str, **values) -> None:
    values.update(state=state, updated_at=utcnow())
    for key, value in values.items():
        setattr(item, key, value)
    item.save(only=[getattr(OutboxItem, k) for k in values])


def _delivered(item: OutboxItem) -> None:
    """The conversation counts as replied when this answer is its newest (AE-12 automatic
    replies leave it waiting for a person, as in app.services.messaging.conversations)."""
    message = Message.get_by_id(item.message_id)
    if message.is_auto or message.is_internal:
        return
    newest = (Message.select(Message.id)
              .where((Message.conversation == item.conversation_id)
                     & (Message.is_internal == False)  # noqa: E712
                     & (Message.is_auto == False))  # noqa: E712
              .order_by(Message.sent_at.desc(), Message.id.desc()).first())
    if newest is not None and newest.id == message.id:
        # Counted as a change of the conversation (app.models.versioned): a copy read
        # before it cannot be saved over it.
        (Conversation.update(is_replied=True, version=Conversation.version + 1)
         .where(Conversation.id == item.conversation_id).execute())


# --- reading -------------------------------------------------------------------------------
def _row(item: OutboxItem, account_keys: dict) -> ItemRow:
    return ItemRow(item.id, item.conversation_id, item.message_id, item.channel,
                   account_keys.get(item.account_id, ""), item.state, item.error,
                   item.attempts, item.created_at, item.sent_at, item.channel_message_id)


def rows(*, states_wanted=None, limit: int | None = 500) -> list[ItemRow]:
    query = OutboxItem.select().order_by(OutboxItem.id.desc())
    if states_wanted:
        query = query.where(OutboxItem.state.in_(list(states_wanted)))
    if limit:
        query = query.limit(limit)
    keys = {a.id: a.key for a in ChannelAccount.select(ChannelAccount.id, ChannelAccount.key)}
    return [_row(item, keys) for item in query]


def message_states(conversation_id: int) -> dict[int, ItemRow]:
    """The outbox state of each message of a thread that has one (for its bubbles)."""
    keys = {a.id: a.key for a in ChannelAccount.select(ChannelAccount.id, ChannelAccount.key)}
    return {item.message_id: _row(item, keys) for item in
            OutboxItem.select().where(OutboxItem.conversation == conversation_id)}


TO_COPY = "to_copy"     # the list's word for an answer queued without an account: copy & open
_NOT_DONE_ORDER = (states.FAILED, states.SENDING, states.QUEUED, TO_COPY, states.COPIED)


def conversation_states(conversation_ids) -> dict[int, str]:
    """For the conversation list: the state of each conversation's undelivered answers
    that most needs the rep (failed first), for those that have any; an answer queued on a
    channel AfterDesk cannot send through is TO_COPY (it waits for the rep's copy & open)."""
    out: dict[int, str] = {}
    query = (OutboxItem.select(OutboxItem.conversation, OutboxItem.state, OutboxItem.account)
             .where(OutboxItem.conversation.in_(list(conversation_ids))
                    & OutboxItem.state.in_(list(_NOT_DONE_ORDER))))
    for item in query:
        state = TO_COPY if item.state == states.QUEUED and item.account_id is None \
            else item.state
        current = out.get(item.conversation_id)
        if current is None or _NOT_DONE_ORDER.index(state) < _NOT_DONE_ORDER.index(current):
            out[item.conversation_id] = state
    return out


def _wake_runners() -> None:
    """Wake every running sync runner: something waits to be sent."""
    from app.channels import runner
    runner.notify_outbox()


when_queued(_wake_runners)
