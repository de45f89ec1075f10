"""The mail connector: what a sync pass asks of a mail account (app.channels.sync)."""

from __future__ import annotations

import logging
from typing import Callable, Iterator

from app.channels import cursor
from app import secrets
from app.channels.account import SECRET_SERVICE, password_of
from app.channels.errors import ChannelProblem, refused
from app.channels.incoming import Incoming
from app.channels.mail import compose, imap, smtp
from app.channels.mail.parse import parse
from app.channels.states import DID_NOT_GO, UNSURE, WENT
from app.models.channels import ChannelAccount, OutboxItem

log = logging.getLogger("afterdesk.channels")


class MailConnector:
    def __init__(self, account: ChannelAccount):
        self.account = account
        self.settings = dict(account.settings)
        self.password = password_of(account)
        self.box: imap.Mailbox | None = None

    @staticmethod
    def forget_secrets(account_key: str) -> None:
        secrets.delete_secret(SECRET_SERVICE, account_key)

    def open(self) -> None:
        self.box = imap.Mailbox(self.settings, self.password)

    def close(self) -> None:
        if self.box is not None:
            self.box.close()
            self.box = None

    def test(self) -> None:
        """Log in to both servers (Settings › Accounts › Test, `account test`)."""
        self.open()
        try:
            self.box.sent_folder()
        finally:
            self.close()
        smtp.check(self.settings, self.password)

    def watcher(self, push: Callable[[], None]):
        """IDLE watchers of every chosen folder when the server offers IDLE, else None (the
        runner polls)."""
        if self.box is None or not self.box.can_idle():
            return None
        return imap.FolderWatchers(self.settings, self.password, push,
                                   list(self.settings.get("folders") or ["INBOX"]))

    # --- inbound --------------------------------------------------------------------------
    def incoming(self) -> Iterator[tuple[Incoming, cursor.Advance]]:
        """Each new mail with the step that moves the folder's cursor past it (to take in
        the transaction that stores it)."""
        for folder in self.settings.get("folders") or ["INBOX"]:
            scope = f"imap:{folder}"
            start = cursor.load(self.account, scope)
            for validity, uid, raw, arrival in self.box.new_mail(folder, start):
                fallback = f"<imap-{validity}-{uid}@{folder}>"
                mail = parse(raw, fallback_id=fallback, received_at=arrival)
                yield mail, cursor.Advance(self.account, scope,
                                           {"uidvalidity": validity, "last_uid": uid})

    # --- outbound -------------------------------------------------------------------------
    def new_id(self) -> str:
        return compose.new_message_id(self.settings["address"])

    def check_sending(self, item: OutboxItem) -> str:
        """Whether an answer left in `sending` by a stopped AfterDesk went. Its Sent copy is
        written before the SMTP server is asked: no copy → it did not go; a copy still
        marked pending → the stop came while the server was taking it (unsure)."""
        found = self.box.find_sent(item.channel_message_id)
        if found is None:
            return DID_NOT_GO
        return UNSURE if found[1] else WENT

    def send(self, item: OutboxItem) -> None:
        """Sent copy (pending) → SMTP → Sent copy settled. Raises Refused (the item
        fails), smtp.Unsure, or a problem of the account (the item waits)."""
        if not compose.recipient(item):
            raise refused("no_address")
        mail = compose.build(item, self.settings, self.account.shop.name)
        if item.attempts > 1:
            self.box.drop_sent(item.channel_message_id)   # a copy of an earlier attempt
        self.box.append_sent(bytes(mail), pending=True)
        try:
            smtp.submit(self.settings, self.password, mail)
        except smtp.Unsure:
            raise
        except ChannelProblem:
            self.box.drop_sent(item.channel_message_id)     # it did not go
            raise
        try:
            self.box.settle_sent(item.channel_message_id)
        except ChannelProblem as exc:       # it went: only the copy keeps its mark
            log.warning("the Sent copy of %s stays marked pending: %s",
                        item.channel_message_id, exc.detail or exc)
