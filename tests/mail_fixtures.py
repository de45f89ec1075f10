"""Fixtures of the channel tests (a pytest plugin: `pytest_plugins = ("tests.mail_fixtures",)`):
a real Dovecot for the test session, a fresh mailbox per test, a real SMTP server per test,
a file keyring in the test's folder, and a shop with a mail account on them."""

from __future__ import annotations

import itertools

import pytest

from tests.mail_servers import PASSWORD, Dovecot, SmtpSink

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def dovecot():
    # Every mailbox of the session from the start: Dovecot may not see a password file
    # changed within the same second.
    server = Dovecot.in_temporary_folder([f"rep{n}@shop.test" for n in range(1, 400)]).start()
    yield server
    server.stop()
    server.remove()


@pytest.fixture
def mailbox(dovecot):
    """The user name of a new, empty mailbox on the session's Dovecot."""
    return dovecot.users[next(_numbers)]


@pytest.fixture
def smtp_server():
    server = SmtpSink().start()
    yield server
    server.stop()


@pytest.fixture
def ring(file_keyring):
    """The file of the test's keyring (tests/conftest.py gives every test one)."""
    return file_keyring.path


@pytest.fixture
def account(db, dovecot, mailbox, smtp_server, ring):
    from app.channels.account import add_account
    from tests.factories import make_shop
    make_shop("ae")
    return add_account("ae-mail", "ae", imap=f"127.0.0.1:{dovecot.port}",
                       smtp=f"127.0.0.1:{smtp_server.port}", user=mailbox,
                       password=PASSWORD, security="none", poll_seconds=3600)
