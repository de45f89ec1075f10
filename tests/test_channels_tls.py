"""TLS, as a mail provider offers it: implicit TLS on both servers (IMAP 993-style, SMTP
465-style) with a certificate the computer trusts, and the clear account state when it
does not trust it."""

from __future__ import annotations

import pytest

from app.channels import outbox, states
from app.channels.account import add_account, get_account
from app.channels.errors import ChannelProblem
from app.channels.sync import run_pass
from app.models import Conversation
from tests.factories import make_shop
from tests.mail_servers import PASSWORD, Dovecot, SmtpSink, buyer_mail

pytest_plugins = ("tests.mail_fixtures",)   # ring

USER = "rep@shop.test"


@pytest.fixture
def tls_servers():
    imap = Dovecot.in_temporary_folder([USER], tls=True).start()
    smtp = SmtpSink(username=USER, certificate=(imap.certificate,
                                                imap.certificate.with_name("server.key")))
    smtp.start()
    yield imap, smtp
    smtp.stop()
    imap.stop()
    imap.remove()


def _account(imap, smtp):
    make_shop("ae")
    return add_account("ae-mail", "ae", imap=f"127.0.0.1:{imap.port}",
                       smtp=f"127.0.0.1:{smtp.port}", user=USER, password=PASSWORD,
                       security="tls", poll_seconds=3600)


def test_an_untrusted_certificate_is_a_certificate_problem(db, ring, tls_servers):
    imap, smtp = tls_servers
    account = _account(imap, smtp)
    with pytest.raises(ChannelProblem) as problem:
        run_pass(account)
    assert problem.value.state == states.CERTIFICATE
    assert get_account("ae-mail").state == states.CERTIFICATE
    assert "certificate is not trusted" in get_account("ae-mail").last_error


def test_mail_over_tls_with_a_trusted_certificate(db, ring, tls_servers, monkeypatch):
    imap, smtp = tls_servers
    monkeypatch.setenv("SSL_CERT_FILE", str(imap.certificate))   # as if the computer trusted it
    account = _account(imap, smtp)
    raw, buyer_id = buyer_mail(subject="Over TLS")
    _append_tls(imap, raw)
    assert run_pass(account).fetched == 1
    outbox.queue_reply(Conversation.get().id, "Received, thank you.")
    assert run_pass(account).sent == 1
    assert smtp.logins == [(USER, True)]           # logged in, inside TLS
    [(_, _, mail)] = smtp.received
    assert mail["In-Reply-To"] == buyer_id


def _append_tls(imap: Dovecot, raw: bytes) -> None:
    import imaplib
    import ssl
    client = imaplib.IMAP4_SSL("127.0.0.1", imap.port,
                               ssl_context=ssl.create_default_context(
                                   cafile=str(imap.certificate)))
    try:
        client.login(USER, PASSWORD)
        client.append("INBOX", None, None, raw)
    finally:
        client.logout()
